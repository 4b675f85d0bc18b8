// SPDX-License-Identifier: EUPL-1.2
// Residents' initiatives: drafts, the lifecycle steps, lists and the overdue list, the decision
// letters, the area manager's dashboard, the public page per area (no sign-in) and the controller's
// CSV export of initiatives. Every step answers with the initiative and the caller's allowedActions.
// Route order: authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { requireActor } from '../http/authorize.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { can, canSee } from '../../core/access/policy.js';
import { addDays, daysRemaining } from '../../core/calendar/index.js';
import { APPLICANT_TYPES, type PublishedField } from '../../core/mandates/index.js';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../core/initiatives/index.js';
import { sumCents } from '../../core/money.js';
import { areaLineage, findArea, findAreasByIds } from '../areas/queries.js';
import { forbidden, notFound } from '../errors.js';
import type { Db } from '../db/client.js';
import { MoneyInput } from '../budgets/input.js';
import { requireStaff } from '../http/authorize.js';
import { budgetBalances, findRules, listBudgets, type RulesRow } from '../budgets/queries.js';
import { exportRoutes } from '../budgets/export-routes.js';
import { businessDate } from '../budgets/time.js';
import { presentBalance } from '../budgets/present.js';
import { visibleAreaIds } from '../people/queries.js';
import { accessTo, initiativeNotFound, requireVisible } from './access.js';
import { adviceKinds, adviceRecommendations } from './schema.js';
import {
  awaitingDecision,
  countByStatus,
  findInitiative,
  findLetter,
  initiativeMoney,
  listAdvice,
  listCofunders,
  listCostLines,
  listFunded,
  listInitiatives,
  listInitiativesForExport,
  listAttachments,
  listLetters,
  listSteps,
  paidPerInitiative,
  subtreeIds,
  type InitiativeRow,
} from './queries.js';
import { actionsFor, presentAttachment, presentDetail, presentSummary } from './present.js';
import { initiativesTable } from './exports.js';
import { decisionLetterPdf } from './letter-view.js';
import { contextOf } from './context.js';
import { attachmentRoutes } from './attachment-routes.js';
import type { InitiativeContext } from './commands/common.js';
import { createDraft, updateDraft } from './commands/application.js';
import {
  adviseOnInitiative,
  assessInitiative,
  decideInitiative,
  payAdvance,
  recordCollegeDecision,
  type CollegeDecisionInput,
  requestAdvice,
  settleInitiative,
  startExecution,
  submitAccount,
  submitInitiative,
  withdrawInitiative,
} from './commands/steps.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
/** Null first: with type coercion on, a null must not be coerced into the other branch ("" or 0). */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);
const Params = Type.Object({ code: Code, initiativeId: Id });

const CostLine = Type.Object(
  { description: Type.String({ maxLength: 300 }), category: Type.Optional(Nullable(Type.String({ maxLength: 60 }))), amount: MoneyInput },
  { additionalProperties: false },
);
const Cofunder = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    organisationId: Type.Optional(Nullable(Id)),
    amount: MoneyInput,
    status: Type.Optional(Type.Union([Type.Literal('pledged'), Type.Literal('received')])),
  },
  { additionalProperties: false },
);
const applicationFields = {
  budgetId: Type.Optional(Nullable(Id)),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  purpose: Type.Optional(Type.String({ maxLength: 60 })),
  categories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  plannedStart: Type.Optional(Nullable(IsoDate)),
  plannedEnd: Type.Optional(Nullable(IsoDate)),
  applicantType: Type.Optional(Type.Enum(APPLICANT_TYPES)),
  groupName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  organisationId: Type.Optional(Nullable(Id)),
  costLines: Type.Optional(Type.Array(CostLine, { maxItems: 100 })),
  ownContribution: Type.Optional(MoneyInput),
  cofunders: Type.Optional(Type.Array(Cofunder, { maxItems: 20 })),
};

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;

/** The initiative with everything the detail view shows, for the caller (404 when not visible). */
async function detailView(q: Q, ctx: Pick<InitiativeContext, 'actor' | 'municipality'>, initiativeId: string) {
  const initiative = await findInitiative(q, ctx.municipality.id, initiativeId);
  if (!initiative) throw initiativeNotFound();
  const lineage = await areaLineage(q, ctx.municipality.id, initiative.areaId);
  const access = accessTo(ctx.actor, initiative, lineage);
  requireVisible(access, initiative);
  const rules = initiative.rulesId ? await findRules(q, ctx.municipality.id, initiative.rulesId) : undefined;
  // One after another: inside a transaction all queries share one connection.
  const lines = await listCostLines(q, ctx.municipality.id, initiative.id);
  const cofunders = await listCofunders(q, ctx.municipality.id, initiative.id);
  const advice = await listAdvice(q, ctx.municipality.id, initiative.id);
  const steps = await listSteps(q, ctx.municipality.id, initiative.id);
  const letters = await listLetters(q, ctx.municipality.id, initiative.id);
  const money = await initiativeMoney(q, ctx.municipality.id, initiative.id);
  const area = await findArea(q, ctx.municipality.id, initiative.areaId);
  const attachments = (await listAttachments(q, ctx.municipality.id, initiative.id)).map((a) => presentAttachment(a, ctx.municipality.code));
  return presentDetail(
    initiative,
    { lines, cofunders, advice, steps, letters, money, attachments, areaCode: area?.code ?? null, areaName: area?.name ?? null },
    access,
    rules,
    actionsFor(ctx.actor, initiative, access, rules, ctx.municipality.settings),
  );
}

/** Published fields of a funded initiative, as the budget's rules say (never a private person's name). */
function publicInitiative(row: Awaited<ReturnType<typeof listFunded>>[number], paid: number) {
  const published = new Set<PublishedField>((row.published as PublishedField[] | null) ?? ['title', 'summary', 'area', 'amount_granted', 'decision']);
  const summary = row.description.length > 300 ? `${row.description.slice(0, 297).trimEnd()}…` : row.description;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    area: { id: row.areaId, code: row.areaCode, name: row.areaName },
    status: row.status,
    ...(published.has('summary') ? { summary } : {}),
    ...(published.has('amount_requested') ? { requestedCents: row.requestedCents } : {}),
    ...(published.has('amount_granted') ? { grantedCents: row.grantedCents } : {}),
    ...(published.has('decision') ? { decidedOn: row.decidedOn } : {}),
    ...(published.has('motivation') ? { motivation: row.motivation } : {}),
    ...(published.has('organisation_name') && row.organisationName ? { organisation: row.organisationName } : {}),
    ...(published.has('payments') ? { paidCents: paid } : {}),
    ...(published.has('final_account') && row.actualCostsCents !== null ? { actualCostsCents: row.actualCostsCents, results: row.results } : {}),
  };
}

function parseStatuses(value: string | undefined): InitiativeStatus[] | undefined {
  if (!value) return undefined;
  return value.split(',').filter((s): s is InitiativeStatus => (INITIATIVE_STATUSES as readonly string[]).includes(s));
}

export function initiativeRoutes(app: App): void {
  const db = app.services.db;
  attachmentRoutes(app);

  // ---- Drafts -----------------------------------------------------------------------------------

  app.post(
    '/api/municipalities/:code/initiatives',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Save a draft application (a signed-in resident for themselves; a wijkwerker on a group’s behalf with `onBehalf`)',
        description:
          'Amounts as integer cents or Dutch text ("1.250,00"). What is asked from the budget is the cost total minus own contribution and co-funding.',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            areaId: Id,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            onBehalf: Type.Optional(
              Type.Object({ contactName: Type.String({ maxLength: 200 }), contactEmail: Type.String({ maxLength: 254 }) }, { additionalProperties: false }),
            ),
            ...applicationFields,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(app, request, municipality);
      const created = await db.transaction((tx) => createDraft(tx, ctx, request.body));
      return reply.status(201).send(await detailView(db, ctx, created.id));
    },
  );

  app.patch(
    '/api/municipalities/:code/initiatives/:initiativeId',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Change a draft (only its applicant, only while it is a draft)',
        params: Params,
        body: Type.Object(
          { areaId: Type.Optional(Id), title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...applicationFields },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(app, request, municipality);
      await db.transaction((tx) => updateDraft(tx, ctx, request.params.initiativeId, request.body));
      return detailView(db, ctx, request.params.initiativeId);
    },
  );

  // ---- Lifecycle steps --------------------------------------------------------------------------

  const step = <B>(
    path: string,
    summary: string,
    body: ReturnType<typeof Type.Object> | undefined,
    run: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], ctx: InitiativeContext, id: string, body: B) => Promise<InitiativeRow>,
  ) => {
    app.post(
      `/api/municipalities/:code/initiatives/:initiativeId/${path}`,
      { schema: { tags: ['initiatives'], summary, params: Params, ...(body ? { body } : {}) } },
      async (request) => {
        const municipality = await loadMunicipality(db, request.params.code);
        const ctx = contextOf(app, request, municipality);
        await db.transaction((tx) => run(tx, ctx, request.params.initiativeId, (request.body ?? {}) as B));
        // Presented after commit, so the locks on the initiative and its budget are held no longer than the step.
        return detailView(db, ctx, request.params.initiativeId);
      },
    );
  };

  step('submit', 'Submit the application: judged by the rules in force today; the decision deadline is computed', undefined, (tx, ctx, id) =>
    submitInitiative(tx, ctx, id),
  );
  step<{ admissible: boolean; motivation?: string; requestAdvice?: boolean }>(
    'admissibility',
    'Declare admissible (optionally asking advice) or inadmissible (motivation required, letter)',
    Type.Object(
      { admissible: Type.Boolean(), motivation: Type.Optional(Type.String({ maxLength: 10_000 })), requestAdvice: Type.Optional(Type.Boolean()) },
      { additionalProperties: false },
    ),
    (tx, ctx, id, body) => assessInitiative(tx, ctx, id, body),
  );
  step<{ note?: string }>(
    'request-advice',
    'Ask advice (wijkwerker, wijkteam, department)',
    Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
    (tx, ctx, id, body) => requestAdvice(tx, ctx, id, body),
  );
  step<{ kind: (typeof adviceKinds)[number]; recommendation: (typeof adviceRecommendations)[number]; text: string }>(
    'advice',
    'Give advice (initiative.advise on the area), before the decision',
    Type.Object(
      { kind: Type.Enum(adviceKinds), recommendation: Type.Enum(adviceRecommendations), text: Type.String({ maxLength: 10_000 }) },
      { additionalProperties: false },
    ),
    (tx, ctx, id, body) => adviseOnInitiative(tx, ctx, id, body),
  );
  step<{ grantedAmount: number | string; motivation: string; decision?: 'granted' | 'partly_granted' | 'refused' }>(
    'decide',
    'Decide: grant, grant partly or refuse (motivation required; the mandate table of the rules decides who may; reserves the money; letter)',
    Type.Object(
      {
        grantedAmount: MoneyInput,
        motivation: Type.String({ maxLength: 10_000 }),
        decision: Type.Optional(Type.Union([Type.Literal('granted'), Type.Literal('partly_granted'), Type.Literal('refused')])),
      },
      { additionalProperties: false },
    ),
    (tx, ctx, id, body) => decideInitiative(tx, ctx, id, body),
  );
  step<CollegeDecisionInput>(
    'college-decision',
    'Record a decision of the college (the mandate-table row above every role’s limit, held by no role): its date and besluitnummer are required (initiative.record_college_decision; reserves the money; the letter states the college’s decision)',
    Type.Object(
      {
        grantedAmount: MoneyInput,
        motivation: Type.String({ maxLength: 10_000 }),
        decision: Type.Optional(Type.Union([Type.Literal('granted'), Type.Literal('partly_granted'), Type.Literal('refused')])),
        collegeDecidedOn: IsoDate,
        decisionNumber: Type.String({ maxLength: 60, description: 'Besluitnummer of the college decision, e.g. 2023/0412' }),
      },
      { additionalProperties: false },
    ),
    (tx, ctx, id, body) => recordCollegeDecision(tx, ctx, id, body),
  );
  step('pay-advance', 'Pay the advance the rules set (a ledger payment)', undefined, (tx, ctx, id) => payAdvance(tx, ctx, id));
  step('start', 'Start execution', undefined, (tx, ctx, id) => startExecution(tx, ctx, id));
  step<{ lines: { description: string; category?: string | null; amount: number | string }[]; results: string }>(
    'account',
    'Submit the final account: actual costs (receipts) and results',
    Type.Object({ lines: Type.Array(CostLine, { maxItems: 200 }), results: Type.String({ maxLength: 10_000 }) }, { additionalProperties: false }),
    (tx, ctx, id, body) => submitAccount(tx, ctx, id, body),
  );
  step<{ settledAmount?: number | string; note?: string }>(
    'settle',
    'Settle: final payment or repayment; unspent money goes back to the budget',
    Type.Object({ settledAmount: Type.Optional(MoneyInput), note: Type.Optional(Type.String({ maxLength: 10_000 })) }, { additionalProperties: false }),
    (tx, ctx, id, body) => settleInitiative(tx, ctx, id, body),
  );
  step<{ reason?: string; repaidAmount?: number | string }>(
    'withdraw',
    'Withdraw: the reservation is released; money paid back is booked when given',
    Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })), repaidAmount: Type.Optional(MoneyInput) }, { additionalProperties: false }),
    (tx, ctx, id, body) => withdrawInitiative(tx, ctx, id, body),
  );

  // ---- Reading ----------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/initiatives',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Initiatives the caller can see: staff those of their areas (no drafts), everyone their own',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated statuses' })),
          areaId: Type.Optional(Id),
          budgetId: Type.Optional(Id),
          overdue: Type.Optional(Type.Boolean()),
          mine: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const today = businessDate();
      let areaIds: string[] | undefined;
      if (!request.query.mine && actor.grants.length > 0) {
        areaIds = await visibleAreaIds(db, municipality.id, actor.personId, today);
        if (request.query.areaId) areaIds = (await subtreeIds(db, municipality.id, request.query.areaId)).filter((id) => areaIds!.includes(id));
      }
      const { rows, total } = await listInitiatives(db, municipality.id, {
        areaIds,
        personId: actor.personId,
        status: parseStatuses(request.query.status),
        budgetId: request.query.budgetId,
        overdueOn: request.query.overdue ? today : undefined,
        limit: request.query.limit,
        offset: request.query.offset,
      });
      const lineages = new Map<string, string[]>();
      const rulesById = new Map<string, RulesRow | undefined>();
      const items = [];
      for (const row of rows) {
        if (!lineages.has(row.areaId)) lineages.set(row.areaId, await areaLineage(db, municipality.id, row.areaId));
        if (row.rulesId && !rulesById.has(row.rulesId)) rulesById.set(row.rulesId, await findRules(db, municipality.id, row.rulesId));
        const access = accessTo(actor, row, lineages.get(row.areaId)!);
        items.push({
          ...presentSummary(row, today),
          allowedActions: actionsFor(actor, row, access, row.rulesId ? rulesById.get(row.rulesId) : undefined, municipality.settings),
        });
      }
      return { items, total };
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/overdue',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Applications awaiting a decision past their deadline, in the caller’s areas (staff)',
        params: Type.Object({ code: Code }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      requireStaff(actor);
      const today = businessDate();
      const areaIds = await visibleAreaIds(db, municipality.id, actor.personId, today);
      const { rows, total } = await listInitiatives(db, municipality.id, { areaIds, overdueOn: today, limit: 500 });
      return { on: today, items: rows.map((r) => presentSummary(r, today)), total };
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/:initiativeId',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'One initiative: application, steps, advice (staff), letters, money, allowedActions for the caller',
        params: Params,
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      return detailView(db, { actor, municipality }, request.params.initiativeId);
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/:initiativeId/letters/:letterId',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'A decision letter (beschikking) as accessible HTML',
        params: Type.Object({ code: Code, initiativeId: Id, letterId: Id }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const initiative = await findInitiative(db, municipality.id, request.params.initiativeId);
      if (!initiative) throw initiativeNotFound();
      requireVisible(accessTo(actor, initiative, await areaLineage(db, municipality.id, initiative.areaId)), initiative);
      const letter = await findLetter(db, municipality.id, initiative.id, request.params.letterId);
      if (!letter) throw notFound({ nl: 'Deze brief bestaat niet.', en: 'This letter does not exist.' });
      return reply.type(letter.mediaType).header('content-disposition', `inline; filename="${initiative.reference}-${letter.kind}.html"`).send(letter.content);
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/:initiativeId/letter.pdf',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'The decision letter (beschikking) as PDF: tagged, Dutch; 404 while nothing has been decided',
        params: Params,
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const pdf = await decisionLetterPdf(db, { actor, municipality }, request.params.initiativeId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pdf.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .send(pdf.content);
    },
  );

  // ---- Dashboard --------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/dashboard',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Area manager’s dashboard: per area the budgets with balances, initiatives by status, decisions due (14 days) and overdue',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ areaId: Type.Optional(Id), dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })) }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      requireStaff(actor);
      const today = businessDate();
      let areaIds: string[];
      if (request.query.areaId) {
        const area = await findArea(db, municipality.id, request.query.areaId);
        const lineage = area ? await areaLineage(db, municipality.id, area.id) : [];
        if (!area || !canSee(actor, lineage))
          throw notFound({ nl: 'Dit gebied bestaat niet in deze gemeente.', en: 'This area does not exist in this municipality.' });
        if (!can(actor, 'report.read', lineage))
          throw forbidden(
            { nl: 'Uw rol in dit gebied geeft geen recht om rapportages in te zien (report.read).', en: 'Your role does not allow report.read.' },
            { rule: 'report.read' },
          );
        areaIds = [area.id];
      } else {
        areaIds = [...new Set(actor.grants.filter((g) => can(actor, 'report.read', [g.areaId])).map((g) => g.areaId))];
        if (areaIds.length === 0)
          throw forbidden(
            { nl: 'Uw rol geeft geen recht om rapportages in te zien (report.read).', en: 'Your role does not allow report.read.' },
            { rule: 'report.read' },
          );
      }
      const areas = await findAreasByIds(db, municipality.id, areaIds);
      const horizon = addDays(today, request.query.dueWithinDays ?? 14);
      const result = [];
      for (const area of areas.sort((a, b) => a.code.localeCompare(b.code))) {
        const subtree = await subtreeIds(db, municipality.id, area.id);
        const [budgets, byStatus, due] = await Promise.all([
          listBudgets(db, municipality.id, { areaIds: subtree }),
          countByStatus(db, municipality.id, subtree),
          awaitingDecision(db, municipality.id, subtree, horizon),
        ]);
        const balances = await budgetBalances(db, municipality.id, budgets);
        const present = (d: (typeof due)[number]) => ({ ...d, daysRemaining: daysRemaining(d.decisionDeadline!, today) });
        result.push({
          area: { id: area.id, code: area.code, name: area.name, level: area.level },
          budgets: budgets.map((b) => ({
            id: b.id,
            name: b.name,
            year: b.year,
            area: { id: b.areaId, code: b.areaCode, name: b.areaName },
            ...presentBalance(balances.get(b.id)!),
          })),
          initiativesByStatus: byStatus,
          decisionsDue: due.filter((d) => d.decisionDeadline! >= today).map(present),
          overdue: due.filter((d) => d.decisionDeadline! < today).map(present),
        });
      }
      return { on: today, areas: result };
    },
  );

  // ---- Public -----------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/public/areas/:areaId/initiatives',
    {
      schema: {
        tags: ['public'],
        summary: 'Public (no sign-in): the funded initiatives of an area (and the areas below it) with amounts, and the state of its budgets',
        security: [],
        params: Type.Object({ code: Code, areaId: Id }),
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const area = await findArea(db, municipality.id, request.params.areaId);
      if (!area) throw notFound({ nl: 'Dit gebied bestaat niet in deze gemeente.', en: 'This area does not exist in this municipality.' });
      const subtree = await subtreeIds(db, municipality.id, area.id);
      const lineage = await areaLineage(db, municipality.id, area.id);
      const [funded, budgets] = await Promise.all([
        listFunded(db, municipality.id, subtree),
        listBudgets(db, municipality.id, { areaIds: [...new Set([...subtree, ...lineage])] }),
      ]);
      const [paid, balances] = await Promise.all([
        paidPerInitiative(
          db,
          municipality.id,
          funded.map((f) => f.id),
        ),
        budgetBalances(db, municipality.id, budgets),
      ]);
      return {
        area: { id: area.id, code: area.code, name: area.name, level: area.level },
        budgets: budgets.map((b) => {
          const f = balances.get(b.id)!;
          return {
            id: b.id,
            name: b.name,
            year: b.year,
            area: { code: b.areaCode, name: b.areaName },
            availableCents: f.available,
            reservedCents: f.reserved,
            paidCents: f.paid,
            freeCents: f.free,
            closed: f.closed,
          };
        }),
        initiatives: funded.map((f) => publicInitiative(f, paid.get(f.id) ?? 0)),
        totals: { grantedCents: sumCents(funded.map((f) => f.grantedCents ?? 0)), count: funded.length },
      };
    },
  );

  // ---- Export ----------------------------------------------------------------------------------

  exportRoutes(app, {
    name: 'initiatives',
    basename: 'initiatieven',
    summary: 'Initiatives submitted or with ledger entries in a period, with their ledger sums in it and a totals row',
    build: async (q, municipality, from, to) => initiativesTable(await listInitiativesForExport(q, municipality.id, from, to)),
  });
}
