// SPDX-License-Identifier: EUPL-1.2
// Appending to the ledger inside a transaction. `openLedgers` locks the budget rows first
// (SELECT … FOR UPDATE, in id order), then derives their balance from the entries (SQL sums: the
// totals, the co-funding partners, and the initiatives an append touches); every append is checked
// by core/ledger applyEntry against that balance, and only then inserted. Two staff members
// approving at the same instant therefore queue on the budget row, and the second sees the first
// one's reservation: reserved + paid ≤ available holds at every commit. Sums instead of a replay of
// every entry keep the time under the lock flat as a budget's ledger grows.
import { applyEntry, type Balance, type InitiativeBalance, type LedgerEntry } from '../../../core/ledger/index.js';
import { notFound } from '../../errors.js';
import type { AuditActor } from '../../audit/audit.js';
import { initiativeLedgerSums, insertLedgerRow, ledgerSums, lockBudgets, type BudgetRow, type LedgerRow, type Writer } from '../queries.js';
import { coreBalanceFromSums, fromCoreEntry, initiativeFromSums, type LedgerSum } from '../ledger-rows.js';
import { businessDate, nowIso } from '../time.js';

export interface CommandContext {
  municipalityId: string;
  actor: AuditActor;
  requestId: string | null;
}

export class LockedLedger {
  #balance: Balance;
  readonly appended: LedgerRow[] = [];

  constructor(
    private readonly tx: Writer,
    private readonly ctx: CommandContext,
    readonly budget: BudgetRow,
    sums: readonly LedgerSum[],
  ) {
    this.#balance = coreBalanceFromSums(sums, budget.pledgesCountAsAvailable);
  }

  /** The budget's balance; its `initiatives` holds only the initiatives loaded so far (see {@link initiative}). */
  get balance(): Balance {
    return this.#balance;
  }

  /** Reserved and paid for one initiative in this budget (loaded under the lock on first use). */
  async initiative(initiativeId: string): Promise<InitiativeBalance> {
    const known = this.#balance.initiatives.get(initiativeId);
    if (known) return known;
    const loaded = initiativeFromSums(await initiativeLedgerSums(this.tx, this.ctx.municipalityId, this.budget.id, initiativeId));
    const initiatives = new Map(this.#balance.initiatives).set(initiativeId, loaded);
    this.#balance = { ...this.#balance, initiatives };
    return loaded;
  }

  /** Checks the entry against the current balance (throws the core RuleViolation) and inserts it. */
  async append(entry: LedgerEntry, reason: string): Promise<LedgerRow> {
    const initiativeId = (entry as { initiativeId?: unknown }).initiativeId;
    if (typeof initiativeId === 'string' && initiativeId !== '') await this.initiative(initiativeId);
    const next = applyEntry(this.#balance, entry);
    const row = await insertLedgerRow(this.tx, {
      municipalityId: this.ctx.municipalityId,
      budgetId: this.budget.id,
      ...fromCoreEntry(entry),
      reason,
      bookedOn: businessDate(),
      actorId: this.ctx.actor.personId,
      actorLabel: this.ctx.actor.label,
      requestId: this.ctx.requestId,
      createdAt: nowIso(),
    });
    this.#balance = next;
    this.appended.push(row);
    return row;
  }
}

/** Locks the budgets (404 when one is missing) and opens their ledgers, keyed by budget id. */
export async function openLedgers(tx: Writer, ctx: CommandContext, budgetIds: string[]): Promise<Map<string, LockedLedger>> {
  const locked = await lockBudgets(tx, ctx.municipalityId, budgetIds);
  const result = new Map<string, LockedLedger>();
  for (const id of new Set(budgetIds)) {
    const budget = locked.find((b) => b.id === id);
    if (!budget) throw notFound({ nl: 'Dit budget bestaat niet in deze gemeente.', en: 'This budget does not exist in this municipality.' });
    result.set(id, new LockedLedger(tx, ctx, budget, await ledgerSums(tx, ctx.municipalityId, id)));
  }
  return result;
}

export async function openLedger(tx: Writer, ctx: CommandContext, budgetId: string): Promise<LockedLedger> {
  const ledger = (await openLedgers(tx, ctx, [budgetId])).get(budgetId);
  if (!ledger) throw new Error('ledger not opened');
  return ledger;
}

/** A ledger row as the API and the audit trail show it. */
export function presentLedgerRow(row: LedgerRow) {
  return {
    seq: row.seq,
    id: row.id,
    budgetId: row.budgetId,
    type: row.type,
    amountCents: row.amountCents,
    initiativeId: row.initiativeId,
    fundingSourceId: row.fundingSourceId,
    counterpartBudgetId: row.counterpartBudgetId,
    paymentKind: row.paymentKind,
    target: row.target,
    direction: row.direction,
    reason: row.reason,
    bookedOn: row.bookedOn,
    actor: row.actorLabel,
    createdAt: row.createdAt,
  };
}
