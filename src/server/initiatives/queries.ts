// SPDX-License-Identifier: EUPL-1.2
// The only place with SQL for initiatives. Every query is scoped to one municipality.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areaMembers, areas } from '../areas/schema.js';
import { isUuid } from '../areas/queries.js';
import { organisations, people, roleAssignments } from '../people/schema.js';
import { budgetRules, budgets, ledgerEntries } from '../budgets/schema.js';
import type { RoleKey } from '../../core/access/roles.js';
import type { InitiativeStatus } from '../../core/initiatives/index.js';
import {
  initiativeAdvice,
  initiativeAttachments,
  initiativeCofunders,
  initiativeCostLines,
  initiativeLetters,
  initiativeSteps,
  initiatives,
  type CostLineKind,
} from './schema.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;
export type Writer = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

export type InitiativeRow = typeof initiatives.$inferSelect;
export type CostLineRow = typeof initiativeCostLines.$inferSelect;
export type CofunderRow = typeof initiativeCofunders.$inferSelect;
export type AdviceRow = typeof initiativeAdvice.$inferSelect;
export type StepRow = typeof initiativeSteps.$inferSelect;
export type LetterRow = typeof initiativeLetters.$inferSelect;
export type AttachmentRow = typeof initiativeAttachments.$inferSelect;
export type AttachmentMeta = Omit<AttachmentRow, 'content'>;

/** Statuses waiting for a decision: their deadline runs. */
export const AWAITING_DECISION: InitiativeStatus[] = ['submitted', 'admissible', 'in_advice'];
/** Statuses of initiatives that received money (or will): what the public page shows. */
export const FUNDED: InitiativeStatus[] = ['granted', 'partly_granted', 'advance_paid', 'in_execution', 'accounted', 'settled'];

// ---- One initiative -------------------------------------------------------------------------------

export async function findInitiative(q: Q, municipalityId: string, id: string): Promise<InitiativeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.municipalityId, municipalityId), eq(initiatives.id, id)));
  return row;
}

/** The initiative row locked for the rest of the transaction (always locked before any budget row). */
export async function lockInitiative(q: Q, municipalityId: string, id: string): Promise<InitiativeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.municipalityId, municipalityId), eq(initiatives.id, id)))
    .for('update');
  return row;
}

export async function insertInitiative(q: Writer, values: typeof initiatives.$inferInsert): Promise<InitiativeRow> {
  const [row] = await q.insert(initiatives).values(values).returning();
  if (!row) throw new Error('insert initiative failed');
  return row;
}

export async function updateInitiative(
  q: Writer,
  municipalityId: string,
  id: string,
  values: Partial<typeof initiatives.$inferInsert>,
): Promise<InitiativeRow> {
  const [row] = await q
    .update(initiatives)
    .set(values)
    .where(and(eq(initiatives.municipalityId, municipalityId), eq(initiatives.id, id)))
    .returning();
  if (!row) throw new Error('update initiative failed');
  return row;
}

export interface LineInput {
  description: string;
  category: string | null;
  amountCents: number;
}

export async function replaceCostLines(q: Writer, municipalityId: string, initiativeId: string, kind: CostLineKind, lines: LineInput[]): Promise<void> {
  await q
    .delete(initiativeCostLines)
    .where(and(eq(initiativeCostLines.municipalityId, municipalityId), eq(initiativeCostLines.initiativeId, initiativeId), eq(initiativeCostLines.kind, kind)));
  if (lines.length > 0) await q.insert(initiativeCostLines).values(lines.map((l, position) => ({ municipalityId, initiativeId, kind, position, ...l })));
}

export async function listCostLines(q: Q, municipalityId: string, initiativeId: string): Promise<CostLineRow[]> {
  return q
    .select()
    .from(initiativeCostLines)
    .where(and(eq(initiativeCostLines.municipalityId, municipalityId), eq(initiativeCostLines.initiativeId, initiativeId)))
    .orderBy(asc(initiativeCostLines.kind), asc(initiativeCostLines.position));
}

export interface CofunderInput {
  name: string;
  organisationId: string | null;
  amountCents: number;
  status: 'pledged' | 'received';
}

export async function replaceCofunders(q: Writer, municipalityId: string, initiativeId: string, list: CofunderInput[]): Promise<void> {
  await q.delete(initiativeCofunders).where(and(eq(initiativeCofunders.municipalityId, municipalityId), eq(initiativeCofunders.initiativeId, initiativeId)));
  if (list.length > 0) await q.insert(initiativeCofunders).values(list.map((c, position) => ({ municipalityId, initiativeId, position, ...c })));
}

export async function listCofunders(q: Q, municipalityId: string, initiativeId: string): Promise<CofunderRow[]> {
  return q
    .select()
    .from(initiativeCofunders)
    .where(and(eq(initiativeCofunders.municipalityId, municipalityId), eq(initiativeCofunders.initiativeId, initiativeId)))
    .orderBy(asc(initiativeCofunders.position));
}

export async function insertAdvice(q: Writer, values: typeof initiativeAdvice.$inferInsert): Promise<AdviceRow> {
  const [row] = await q.insert(initiativeAdvice).values(values).returning();
  if (!row) throw new Error('insert advice failed');
  return row;
}

export async function listAdvice(q: Q, municipalityId: string, initiativeId: string): Promise<AdviceRow[]> {
  return q
    .select()
    .from(initiativeAdvice)
    .where(and(eq(initiativeAdvice.municipalityId, municipalityId), eq(initiativeAdvice.initiativeId, initiativeId)))
    .orderBy(asc(initiativeAdvice.createdAt));
}

export async function insertStep(q: Writer, values: Omit<typeof initiativeSteps.$inferInsert, 'seq'>): Promise<void> {
  await q.insert(initiativeSteps).values(values);
}

export async function listSteps(q: Q, municipalityId: string, initiativeId: string): Promise<StepRow[]> {
  return q
    .select()
    .from(initiativeSteps)
    .where(and(eq(initiativeSteps.municipalityId, municipalityId), eq(initiativeSteps.initiativeId, initiativeId)))
    .orderBy(asc(initiativeSteps.seq));
}

export async function insertLetter(q: Writer, values: typeof initiativeLetters.$inferInsert): Promise<LetterRow> {
  const [row] = await q.insert(initiativeLetters).values(values).returning();
  if (!row) throw new Error('insert letter failed');
  return row;
}

// ---- Attachments ----------------------------------------------------------------------------------

const attachmentMeta = {
  id: initiativeAttachments.id,
  municipalityId: initiativeAttachments.municipalityId,
  initiativeId: initiativeAttachments.initiativeId,
  kind: initiativeAttachments.kind,
  filename: initiativeAttachments.filename,
  mediaType: initiativeAttachments.mediaType,
  sizeBytes: initiativeAttachments.sizeBytes,
  sha256: initiativeAttachments.sha256,
  uploadedById: initiativeAttachments.uploadedById,
  uploadedByLabel: initiativeAttachments.uploadedByLabel,
  createdAt: initiativeAttachments.createdAt,
};

/** The files of an initiative without their content: by kind (application, photo, receipt), then oldest first. */
export async function listAttachments(q: Q, municipalityId: string, initiativeId: string): Promise<AttachmentMeta[]> {
  return q
    .select(attachmentMeta)
    .from(initiativeAttachments)
    .where(and(eq(initiativeAttachments.municipalityId, municipalityId), eq(initiativeAttachments.initiativeId, initiativeId)))
    .orderBy(asc(initiativeAttachments.kind), asc(initiativeAttachments.createdAt), asc(initiativeAttachments.filename), asc(initiativeAttachments.id));
}

/** One file; with its content only when asked (downloads). */
export async function findAttachment(
  q: Q,
  municipalityId: string,
  initiativeId: string,
  attachmentId: string,
  withContent: true,
): Promise<AttachmentRow | undefined>;
export async function findAttachment(
  q: Q,
  municipalityId: string,
  initiativeId: string,
  attachmentId: string,
  withContent?: false,
): Promise<AttachmentMeta | undefined>;
export async function findAttachment(
  q: Q,
  municipalityId: string,
  initiativeId: string,
  attachmentId: string,
  withContent = false,
): Promise<AttachmentMeta | AttachmentRow | undefined> {
  if (!isUuid(attachmentId)) return undefined;
  const where = and(
    eq(initiativeAttachments.municipalityId, municipalityId),
    eq(initiativeAttachments.initiativeId, initiativeId),
    eq(initiativeAttachments.id, attachmentId),
  );
  const [row] = withContent
    ? await q.select().from(initiativeAttachments).where(where)
    : await q.select(attachmentMeta).from(initiativeAttachments).where(where);
  return row;
}

export async function insertAttachment(q: Writer, values: typeof initiativeAttachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await q.insert(initiativeAttachments).values(values).returning(attachmentMeta);
  if (!row) throw new Error('insert attachment failed');
  return row;
}

export async function deleteAttachment(q: Writer, municipalityId: string, initiativeId: string, attachmentId: string): Promise<void> {
  await q
    .delete(initiativeAttachments)
    .where(
      and(
        eq(initiativeAttachments.municipalityId, municipalityId),
        eq(initiativeAttachments.initiativeId, initiativeId),
        eq(initiativeAttachments.id, attachmentId),
      ),
    );
}

export async function listLetters(q: Q, municipalityId: string, initiativeId: string): Promise<Omit<LetterRow, 'content'>[]> {
  return q
    .select({
      id: initiativeLetters.id,
      municipalityId: initiativeLetters.municipalityId,
      initiativeId: initiativeLetters.initiativeId,
      kind: initiativeLetters.kind,
      mediaType: initiativeLetters.mediaType,
      createdAt: initiativeLetters.createdAt,
    })
    .from(initiativeLetters)
    .where(and(eq(initiativeLetters.municipalityId, municipalityId), eq(initiativeLetters.initiativeId, initiativeId)))
    .orderBy(asc(initiativeLetters.createdAt));
}

export async function findLetter(q: Q, municipalityId: string, initiativeId: string, letterId: string): Promise<LetterRow | undefined> {
  if (!isUuid(letterId)) return undefined;
  const [row] = await q
    .select()
    .from(initiativeLetters)
    .where(and(eq(initiativeLetters.municipalityId, municipalityId), eq(initiativeLetters.initiativeId, initiativeId), eq(initiativeLetters.id, letterId)));
  return row;
}

/** Reserved and paid for one initiative, from its ledger entries. */
export async function initiativeMoney(q: Q, municipalityId: string, initiativeId: string): Promise<{ reserved: number; paid: number }> {
  const rows = await q
    .select({
      type: ledgerEntries.type,
      target: ledgerEntries.target,
      amount: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), eq(ledgerEntries.initiativeId, initiativeId)))
    .groupBy(ledgerEntries.type, ledgerEntries.target);
  return moneyFromSums(rows);
}

function moneyFromSums(rows: { type: string; target: string | null; amount: number }[]): { reserved: number; paid: number } {
  let reserved = 0;
  let paid = 0;
  for (const r of rows) {
    if (r.type === 'reservation') reserved += r.amount;
    else if (r.type === 'reservation_release') reserved -= r.amount;
    else if (r.type === 'payment') {
      reserved -= r.amount;
      paid += r.amount;
    } else if (r.type === 'release') paid -= r.amount;
    else if (r.type === 'correction' && r.target === 'reserved') reserved += r.amount;
    else if (r.type === 'correction' && r.target === 'paid') paid += r.amount;
  }
  return { reserved, paid };
}

/** Paid per initiative (for public pages), from the ledger. */
export async function paidPerInitiative(q: Q, municipalityId: string, ids: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (ids.length === 0) return result;
  const rows = await q
    .select({
      initiativeId: ledgerEntries.initiativeId,
      type: ledgerEntries.type,
      target: ledgerEntries.target,
      amount: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), inArray(ledgerEntries.initiativeId, ids)))
    .groupBy(ledgerEntries.initiativeId, ledgerEntries.type, ledgerEntries.target);
  for (const id of ids) result.set(id, moneyFromSums(rows.filter((r) => r.initiativeId === id)).paid);
  return result;
}

// ---- Lists ----------------------------------------------------------------------------------------

export interface InitiativeFilter {
  /** Staff view: initiatives (not drafts) in these areas. */
  areaIds?: string[] | undefined;
  /** Own view: initiatives this person applied for or created (drafts included). */
  personId?: string | undefined;
  status?: InitiativeStatus[] | undefined;
  budgetId?: string | undefined;
  /** Awaiting a decision with the deadline before this date. */
  overdueOn?: string | undefined;
  /** Awaiting a decision with the deadline on or before this date. */
  dueBy?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface InitiativeListRow extends InitiativeRow {
  areaCode: string;
  areaName: string;
}

function filterConditions(municipalityId: string, filter: InitiativeFilter): SQL | undefined {
  const conditions: SQL[] = [eq(initiatives.municipalityId, municipalityId)];
  const who: SQL[] = [];
  if (filter.areaIds && filter.areaIds.length > 0) who.push(and(inArray(initiatives.areaId, filter.areaIds), ne(initiatives.status, 'draft')) as SQL);
  if (filter.personId) who.push(or(eq(initiatives.applicantPersonId, filter.personId), eq(initiatives.createdById, filter.personId)) as SQL);
  if (who.length === 0) return undefined;
  conditions.push(or(...who) as SQL);
  if (filter.status && filter.status.length > 0) conditions.push(inArray(initiatives.status, filter.status));
  if (filter.budgetId) conditions.push(eq(initiatives.budgetId, filter.budgetId));
  if (filter.overdueOn)
    conditions.push(
      inArray(initiatives.status, AWAITING_DECISION),
      isNotNull(initiatives.decisionDeadline),
      lt(initiatives.decisionDeadline, filter.overdueOn),
    );
  if (filter.dueBy)
    conditions.push(inArray(initiatives.status, AWAITING_DECISION), isNotNull(initiatives.decisionDeadline), lte(initiatives.decisionDeadline, filter.dueBy));
  return and(...conditions);
}

export async function listInitiatives(q: Q, municipalityId: string, filter: InitiativeFilter): Promise<{ rows: InitiativeListRow[]; total: number }> {
  const where = filterConditions(municipalityId, filter);
  if (!where) return { rows: [], total: 0 };
  const [rows, [totalRow]] = await Promise.all([
    q
      .select({ i: initiatives, areaCode: areas.code, areaName: areas.name })
      .from(initiatives)
      .innerJoin(areas, eq(areas.id, initiatives.areaId))
      .where(where)
      .orderBy(asc(initiatives.decisionDeadline), desc(initiatives.createdAt))
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0),
    q.select({ n: count() }).from(initiatives).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.i, areaCode: r.areaCode, areaName: r.areaName })), total: totalRow?.n ?? 0 };
}

/** The area and every area below it (sub-areas, and members of custom areas), recursively. */
export function subtreeSql(municipalityId: string, areaId: string): SQL {
  return sql`
    with recursive sub(id) as (
      select ${areaId}::uuid
      union
      select edge.child from sub join (
        select a.parent_id as parent, a.id as child from ${areas} a where a.municipality_id = ${municipalityId} and a.parent_id is not null
        union all
        select m.area_id as parent, m.member_id as child from ${areaMembers} m
      ) edge on edge.parent = sub.id
    )
    select id from sub`;
}

export async function subtreeIds(q: Q, municipalityId: string, areaId: string): Promise<string[]> {
  const result = await q.execute<{ id: string }>(subtreeSql(municipalityId, areaId));
  return result.rows.map((r) => r.id);
}

export async function countByStatus(q: Q, municipalityId: string, areaIds: string[]): Promise<Record<string, number>> {
  if (areaIds.length === 0) return {};
  const rows = await q
    .select({ status: initiatives.status, n: count() })
    .from(initiatives)
    .where(and(eq(initiatives.municipalityId, municipalityId), inArray(initiatives.areaId, areaIds), ne(initiatives.status, 'draft')))
    .groupBy(initiatives.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export interface DeadlineRow {
  id: string;
  reference: string;
  title: string;
  status: InitiativeStatus;
  areaId: string;
  requestedCents: number;
  submittedOn: string | null;
  decisionDeadline: string | null;
}

/** Initiatives awaiting a decision with the deadline on or before `by`, earliest first. */
export async function awaitingDecision(q: Q, municipalityId: string, areaIds: string[], by: string, limit = 200): Promise<DeadlineRow[]> {
  if (areaIds.length === 0) return [];
  return q
    .select({
      id: initiatives.id,
      reference: initiatives.reference,
      title: initiatives.title,
      status: initiatives.status,
      areaId: initiatives.areaId,
      requestedCents: initiatives.requestedCents,
      submittedOn: initiatives.submittedOn,
      decisionDeadline: initiatives.decisionDeadline,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.municipalityId, municipalityId),
        inArray(initiatives.areaId, areaIds),
        inArray(initiatives.status, AWAITING_DECISION),
        isNotNull(initiatives.decisionDeadline),
        lte(initiatives.decisionDeadline, by),
      ),
    )
    .orderBy(asc(initiatives.decisionDeadline))
    .limit(limit);
}

export interface PublicInitiativeRow {
  id: string;
  reference: string;
  title: string;
  description: string;
  status: InitiativeStatus;
  areaId: string;
  areaCode: string;
  areaName: string;
  budgetId: string | null;
  requestedCents: number;
  grantedCents: number | null;
  motivation: string | null;
  decidedOn: string | null;
  actualCostsCents: number | null;
  results: string | null;
  organisationName: string | null;
  published: string[] | null;
}

export async function listFunded(q: Q, municipalityId: string, areaIds: string[]): Promise<PublicInitiativeRow[]> {
  if (areaIds.length === 0) return [];
  return q
    .select({
      id: initiatives.id,
      reference: initiatives.reference,
      title: initiatives.title,
      description: initiatives.description,
      status: initiatives.status,
      areaId: initiatives.areaId,
      areaCode: areas.code,
      areaName: areas.name,
      budgetId: initiatives.budgetId,
      requestedCents: initiatives.requestedCents,
      grantedCents: initiatives.grantedCents,
      motivation: initiatives.motivation,
      decidedOn: initiatives.decidedOn,
      actualCostsCents: initiatives.actualCostsCents,
      results: initiatives.results,
      organisationName: organisations.name,
      published: sql<string[] | null>`${budgetRules.rules} -> 'published'`,
    })
    .from(initiatives)
    .innerJoin(areas, eq(areas.id, initiatives.areaId))
    .leftJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .leftJoin(budgetRules, eq(budgetRules.id, initiatives.rulesId))
    .where(and(eq(initiatives.municipalityId, municipalityId), inArray(initiatives.areaId, areaIds), inArray(initiatives.status, FUNDED)))
    .orderBy(desc(initiatives.decidedOn), asc(initiatives.title));
}

// ---- People to notify -----------------------------------------------------------------------------

/** Email addresses of the people holding one of `roles` on any of these areas today. */
export async function staffEmails(q: Q, municipalityId: string, areaIds: string[], roles: RoleKey[], on: string): Promise<string[]> {
  if (areaIds.length === 0 || roles.length === 0) return [];
  const rows = await q
    .selectDistinct({ email: people.email })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.municipalityId, municipalityId),
        inArray(roleAssignments.areaId, areaIds),
        inArray(roleAssignments.role, roles),
        lte(roleAssignments.validFrom, on),
        or(sql`${roleAssignments.validTo} is null`, sql`${roleAssignments.validTo} > ${on}`),
      ),
    )
    .orderBy(asc(people.email));
  return rows.map((r) => r.email);
}

// ---- Budgets for an application ------------------------------------------------------------------

/** Budgets on these areas whose period includes `on`. */
export async function budgetsCovering(q: Q, municipalityId: string, areaIds: string[], on: string): Promise<(typeof budgets.$inferSelect)[]> {
  if (areaIds.length === 0) return [];
  return q
    .select()
    .from(budgets)
    .where(and(eq(budgets.municipalityId, municipalityId), inArray(budgets.areaId, areaIds), lte(budgets.periodStart, on), gte(budgets.periodEnd, on)))
    .orderBy(asc(budgets.year));
}

// ---- Export ---------------------------------------------------------------------------------------

export interface InitiativeExportRow {
  id: string;
  reference: string;
  title: string;
  status: InitiativeStatus;
  areaCode: string;
  areaName: string;
  budgetName: string | null;
  submittedOn: string | null;
  decidedOn: string | null;
  requestedCents: number;
  grantedCents: number | null;
  settledCents: number | null;
  /** Ledger sums in the period, per entry type. */
  reservation: number;
  reservationRelease: number;
  payment: number;
  release: number;
}

/**
 * Initiatives with ledger entries booked in [from, to] or submitted in it, with the sums of their
 * entries in the period per type: the same integer cents as the ledger export.
 */
export async function listInitiativesForExport(q: Q, municipalityId: string, from: string, to: string): Promise<InitiativeExportRow[]> {
  const result = await q.execute<Record<string, unknown>>(sql`
    with sums as (
      select e.initiative_id,
        coalesce(sum(e.amount_cents) filter (where e.type = 'reservation'), 0)::bigint as reservation,
        coalesce(sum(e.amount_cents) filter (where e.type = 'reservation_release'), 0)::bigint as reservation_release,
        coalesce(sum(e.amount_cents) filter (where e.type = 'payment'), 0)::bigint as payment,
        coalesce(sum(e.amount_cents) filter (where e.type = 'release'), 0)::bigint as release
      from ${ledgerEntries} e
      where e.municipality_id = ${municipalityId} and e.initiative_id is not null and e.booked_on between ${from} and ${to}
      group by e.initiative_id
    )
    select i.id, i.reference, i.title, i.status, a.code as area_code, a.name as area_name, b.name as budget_name,
      i.submitted_on::text as submitted_on, i.decided_on::text as decided_on, i.requested_cents, i.granted_cents, i.settled_cents,
      coalesce(s.reservation, 0)::bigint as reservation, coalesce(s.reservation_release, 0)::bigint as reservation_release,
      coalesce(s.payment, 0)::bigint as payment, coalesce(s.release, 0)::bigint as release
    from ${initiatives} i
    join ${areas} a on a.id = i.area_id
    left join ${budgets} b on b.id = i.budget_id
    left join sums s on s.initiative_id = i.id
    where i.municipality_id = ${municipalityId} and i.status <> 'draft'
      and (s.initiative_id is not null or i.submitted_on between ${from} and ${to})
    order by a.code, i.submitted_on, i.reference`);
  const num = (v: unknown): number => Number(v ?? 0);
  const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  return result.rows.map((r) => ({
    id: String(r.id),
    reference: String(r.reference),
    title: String(r.title),
    status: r.status as InitiativeStatus,
    areaCode: String(r.area_code),
    areaName: String(r.area_name),
    budgetName: str(r.budget_name),
    submittedOn: str(r.submitted_on),
    decidedOn: str(r.decided_on),
    requestedCents: num(r.requested_cents),
    grantedCents: numOrNull(r.granted_cents),
    settledCents: numOrNull(r.settled_cents),
    reservation: num(r.reservation),
    reservationRelease: num(r.reservation_release),
    payment: num(r.payment),
    release: num(r.release),
  }));
}
