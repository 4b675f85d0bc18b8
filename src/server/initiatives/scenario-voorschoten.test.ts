// SPDX-License-Identifier: EUPL-1.2
// Voorschoten (2009): a working budget of at most EUR 5,000 a year for small, quick measures from
// the conversations with residents, facilities excluded; the wijkcoördinator decides; a contact in
// every department advises. The budget can never be overspent; late decisions show on the
// dashboard and the overdue list; the public page shows what was funded, without names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { voorschoten } from '../../core/mandates/examples.js';
import { euros } from '../../core/money.js';
import { Client, countRows, expectBalanced, expectProblem, realTime, rulesBody, setRoleWords, setToday, type Json } from './testing.js';

describe(`scenario Voorschoten: EUR 5,000 working budget, no facilities, coordinator decides (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let coordinator: Client;
  let contact: Client;
  let group: Client;
  let anonymous: Client;
  const budgets = new Map<number, Json>();

  beforeAll(async () => {
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0626', 'Voorschoten', [
      { code: 'WK062601', name: 'Centrum', level: 'wijk' },
      { code: 'WK062602', name: 'Noord-Hofland', level: 'wijk' },
      { code: 'WK062603', name: 'Krimwijk', level: 'wijk' },
    ]);
    await setRoleWords(t, m, { wijkregisseur: 'wijkcoördinator' });
    await givenPerson(t.db, m, 'Cora Coordinator', [['wijkregisseur', 'GM0626']]);
    await givenPerson(t.db, m, 'Ad Accounthouder', [['accounthouder', 'GM0626']]);
    await givenPerson(t.db, m, 'Gerda Groep');
    coordinator = new Client(t, 'GM0626', 'cora.coordinator@gm0626.test');
    contact = new Client(t, 'GM0626', 'ad.accounthouder@gm0626.test');
    group = new Client(t, 'GM0626', 'gerda.groep@gm0626.test');
    anonymous = new Client(t, 'GM0626', null);
  });
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('sets the rules and a EUR 5,000 working budget for 2009 and 2010', async () => {
    setToday('2009-05-04');
    await coordinator.ok('/rules', rulesBody(voorschoten.rules[0]!));
    for (const { year, amount, source } of voorschoten.allocations.slice(0, 2)) {
      budgets.set(
        year,
        await coordinator.ok('/budgets', {
          areaId: m.rootAreaId,
          rulesKey: 'voorschoten-werkbudget',
          name: `Werkbudget wijkgericht werken ${year}`,
          year,
          fundingSources: [{ kind: 'municipal_programme', name: source, amount }],
        }),
      );
    }
    expect(budgets.get(2009)).toMatchObject({ availableCents: euros(5_000), freeCents: euros(5_000) });
  });

  async function submit(title: string, lines: Json[], areaCode = 'WK062602'): Promise<Json> {
    const draft = await group.ok('/initiatives', {
      areaId: m.areas[areaCode],
      title,
      description: `${title}, afgesproken in het wijkgesprek.`,
      purpose: 'small_measure',
      groupName: 'Bewoners Noord-Hofland',
      costLines: lines,
    });
    return group.post(`/initiatives/${draft.id}/submit`).then((r) => ({ ...r.body, _status: r.status, _draftId: draft.id }));
  }

  let bloembakken: Json;
  it('a small measure: the department contact advises, the wijkcoördinator grants, paid and settled without an account', async () => {
    setToday('2009-06-01');
    bloembakken = await submit('Bloembakken als verkeersremmer', [{ description: 'Vier bloembakken', amount: '1.200,00' }]);
    expect(bloembakken.status).toBe('submitted');
    await coordinator.ok(`/initiatives/${bloembakken.id}/admissibility`, { admissible: true, requestAdvice: true });
    await contact.ok(`/initiatives/${bloembakken.id}/advice`, {
      kind: 'department',
      recommendation: 'positive',
      text: 'Verkeer: bakken op 1,5 m van de rijbaan plaatsen.',
    });
    // The department contact advises but does not decide.
    expectProblem(await contact.post(`/initiatives/${bloembakken.id}/decide`, { grantedAmount: euros(1_200), motivation: 'x' }), 403, 'capability_missing');
    bloembakken = await coordinator.ok(`/initiatives/${bloembakken.id}/decide`, { grantedAmount: euros(1_200), motivation: 'Snel en klein, zoals bedoeld.' });
    expect(bloembakken).toMatchObject({ status: 'granted', decidedAs: 'wijkcoördinator' });
    bloembakken = await coordinator.ok(`/initiatives/${bloembakken.id}/pay-advance`);
    bloembakken = await group.ok(`/initiatives/${bloembakken.id}/start`);
    bloembakken = await coordinator.ok(`/initiatives/${bloembakken.id}/settle`, {});
    expect(bloembakken).toMatchObject({ status: 'settled', settledCents: euros(1_200), paidCents: euros(1_200) });
  });

  it('refuses facilities and amounts over the EUR 5,000 maximum at submission, naming the rule', async () => {
    const facility = await submit('Inrichting buurtkamer', [
      { description: 'Tafels en stoelen', category: 'facilities', amount: 90_000 },
      { description: 'Verf', amount: 10_000 },
    ]);
    expect(facility._status).toBe(422);
    expect(facility.code).toBe('purpose_excluded');
    expect(facility.detail).toBe("Uitgaven voor 'voorzieningen' zijn uitgesloten volgens de spelregels 'Werkbudget wijkgericht werken Voorschoten'.");
    const big = await submit('Nieuw plein', [{ description: 'Bestrating', amount: euros(6_000) }]);
    expect(big._status).toBe(422);
    expect(big.code).toBe('amount_above_rule_maximum');
    expect(big.detail).toMatch(/€ 6\.000,00 is hoger dan het maximum van € 5\.000,00/);
    expect((await group.get(`/initiatives/${big._draftId}`)).body.status).toBe('draft');
  });

  it('never overspends: EUR 4,000 does not fit in the EUR 3,800 left; a partial grant of EUR 3,800 does', async () => {
    const speeltuin = await submit('Speeltoestel opknappen', [{ description: 'Schilderwerk en onderdelen', amount: euros(4_000) }]);
    await coordinator.ok(`/initiatives/${speeltuin.id}/admissibility`, { admissible: true });
    const [entriesBefore, stepsBefore] = [await countRows(t, 'ledger_entries'), await countRows(t, 'initiative_steps')];
    const tooMuch = await coordinator.post(`/initiatives/${speeltuin.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Goed plan.' });
    expectProblem(tooMuch, 422, 'budget_insufficient');
    expect(tooMuch.body).toMatchObject({ needed: euros(4_000), free: euros(3_800) });
    expect([await countRows(t, 'ledger_entries'), await countRows(t, 'initiative_steps')]).toEqual([entriesBefore, stepsBefore]);
    expect((await coordinator.get(`/initiatives/${speeltuin.id}`)).body.status).toBe('admissible');
    const partly = await coordinator.ok(`/initiatives/${speeltuin.id}/decide`, {
      grantedAmount: '3.800',
      motivation: 'Het werkbudget voor dit jaar is daarmee op.',
    });
    expect(partly).toMatchObject({ status: 'partly_granted', grantedCents: euros(3_800) });
    const view = await expectBalanced(t, coordinator, budgets.get(2009)!.id);
    expect(view).toMatchObject({ freeCents: 0, reservedCents: euros(3_800), paidCents: euros(1_200) });
  });

  it('shows decisions due and overdue on the dashboard and the overdue list', async () => {
    setToday('2009-09-01');
    const late = await submit('Hondenpoepbakken', [{ description: 'Twee bakken', amount: 60_000 }], 'WK062603');
    expect(late.decisionDeadline).toBe('2009-10-27');
    setToday('2009-10-20');
    let dashboard = (await coordinator.get('/dashboard')).body;
    let [root] = dashboard.areas;
    expect(root.decisionsDue.map((d: Json) => [d.title, d.daysRemaining])).toEqual([['Hondenpoepbakken', 7]]);
    expect(root.overdue).toEqual([]);
    expect(root.initiativesByStatus).toMatchObject({ settled: 1, partly_granted: 1, submitted: 1 });
    expect(root.budgets.find((b: Json) => b.year === 2009)).toMatchObject({
      availableCents: euros(5_000),
      reservedCents: euros(3_800),
      paidCents: euros(1_200),
      freeCents: 0,
    });
    setToday('2009-11-15');
    dashboard = (await coordinator.get('/dashboard')).body;
    [root] = dashboard.areas;
    expect(root.overdue.map((d: Json) => [d.title, d.daysRemaining])).toEqual([['Hondenpoepbakken', -19]]);
    const overdue = (await coordinator.get('/initiatives/overdue')).body;
    expect(overdue.items.map((i: Json) => [i.title, i.overdue])).toEqual([['Hondenpoepbakken', true]]);
    expect((await coordinator.get('/initiatives?overdue=true')).body.total).toBe(1);
    // A resident has no dashboard.
    expect((await group.get('/dashboard')).status).toBe(404);
  });

  it('the public page shows the funded initiatives and the budget, without signing in and without names', async () => {
    const page = await anonymous.get(`/public/areas/${m.rootAreaId}/initiatives`);
    expect(page.status).toBe(200);
    expect(page.body.initiatives.map((i: Json) => [i.title, i.grantedCents]).sort()).toEqual([
      ['Bloembakken als verkeersremmer', euros(1_200)],
      ['Speeltoestel opknappen', euros(3_800)],
    ]);
    expect(page.body.totals).toEqual({ grantedCents: euros(5_000), count: 2 });
    expect(page.body.budgets.find((b: Json) => b.year === 2009)).toMatchObject({ availableCents: euros(5_000), freeCents: 0 });
    expect(page.text).not.toMatch(/Gerda|gerda\.groep|Bewoners Noord-Hofland/);
    const wijk = await anonymous.get(`/public/areas/${m.areas.WK062603}/initiatives`);
    expect(wijk.body.initiatives).toEqual([]);
  });

  it('2009 closes with nothing left to lapse; 2010 starts with its own EUR 5,000', async () => {
    setToday('2010-01-05');
    const closed = await coordinator.ok(`/budgets/${budgets.get(2009)!.id}/close-year`, {});
    expect(closed.budget).toMatchObject({ closed: true, lapsedCents: 0, reservedCents: euros(3_800) });
    // A grant decided in 2009 is still paid from 2009 after closing.
    const list = (await coordinator.get('/initiatives?status=partly_granted')).body.items;
    const paid = await coordinator.ok(`/initiatives/${list[0].id}/pay-advance`);
    expect(paid).toMatchObject({ status: 'advance_paid', paidCents: euros(3_800) });
    await expectBalanced(t, coordinator, budgets.get(2009)!.id);
    expect((await expectBalanced(t, coordinator, budgets.get(2010)!.id)).freeCents).toBe(euros(5_000));
  });
});
