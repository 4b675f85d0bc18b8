// SPDX-License-Identifier: EUPL-1.2
// Almelo (2020): a budget of EUR 150,000 in 2020 rising to EUR 300,000 in 2023, released only with
// rules that say what it is for, who grants it (a mandate table) and how it is accounted for. An
// application is judged by the rules in force on the day it was submitted, even when a new version
// with a wider mandate takes effect before the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { almelo } from '../../core/mandates/examples.js';
import { euros } from '../../core/money.js';
import { Client, expectBalanced, expectProblem, pdfText, realTime, rulesBody, setToday, type Json } from './testing.js';

describe(`scenario Almelo: mandate table, budget rising 2020-2023 (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let regisseur: Client;
  let wethouder: Client;
  let anna: Client;
  let beheerder: Client;
  let werkerBinnenstad: Client;
  let plan: Json;
  let bigId: string;
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
    await givenPerson(t.db, m, 'Bert Beheerder', [['beheerder', 'GM0141']]);
    await givenPerson(t.db, m, 'Wendy Werker', [['wijkwerker', 'WK014101']]);
    regisseur = new Client(t, 'GM0141', 'regina.regisseur@gm0141.test');
    wethouder = new Client(t, 'GM0141', 'willem.wethouder@gm0141.test');
    anna = new Client(t, 'GM0141', 'anna.aanvrager@gm0141.test');
    beheerder = new Client(t, 'GM0141', 'bert.beheerder@gm0141.test');
    werkerBinnenstad = new Client(t, 'GM0141', 'wendy.werker@gm0141.test');
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
    bigId = big.id;
    const refused = await wethouder.post(`/initiatives/${big.id}/decide`, { grantedAmount: euros(30_000), motivation: 'Goed plan.' });
    expectProblem(refused, 403, 'mandate_exceeded');
    expect(refused.body.detail).toMatch(/wijkwethouder mag besluiten tot en met € 25\.000,00.*college van B&W/);
    await expectBalanced(t, regisseur, budgetByYear.get(2023)!.id);
  });

  it('the beheerder sets up spelregels (rules.manage) but does not manage money (no budget.manage)', async () => {
    const v3 = await beheerder.ok('/rules', rulesBody(almelo.rules[1]!, { validFrom: '2024-01-01' }));
    expect([v3.version, v3.validFrom]).toEqual([3, '2024-01-01']);
    expectProblem(await beheerder.post(`/budget-plans/${plan.id}/years/2021/budget`), 403, 'forbidden');
  });

  it('above EUR 25,000 the college decides: the wijkwethouder records its decision with date and besluitnummer; the letter (HTML and PDF) states it', async () => {
    setToday('2023-03-15');
    const path = `/initiatives/${bigId}/college-decision`;
    const body = {
      grantedAmount: euros(30_000),
      motivation: 'Het college steunt het wijkplan: het draagt bij aan de wijkopgave.',
      collegeDecidedOn: '2023-03-14',
      decisionNumber: 'B&W 2023/0412',
    };
    const before = (await wethouder.get(`/initiatives/${bigId}`)).body;
    expect(before.allowedActions.map((a: Json) => a.action)).toEqual([]);
    expect(before.abilities.recordCollegeDecision).toBe(true);
    expect((await regisseur.get(`/initiatives/${bigId}`)).body.abilities.recordCollegeDecision).toBe(false);

    // Who may record, and what a record needs; nothing is saved when refused.
    expectProblem(await regisseur.post(path, body), 403, 'forbidden');
    expect((await regisseur.post(path, body)).body.rule).toBe('initiative.record_college_decision');
    expectProblem(await werkerBinnenstad.post(path, body), 404, 'not_found');
    expectProblem(await wethouder.post(path, { ...body, decisionNumber: '  ' }), 422, 'college_decision_number_required');
    expectProblem(await wethouder.post(path, { ...body, decisionNumber: undefined }), 400, 'validation_failed');
    expectProblem(await wethouder.post(path, { ...body, collegeDecidedOn: '2023-03-16' }), 422, 'college_decision_date_invalid');
    expectProblem(await wethouder.post(path, { ...body, collegeDecidedOn: '2023-01-31' }), 422, 'college_decision_date_invalid');
    expectProblem(await wethouder.post(path, { ...body, motivation: '' }), 422, 'motivation_required');
    expect((await wethouder.get(`/initiatives/${bigId}`)).body).toMatchObject({ status: 'admissible', grantedCents: null, collegeDecision: null });
    expectProblem(await wethouder.get(`/initiatives/${bigId}/letter.pdf`), 404, 'not_found');

    const granted = await wethouder.ok(path, body);
    expect(granted).toMatchObject({
      status: 'granted',
      grantedCents: euros(30_000),
      decidedAs: 'college van B&W',
      collegeDecision: { decidedOn: '2023-03-14', number: 'B&W 2023/0412' },
      reservedCents: euros(30_000),
    });
    const [event] = (await t.db.execute<{ after: Json }>(sql`select after from audit_events where entity_id = ${bigId} and action = 'initiative.grant'`)).rows;
    expect(event!.after.college).toMatchObject({ decidedOn: '2023-03-14', decisionNumber: 'B&W 2023/0412' });

    const html = await anna.get(`/initiatives/${bigId}/letters/${granted.letters[0].id}`);
    expect(html.text).toContain('heeft op 14 maart 2023 besloten (besluitnummer B&amp;W 2023/0412)');
    expect(html.text).toContain('burgemeester en wethouders van Almelo');

    const pdf = await anna.download(`/initiatives/${bigId}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(String(pdf.headers['content-disposition'])).toMatch(/^inline; filename="BI-2023-[A-Z0-9]+-besluit\.pdf"$/);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.body.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const text = pdfText(pdf.body);
    for (const expected of [
      'Gemeente Almelo',
      `Besluit op uw aanvraag ${granted.reference}`,
      `Kenmerk: ${granted.reference}`,
      'Beste Anna Aanvrager,',
      'Uw aanvraag is toegekend: u ontvangt € 30.000,00.',
      'Datum: 15 maart 2023',
      'Over dit bedrag beslist volgens de spelregels het college van B&W.',
      'heeft op 14 maart 2023 besloten (besluitnummer B&W 2023/0412)',
      'Het college steunt het wijkplan: het draagt bij aan de wijkopgave.',
      'binnen zes weken na de datum van deze brief bezwaar maken',
      'Gevraagd bedrag',
    ]) {
      expect(text).toContain(expected);
    }
    // Visible exactly as the initiative: another area's wijkwerker finds nothing.
    expectProblem(await werkerBinnenstad.get(`/initiatives/${bigId}/letter.pdf`), 404, 'not_found');
    await expectBalanced(t, regisseur, budgetByYear.get(2023)!.id);
  });

  it('the beheerder may record a college refusal too', async () => {
    const small = await apply('Klein plan', euros(3_000));
    const refused = await beheerder.ok(`/initiatives/${small.id}/college-decision`, {
      grantedAmount: 0,
      motivation: 'Het college wijst het plan af: het past niet in de wijkopgave.',
      collegeDecidedOn: '2023-03-15',
      decisionNumber: '2023/0413',
    });
    expect(refused).toMatchObject({ status: 'refused', decidedAs: 'college van B&W', collegeDecision: { number: '2023/0413' } });
    const text = pdfText((await anna.download(`/initiatives/${small.id}/letter.pdf`)).body);
    expect(text).toContain('Uw aanvraag is afgewezen.');
    expect(text).toContain('heeft op 15 maart 2023 besloten (besluitnummer 2023/0413)');
    // EUR 3,000 is within the wijkregisseur's mandate: the letter does not say the rules required the college.
    expect(text).not.toContain('Over dit bedrag beslist');
  });
});
