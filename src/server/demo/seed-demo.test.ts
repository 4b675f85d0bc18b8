// SPDX-License-Identifier: EUPL-1.2
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, engineName, signIn, type TestContext } from '../testing/harness.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { demoDataFolder, demoFile } from './data-files.js';
import { areaMembers, areas } from '../areas/schema.js';
import { municipalities } from '../municipalities/schema.js';
import { contrastWithWhite } from '../municipalities/settings.js';
import { auditEvents } from '../audit/schema.js';
import { verifyAuditChain } from '../audit/audit.js';

describe(`seed-demo: Venlo from real CBS data (${engineName})`, () => {
  let t: TestContext;
  let result: { municipalityId: string; signIns: string[] };
  const byCode = new Map<string, typeof areas.$inferSelect>();

  beforeAll(async () => {
    t = await createTestApp();
    result = await seedDemo(t.db);
    for (const a of await t.db.select().from(areas).where(eq(areas.municipalityId, result.municipalityId))) byCode.set(a.code, a);
  });
  afterAll(() => t.close());

  it('lists the nine sign-ins with the shared demo password, and each one works', async () => {
    expect(result.signIns).toHaveLength(9);
    expect(result.signIns[0]).toBe('beheerder@venlo.demo / wijkwijs-demo (beheerder)');
    expect(result.signIns).toContain('regisseur@venlo.demo / wijkwijs-demo (wijkregisseur, Stadsdeel Blerick)');
    for (const who of ['beheerder', 'wethouder', 'regisseur', 'wijkwerker', 'accounthouder', 'partner', 'onderzoeker', 'controller', 'raadslid']) {
      expect(result.signIns.some((s) => s.startsWith(`${who}@venlo.demo / ${DEMO_PASSWORD} (`))).toBe(true);
    }
    for (const line of result.signIns) {
      const email = line.split(' / ')[0]!;
      const s = await signIn(t.app, 'GM0983', email, DEMO_PASSWORD);
      expect(s.csrfToken.length).toBeGreaterThan(20);
    }
  });

  it('holds the roles where the brief puts them', async () => {
    const roles = async (email: string) => {
      const s = await signIn(t.app, 'GM0983', email, DEMO_PASSWORD);
      return (await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).json().actor.roles as { role: string; areaName: string }[];
    };
    expect(await roles('beheerder@venlo.demo')).toEqual([expect.objectContaining({ role: 'beheerder', areaName: 'Venlo' })]);
    expect(await roles('wethouder@venlo.demo')).toEqual([expect.objectContaining({ role: 'wijkwethouder', areaName: 'Stadsdeel Blerick' })]);
    expect(await roles('wijkwerker@venlo.demo')).toEqual([expect.objectContaining({ role: 'wijkwerker', areaName: 'Wijk 25 Klingerberg' })]);
    expect(await roles('partner@venlo.demo')).toEqual([expect.objectContaining({ role: 'partner', areaName: 'Stadsdeel Blerick' })]);
    // The regisseur of Blerick sees the team of a Blerick wijk, with the partner of Woonwenz in it.
    const s = await signIn(t.app, 'GM0983', 'regisseur@venlo.demo', DEMO_PASSWORD);
    const wijk = await t.app.inject({ url: `/api/municipalities/GM0983/areas/${byCode.get('WK098324')!.id}`, headers: { cookie: s.cookie } });
    expect(wijk.json().team.map((m: { organisation: string | null }) => m.organisation)).toContain('Woonwenz');
  });

  it('has the CBS areas of Venlo: 21 wijken, 114 buurten, the boundary, and five districts', () => {
    const count = (level: string) => [...byCode.values()].filter((a) => a.level === level).length;
    expect(count('municipality')).toBe(1);
    expect(count('wijk')).toBe(21);
    expect(count('buurt')).toBe(114);
    expect(count('district')).toBe(5);
    const root = byCode.get('GM0983')!;
    expect(root.geometry?.type).toBe('Polygon');
    expect(root.minLon).toBeGreaterThan(6.0);
    expect(root.maxLat).toBeLessThan(51.55);
    for (const b of [...byCode.values()].filter((a) => a.level === 'buurt')) {
      expect(b.parentId).toBe(byCode.get(`WK${b.code.slice(2, 8)}`)!.id);
    }
    expect(byCode.get('BU09832501')?.name).toBe('Klingerberg, buurt 01');
  });

  it('has 2024 populations from CBS 85984NED that add up to the municipal total within CBS rounding', () => {
    const kwb = JSON.parse(readFileSync(demoFile('kerncijfers'), 'utf8')) as Record<string, { AantalInwoners_5: number }>;
    const wijken = [...byCode.values()].filter((a) => a.level === 'wijk');
    for (const w of wijken) expect(w.population, w.code).toBe(kwb[w.code]?.AantalInwoners_5);
    const total = byCode.get('GM0983')!.population!;
    expect(total).toBe(103_789);
    const sum = wijken.reduce((s, w) => s + (w.population ?? 0), 0);
    expect(sum).toBe(103_780);
    // CBS rounds wijk counts to multiples of 5: at most 2 off per wijk.
    expect(Math.abs(total - sum)).toBeLessThanOrEqual(2 * wijken.length);
    const districts = [...byCode.values()].filter((a) => a.level === 'district');
    expect(districts.reduce((s, d) => s + (d.population ?? 0), 0)).toBe(sum);
    expect(districts.every((d) => d.populationYear === 2024)).toBe(true);
  });

  it('groups the wijken into stadsdelen by the first digit of the wijk number', () => {
    const under = (code: string) =>
      [...byCode.values()]
        .filter((a) => a.level === 'wijk' && a.parentId === byCode.get(code)!.id)
        .map((a) => a.code)
        .sort();
    expect(under('SD0983-BLERICK')).toEqual(['WK098321', 'WK098322', 'WK098323', 'WK098324', 'WK098325', 'WK098326', 'WK098327', 'WK098328']);
    expect(under('SD0983-TEGELEN')).toEqual(['WK098331', 'WK098332', 'WK098335']);
    expect(under('SD0983-ARCEN-VELDEN')).toEqual(['WK098341', 'WK098343', 'WK098344']);
    expect(under('SD0983-BELFELD')).toEqual(['WK098351']);
    expect(under('SD0983-VENLO')).toHaveLength(6);
  });

  it('tells the pilot story: Klingerberg in 2016, replaced by Blerick and Steyl in 2017, both kept', async () => {
    const klingerberg = byCode.get('PILOT-KLINGERBERG')!;
    const blerick = byCode.get('PILOT-BLERICK-STEYL')!;
    expect(klingerberg).toMatchObject({ name: 'Pilotgebied Klingerberg', level: 'custom', kind: 'pilot', validFrom: '2016-01-01', validTo: '2017-01-01' });
    expect(blerick).toMatchObject({ name: 'Pilotgebied Blerick en Steyl', kind: 'pilot', validFrom: '2017-01-01', validTo: '2018-01-01' });
    const members = async (id: string) =>
      (await t.db.select({ id: areaMembers.memberId }).from(areaMembers).where(eq(areaMembers.areaId, id))).map((r) => r.id).sort();
    expect(await members(klingerberg.id)).toEqual([byCode.get('WK098325')!.id]);
    expect(await members(blerick.id)).toEqual([byCode.get('SD0983-BLERICK')!.id, byCode.get('WK098335')!.id].sort());
    const [end] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'area.end'), eq(auditEvents.entityId, klingerberg.id)));
    expect(end?.after).toMatchObject({ validTo: '2017-01-01', replacedBy: { code: 'PILOT-BLERICK-STEYL' } });
    // 2017: the pilot is found for a point in Blerick (through the history list, valid on a date).
    const on2017 = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=custom&on=2017-06-01' });
    expect(on2017.json().map((a: { code: string }) => a.code)).toEqual(['PILOT-BLERICK-STEYL']);
  });

  it('configures Venlo: own word for the wijkregisseur, display name, an accessible colour', async () => {
    const [m] = await t.db.select().from(municipalities).where(eq(municipalities.id, result.municipalityId));
    expect(m?.settings.roleLabels.wijkregisseur?.nl).toBe('wijkregisseur');
    expect(m?.settings.theme.displayName).toBe('Gemeente Venlo');
    expect(contrastWithWhite(m!.settings.theme.primaryColor)).toBeGreaterThanOrEqual(4.5);
  });

  it('is audited, with an intact chain, and refuses to run twice', async () => {
    const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.municipalityId, result.municipalityId))).map(
      (e) => e.action,
    );
    expect(actions).toContain('municipality.create');
    expect(actions.filter((a) => a === 'areas.import')).toHaveLength(3);
    expect(actions).toContain('demo.seed');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await expect(seedDemo(t.db)).rejects.toMatchObject({ code: 'municipality_exists', status: 409 });
  });

  it('ships small data files with a README naming the sources and the CBS licence', () => {
    for (const name of readdirSync(demoDataFolder)) expect(statSync(join(demoDataFolder, name)).size, name).toBeLessThan(200_000);
    const readme = readFileSync(join(demoDataFolder, 'README.md'), 'utf8');
    expect(readme).toMatch(/Bron: CBS/);
    expect(readme).toMatch(/CC BY 4\.0/);
    for (const commit of [
      '25103b81c80abe1f18c1097afa83c22dda414edc',
      '3cc8e53dd2f7e56fc11582951b90216918bbf768',
      'e6333c28a97fedd3db3cf68cccbebd1e83dbd8f0',
      '5598198273babd9816e156b4eeb43626f351a17f',
    ]) {
      expect(readme).toContain(commit);
    }
  });
});
