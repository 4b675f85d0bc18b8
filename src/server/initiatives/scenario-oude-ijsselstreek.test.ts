// SPDX-License-Identifier: EUPL-1.2
// Oude IJsselstreek (2012): initiatives in the villages (kernen), from municipal budgets co-funded
// by the housing corporation Wonion and the Rabobank. Pledges count only once the money is in; a
// 25% own contribution; the kernregisseur decides small grants, the wethouder larger ones; a final
// account for larger grants; free money carries over to next year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { oudeIJsselstreek } from '../../core/mandates/examples.js';
import { euros } from '../../core/money.js';
import { organisations } from '../people/schema.js';
import { Client, expectBalanced, expectProblem, files, realTime, rulesBody, setRoleWords, setToday, type Json } from './testing.js';

describe(`scenario Oude IJsselstreek: co-funded by a housing corporation and a bank (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let beleid: Client;
  let kernregisseur: Client;
  let wethouder: Client;
  let partner: Client;
  let vereniging: Client;
  let controller: Client;
  let wonion: string;
  let rabobank: string;
  let budget: Json;

  beforeAll(async () => {
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM1509', 'Oude IJsselstreek', [
      { code: 'KERN-ULFT', name: 'Ulft', level: 'district' },
      { code: 'WK150901', name: 'Ulft-Centrum', level: 'wijk', parent: 'KERN-ULFT' },
      { code: 'KERN-GENDRINGEN', name: 'Gendringen', level: 'district' },
    ]);
    await setRoleWords(t, m, { wijkregisseur: 'kernregisseur', wijkwethouder: 'wethouder' });
    [{ id: wonion }, { id: rabobank }] = (await t.db
      .insert(organisations)
      .values([
        { municipalityId: m.id, name: 'Wonion', kind: 'housing_corporation' },
        { municipalityId: m.id, name: 'Rabobank', kind: 'bank' },
      ])
      .returning({ id: organisations.id })) as [{ id: string }, { id: string }];
    await givenPerson(t.db, m, 'Bea Beleid', [['wijkregisseur', 'GM1509']]);
    await givenPerson(t.db, m, 'Karel Kern', [['wijkregisseur', 'KERN-ULFT']]);
    await givenPerson(t.db, m, 'Wendy Wethouder', [['wijkwethouder', 'GM1509']]);
    await givenPerson(t.db, m, 'Piet Partner', [['partner', 'KERN-ULFT']]);
    await givenPerson(t.db, m, 'Vera Vereniging');
    await givenPerson(t.db, m, 'Cees Controller', [['controller', 'GM1509']]);
    beleid = new Client(t, 'GM1509', 'bea.beleid@gm1509.test');
    kernregisseur = new Client(t, 'GM1509', 'karel.kern@gm1509.test');
    wethouder = new Client(t, 'GM1509', 'wendy.wethouder@gm1509.test');
    partner = new Client(t, 'GM1509', 'piet.partner@gm1509.test');
    vereniging = new Client(t, 'GM1509', 'vera.vereniging@gm1509.test');
    controller = new Client(t, 'GM1509', 'cees.controller@gm1509.test');
  });
  afterAll(async () => {
    realTime();
    await t.close();
  });

  it('a village budget from municipal money, with pledges from Wonion and the Rabobank that do not count yet', async () => {
    setToday('2012-04-02');
    await beleid.ok('/rules', rulesBody(oudeIJsselstreek.rules[0]!));
    budget = await kernregisseur.ok('/budgets', {
      areaId: m.areas['KERN-ULFT'],
      rulesKey: 'oude-ijsselstreek-kernbudget',
      name: 'Initiatievenbudget Ulft 2012',
      year: 2012,
      fundingSources: [
        { kind: 'municipal_programme', name: 'Reguliere budgetten leefbaarheid', amount: euros(5_000) },
        {
          kind: 'partner',
          name: 'Wonion',
          organisationId: wonion,
          amount: euros(10_000),
          earmark: 'Leefbaarheid rond huurwoningen',
          conditions: 'Betaling na ondertekening convenant',
        },
        { kind: 'partner', name: 'Rabobank', organisationId: rabobank, amount: euros(5_000), earmark: 'Coöperatiefonds' },
      ],
    });
    expect(budget).toMatchObject({
      availableCents: euros(5_000),
      cofundingPledgedCents: euros(15_000),
      cofundingOutstandingCents: euros(15_000),
      pledgesCountAsAvailable: false,
    });
    // Another village's kernregisseur cannot touch it: Gendringen is not Ulft.
    await givenPerson(t.db, m, 'Gert Gendringen', [['wijkregisseur', 'KERN-GENDRINGEN']]);
    const gendringen = new Client(t, 'GM1509', 'gert.gendringen@gm1509.test');
    expect((await gendringen.post(`/budgets/${budget.id}/allocate`, { fundingSourceId: budget.fundingSources[0].id, amount: 100, reason: 'x' })).status).toBe(
      404,
    );
  });

  let speeltuin: Json;
  it('the association applies with its own contribution and co-funders; 25% own contribution is required', async () => {
    speeltuin = await vereniging.ok('/initiatives', {
      areaId: m.areas.WK150901,
      title: 'Natuurspeeltuin De Hoge Bongerd',
      description: 'Een natuurspeeltuin, aangelegd door de buurt.',
      purpose: 'liveability',
      groupName: 'Buurtvereniging De Hoge Bongerd',
      costLines: [
        { description: 'Speelaanleg', amount: euros(10_000) },
        { description: 'Beplanting', amount: euros(4_000) },
      ],
      ownContribution: euros(3_000),
      cofunders: [
        { name: 'Wonion', organisationId: wonion, amount: euros(1_500), status: 'received' },
        { name: 'Rabobank', organisationId: rabobank, amount: euros(1_000), status: 'pledged' },
      ],
    });
    expect(speeltuin).toMatchObject({ totalCostCents: euros(14_000), cofundingCents: euros(2_500), requestedCents: euros(8_500) });
    const short = await vereniging.post(`/initiatives/${speeltuin.id}/submit`);
    expectProblem(short, 422, 'own_contribution_insufficient');
    expect(short.body.detail).toMatch(
      /De eigen bijdrage is € 3\.000,00, 21,42% van de totale kosten van € 14\.000,00; de spelregels 'Initiatievenbudget kernen Oude IJsselstreek' vragen minstens 25%/,
    );
    speeltuin = await vereniging.ok(`/initiatives/${speeltuin.id}`, { ownContribution: '3.500,00' }, 'PATCH');
    expect(speeltuin.requestedCents).toBe(euros(8_000));
    speeltuin = await vereniging.ok(`/initiatives/${speeltuin.id}/submit`);
    expect(speeltuin).toMatchObject({ status: 'submitted', budgetId: budget.id });
  });

  it('the wijkteam partner advises; the kernregisseur lacks the mandate; pledges alone are not enough money', async () => {
    setToday('2012-04-20');
    await kernregisseur.ok(`/initiatives/${speeltuin.id}/admissibility`, { admissible: true, requestAdvice: true });
    await partner.ok(`/initiatives/${speeltuin.id}/advice`, {
      kind: 'wijkteam',
      recommendation: 'positive',
      text: 'Wonion draagt bij en zorgt voor het onderhoud van de groenstrook.',
    });
    const mandate = await kernregisseur.post(`/initiatives/${speeltuin.id}/decide`, { grantedAmount: euros(8_000), motivation: 'Goed plan.' });
    expectProblem(mandate, 403, 'mandate_exceeded');
    expect(mandate.body.detail).toBe(
      'De kernregisseur mag besluiten tot en met € 2.500,00; dit besluit gaat over € 8.000,00. Hiervoor is een besluit van de wethouder nodig.',
    );
    const money = await wethouder.post(`/initiatives/${speeltuin.id}/decide`, { grantedAmount: euros(8_000), motivation: 'Goed plan.' });
    expectProblem(money, 422, 'budget_insufficient');
    expect(money.body).toMatchObject({ free: euros(5_000), needed: euros(8_000) });
  });

  it('Wonion pays its pledge; then the wethouder grants; the Rabobank lowers its pledge and pays the rest', async () => {
    const source = (name: string) => budget.fundingSources.find((s: Json) => s.name === name);
    const [wonionSource, rabobankSource] = [source('Wonion'), source('Rabobank')];
    const receipt = await beleid.ok(`/budgets/${budget.id}/funding-sources/${wonionSource.id}/receipts`, {
      amount: euros(10_000),
      reason: 'Ontvangen op rekening, 18 april 2012',
    });
    expect(receipt.budget).toMatchObject({ availableCents: euros(15_000), cofundingOutstandingCents: euros(5_000) });
    speeltuin = await wethouder.ok(`/initiatives/${speeltuin.id}/decide`, {
      grantedAmount: euros(8_000),
      motivation: 'Draagvlak in de buurt, cofinanciering rond.',
    });
    expect(speeltuin).toMatchObject({ status: 'granted', decidedAs: 'wethouder' });
    await beleid.ok(`/budgets/${budget.id}/funding-sources/${rabobankSource.id}/withdrawals`, { amount: euros(2_000), reason: 'Fonds verlaagd' });
    expectProblem(
      await beleid.post(`/budgets/${budget.id}/funding-sources/${rabobankSource.id}/withdrawals`, { amount: euros(4_000), reason: 'te veel' }),
      422,
      'pledge_insufficient',
    );
    const paid = await beleid.ok(`/budgets/${budget.id}/funding-sources/${rabobankSource.id}/receipts`, { amount: euros(3_000), reason: 'Ontvangen' });
    expect(paid.budget).toMatchObject({ availableCents: euros(18_000), reservedCents: euros(8_000), freeCents: euros(10_000), cofundingOutstandingCents: 0 });
  });

  it('a grant above EUR 5,000 needs a final account before settlement; unspent advance comes back', async () => {
    speeltuin = await kernregisseur.ok(`/initiatives/${speeltuin.id}/pay-advance`);
    speeltuin = await vereniging.ok(`/initiatives/${speeltuin.id}/start`);
    const early = await kernregisseur.post(`/initiatives/${speeltuin.id}/settle`, {});
    expectProblem(early, 422, 'transition_not_allowed');
    expect(early.body.detail).toBe("Een initiatief met status 'in uitvoering' kan niet worden vastgesteld: eerst moet de verantwoording worden ingediend.");
    setToday('2012-10-01');
    // Above EUR 5,000 the account comes with receipts (the rules' threshold): first the invoice.
    const invoice = await vereniging.upload(`/initiatives/${speeltuin.id}/attachments?kind=receipt`, {
      filename: 'factuur-hoveniersbedrijf.pdf',
      contentType: 'application/pdf',
      content: files.pdf,
    });
    expect(invoice.status, invoice.text).toBe(201);
    speeltuin = await vereniging.ok(`/initiatives/${speeltuin.id}/account`, {
      lines: [
        { description: 'Speelaanleg (factuur Hoveniersbedrijf)', amount: euros(9_200) },
        { description: 'Beplanting (bonnen)', amount: euros(3_800) },
      ],
      results: 'Aangelegd met 35 vrijwilligers; geopend op 15 september.',
    });
    speeltuin = await kernregisseur.ok(`/initiatives/${speeltuin.id}/settle`, {});
    // 13,000 actual − 3,500 own − 2,500 co-funded = 7,000; 1,000 of the 8,000 advance comes back.
    expect(speeltuin).toMatchObject({ status: 'settled', settledCents: euros(7_000), paidCents: euros(7_000), reservedCents: 0 });
    expect((await expectBalanced(t, beleid, budget.id)).freeCents).toBe(euros(11_000));
  });

  it('year end carries the free money over to 2013 — once there is a 2013 budget', async () => {
    setToday('2013-01-07');
    expectProblem(await kernregisseur.post(`/budgets/${budget.id}/close-year`, {}), 422, 'next_budget_missing');
    const next = await kernregisseur.ok('/budgets', {
      areaId: m.areas['KERN-ULFT'],
      rulesKey: 'oude-ijsselstreek-kernbudget',
      name: 'Initiatievenbudget Ulft 2013',
      year: 2013,
    });
    const closed = await kernregisseur.ok(`/budgets/${budget.id}/close-year`, {});
    expect(closed.behaviour).toBe('carry_over');
    expect(closed.budget).toMatchObject({ closed: true, carriedOutCents: euros(11_000), freeCents: 0 });
    expect(await expectBalanced(t, beleid, next.id)).toMatchObject({ carriedInCents: euros(11_000), availableCents: euros(11_000) });
    await expectBalanced(t, beleid, budget.id);
  });

  it('the controller’s ledger export shows pledges, withdrawals and receipts to the cent', async () => {
    const csv = (await controller.get('/exports/ledger.csv?from=2012-01-01&to=2013-12-31')).text;
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const total = (type: string, direction = '') => Number(rows.find((r) => r[0] === 'Totaal' && r[7] === type && r[14] === direction)?.[10]);
    expect(total('cofunding_pledge')).toBe(euros(15_000));
    expect(total('cofunding_pledge_withdrawal')).toBe(euros(2_000));
    expect(total('cofunding_receipt')).toBe(euros(13_000));
    expect(total('release')).toBe(euros(1_000));
    expect(total('carry_over', 'out')).toBe(euros(11_000));
    expect(total('carry_over', 'in')).toBe(euros(11_000));
  });
});
