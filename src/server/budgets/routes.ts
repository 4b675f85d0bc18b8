// SPDX-License-Identifier: EUPL-1.2
// Budgets, rules versions, multi-year plans, funding, transfers, year end, corrections, and the
// controller's CSV and XLSX exports of budgets and ledger. Every mutation runs in one transaction that
// locks the budget rows it books on; a refused booking (problem+json naming the rule) saves nothing.
// Route order: authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.js';
import { requireActor } from '../http/authorize.js';
import { auditContext } from '../http/context.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import { abilitiesOn } from '../../core/access/policy.js';
import { areaLineage } from '../areas/queries.js';
import { APPLICANT_TYPES, PUBLISHED_FIELDS, type BudgetRulesInput, type MandateRow } from '../../core/mandates/index.js';
import { notFound } from '../errors.js';
import { MoneyInput, NullableMoneyInput, readAmount, type MoneyValue } from './input.js';
import { fundingSourceKinds } from './schema.js';
import {
  budgetBalances,
  findBudget,
  listBudgets,
  listBudgetsOfPlans,
  listFundingSources,
  listLedgerInPeriod,
  listLedgerRows,
  listPlanYears,
  listPlans,
  listRules,
  findPlan,
  type BudgetRow,
} from './queries.js';
import { authorizeBudgetArea, loadArea, visibleBudgetAreaIds } from './access.js';
import { authorizeMunicipalityWide, requireStaff } from '../http/authorize.js';
import { rootLineage } from '../areas/queries.js';
import { presentBudget, presentFundingSource, presentRules } from './present.js';
import { openLedger, presentLedgerRow, type CommandContext } from './commands/ledger.js';
import { defineRulesVersion } from './commands/define-rules.js';
import { createBudget } from './commands/create-budget.js';
import { addFundingSource, allocate, recordReceipt, withdrawPledge } from './commands/funding.js';
import { transferBetweenBudgets } from './commands/transfer.js';
import { closeBudgetYear } from './commands/close-year.js';
import { correctBudget } from './commands/correct.js';
import { createPlan, realisePlanYear } from './commands/plans.js';
import { budgetsTable, ledgerTable } from './exports.js';
import { exportRoutes } from './export-routes.js';
import type { Db } from '../db/client.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (max: number) => Type.String({ maxLength: max });
/** Null first: with type coercion on, a null must not be coerced into the other branch ("" or 0). */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const BasisPoints = Type.Integer({ minimum: 0, maximum: 10_000 });

const FundingSourceBody = Type.Object(
  {
    kind: Type.Enum(fundingSourceKinds),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    organisationId: Type.Optional(Nullable(Id)),
    amount: MoneyInput,
    earmark: Type.Optional(Nullable(Text(1000))),
    conditions: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);

const MandateBody = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 60 }), label: Type.String({ minLength: 1, maxLength: 80 }), upTo: NullableMoneyInput },
  { additionalProperties: false },
);

const RulesBody = Type.Object(
  {
    rulesKey: Type.String({ minLength: 1, maxLength: 80 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    validFrom: IsoDate,
    validUntil: Type.Optional(IsoDate),
    // 'any' first: with type coercion on, a lone string would otherwise be coerced into a one-item array.
    eligiblePurposes: Type.Union([Type.Literal('any'), Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50 })]),
    exclusions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50 })),
    labels: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 }))),
    applicantTypes: Type.Array(Type.Enum(APPLICANT_TYPES), { maxItems: 3 }),
    minAmount: Type.Optional(MoneyInput),
    maxAmount: MoneyInput,
    ownContributionBp: Type.Optional(BasisPoints),
    cofundingBp: Type.Optional(BasisPoints),
    mandates: Type.Array(MandateBody, { maxItems: 20 }),
    decisionDeadlineWeeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
    advancePaymentBp: Type.Optional(BasisPoints),
    finalAccountRequiredAbove: Type.Optional(NullableMoneyInput),
    published: Type.Optional(Type.Array(Type.Enum(PUBLISHED_FIELDS), { maxItems: 20 })),
    yearEnd: Type.Optional(Type.Union([Type.Literal('carry_over'), Type.Literal('lapse')])),
    pledgesCountAsAvailable: Type.Optional(Type.Boolean()),
    roleMap: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 40 }))),
  },
  { additionalProperties: false },
);

const AmountReason = Type.Object({ amount: MoneyInput, reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

function commandContext(request: FastifyRequest, municipality: Municipality): CommandContext {
  return { municipalityId: municipality.id, ...auditContext(request) };
}

function moneyOrNull(value: MoneyValue | null | undefined, label: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return readAmount(value, label, 'non_negative');
}

type Q = Pick<Db, 'select' | 'execute'>;

/** A budget of this municipality that the actor may manage (404 / 403 otherwise). */
async function manageableBudget(q: Q, request: FastifyRequest, municipality: Municipality, budgetId: string): Promise<BudgetRow> {
  const actor = requireActor(request, municipality.id);
  const budget = await findBudget(q, municipality.id, budgetId);
  if (!budget) throw notFound({ nl: 'Dit budget bestaat niet in deze gemeente.', en: 'This budget does not exist in this municipality.' });
  await authorizeBudgetArea(q, actor, municipality.id, budget.areaId);
  return budget;
}

async function budgetView(q: Q, municipalityId: string, budgetId: string) {
  const [row] = await listBudgets(q, municipalityId, { ids: [budgetId] });
  if (!row) throw notFound();
  const balances = await budgetBalances(q, municipalityId, [row]);
  const sources = await listFundingSources(q, municipalityId, [row.id]);
  return { ...presentBudget(row, balances.get(row.id)!), fundingSources: sources.map(presentFundingSource) };
}

export function budgetRoutes(app: App): void {
  const db = app.services.db;

  // ---- Rules ------------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/rules',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Rules versions (spelregels) of the budget lines, oldest first (staff)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ rulesKey: Type.Optional(Type.String({ maxLength: 80 })) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      requireStaff(requireActor(request, municipality.id));
      return (await listRules(db, municipality.id, request.query.rulesKey)).map(presentRules);
    },
  );

  app.post(
    '/api/municipalities/:code/rules',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Adopt a new version of the rules of a budget line (rules.manage on the municipality: beheerder, wijkregisseur)',
        description:
          'The version number is the next for the line. Amounts in cents or as Dutch text. `roleMap` maps mandate-table roles to system roles where the municipality’s word differs from its role labels.',
        params: Type.Object({ code: Code }),
        body: RulesBody,
      },
    },
    async (request, reply) => {
      const { rulesKey, roleMap, minAmount, maxAmount, mandates, finalAccountRequiredAbove, ...rest } = request.body;
      const created = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        authorizeMunicipalityWide(actor, 'rules.manage', await rootLineage(tx, municipality.id));
        const rules = {
          ...rest,
          budgetKey: rulesKey,
          maxAmount: readAmount(maxAmount, 'Het maximumbedrag'),
          ...(minAmount !== undefined ? { minAmount: readAmount(minAmount, 'Het minimumbedrag') } : {}),
          ...(finalAccountRequiredAbove !== undefined
            ? { finalAccountRequiredAbove: moneyOrNull(finalAccountRequiredAbove, 'De grens voor verantwoording') ?? null }
            : {}),
          mandates: mandates.map((m): MandateRow => ({
            role: m.role,
            label: m.label,
            upTo: m.upTo === null ? null : readAmount(m.upTo, `De mandaatgrens van ${m.label}`),
          })),
        } as Omit<BudgetRulesInput, 'version'> & { version?: number };
        return defineRulesVersion(tx, commandContext(request, municipality), { rules, roleMap });
      });
      return reply.status(201).send(presentRules(created));
    },
  );

  // ---- Budgets ----------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/budgets',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Budgets the caller can see, each with available / reserved / paid / free derived from the ledger',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })), areaId: Type.Optional(Id) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      requireStaff(actor);
      const visible = await visibleBudgetAreaIds(db, actor);
      const areaIds = request.query.areaId ? visible.filter((id) => id === request.query.areaId) : visible;
      const rows = await listBudgets(db, municipality.id, { areaIds, year: request.query.year });
      const balances = await budgetBalances(db, municipality.id, rows);
      const root = await rootLineage(db, municipality.id);
      return {
        budgets: rows.map((r) => presentBudget(r, balances.get(r.id)!)),
        abilities: abilitiesOn(actor, root, ['budget.manage', 'rules.manage', 'finance.export']),
      };
    },
  );

  app.post(
    '/api/municipalities/:code/budgets',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Create a budget for an area and a year (or period), with its first funding sources (budget.manage on the area)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            areaId: Id,
            rulesKey: Type.String({ minLength: 1, maxLength: 80 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            year: Type.Integer(),
            periodStart: Type.Optional(IsoDate),
            periodEnd: Type.Optional(IsoDate),
            pledgesCountAsAvailable: Type.Optional(Type.Boolean()),
            fundingSources: Type.Optional(Type.Array(FundingSourceBody, { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        const area = await loadArea(tx, municipality.id, body.areaId);
        await authorizeBudgetArea(tx, actor, municipality.id, area.id);
        const { budget } = await createBudget(tx, commandContext(request, municipality), {
          ...body,
          fundingSources: (body.fundingSources ?? []).map((s) => ({ ...s, amount: readAmount(s.amount, `Het bedrag van ${s.name}`) })),
        });
        return budgetView(tx, municipality.id, budget.id);
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/municipalities/:code/budgets/:budgetId',
    {
      schema: {
        tags: ['budgets'],
        summary: 'One budget: balance, funding sources, rules versions and its ledger (staff who can see the area)',
        params: Type.Object({ code: Code, budgetId: Id }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const budget = await findBudget(db, municipality.id, request.params.budgetId);
      if (!budget || !(await visibleBudgetAreaIds(db, actor)).includes(budget.areaId))
        throw notFound({ nl: 'Dit budget bestaat niet in deze gemeente.', en: 'This budget does not exist in this municipality.' });
      const [view, rules, ledger] = await Promise.all([
        budgetView(db, municipality.id, budget.id),
        listRules(db, municipality.id, budget.rulesKey),
        listLedgerRows(db, municipality.id, budget.id),
      ]);
      const lineage = await areaLineage(db, municipality.id, budget.areaId);
      return { ...view, rules: rules.map(presentRules), ledger: ledger.map(presentLedgerRow), abilities: abilitiesOn(actor, lineage, ['budget.manage']) };
    },
  );

  app.get(
    '/api/municipalities/:code/budgets/:budgetId/rules',
    { schema: { tags: ['budgets'], summary: 'Rules versions of the budget’s line (staff)', params: Type.Object({ code: Code, budgetId: Id }) } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const budget = await findBudget(db, municipality.id, request.params.budgetId);
      if (!budget || !(await visibleBudgetAreaIds(db, actor)).includes(budget.areaId)) throw notFound();
      return (await listRules(db, municipality.id, budget.rulesKey)).map(presentRules);
    },
  );

  app.post(
    '/api/municipalities/:code/budgets/:budgetId/funding-sources',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Add a funding source: a municipal programme (allocation) or a partner or fund (co-funding pledge)',
        params: Type.Object({ code: Code, budgetId: Id }),
        body: FundingSourceBody,
      },
    },
    async (request, reply) => {
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const budget = await manageableBudget(tx, request, municipality, request.params.budgetId);
        const ctx = commandContext(request, municipality);
        const ledger = await openLedger(tx, ctx, budget.id);
        const { source, entry } = await addFundingSource(tx, ctx, ledger, {
          ...request.body,
          amount: readAmount(request.body.amount, `Het bedrag van ${request.body.name}`),
        });
        return { source: presentFundingSource(source), entry: presentLedgerRow(entry), budget: await budgetView(tx, municipality.id, budget.id) };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/municipalities/:code/budgets/:budgetId/allocate',
    {
      schema: {
        tags: ['budgets'],
        summary: 'More money from an existing funding source (allocation, or a larger pledge)',
        params: Type.Object({ code: Code, budgetId: Id }),
        body: Type.Object({ fundingSourceId: Id, amount: MoneyInput, reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const budget = await manageableBudget(tx, request, municipality, request.params.budgetId);
        const ctx = commandContext(request, municipality);
        const ledger = await openLedger(tx, ctx, budget.id);
        const entry = await allocate(tx, ctx, ledger, { ...request.body, amount: readAmount(request.body.amount, 'Het bedrag van de toekenning') });
        return { entry: presentLedgerRow(entry), budget: await budgetView(tx, municipality.id, budget.id) };
      });
      return reply.status(201).send(result);
    },
  );

  for (const [path, what, command, label] of [
    ['receipts', 'Record money received from a co-funding partner or fund', recordReceipt, 'Het ontvangen bedrag'],
    ['withdrawals', 'Withdraw (part of) a co-funding pledge that will not be paid', withdrawPledge, 'Het ingetrokken bedrag'],
  ] as const) {
    app.post(
      `/api/municipalities/:code/budgets/:budgetId/funding-sources/:sourceId/${path}`,
      { schema: { tags: ['budgets'], summary: what, params: Type.Object({ code: Code, budgetId: Id, sourceId: Id }), body: AmountReason } },
      async (request, reply) => {
        const result = await db.transaction(async (tx) => {
          const municipality = await loadMunicipality(tx, request.params.code);
          const budget = await manageableBudget(tx, request, municipality, request.params.budgetId);
          const ctx = commandContext(request, municipality);
          const ledger = await openLedger(tx, ctx, budget.id);
          const entry = await command(tx, ctx, ledger, {
            fundingSourceId: request.params.sourceId,
            amount: readAmount(request.body.amount, label),
            reason: request.body.reason,
          });
          return { entry: presentLedgerRow(entry), budget: await budgetView(tx, municipality.id, budget.id) };
        });
        return reply.status(201).send(result);
      },
    );
  }

  app.post(
    '/api/municipalities/:code/budgets/:budgetId/corrections',
    {
      schema: {
        tags: ['budgets'],
        summary: 'A signed correction with a reason (on available, or on an initiative’s reserved or paid amount)',
        params: Type.Object({ code: Code, budgetId: Id }),
        body: Type.Object(
          {
            amount: MoneyInput,
            reason: Type.String({ maxLength: 2000 }),
            target: Type.Optional(Type.Union([Type.Literal('available'), Type.Literal('reserved'), Type.Literal('paid')])),
            initiativeId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const budget = await manageableBudget(tx, request, municipality, request.params.budgetId);
        const ctx = commandContext(request, municipality);
        const ledger = await openLedger(tx, ctx, budget.id);
        const entry = await correctBudget(tx, ctx, ledger, { ...request.body, amount: readAmount(request.body.amount, 'Het bedrag van de correctie', 'any') });
        return { entry: presentLedgerRow(entry), budget: await budgetView(tx, municipality.id, budget.id) };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/municipalities/:code/budget-transfers',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Transfer money between two budgets, with a reason (budget.manage on both areas)',
        params: Type.Object({ code: Code }),
        body: Type.Object({ fromBudgetId: Id, toBudgetId: Id, amount: MoneyInput, reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const result = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        await manageableBudget(tx, request, municipality, request.body.fromBudgetId);
        await manageableBudget(tx, request, municipality, request.body.toBudgetId);
        const amount = readAmount(request.body.amount, 'Het bedrag van de overboeking');
        const entries = await transferBetweenBudgets(tx, commandContext(request, municipality), { ...request.body, amount });
        return {
          entries: [presentLedgerRow(entries.out), presentLedgerRow(entries.in)],
          from: await budgetView(tx, municipality.id, request.body.fromBudgetId),
          to: await budgetView(tx, municipality.id, request.body.toBudgetId),
        };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/municipalities/:code/budgets/:budgetId/close-year',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Year end: free money lapses or carries over to next year’s budget, as the rules say',
        params: Type.Object({ code: Code, budgetId: Id }),
        body: Type.Object({ nextBudgetId: Type.Optional(Id), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      return db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const budget = await manageableBudget(tx, request, municipality, request.params.budgetId);
        if (request.body.nextBudgetId) await manageableBudget(tx, request, municipality, request.body.nextBudgetId);
        const result = await closeBudgetYear(tx, commandContext(request, municipality), budget.id, request.body);
        return {
          behaviour: result.behaviour,
          entries: [result.closing, ...(result.opening ? [result.opening] : [])].map(presentLedgerRow),
          budget: await budgetView(tx, municipality.id, budget.id),
        };
      });
    },
  );

  // ---- Plans ------------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/budget-plans',
    { schema: { tags: ['budgets'], summary: 'Multi-year plans with planned and realised amounts per year (staff)', params: Type.Object({ code: Code }) } },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      requireStaff(requireActor(request, municipality.id));
      const plans = await listPlans(db, municipality.id);
      const ids = plans.map((p) => p.id);
      const [years, realised] = await Promise.all([listPlanYears(db, municipality.id, ids), listBudgetsOfPlans(db, municipality.id, ids)]);
      const balances = await budgetBalances(db, municipality.id, realised);
      return plans.map((p) => ({
        id: p.id,
        name: p.name,
        areaId: p.areaId,
        rulesKey: p.rulesKey,
        years: years
          .filter((y) => y.planId === p.id)
          .map((y) => {
            const budget = realised.find((b) => b.planId === p.id && b.year === y.year);
            return {
              year: y.year,
              plannedCents: y.amountCents,
              source: y.source,
              budgetId: budget?.id ?? null,
              availableCents: budget ? balances.get(budget.id)!.available : null,
            };
          }),
      }));
    },
  );

  app.post(
    '/api/municipalities/:code/budget-plans',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Create a multi-year plan (budget.manage on the area)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            areaId: Id,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            rulesKey: Type.String({ minLength: 1, maxLength: 80 }),
            years: Type.Array(
              Type.Object({ year: Type.Integer(), amount: MoneyInput, source: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
              { minItems: 1, maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const plan = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        const area = await loadArea(tx, municipality.id, request.body.areaId);
        await authorizeBudgetArea(tx, actor, municipality.id, area.id);
        return createPlan(tx, commandContext(request, municipality), {
          ...request.body,
          years: request.body.years.map((y) => ({ ...y, amount: readAmount(y.amount, `Het geplande bedrag voor ${y.year}`) })),
        });
      });
      return reply.status(201).send({ id: plan.id, name: plan.name, areaId: plan.areaId, rulesKey: plan.rulesKey });
    },
  );

  app.post(
    '/api/municipalities/:code/budget-plans/:planId/years/:year/budget',
    {
      schema: {
        tags: ['budgets'],
        summary: 'Create the budget of one planned year with the planned amount allocated',
        params: Type.Object({ code: Code, planId: Id, year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
      },
    },
    async (request, reply) => {
      const view = await db.transaction(async (tx) => {
        const municipality = await loadMunicipality(tx, request.params.code);
        const actor = requireActor(request, municipality.id);
        const plan = await findPlan(tx, municipality.id, request.params.planId);
        if (!plan) throw notFound({ nl: 'Dit meerjarenplan bestaat niet in deze gemeente.', en: 'This plan does not exist in this municipality.' });
        await authorizeBudgetArea(tx, actor, municipality.id, plan.areaId);
        const budget = await realisePlanYear(tx, commandContext(request, municipality), plan.id, request.params.year);
        return budgetView(tx, municipality.id, budget.id);
      });
      return reply.status(201).send(view);
    },
  );

  // ---- Exports ----------------------------------------------------------------------------------

  exportRoutes(app, {
    name: 'budgets',
    basename: 'budgetten',
    summary: 'Budgets overlapping a period with their balances at its end, and a totals row',
    build: async (q, municipality, from, to) => {
      const rows = await listBudgets(q, municipality.id, { from, to });
      return budgetsTable(rows, await budgetBalances(q, municipality.id, rows, to));
    },
  });
  exportRoutes(app, {
    name: 'ledger',
    basename: 'grootboek',
    summary: 'Ledger entries booked in a period, in ledger order, with totals per entry type',
    build: async (q, municipality, from, to) => ledgerTable(await listLedgerInPeriod(q, municipality.id, from, to)),
  });
}
