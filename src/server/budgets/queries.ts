// SPDX-License-Identifier: EUPL-1.2
// The only place with SQL for budgets, rules, plans, funding sources and the ledger. Every query is
// scoped to one municipality.
import { and, asc, desc, eq, gte, inArray, lte, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areas } from '../areas/schema.js';
import { isUuid } from '../areas/queries.js';
import { budgetPlanYears, budgetPlans, budgetRules, budgets, fundingSources, ledgerEntries, type FundingSourceKind } from './schema.js';
import { balanceFromSums, toCoreEntry, type BalanceFigures, type LedgerSum } from './ledger-rows.js';
import type { LedgerEntry } from '../../core/ledger/index.js';
import type { BudgetRules } from '../../core/mandates/index.js';
import type { RoleKey } from '../../core/access/roles.js';

type Q = Pick<Db, 'select' | 'execute'>;
export type Writer = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;

export type BudgetRow = typeof budgets.$inferSelect;
export type RulesRow = typeof budgetRules.$inferSelect;
export type FundingSourceRow = typeof fundingSources.$inferSelect;
export type LedgerRow = typeof ledgerEntries.$inferSelect;
export type PlanRow = typeof budgetPlans.$inferSelect;
export type PlanYearRow = typeof budgetPlanYears.$inferSelect;

// ---- Rules ----------------------------------------------------------------------------------------

export async function listRules(q: Q, municipalityId: string, rulesKey?: string): Promise<RulesRow[]> {
  const conditions: SQL[] = [eq(budgetRules.municipalityId, municipalityId)];
  if (rulesKey !== undefined) conditions.push(eq(budgetRules.rulesKey, rulesKey));
  return q
    .select()
    .from(budgetRules)
    .where(and(...conditions))
    .orderBy(asc(budgetRules.rulesKey), asc(budgetRules.version));
}

export async function findRules(q: Q, municipalityId: string, id: string): Promise<RulesRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(budgetRules)
    .where(and(eq(budgetRules.municipalityId, municipalityId), eq(budgetRules.id, id)));
  return row;
}

export async function latestRulesVersion(q: Q, municipalityId: string, rulesKey: string): Promise<number> {
  const [row] = await q
    .select({ v: max(budgetRules.version) })
    .from(budgetRules)
    .where(and(eq(budgetRules.municipalityId, municipalityId), eq(budgetRules.rulesKey, rulesKey)));
  return row?.v ?? 0;
}

/** Serialises rules writes for one rules line (transaction-scoped advisory lock). */
export async function lockRulesKey(q: Writer, municipalityId: string, rulesKey: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`rules:${municipalityId}:${rulesKey}`}))`);
}

export async function insertRules(
  q: Writer,
  municipalityId: string,
  rules: BudgetRules,
  roleMap: Record<string, RoleKey>,
  createdAt: string,
): Promise<RulesRow> {
  const [row] = await q
    .insert(budgetRules)
    .values({
      municipalityId,
      rulesKey: rules.budgetKey,
      version: rules.version,
      validFrom: rules.validFrom,
      validUntil: rules.validUntil ?? null,
      rules,
      roleMap,
      createdAt,
    })
    .returning();
  if (!row) throw new Error('insert budget_rules failed');
  return row;
}

// ---- Budgets --------------------------------------------------------------------------------------

export async function findBudget(q: Q, municipalityId: string, id: string): Promise<BudgetRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(budgets)
    .where(and(eq(budgets.municipalityId, municipalityId), eq(budgets.id, id)));
  return row;
}

/**
 * Locks budget rows (SELECT … FOR UPDATE), always in id order so two transactions locking the same
 * pair cannot deadlock. Every ledger append holds the lock of its budget from before it reads the
 * entries until it commits: that is what keeps reserved + paid ≤ available under concurrency.
 */
export async function lockBudgets(q: Q, municipalityId: string, ids: string[]): Promise<BudgetRow[]> {
  const sorted = [...new Set(ids)].sort();
  const rows: BudgetRow[] = [];
  for (const id of sorted) {
    if (!isUuid(id)) continue;
    const [row] = await q
      .select()
      .from(budgets)
      .where(and(eq(budgets.municipalityId, municipalityId), eq(budgets.id, id)))
      .for('update');
    if (row) rows.push(row);
  }
  return rows;
}

export async function findBudgetByLine(q: Q, municipalityId: string, rulesKey: string, areaId: string, year: number): Promise<BudgetRow | undefined> {
  const [row] = await q
    .select()
    .from(budgets)
    .where(and(eq(budgets.municipalityId, municipalityId), eq(budgets.rulesKey, rulesKey), eq(budgets.areaId, areaId), eq(budgets.year, year)));
  return row;
}

export interface BudgetFilter {
  areaIds?: string[] | undefined;
  year?: number | undefined;
  ids?: string[] | undefined;
  /** Budgets whose period overlaps [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface BudgetListRow extends BudgetRow {
  areaCode: string;
  areaName: string;
}

export async function listBudgets(q: Q, municipalityId: string, filter: BudgetFilter = {}): Promise<BudgetListRow[]> {
  const conditions: SQL[] = [eq(budgets.municipalityId, municipalityId)];
  if (filter.areaIds !== undefined) {
    if (filter.areaIds.length === 0) return [];
    conditions.push(inArray(budgets.areaId, filter.areaIds));
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(budgets.id, filter.ids));
  }
  if (filter.year !== undefined) conditions.push(eq(budgets.year, filter.year));
  if (filter.from !== undefined) conditions.push(gte(budgets.periodEnd, filter.from));
  if (filter.to !== undefined) conditions.push(lte(budgets.periodStart, filter.to));
  const rows = await q
    .select({ budget: budgets, areaCode: areas.code, areaName: areas.name })
    .from(budgets)
    .innerJoin(areas, eq(areas.id, budgets.areaId))
    .where(and(...conditions))
    .orderBy(asc(areas.code), asc(budgets.year), asc(budgets.name));
  return rows.map((r) => ({ ...r.budget, areaCode: r.areaCode, areaName: r.areaName }));
}

export async function insertBudget(q: Writer, values: typeof budgets.$inferInsert): Promise<BudgetRow> {
  const [row] = await q.insert(budgets).values(values).returning();
  if (!row) throw new Error('insert budget failed');
  return row;
}

// ---- Funding sources ----------------------------------------------------------------------------

export async function insertFundingSource(
  q: Writer,
  values: {
    municipalityId: string;
    budgetId: string;
    kind: FundingSourceKind;
    name: string;
    organisationId: string | null;
    amountCents: number;
    earmark: string | null;
    conditions: string | null;
    createdAt: string;
  },
): Promise<FundingSourceRow> {
  const [row] = await q.insert(fundingSources).values(values).returning();
  if (!row) throw new Error('insert funding source failed');
  return row;
}

export async function findFundingSource(q: Q, municipalityId: string, budgetId: string, id: string): Promise<FundingSourceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(fundingSources)
    .where(and(eq(fundingSources.municipalityId, municipalityId), eq(fundingSources.budgetId, budgetId), eq(fundingSources.id, id)));
  return row;
}

export async function listFundingSources(q: Q, municipalityId: string, budgetIds: string[]): Promise<FundingSourceRow[]> {
  if (budgetIds.length === 0) return [];
  return q
    .select()
    .from(fundingSources)
    .where(and(eq(fundingSources.municipalityId, municipalityId), inArray(fundingSources.budgetId, budgetIds)))
    .orderBy(asc(fundingSources.createdAt), asc(fundingSources.name));
}

// ---- Ledger ---------------------------------------------------------------------------------------

/** All entries of a budget in ledger order (seq). */
export async function listLedgerRows(q: Q, municipalityId: string, budgetId: string): Promise<LedgerRow[]> {
  return q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), eq(ledgerEntries.budgetId, budgetId)))
    .orderBy(asc(ledgerEntries.seq));
}

export async function loadLedger(q: Q, municipalityId: string, budgetId: string): Promise<LedgerEntry[]> {
  return (await listLedgerRows(q, municipalityId, budgetId)).map(toCoreEntry);
}

export async function insertLedgerRow(q: Writer, values: Omit<typeof ledgerEntries.$inferInsert, 'seq' | 'id'>): Promise<LedgerRow> {
  const [row] = await q.insert(ledgerEntries).values(values).returning();
  if (!row) throw new Error('insert ledger entry failed');
  return row;
}

/** The sums of one budget's entries grouped by type, partner, target and direction (see balanceFromSums). */
export async function ledgerSums(q: Q, municipalityId: string, budgetId: string): Promise<LedgerSum[]> {
  return q
    .select({
      type: ledgerEntries.type,
      fundingSourceId: ledgerEntries.fundingSourceId,
      target: ledgerEntries.target,
      direction: ledgerEntries.direction,
      amount: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), eq(ledgerEntries.budgetId, budgetId)))
    .groupBy(ledgerEntries.type, ledgerEntries.fundingSourceId, ledgerEntries.target, ledgerEntries.direction);
}

/** The sums of one initiative's entries in one budget, per type and correction target. */
export async function initiativeLedgerSums(
  q: Q,
  municipalityId: string,
  budgetId: string,
  initiativeId: string,
): Promise<{ type: string; target: string | null; amount: number }[]> {
  return q
    .select({
      type: ledgerEntries.type,
      target: ledgerEntries.target,
      amount: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), eq(ledgerEntries.budgetId, budgetId), eq(ledgerEntries.initiativeId, initiativeId)))
    .groupBy(ledgerEntries.type, ledgerEntries.target);
}

/**
 * Balances of many budgets in one aggregate query: sums grouped by budget, type, partner, target
 * and direction, turned into figures by balanceFromSums. With `upTo`, only entries booked on or
 * before that date (the state at the end of a reporting period).
 */
export async function budgetBalances(
  q: Q,
  municipalityId: string,
  list: Pick<BudgetRow, 'id' | 'pledgesCountAsAvailable'>[],
  upTo?: string,
): Promise<Map<string, BalanceFigures>> {
  const result = new Map<string, BalanceFigures>();
  if (list.length === 0) return result;
  const conditions: SQL[] = [
    eq(ledgerEntries.municipalityId, municipalityId),
    inArray(
      ledgerEntries.budgetId,
      list.map((b) => b.id),
    ),
  ];
  if (upTo !== undefined) conditions.push(lte(ledgerEntries.bookedOn, upTo));
  const rows = await q
    .select({
      budgetId: ledgerEntries.budgetId,
      type: ledgerEntries.type,
      fundingSourceId: ledgerEntries.fundingSourceId,
      target: ledgerEntries.target,
      direction: ledgerEntries.direction,
      amount: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(...conditions))
    .groupBy(ledgerEntries.budgetId, ledgerEntries.type, ledgerEntries.fundingSourceId, ledgerEntries.target, ledgerEntries.direction);
  const byBudget = new Map<string, LedgerSum[]>();
  for (const r of rows) {
    const sums = byBudget.get(r.budgetId) ?? [];
    sums.push(r);
    byBudget.set(r.budgetId, sums);
  }
  for (const b of list) result.set(b.id, balanceFromSums(byBudget.get(b.id) ?? [], b.pledgesCountAsAvailable));
  return result;
}

export interface LedgerExportRow extends LedgerRow {
  budgetName: string;
  budgetYear: number;
  areaCode: string;
  areaName: string;
}

/** Entries booked in [from, to] (inclusive), in ledger order, with their budget and area. */
export async function listLedgerInPeriod(q: Q, municipalityId: string, from: string, to: string, budgetIds?: string[]): Promise<LedgerExportRow[]> {
  const conditions: SQL[] = [eq(ledgerEntries.municipalityId, municipalityId), gte(ledgerEntries.bookedOn, from), lte(ledgerEntries.bookedOn, to)];
  if (budgetIds !== undefined) {
    if (budgetIds.length === 0) return [];
    conditions.push(inArray(ledgerEntries.budgetId, budgetIds));
  }
  const rows = await q
    .select({ entry: ledgerEntries, budgetName: budgets.name, budgetYear: budgets.year, areaCode: areas.code, areaName: areas.name })
    .from(ledgerEntries)
    .innerJoin(budgets, eq(budgets.id, ledgerEntries.budgetId))
    .innerJoin(areas, eq(areas.id, budgets.areaId))
    .where(and(...conditions))
    .orderBy(asc(ledgerEntries.seq));
  return rows.map((r) => ({ ...r.entry, budgetName: r.budgetName, budgetYear: r.budgetYear, areaCode: r.areaCode, areaName: r.areaName }));
}

/** The latest entries of a budget (newest first), for the budget page. */
export async function recentLedgerRows(q: Q, municipalityId: string, budgetId: string, limit: number): Promise<LedgerRow[]> {
  return q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.municipalityId, municipalityId), eq(ledgerEntries.budgetId, budgetId)))
    .orderBy(desc(ledgerEntries.seq))
    .limit(limit);
}

// ---- Plans ----------------------------------------------------------------------------------------

export async function insertPlan(
  q: Writer,
  values: typeof budgetPlans.$inferInsert,
  years: Omit<PlanYearRow, 'planId' | 'municipalityId'>[],
): Promise<PlanRow> {
  const [plan] = await q.insert(budgetPlans).values(values).returning();
  if (!plan) throw new Error('insert plan failed');
  if (years.length > 0) await q.insert(budgetPlanYears).values(years.map((y) => ({ ...y, planId: plan.id, municipalityId: plan.municipalityId })));
  return plan;
}

export async function findPlan(q: Q, municipalityId: string, id: string): Promise<PlanRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select()
    .from(budgetPlans)
    .where(and(eq(budgetPlans.municipalityId, municipalityId), eq(budgetPlans.id, id)));
  return row;
}

export async function listPlans(q: Q, municipalityId: string): Promise<PlanRow[]> {
  return q.select().from(budgetPlans).where(eq(budgetPlans.municipalityId, municipalityId)).orderBy(asc(budgetPlans.name));
}

export async function listPlanYears(q: Q, municipalityId: string, planIds: string[]): Promise<PlanYearRow[]> {
  if (planIds.length === 0) return [];
  return q
    .select()
    .from(budgetPlanYears)
    .where(and(eq(budgetPlanYears.municipalityId, municipalityId), inArray(budgetPlanYears.planId, planIds)))
    .orderBy(asc(budgetPlanYears.year));
}

export async function listBudgetsOfPlans(q: Q, municipalityId: string, planIds: string[]): Promise<BudgetRow[]> {
  if (planIds.length === 0) return [];
  return q
    .select()
    .from(budgets)
    .where(and(eq(budgets.municipalityId, municipalityId), inArray(budgets.planId, planIds)))
    .orderBy(asc(budgets.year));
}
