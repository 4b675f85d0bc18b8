// SPDX-License-Identifier: EUPL-1.2
// Almelo (2020): a budget of EUR 150,000 in 2020 rising to EUR 300,000 in 2023, released only with
// rules that say what it is for, who grants it (a mandate table) and how it is accounted for. An
// application is judged by the rules in force on the day it was submitted, even when a new version
// with a wider mandate takes effect before the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { almelo } from '../../core/mandates/examples.js';
import { euros } from '../../core/money.js';
import { Client, expectBalanced, expectProblem, realTime, rulesBody, setToday, type Json } from './testing.js';

describe(`scenario Almelo: mandate table, budget rising 2020-2023 (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let regisseur: Client;
  let wethouder: Client;
  let anna: Client;
  let plan: Json;
  const budgetByYear = new Map<number, Json>();

  beforeAll(async () => {
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0141', 'Almelo', [
      { code: 'WK014101', name: 'Binnenstad', level: 'wijk' },
      { code: 'WK014102', name: 'Schelfhorst', level: 'wijk' },
    ]);
    await givenPerson(t.db, m, 'Regina Regisseur', [['wijkregisseur', 'GM0141']]);
    await givenPerson(t.db, m, 'Willem Wethouder', [['wijkwethouder', 'GM0141']]);
    await givenPerson(t.db, m, 'Anna Aanvrager');
    regisseur = new Client(t, 'GM0141', 'regina.regisseur@gm0141.test');
    wethouder = new Client(t, 'GM0141', 'willem.wethouder@gm0141.test');
    anna = new Client(t, 'GM0141', 'anna.aanvrager@gm0141.test');
  });
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('no budget without rules; then rules v1 (2020) and v2 (2023) with a wider mandate', async () => {
    setToday('2020-05-15');
    expectProblem(
      await regisseur.post('/budgets', { areaId: m.rootAreaId, rulesKey: 'almelo-wijkbudget', name: 'Wijkbudget 2020', year: 2020 }),
      422,
      'rules_missing',
    );
    // A mandate table with a gap is refused, naming the problem.
    const gap = await regisseur.post('/rules', rulesBody(almelo.rules[0]!, { mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: 250_000 }] }));
    expectProblem(gap, 422, 'rules_invalid');
    expect(gap.body.detail).toMatch(/Niemand mag besluiten over bedragen tussen € 2\.500,00 en het maximum van € 50\.000,00/);
    // The wethouder may decide but not set rules (budget.manage).
    expectProblem(await wethouder.post('/rules', rulesBody(almelo.rules[0]!)), 403, 'forbidden');

    const v1 = await regisseur.ok('/rules', rulesBody(almelo.rules[0]!));
    const v2 = await regisseur.ok('/rules', rulesBody(almelo.rules[1]!));
    expect([v1.version, v1.validFrom, v2.version, v2.validFrom]).toEqual([1, '2020-06-01', 2, '2023-01-01']);
    expect(v2.rules.mandates[0]).toEqual({ role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(5_000) });
  });

  it('a multi-year plan rising from EUR 150,000 (2020) to EUR 300,000 (2023), realised year by year', async () => {
    const created = await regisseur.ok('/budget-plans', {
      areaId: m.rootAreaId,
      name: 'Wijkbudget Almelo',
      rulesKey: 'almelo-wijkbudget',
      years: [
        { year: 2020, amount: euros(150_000), source: 'Programmabegroting 2020' },
        { year: 2021, amount: '200.000,00', source: 'Meerjarenraming (aangenomen)' },
        { year: 2022, amount: '250.000,00', source: 'Meerjarenraming (aangenomen)' },
        { year: 2023, amount: euros(300_000), source: 'Meerjarenraming' },
      ],
    });
    for (const year of [2020, 2022, 2023]) {
      const budget = await regisseur.ok(`/budget-plans/${created.id}/years/${year}/budget`);
      expect(budget).toMatchObject({ year, planId: created.id });
      budgetByYear.set(year, budget);
    }
    expectProblem(await regisseur.post(`/budget-plans/${created.id}/years/2020/budget`), 409, 'budget_exists');
    plan = ((await regisseur.get('/budget-plans')).body as unknown as Json[])[0]!;
    expect(plan.years.map((y: Json) => [y.year, y.plannedCents, y.availableCents])).toEqual([
      [2020, euros(150_000), euros(150_000)],
      [2021, euros(200_000), null],
      [2022, euros(250_000), euros(250_000)],
      [2023, euros(300_000), euros(300_000)],
    ]);
  });

  async function apply(title: string, amount: number): Promise<Json> {
    const draft = await anna.ok('/initiatives', {
      areaId: m.areas.WK014102,
      title,
      description: `${title}: een bijdrage aan de wijkopgave.`,
      purpose: 'area_task',
      applicantType: 'resident',
      costLines: [{ description: 'Materiaal en begeleiding', amount }],
    });
    const submitted = await anna.ok(`/initiatives/${draft.id}/submit`);
    return regisseur.ok(`/initiatives/${submitted.id}/admissibility`, { admissible: true });
  }

  it('2020: EUR 4,000 is above the wijkregisseur’s EUR 2,500 — 403 naming the rule; the wijkwethouder decides', async () => {
    setToday('2020-09-01');
    const moestuin = await apply('Moestuin Schelfhorst', euros(4_000));
    expect(moestuin).toMatchObject({ status: 'admissible', rules: { version: 1 }, decisionDeadline: '2020-10-27' });
    expect(moestuin.allowedActions.map((a: Json) => a.action)).not.toContain('grant');
    const refused = await regisseur.post(`/initiatives/${moestuin.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Goed plan.' });
    expectProblem(refused, 403, 'mandate_exceeded');
    expect(refused.body.detail).toBe(
      'De wijkregisseur mag besluiten tot en met € 2.500,00; dit besluit gaat over € 4.000,00. Hiervoor is een besluit van de wijkwethouder nodig.',
    );
    expect(refused.body).toMatchObject({ rule: 'mandate_exceeded', limit: 250_000, requiredRole: 'wijkwethouder' });

    const forWethouder = (await wethouder.get(`/initiatives/${moestuin.id}`)).body;
    expect(forWethouder.allowedActions.map((a: Json) => a.action)).toEqual(['grant', 'grant_partly', 'refuse']);
    let granted = await wethouder.ok(`/initiatives/${moestuin.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Draagt bij aan de wijkopgave groen.' });
    expect(granted).toMatchObject({ status: 'granted', decidedAs: 'wijkwethouder' });
    expect((await regisseur.ok(`/initiatives/${moestuin.id}/pay-advance`)).status).toBe('advance_paid');
    granted = await anna.ok(`/initiatives/${moestuin.id}/start`);
    // EUR 4,000 is below the EUR 5,000 account threshold: settled without a final account.
    expect(granted.allowedActions.map((a: Json) => a.action)).toEqual(['submit_account', 'withdraw']);
    expect((await regisseur.get(`/initiatives/${moestuin.id}`)).body.allowedActions.map((a: Json) => a.action)).toEqual(['settle', 'withdraw']);
    setToday('2020-11-20');
    granted = await regisseur.ok(`/initiatives/${moestuin.id}/settle`, {});
    expect(granted).toMatchObject({ status: 'settled', settledCents: euros(4_000), paidCents: euros(4_000) });
    await expectBalanced(t, regisseur, budgetByYear.get(2020)!.id);
  });

  it('an application submitted in 2022 under v1 is still judged by v1 after v2 takes effect', async () => {
    setToday('2022-12-20');
    const speelveld = await apply('Speelveld Binnenstad', euros(4_000));
    expect(speelveld).toMatchObject({ rules: { version: 1 }, budgetId: budgetByYear.get(2022)!.id });
    setToday('2023-01-10');
    expectProblem(
      await regisseur.post(`/initiatives/${speelveld.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Goed plan.' }),
      403,
      'mandate_exceeded',
    );
    expect((await wethouder.ok(`/initiatives/${speelveld.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Goed plan.' })).status).toBe('granted');
  });

  it('2023: under v2 the wijkregisseur decides up to EUR 5,000; above EUR 25,000 only the college may', async () => {
    setToday('2023-02-01');
    const buurthuis = await apply('Buurtkamer Schelfhorst', euros(4_000));
    expect(buurthuis.rules.version).toBe(2);
    const granted = await regisseur.ok(`/initiatives/${buurthuis.id}/decide`, { grantedAmount: euros(4_000), motivation: 'Binnen mandaat.' });
    expect(granted).toMatchObject({ status: 'granted', decidedAs: 'wijkregisseur', budgetId: budgetByYear.get(2023)!.id });

    const big = await apply('Groot wijkplan', euros(30_000));
    const refused = await wethouder.post(`/initiatives/${big.id}/decide`, { grantedAmount: euros(30_000), motivation: 'Goed plan.' });
    expectProblem(refused, 403, 'mandate_exceeded');
    expect(refused.body.detail).toMatch(/wijkwethouder mag besluiten tot en met € 25\.000,00.*college van B&W/);
    await expectBalanced(t, regisseur, budgetByYear.get(2023)!.id);
  });
});
