// SPDX-License-Identifier: EUPL-1.2
// Bad input, as a table: every case answers problem+json with a stable code and a Dutch message
// naming the rule, and nothing is saved (no ledger entry, initiative, step, audit event or mail).
// Also: a decision without mandate is 403 naming the rule; another area's or municipality's
// initiative is 404, and so are its files; files too big, of a type not allowed (whatever their
// name says) or named as something they are not are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { defineRules } from '../../core/mandates/index.js';
import { euros } from '../../core/money.js';
import { Client, countRows, expectProblem, files, realTime, rulesBody, setToday, type Json, type Reply } from './testing.js';

describe(`bad input is refused, naming the rule, and nothing is saved (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let regisseur: Client;
  let wethouder: Client;
  let werkerB: Client;
  let resident: Client;
  let stranger: Client;
  let budgetA: Json;
  let budgetB: Json;
  let draft: Json;
  let tooBig: Json;
  let submitted: Json;
  let admissible: Json;

  const lines = (amount: unknown) => [{ description: 'Materiaal', amount }];
  const attach = (client: Client, initiativeId: string, filename: string, content: Buffer, kind = 'application') =>
    client.upload(`/initiatives/${initiativeId}/attachments?kind=${kind}`, { filename, contentType: 'application/pdf', content });
  const application = (extra: Json = {}) => ({
    areaId: m.areas.WK098301,
    title: 'Bloembakken',
    description: 'Bloembakken in de straat.',
    purpose: 'liveability',
    costLines: lines(euros(1_000)),
    ...extra,
  });

  beforeAll(async () => {
    setToday('2024-03-04');
    t = await createTestApp();
    m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'WK098302', name: 'Venlo-Oost', level: 'wijk' },
    ]);
    await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Wim Wethouder', [['wijkwethouder', 'GM0983']]);
    await givenPerson(t.db, m, 'Olga Oost', [['wijkwerker', 'WK098302']]);
    await givenPerson(t.db, m, 'Rik Resident');
    const other = await givenMunicipality(t.db, 'GM0935', 'Maastricht');
    await givenPerson(t.db, other, 'Mia Maastricht', [['wijkregisseur', 'GM0935']]);
    regisseur = new Client(t, 'GM0983', 'rita.regisseur@gm0983.test');
    wethouder = new Client(t, 'GM0983', 'wim.wethouder@gm0983.test');
    werkerB = new Client(t, 'GM0983', 'olga.oost@gm0983.test');
    resident = new Client(t, 'GM0983', 'rik.resident@gm0983.test');
    stranger = new Client(t, 'GM0935', 'mia.maastricht@gm0935.test');

    await regisseur.ok(
      '/rules',
      rulesBody(
        defineRules({
          budgetKey: 'venlo-wijkbudget',
          version: 1,
          name: 'Wijkbudget Venlo',
          validFrom: '2024-01-01',
          eligiblePurposes: ['liveability'],
          applicantTypes: ['residents_group', 'resident'],
          maxAmount: euros(5_000),
          mandates: [
            { role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(2_500) },
            { role: 'wijkwethouder', label: 'wijkwethouder', upTo: null },
          ],
        }),
      ),
    );
    const budget = (areaCode: string, amount: number) =>
      regisseur.ok('/budgets', {
        areaId: m.areas[areaCode],
        rulesKey: 'venlo-wijkbudget',
        name: `Wijkbudget ${areaCode} 2024`,
        year: 2024,
        fundingSources: [{ kind: 'municipal_programme', name: 'Leefbaarheid', amount }],
      });
    budgetA = await budget('WK098301', euros(2_000));
    budgetB = await budget('WK098302', euros(10_000));
    draft = await resident.ok('/initiatives', application());
    tooBig = await resident.ok('/initiatives', application({ costLines: lines(euros(6_000)) }));
    submitted = await resident.ok('/initiatives', application());
    await resident.ok(`/initiatives/${submitted.id}/submit`);
    admissible = await resident.ok('/initiatives', application({ costLines: lines(euros(3_000)) }));
    await resident.ok(`/initiatives/${admissible.id}/submit`);
    await regisseur.ok(`/initiatives/${admissible.id}/admissibility`, { admissible: true });
    // Sign everyone in now: a sign-in is audited, and the cases below count audit events.
    for (const client of [wethouder, werkerB, stranger]) await client.get('/api/health');
  }, 300_000);
  afterAll(async () => {
    realTime();
    await t.close();
  });

  type Case = [name: string, call: () => Promise<Reply>, status: number, code: string, detail?: RegExp];
  const cases: Case[] = [
    [
      'negative amount',
      () => resident.post('/initiatives', application({ costLines: lines(-100) })),
      422,
      'amount_not_positive',
      /moet groter zijn dan € 0,00/,
    ],
    ['zero amount', () => resident.post('/initiatives', application({ costLines: lines(0) })), 422, 'amount_not_positive'],
    ['fractional cent', () => resident.post('/initiatives', application({ costLines: lines(1050.5) })), 422, 'amount_fractional_cents', /heel aantal centen/],
    [
      'three decimals in Dutch text',
      () => resident.post('/initiatives', application({ costLines: lines('12,345') })),
      422,
      'amount_fractional_cents',
      /meer dan twee cijfers achter de komma/,
    ],
    ['absurd amount', () => resident.post('/initiatives', application({ costLines: lines(1e12) })), 422, 'amount_above_ceiling', /€ 100\.000\.000,00/],
    ['absurd amount as text', () => resident.post('/initiatives', application({ costLines: lines('999.999.999.999,00') })), 422, 'amount_above_ceiling'],
    ['not an amount', () => resident.post('/initiatives', application({ costLines: lines('twaalf euro') })), 422, 'amount_unparseable'],
    [
      'English notation',
      () => resident.post('/initiatives', application({ costLines: lines('1,234.56') })),
      422,
      'amount_unparseable',
      /Nederlandse schrijfwijze/,
    ],
    ['negative own contribution', () => resident.post('/initiatives', application({ ownContribution: -1 })), 422, 'amount_negative'],
    ['contributions above the costs', () => resident.post('/initiatives', application({ ownContribution: euros(2_000) })), 422, 'contributions_exceed_costs'],
    [
      'budget of another area',
      () => resident.post('/initiatives', application({ budgetId: budgetB.id })),
      422,
      'budget_area_mismatch',
      /niet bedoeld voor dit gebied/,
    ],
    ['unknown area', () => resident.post('/initiatives', application({ areaId: '00000000-0000-4000-8000-000000000000' })), 404, 'not_found'],
    [
      'over the rule maximum',
      () => resident.post(`/initiatives/${tooBig.id}/submit`),
      422,
      'amount_above_rule_maximum',
      /hoger dan het maximum van € 5\.000,00 volgens de spelregels 'Wijkbudget Venlo'/,
    ],
    [
      'decision without mandate',
      () => regisseur.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(3_000), motivation: 'Goed plan.' }),
      403,
      'mandate_exceeded',
      /wijkregisseur mag besluiten tot en met € 2\.500,00/,
    ],
    [
      'decision over what is available',
      () => wethouder.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(3_000), motivation: 'Goed plan.' }),
      422,
      'budget_insufficient',
      /nodig € 3\.000,00, vrij € 2\.000,00/,
    ],
    [
      'more granted than asked',
      () => wethouder.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(3_500), motivation: 'Goed plan.' }),
      422,
      'granted_amount_invalid',
    ],
    ['negative grant', () => wethouder.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: -1, motivation: 'Goed plan.' }), 422, 'amount_negative'],
    [
      'decision without motivation',
      () => wethouder.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(1_000), motivation: '' }),
      422,
      'motivation_required',
      /Awb art\. 3:46/,
    ],
    [
      'decision by a resident',
      () => resident.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(1_000), motivation: 'Ja.' }),
      403,
      'capability_missing',
    ],
    [
      'payment before a decision',
      () => regisseur.post(`/initiatives/${submitted.id}/pay-advance`),
      422,
      'transition_not_allowed',
      /status 'ingediend' kan niet worden bevoorschot/,
    ],
    [
      'decision before admissibility',
      () => wethouder.post(`/initiatives/${submitted.id}/decide`, { grantedAmount: euros(1_000), motivation: 'Ja.' }),
      422,
      'transition_not_allowed',
    ],
    ['changing a submitted application', () => resident.patch(`/initiatives/${submitted.id}`, { title: 'Anders' }), 422, 'initiative_not_draft'],
    ['another area’s initiative', () => werkerB.get(`/initiatives/${submitted.id}`), 404, 'not_found'],
    [
      'another area’s initiative, advising',
      () => werkerB.post(`/initiatives/${submitted.id}/advice`, { kind: 'wijkwerker', recommendation: 'positive', text: 'Prima.' }),
      404,
      'not_found',
    ],
    ['someone else’s draft', () => regisseur.get(`/initiatives/${draft.id}`), 404, 'not_found'],
    ['another municipality', () => stranger.get(`/api/municipalities/GM0983/initiatives/${submitted.id}`), 404, 'not_found'],
    [
      'another municipality deciding',
      () => stranger.post(`/api/municipalities/GM0983/initiatives/${admissible.id}/decide`, { grantedAmount: 100, motivation: 'x' }),
      404,
      'not_found',
    ],
    [
      'transfer without a reason',
      () => regisseur.post('/budget-transfers', { fromBudgetId: budgetB.id, toBudgetId: budgetA.id, amount: 100, reason: ' ' }),
      422,
      'transfer_reason_required',
    ],
    [
      'transfer of more than is free',
      () => regisseur.post('/budget-transfers', { fromBudgetId: budgetA.id, toBudgetId: budgetB.id, amount: euros(2_001), reason: 'Herverdeling' }),
      422,
      'budget_insufficient',
      /deze overboeking/,
    ],
    [
      'transfer to the same budget',
      () => regisseur.post('/budget-transfers', { fromBudgetId: budgetA.id, toBudgetId: budgetA.id, amount: 100, reason: 'x' }),
      422,
      'transfer_same_budget',
    ],
    [
      'negative allocation',
      () => regisseur.post(`/budgets/${budgetA.id}/allocate`, { fundingSourceId: budgetA.fundingSources[0].id, amount: -500, reason: 'x' }),
      422,
      'amount_not_positive',
    ],
    ['correction of zero', () => regisseur.post(`/budgets/${budgetA.id}/corrections`, { amount: 0, reason: 'x' }), 422, 'amount_not_positive'],
    [
      'correction without a reason',
      () => regisseur.post(`/budgets/${budgetA.id}/corrections`, { amount: -100, reason: '' }),
      422,
      'correction_reason_required',
    ],
    [
      'correction below what is reserved and paid',
      () => regisseur.post(`/budgets/${budgetA.id}/corrections`, { amount: -euros(2_001), reason: 'Verkeerd geboekt' }),
      422,
      'budget_insufficient',
    ],
    [
      'rules with a gap in the mandate table',
      () =>
        regisseur.post('/rules', {
          rulesKey: 'nieuw',
          name: 'Nieuw',
          validFrom: '2024-01-01',
          eligiblePurposes: 'any',
          applicantTypes: ['resident'],
          maxAmount: euros(5_000),
          mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(1_000) }],
        }),
      422,
      'rules_invalid',
    ],
    [
      'budget ending before it starts',
      () =>
        regisseur.post('/budgets', {
          areaId: m.areas.WK098302,
          rulesKey: 'venlo-wijkbudget',
          name: 'Verkeerd',
          year: 2025,
          periodStart: '2025-12-31',
          periodEnd: '2025-01-01',
        }),
      422,
      'period_invalid',
    ],
    [
      'budget without rules',
      () => regisseur.post('/budgets', { areaId: m.areas.WK098302, rulesKey: 'onbekend', name: 'Zonder regels', year: 2025 }),
      422,
      'rules_missing',
    ],
    [
      'budget by someone without budget.manage',
      () => wethouder.post('/budgets', { areaId: m.areas.WK098302, rulesKey: 'venlo-wijkbudget', name: 'Wethouder', year: 2025 }),
      403,
      'forbidden',
    ],
    ['malformed body', () => wethouder.post(`/initiatives/${admissible.id}/decide`, { grantedAmount: euros(1_000) }), 400, 'validation_failed'],
    [
      'a college decision where the mandate table has no college',
      () =>
        wethouder.post(`/initiatives/${admissible.id}/college-decision`, {
          grantedAmount: euros(1_000),
          motivation: 'Goed plan.',
          collegeDecidedOn: '2024-03-01',
          decisionNumber: '2024/001',
        }),
      422,
      'college_not_in_mandate_table',
    ],
    [
      'a college decision recorded by a wijkwerker',
      () =>
        werkerB.post(`/api/municipalities/GM0983/initiatives/${admissible.id}/college-decision`, {
          grantedAmount: euros(1_000),
          motivation: 'Goed plan.',
          collegeDecidedOn: '2024-03-01',
          decisionNumber: '2024/001',
        }),
      404,
      'not_found',
    ],
    [
      'attachment too big',
      () => attach(resident, draft.id, 'offerte.pdf', Buffer.concat([files.pdf, Buffer.alloc(10 * 1024 * 1024, 0x20)])),
      413,
      'attachment_too_large',
      /groter dan 10 MB/,
    ],
    [
      'attachment of the wrong type disguised by its extension',
      () => attach(resident, draft.id, 'offerte.pdf', files.html),
      415,
      'attachment_type_not_allowed',
      /geen bestand van een toegestane soort/,
    ],
    [
      'attachment whose extension does not fit its content',
      () => attach(resident, draft.id, 'offerte.pdf', files.png),
      415,
      'attachment_type_mismatch',
      /\.png/,
    ],
    ['attachment without a file', () => resident.post(`/initiatives/${draft.id}/attachments?kind=application`, { file: 'x' }), 422, 'attachment_missing'],
    ['attachment of an unknown kind', () => attach(resident, draft.id, 'offerte.pdf', files.pdf, 'virus'), 400, 'validation_failed'],
    ['attachment on another area’s initiative', () => attach(werkerB, submitted.id, 'advies.pdf', files.pdf), 404, 'not_found'],
    ['attachment on someone else’s draft', () => attach(regisseur, draft.id, 'offerte.pdf', files.pdf), 404, 'not_found'],
    ['attachments of another area’s initiative', () => werkerB.get(`/initiatives/${submitted.id}/attachments`), 404, 'not_found'],
    ['attachment in another municipality', () => stranger.get(`/api/municipalities/GM0983/initiatives/${submitted.id}/attachments`), 404, 'not_found'],
    ['receipt on an application', () => attach(resident, submitted.id, 'bon.pdf', files.pdf, 'receipt'), 422, 'attachment_stage_closed'],
  ];

  it.each(cases)('%s', async (_name, call, status, code, detail) => {
    const tables = ['ledger_entries', 'initiatives', 'initiative_steps', 'audit_events', 'outbox_messages', 'budgets', 'initiative_attachments'] as const;
    const before = await Promise.all(tables.map((table) => countRows(t, table)));
    const reply = await call();
    expectProblem(reply, status, code);
    if (detail) expect(reply.body.detail).toMatch(detail);
    expect(await Promise.all(tables.map((table) => countRows(t, table)))).toEqual(before);
  });

  it('left every application and budget as it was', async () => {
    expect((await regisseur.get(`/initiatives/${admissible.id}`)).body).toMatchObject({ status: 'admissible', grantedCents: null, reservedCents: 0 });
    expect((await regisseur.get(`/budgets/${budgetA.id}`)).body).toMatchObject({ availableCents: euros(2_000), reservedCents: 0, freeCents: euros(2_000) });
    expect((await resident.get(`/initiatives/${tooBig.id}`)).body.status).toBe('draft');
  });
});
