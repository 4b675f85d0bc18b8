// SPDX-License-Identifier: EUPL-1.2
// The area analysis over HTTP on real CBS fixtures: generated from the profile with source and year
// under every figure, staff edits (who may, audit, restore), and the PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, engineName, givenPerson, signIn, type Session, type TestContext, type TestMunicipality } from '../../testing/harness.js';
import { auditEvents } from '../../audit/schema.js';
import { areas } from '../../areas/schema.js';
import { fixture, givenMunicipalitiesWithWijken } from '../testing.js';
import type { AnalysisView } from './routes.js';
import { pdfText } from '../../initiatives/testing.js';

describe(`area analysis API (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let onderzoeker: Session;
  let werker: Session;
  let regisseur: Session;
  let wijk: string;
  const base = '/api/municipalities/GM0983';
  const get = (session: Session | null, url: string) => t.app.inject({ method: 'GET', url: base + url, headers: session ? { cookie: session.cookie } : {} });
  const patch = (session: Session, url: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: base + url, headers: { ...session.headers, 'content-type': 'application/json' }, payload });

  beforeAll(async () => {
    t = await createTestApp();
    const ids = await givenMunicipalitiesWithWijken(t.db, [{ code: 'GM0983', name: 'Venlo' }]);
    const rows = await t.db.select({ id: areas.id, code: areas.code }).from(areas);
    m = {
      id: ids.get('GM0983')!,
      code: 'GM0983',
      rootAreaId: rows.find((r) => r.code === 'GM0983')!.id,
      areas: Object.fromEntries(rows.map((r) => [r.code, r.id])),
    };
    wijk = m.areas.WK098325!;
    await givenPerson(t.db, m, 'Olga Onderzoeker', [['onderzoeker', 'GM0983']]);
    await givenPerson(t.db, m, 'Wim Werker', [['wijkwerker', 'WK098325']]);
    await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'WK098325']]);
    onderzoeker = await signIn(t.app, 'GM0983', 'olga.onderzoeker@gm0983.test');
    werker = await signIn(t.app, 'GM0983', 'wim.werker@gm0983.test');
    regisseur = await signIn(t.app, 'GM0983', 'rita.regisseur@gm0983.test');
    for (const [file, type] of [
      ['wijken-2024-5gm.geojson', 'application/geo+json'],
      ['gemeenten-trend-5gm-2012-2024.csv', 'text/csv'],
    ] as const) {
      const imported = await t.app.inject({
        method: 'POST',
        url: `${base}/imports/cbs?fileName=${file}`,
        headers: { ...onderzoeker.headers, 'content-type': type },
        payload: fixture(file),
      });
      expect(imported.statusCode, imported.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('generates every section from the profile, each figure with source and year; public to anyone', async () => {
    const response = await get(null, `/areas/${wijk}/analysis`);
    expect(response.statusCode, response.body).toBe(200);
    const a = response.json<AnalysisView>();
    expect(a.area.code).toBe('WK098325');
    expect(a.period).toBe('2024');
    expect(a.sections.map((s) => s.key)).toEqual(['population', 'housing', 'income', 'safety', 'judgement', 'trends', 'notable']);
    const population = a.sections[0]!;
    const count = population.facts.find((f) => f.indicator.id === 'population')!;
    expect(count.value).toMatchObject({ source: 'cbs', sourceYear: 2024, period: '2024' });
    expect(population.text.nl).toMatch(/^In .+ wonen [\d.]+ mensen \(CBS, 2024\)\./);
    // CBS figures are never called notable (no statistical test); survey results would be.
    expect(a.notable).toEqual([]);
    expect(a.abilities).toEqual([]);
    expect(a.sections.every((s) => s.editedText === null)).toBe(true);
  });

  it('lets the wijkregisseur of the area edit a section (analysis.edit); elsewhere the area does not exist for them', async () => {
    const saved = await patch(regisseur, `/areas/${wijk}/analysis/sections/safety`, { period: '2024', text: 'Besproken met de wijkagent.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'safety', editedText: 'Besproken met de wijkagent.', editedBy: 'Rita Regisseur' });
    const other = Object.entries(m.areas).find(([code]) => code.startsWith('WK') && code !== 'WK098325')![1];
    const elsewhere = await patch(regisseur, `/areas/${other}/analysis/sections/safety`, { period: '2024', text: 'Niet mijn wijk.' });
    expect(elsewhere.statusCode).toBe(404);
    const restored = await patch(regisseur, `/areas/${wijk}/analysis/sections/safety`, { period: '2024', text: null });
    expect(restored.statusCode).toBe(200);
  });

  it('lets staff with analysis.edit edit a section and restore it, audited; a wijkwerker may not', async () => {
    const own = await get(onderzoeker, `/areas/${wijk}/analysis`);
    expect(own.json<AnalysisView>().abilities).toEqual(['analysis.edit']);

    const refused = await patch(werker, `/areas/${wijk}/analysis/sections/housing`, { period: '2024', text: 'Mijn tekst' });
    expect(refused.statusCode).toBe(403);
    const empty = await patch(onderzoeker, `/areas/${wijk}/analysis/sections/housing`, { period: '2024', text: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json<{ code: string }>().code).toBe('analysis_text_empty');

    const saved = await patch(onderzoeker, `/areas/${wijk}/analysis/sections/housing`, {
      period: '2024',
      text: ' Veel rijtjeshuizen.\n\nDe corporatie bouwt bij. ',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'housing', editedText: 'Veel rijtjeshuizen.\n\nDe corporatie bouwt bij.', editedBy: 'Olga Onderzoeker' });
    const housing = (await get(null, `/areas/${wijk}/analysis`)).json<AnalysisView>().sections.find((s) => s.key === 'housing')!;
    expect(housing.editedText).toBe('Veel rijtjeshuizen.\n\nDe corporatie bouwt bij.');
    expect(housing.text.nl).not.toBe(housing.editedText);

    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, `${wijk}/2024/housing`), eq(auditEvents.action, 'analysis.section_edited')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entityId).toBe(`${wijk}/2024/housing`);

    const restored = await patch(onderzoeker, `/areas/${wijk}/analysis/sections/housing`, { period: '2024', text: null });
    expect(restored.json()).toMatchObject({ editedText: null });
    expect((await get(null, `/areas/${wijk}/analysis`)).json<AnalysisView>().sections.find((s) => s.key === 'housing')!.editedText).toBeNull();
    const restoredAudit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, `${wijk}/2024/housing`), eq(auditEvents.action, 'analysis.section_restored')));
    expect(restoredAudit).toHaveLength(1);
  });

  it('renders the PDF with the edited text', async () => {
    await patch(onderzoeker, `/areas/${wijk}/analysis/sections/income`, { period: '2024', text: 'Eigen tekst over inkomen.' });
    const response = await get(null, `/areas/${wijk}/analysis.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Eigen tekst over inkomen.');
    expect(text).toContain('Tekst aangepast door Olga Onderzoeker.');
    expect(text).toMatch(/Aantal inwoners: [\d.]+ \(CBS, 2024\)/);
  });

  it('404 for an area of no municipality, passed on from the profile', async () => {
    const response = await get(onderzoeker, '/areas/00000000-0000-4000-8000-000000000000/analysis');
    expect(response.statusCode).toBe(404);
  });
});
