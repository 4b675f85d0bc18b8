// SPDX-License-Identifier: EUPL-1.2
// Venlo (2016): steering on neighbourhood budgets in pilot areas — the district Blerick (instead of
// the wijk Klingerberg alone) and Steyl — until 31-12-2017. Budgets belong to the pilot areas
// (custom areas made of wijken); a gebiedsregisseur decides within mandate in their own pilot area
// and finds nothing in the other one; after the pilot ends, no new applications are possible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { venlo } from '../../core/mandates/examples.js';
import { euros } from '../../core/money.js';
import { Client, expectBalanced, expectProblem, mailsTo, realTime, rulesBody, setRoleWords, setToday, type Json } from './testing.js';

describe(`scenario Venlo: pilot areas Blerick and Steyl until 31-12-2017 (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let beheerder: Client;
  let beleid: Client;
  let gea: Client;
  let sjef: Client;
  let wethouder: Client;
  let buurt: Client;
  let pilotBlerick: string;
  let pilotSteyl: string;
  const budgets = {} as { blerick2016: Json; blerick2017: Json; steyl2017: Json };

  beforeAll(async () => {
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098311', name: 'Klingerberg', level: 'wijk' },
      { code: 'BU09831101', name: 'Klingerberg-Noord', level: 'buurt', parent: 'WK098311' },
      { code: 'WK098312', name: 'Blerick-Centrum', level: 'wijk' },
      { code: 'WK098320', name: 'Steyl', level: 'wijk' },
    ]);
    await setRoleWords(t, m, { wijkregisseur: 'gebiedsregisseur' });
    await givenPerson(t.db, m, 'Hanna Beheer', [['beheerder', 'GM0983']]);
    await givenPerson(t.db, m, 'Ben Beleid', [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Wouter Wethouder', [['wijkwethouder', 'GM0983']]);
    await givenPerson(t.db, m, 'Bram Buurt');
    beheerder = new Client(t, 'GM0983', 'hanna.beheer@gm0983.test');
    beleid = new Client(t, 'GM0983', 'ben.beleid@gm0983.test');
    wethouder = new Client(t, 'GM0983', 'wouter.wethouder@gm0983.test');
    buurt = new Client(t, 'GM0983', 'bram.buurt@gm0983.test');
  });
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('sets up the pilot areas, their gebiedsregisseurs, the pilot rules and the budgets', async () => {
    setToday('2016-04-19');
    const pilot = (code: string, name: string, members: string[]) =>
      beheerder.ok('/areas', { code, name, kind: 'pilot', memberIds: members.map((c) => m.areas[c]), validFrom: '2016-04-19', validTo: '2018-01-01' });
    pilotBlerick = (await pilot('PILOT-BLERICK', 'Pilotgebied Blerick', ['WK098311', 'WK098312'])).id;
    pilotSteyl = (await pilot('PILOT-STEYL', 'Pilotgebied Steyl', ['WK098320'])).id;
    m.areas['PILOT-BLERICK'] = pilotBlerick;
    m.areas['PILOT-STEYL'] = pilotSteyl;
    await givenPerson(t.db, m, 'Gea Gebied', [['wijkregisseur', 'PILOT-BLERICK']]);
    await givenPerson(t.db, m, 'Sjef Steyl', [['wijkregisseur', 'PILOT-STEYL']]);
    gea = new Client(t, 'GM0983', 'gea.gebied@gm0983.test');
    sjef = new Client(t, 'GM0983', 'sjef.steyl@gm0983.test');

    const rules = await beleid.ok('/rules', rulesBody(venlo.rules[0]!));
    expect(rules).toMatchObject({ validFrom: '2016-04-19', validUntil: '2017-12-31' });
    const create = (client: Client, areaId: string, name: string, year: number, amount: number) =>
      client.ok('/budgets', {
        areaId,
        rulesKey: 'venlo-wijkbudget-pilot',
        name,
        year,
        ...(year === 2016 ? { periodStart: '2016-04-19' } : {}),
        fundingSources: [{ kind: 'municipal_programme', name: 'Sturing op wijkbudgetten (pilot)', amount }],
      });
    budgets.blerick2016 = await create(gea, pilotBlerick, 'Wijkbudget pilot Blerick 2016', 2016, euros(50_000));
    budgets.blerick2017 = await create(gea, pilotBlerick, 'Wijkbudget pilot Blerick 2017', 2017, euros(75_000));
    budgets.steyl2017 = await create(sjef, pilotSteyl, 'Wijkbudget pilot Steyl 2017', 2017, euros(20_000));
    expect(budgets.blerick2017).toMatchObject({ periodStart: '2017-01-01', periodEnd: '2017-12-31', area: { code: 'PILOT-BLERICK' } });
    // Sjef manages Steyl, not Blerick: he cannot even see the Blerick budget.
    expect((await sjef.post('/budgets', { areaId: pilotBlerick, rulesKey: 'venlo-wijkbudget-pilot', name: 'x', year: 2018 })).status).toBe(404);
    expect((await sjef.get(`/budgets/${budgets.blerick2016.id}`)).status).toBe(404);
  });

  let speelplek: Json;
  it('an application from a buurt in Klingerberg goes to the pilot budget of Blerick; the gebiedsregisseur decides', async () => {
    setToday('2016-06-01');
    const draft = await buurt.ok('/initiatives', {
      areaId: m.areas.BU09831101,
      title: 'Buurt Bestuurt: opknappen speelplek',
      description: 'De buurt kiest zelf: de speelplek aan de Maas wordt opgeknapt.',
      purpose: 'liveability',
      groupName: 'Buurt Bestuurt Klingerberg',
      costLines: [{ description: 'Hekwerk en zand', amount: euros(3_000) }],
    });
    speelplek = await buurt.ok(`/initiatives/${draft.id}/submit`);
    expect(speelplek.budgetId).toBe(budgets.blerick2016.id);
    expect((await mailsTo(t, 'gea.gebied@gm0983.test')).some((mail) => mail.subject.includes('Aanvraag ontvangen'))).toBe(true);
    expect(await mailsTo(t, 'sjef.steyl@gm0983.test')).toEqual([]);

    // Another pilot area's gebiedsregisseur finds nothing: 404, not 403.
    expectProblem(await sjef.get(`/initiatives/${speelplek.id}`), 404, 'not_found');
    expectProblem(await sjef.post(`/initiatives/${speelplek.id}/admissibility`, { admissible: true }), 404, 'not_found');
    expectProblem(await sjef.post(`/initiatives/${speelplek.id}/decide`, { grantedAmount: euros(3_000), motivation: 'x' }), 404, 'not_found');

    await gea.ok(`/initiatives/${speelplek.id}/admissibility`, { admissible: true });
    speelplek = await gea.ok(`/initiatives/${speelplek.id}/decide`, { grantedAmount: euros(3_000), motivation: 'De buurt heeft gekozen; past in de pilot.' });
    expect(speelplek).toMatchObject({ status: 'granted', decidedAs: 'gebiedsregisseur' });
    speelplek = await gea.ok(`/initiatives/${speelplek.id}/pay-advance`);
    speelplek = await buurt.ok(`/initiatives/${speelplek.id}/start`);
    setToday('2016-09-30');
    speelplek = await gea.ok(`/initiatives/${speelplek.id}/settle`, { settledAmount: '2.850,00', note: 'Hekwerk viel goedkoper uit.' });
    expect(speelplek).toMatchObject({ status: 'settled', settledCents: euros(2_850), paidCents: euros(2_850) });
    expect((await expectBalanced(t, gea, budgets.blerick2016.id)).freeCents).toBe(euros(50_000) - euros(2_850));
  });

  it('above the gebiedsregisseur’s EUR 5,000 the wijkwethouder decides; Steyl’s own budget pays Steyl', async () => {
    setToday('2017-03-01');
    const plein = await buurt.ok('/initiatives', {
      areaId: m.areas.WK098312,
      title: 'Pleintje Blerick-Centrum',
      description: 'Groen en bankjes op het pleintje.',
      purpose: 'liveability',
      groupName: 'Bewoners Blerick-Centrum',
      costLines: [{ description: 'Groen en bankjes', amount: euros(7_500) }],
    });
    await buurt.ok(`/initiatives/${plein.id}/submit`);
    await gea.ok(`/initiatives/${plein.id}/admissibility`, { admissible: true });
    const refused = await gea.post(`/initiatives/${plein.id}/decide`, { grantedAmount: euros(7_500), motivation: 'Goed.' });
    expectProblem(refused, 403, 'mandate_exceeded');
    expect(refused.body.detail).toMatch(/De gebiedsregisseur mag besluiten tot en met € 5\.000,00.*wijkwethouder/);
    expect((await wethouder.ok(`/initiatives/${plein.id}/decide`, { grantedAmount: euros(7_500), motivation: 'Past in de pilot.' })).budgetId).toBe(
      budgets.blerick2017.id,
    );

    const steyl = await buurt.ok('/initiatives', {
      areaId: m.areas.WK098320,
      title: 'Kloosterdorp Steyl: bankjes aan de Maas',
      description: 'Bankjes langs de kade.',
      purpose: 'social_cohesion',
      groupName: 'Werkgroep Steyl',
      costLines: [{ description: 'Bankjes', amount: euros(1_800) }],
    });
    expect((await buurt.ok(`/initiatives/${steyl.id}/submit`)).budgetId).toBe(budgets.steyl2017.id);
    expect((await gea.get(`/initiatives/${steyl.id}`)).status).toBe(404);
    await sjef.ok(`/initiatives/${steyl.id}/admissibility`, { admissible: true });
    expect((await sjef.ok(`/initiatives/${steyl.id}/decide`, { grantedAmount: euros(1_800), motivation: 'Verbindt het dorp.' })).status).toBe('granted');
    // Each gebiedsregisseur lists only their own pilot area.
    expect((await gea.get('/initiatives')).body.items.map((i: Json) => i.title).sort()).toEqual([
      'Buurt Bestuurt: opknappen speelplek',
      'Pleintje Blerick-Centrum',
    ]);
    expect((await sjef.get('/initiatives')).body.items.map((i: Json) => i.title)).toEqual(['Kloosterdorp Steyl: bankjes aan de Maas']);
  });

  it('after 31-12-2017 the pilot has ended: the budgets close and new applications are refused', async () => {
    setToday('2018-01-15');
    const closed = await gea.ok(`/budgets/${budgets.blerick2017.id}/close-year`, {});
    expect(closed).toMatchObject({ behaviour: 'lapse', budget: { closed: true, reservedCents: euros(7_500), lapsedCents: euros(75_000) - euros(7_500) } });
    const late = await buurt.ok('/initiatives', {
      areaId: m.areas.WK098311,
      title: 'Nog een idee',
      description: 'Na de pilot.',
      purpose: 'liveability',
      groupName: 'Buurt Bestuurt Klingerberg',
      costLines: [{ description: 'Materiaal', amount: 50_000 }],
    });
    const refused = await buurt.post(`/initiatives/${late.id}/submit`);
    expectProblem(refused, 422, 'no_budget_available');
    expect(refused.body.detail).toMatch(/Er is op 2018-01-15 geen budget voor Klingerberg/);
    // Choosing the ended budget explicitly does not help either.
    await buurt.ok(`/initiatives/${late.id}`, { budgetId: budgets.blerick2017.id }, 'PATCH');
    expectProblem(await buurt.post(`/initiatives/${late.id}/submit`), 422, 'budget_period_closed');
  });

  it('the public page of the Blerick pilot shows its funded initiatives and budgets', async () => {
    const page = await new Client(t, 'GM0983', null).get(`/public/areas/${pilotBlerick}/initiatives`);
    expect(page.status).toBe(200);
    expect(page.body.initiatives.map((i: Json) => [i.title, i.grantedCents]).sort()).toEqual([
      ['Buurt Bestuurt: opknappen speelplek', euros(3_000)],
      ['Pleintje Blerick-Centrum', euros(7_500)],
    ]);
    expect(page.body.budgets.map((b: Json) => b.name)).toEqual(['Wijkbudget pilot Blerick 2016', 'Wijkbudget pilot Blerick 2017']);
  });
});
