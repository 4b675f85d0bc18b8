// SPDX-License-Identifier: EUPL-1.2
// Who applies: a resident signed in by an email link applies for themselves; a wijkwerker applies
// on a residents' group's behalf (the group's contact gets the mail). Money between budgets:
// a transfer with a reason and a correction, both balanced and audited. Lists and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { euros } from '../../core/money.js';
import { auditEvents } from '../audit/schema.js';
import { Client, expectBalanced, expectProblem, mailsTo, realTime, setToday, venloRulesBody, type Json } from './testing.js';

const publicUrl = 'http://wijkwijs.test';

describe(`applicants, transfers and lists (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let regisseur: Client;
  let werker: Client;
  let werkerElders: Client;
  let budgetCentrum: Json;
  let budgetOost: Json;

  beforeAll(async () => {
    setToday('2024-05-06');
    t = await createTestApp({ PUBLIC_URL: publicUrl });
    m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'WK098302', name: 'Venlo-Oost', level: 'wijk' },
    ]);
    await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Wim Werker', [['wijkwerker', 'WK098301']]);
    await givenPerson(t.db, m, 'Els Elders', [['wijkwerker', 'WK098302']]);
    regisseur = new Client(t, 'GM0983', 'rita.regisseur@gm0983.test');
    werker = new Client(t, 'GM0983', 'wim.werker@gm0983.test');
    werkerElders = new Client(t, 'GM0983', 'els.elders@gm0983.test');
    await regisseur.ok('/rules', venloRulesBody());
    const budget = (code: string, amount: number) =>
      regisseur.ok('/budgets', {
        areaId: m.areas[code],
        rulesKey: 'venlo-wijkbudget',
        name: `Wijkbudget ${code}`,
        year: 2024,
        fundingSources: [{ kind: 'municipal_programme', name: 'Leefbaarheid', amount }],
      });
    budgetCentrum = await budget('WK098301', euros(10_000));
    budgetOost = await budget('WK098302', euros(10_000));
  });
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('a resident signed in by an email link applies for themselves', async () => {
    const asked = await t.app.inject({ method: 'POST', url: '/api/auth/email-link', payload: { municipality: 'GM0983', email: 'noor@example.nl' } });
    expect(asked.statusCode).toBe(202);
    const [mail] = await mailsTo(t, 'noor@example.nl');
    const link = /http:\/\/wijkwijs\.test(\/api\/auth\/email-link\/[A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
    // The link opens a confirmation page; its button posts to the same address and signs in.
    const signedIn = await t.app.inject({ method: 'POST', url: link, payload: {} });
    const cookie = `wijkwijs_session=${signedIn.cookies.find((c) => c.name === 'wijkwijs_session')!.value}`;
    const session = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json<{ csrfToken: string }>();
    const noor = new Client(t, 'GM0983', null).useSession(cookie, session.csrfToken);

    let draft = await noor.ok('/initiatives', { areaId: m.areas.WK098302, title: 'Moestuinbakken', applicantType: 'resident' });
    expect(draft).toMatchObject({ status: 'draft', contactEmail: 'noor@example.nl', applicantType: 'resident', onBehalf: false });
    draft = await noor.ok(
      `/initiatives/${draft.id}`,
      { description: 'Drie moestuinbakken bij de flat.', purpose: 'liveability', costLines: [{ description: 'Bakken en aarde', amount: '450' }] },
      'PATCH',
    );
    expect(draft.requestedCents).toBe(45_000);
    const submitted = await noor.ok(`/initiatives/${draft.id}/submit`);
    expect(submitted).toMatchObject({ status: 'submitted', budgetId: budgetOost.id, decisionDeadline: '2024-07-01' });
    expect((await noor.get('/initiatives')).body.items.map((i: Json) => i.title)).toEqual(['Moestuinbakken']);
    expect((await mailsTo(t, 'noor@example.nl')).map((x) => x.subject)).toContain('Aanvraag ontvangen — Moestuinbakken');
  });

  it('a wijkwerker applies on behalf of a residents’ group; the group’s contact is mailed', async () => {
    const onBehalf = { contactName: 'Fatima El Amrani', contactEmail: 'Fatima@Example.nl' };
    // Only where the wijkwerker works: elsewhere the area is not theirs (404).
    expectProblem(await werkerElders.post('/initiatives', { areaId: m.areas.WK098301, title: 'Buurtbarbecue', onBehalf }), 404, 'not_found');
    // A wijkregisseur does not apply on behalf (no initiative.apply_on_behalf).
    expectProblem(await regisseur.post('/initiatives', { areaId: m.areas.WK098301, title: 'Buurtbarbecue', onBehalf }), 403, 'forbidden');

    let draft = await werker.ok('/initiatives', {
      areaId: m.areas.WK098301,
      title: 'Buurtbarbecue',
      description: 'Kennismaken met de nieuwe bewoners.',
      purpose: 'social_cohesion',
      groupName: 'Bewonersgroep Maasboulevard',
      onBehalf,
      costLines: [{ description: 'Eten en drinken', amount: 60_000 }],
      cofunders: [{ name: 'Woonwenz', amount: 20_000, status: 'pledged' }],
    });
    expect(draft).toMatchObject({
      onBehalf: true,
      contactName: 'Fatima El Amrani',
      contactEmail: 'fatima@example.nl',
      applicantType: 'residents_group',
      requestedCents: 40_000,
      cofundingCents: 20_000,
    });
    draft = await werker.ok(`/initiatives/${draft.id}/submit`);
    expect(draft.status).toBe('submitted');
    expect((await mailsTo(t, 'fatima@example.nl')).map((x) => x.subject)).toEqual(['Aanvraag ontvangen — Buurtbarbecue']);
    expect((await mailsTo(t, 'wim.werker@gm0983.test')).length).toBe(0);
    await regisseur.ok(`/initiatives/${draft.id}/admissibility`, { admissible: true });
    await regisseur.ok(`/initiatives/${draft.id}/decide`, { grantedAmount: 40_000, motivation: 'Goed voor de samenhang.' });
    const letter = (await mailsTo(t, 'fatima@example.nl')).find((x) => x.subject.startsWith('Besluit'));
    expect(letter?.body).toMatch(/^Beste Fatima El Amrani,/);
    // The wijkwerker may help the group account for the money afterwards.
    await regisseur.ok(`/initiatives/${draft.id}/pay-advance`);
    expect((await werker.get(`/initiatives/${draft.id}`)).body.allowedActions.map((a: Json) => a.action)).toEqual(['start_execution', 'withdraw']);
  });

  it('transfers money between budgets with a reason, and corrects a booking; both ledgers balance', async () => {
    const moved = await regisseur.ok('/budget-transfers', {
      fromBudgetId: budgetCentrum.id,
      toBudgetId: budgetOost.id,
      amount: '2.500,00',
      reason: 'Oost heeft meer aanvragen dan verwacht',
    });
    expect(moved.from).toMatchObject({ transferredOutCents: euros(2_500), availableCents: euros(7_500) });
    expect(moved.to).toMatchObject({ transferredInCents: euros(2_500), availableCents: euros(12_500) });
    const corrected = await regisseur.ok(`/budgets/${budgetOost.id}/corrections`, { amount: '-0,01', reason: 'Afrondingsverschil in de begroting' });
    expect(corrected.budget.availableCents).toBe(euros(12_500) - 1);
    await expectBalanced(t, regisseur, budgetCentrum.id);
    await expectBalanced(t, regisseur, budgetOost.id);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'budget.transfer'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('Oost heeft meer aanvragen dan verwacht');
    const ledger = (await regisseur.get(`/budgets/${budgetCentrum.id}`)).body.ledger as Json[];
    expect(ledger.map((e) => [e.type, e.amountCents])).toEqual([
      ['allocation', euros(10_000)],
      ['reservation', 40_000],
      ['payment', 40_000],
      ['transfer_out', euros(2_500)],
    ]);
  });

  it('lists with filters, each item with the caller’s allowedActions', async () => {
    const all = (await regisseur.get('/initiatives')).body;
    expect(all.total).toBe(2);
    const submitted = (await regisseur.get('/initiatives?status=submitted')).body;
    expect(submitted.items.map((i: Json) => [i.title, i.allowedActions.map((a: Json) => a.action)])).toEqual([
      ['Moestuinbakken', ['declare_admissible', 'declare_inadmissible', 'withdraw']],
    ]);
    expect((await regisseur.get(`/initiatives?areaId=${m.areas.WK098301}`)).body.items.map((i: Json) => i.title)).toEqual(['Buurtbarbecue']);
    expect((await werkerElders.get('/initiatives')).body.items.map((i: Json) => i.title)).toEqual(['Moestuinbakken']);
  });

  it('documents the endpoints in the OpenAPI description', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      '/api/municipalities/{code}/budgets',
      '/api/municipalities/{code}/rules',
      '/api/municipalities/{code}/budget-transfers',
      '/api/municipalities/{code}/initiatives/{initiativeId}/decide',
      '/api/municipalities/{code}/dashboard',
      '/api/municipalities/{code}/public/areas/{areaId}/initiatives',
      '/api/municipalities/{code}/exports/ledger.csv',
      '/api/municipalities/{code}/exports/ledger.xlsx',
      '/api/municipalities/{code}/exports/budgets.xlsx',
      '/api/municipalities/{code}/exports/initiatives.xlsx',
      '/api/municipalities/{code}/initiatives/{initiativeId}/letter.pdf',
      '/api/municipalities/{code}/initiatives/{initiativeId}/college-decision',
      '/api/municipalities/{code}/initiatives/{initiativeId}/attachments',
      '/api/municipalities/{code}/initiatives/{initiativeId}/attachments/{attachmentId}',
    ]) {
      expect(spec.paths[path], path).toBeDefined();
    }
    const paths = spec.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/municipalities/{code}/initiatives/{initiativeId}/attachments/{attachmentId}']!).sort()).toEqual(['delete', 'get']);
  });
});
