// SPDX-License-Identifier: EUPL-1.2
// Between ledger rows (columns) and core ledger entries, and balances from SQL sums. Pure: no I/O.
import {
  emptyBalance,
  type Balance,
  type CorrectionTarget,
  type InitiativeBalance,
  type LedgerEntry,
  type LedgerEntryType,
  type PartnerBalance,
  type PaymentKind,
} from '../../core/ledger/index.js';

/** The columns of a ledger row that carry the entry (see budgets/schema.ts). */
export interface LedgerRowFields {
  type: string;
  amountCents: number;
  initiativeId: string | null;
  fundingSourceId: string | null;
  counterpartBudgetId: string | null;
  paymentKind: string | null;
  target: string | null;
  direction: string | null;
  reason: string;
}

/** A stored row as the core entry it records. */
export function toCoreEntry(row: LedgerRowFields): LedgerEntry {
  const amount = row.amountCents;
  switch (row.type as LedgerEntryType) {
    case 'allocation':
      return { type: 'allocation', amount, source: row.reason };
    case 'transfer_in':
    case 'transfer_out':
      return { type: row.type as 'transfer_in' | 'transfer_out', amount, counterpartBudgetId: row.counterpartBudgetId ?? '' };
    case 'reservation':
    case 'reservation_release':
    case 'release':
      return { type: row.type as 'reservation' | 'reservation_release' | 'release', amount, initiativeId: row.initiativeId ?? '' };
    case 'payment':
      return { type: 'payment', amount, initiativeId: row.initiativeId ?? '', kind: (row.paymentKind ?? 'advance') as PaymentKind };
    case 'correction':
      return {
        type: 'correction',
        amount,
        reason: row.reason,
        target: (row.target ?? 'available') as CorrectionTarget,
        ...(row.initiativeId ? { initiativeId: row.initiativeId } : {}),
      };
    case 'cofunding_pledge':
    case 'cofunding_pledge_withdrawal':
    case 'cofunding_receipt':
      return { type: row.type as 'cofunding_pledge', amount, partnerId: row.fundingSourceId ?? '' };
    case 'lapse':
      return { type: 'lapse', amount };
    case 'carry_over':
      return { type: 'carry_over', amount, direction: (row.direction ?? 'out') as 'in' | 'out', counterpartBudgetId: row.counterpartBudgetId ?? '' };
    default:
      throw new Error(`unknown ledger entry type in the database: ${row.type}`);
  }
}

/** The columns for a core entry (the reason is given separately; an allocation's source is its reason). */
export function fromCoreEntry(entry: LedgerEntry): Omit<LedgerRowFields, 'reason'> {
  const base = {
    type: entry.type,
    amountCents: entry.amount,
    initiativeId: null,
    fundingSourceId: null,
    counterpartBudgetId: null,
    paymentKind: null,
    target: null,
    direction: null,
  };
  switch (entry.type) {
    case 'allocation':
    case 'lapse':
      return base;
    case 'transfer_in':
    case 'transfer_out':
      return { ...base, counterpartBudgetId: entry.counterpartBudgetId };
    case 'reservation':
    case 'reservation_release':
    case 'release':
      return { ...base, initiativeId: entry.initiativeId };
    case 'payment':
      return { ...base, initiativeId: entry.initiativeId, paymentKind: entry.kind };
    case 'correction':
      return { ...base, target: entry.target ?? 'available', initiativeId: entry.initiativeId ?? null };
    case 'cofunding_pledge':
    case 'cofunding_pledge_withdrawal':
    case 'cofunding_receipt':
      return { ...base, fundingSourceId: entry.partnerId };
    case 'carry_over':
      return { ...base, direction: entry.direction, counterpartBudgetId: entry.counterpartBudgetId };
  }
}

/** One group of a `sum(amount) … group by type, funding_source_id, target, direction` query. */
export interface LedgerSum {
  type: string;
  fundingSourceId: string | null;
  target: string | null;
  direction: string | null;
  amount: number;
  count: number;
}

/** The balance figures of a budget, as the API shows them. */
export interface BalanceFigures {
  allocated: number;
  transferredIn: number;
  transferredOut: number;
  carriedIn: number;
  carriedOut: number;
  lapsed: number;
  corrected: number;
  cofundingPledged: number;
  cofundingReceived: number;
  cofundingOutstanding: number;
  available: number;
  reserved: number;
  paid: number;
  free: number;
  closed: boolean;
}

export function figuresOf(balance: Balance): BalanceFigures {
  const {
    allocated,
    transferredIn,
    transferredOut,
    carriedIn,
    carriedOut,
    lapsed,
    corrected,
    cofundingPledged,
    cofundingReceived,
    cofundingOutstanding,
    available,
    reserved,
    paid,
    free,
    closed,
  } = balance;
  return {
    allocated,
    transferredIn,
    transferredOut,
    carriedIn,
    carriedOut,
    lapsed,
    corrected,
    cofundingPledged,
    cofundingReceived,
    cofundingOutstanding,
    available,
    reserved,
    paid,
    free,
    closed,
  };
}

/**
 * The same figures as core deriveBalance, from SQL sums grouped by type, partner, target and
 * direction (so a list of many budgets needs one aggregate query, not every entry). Definitions as
 * in core/ledger; the property test in ledger-rows.test.ts checks both agree on any history.
 */
export function balanceFromSums(sums: readonly LedgerSum[], pledgesCountAsAvailable: boolean): BalanceFigures {
  const f = { ...figuresOf(emptyBalance({ pledgesCountAsAvailable })) };
  const partners = new Map<string, { pledged: number; received: number }>();
  const partner = (id: string | null) => {
    const key = id ?? '';
    let p = partners.get(key);
    if (!p) partners.set(key, (p = { pledged: 0, received: 0 }));
    return p;
  };
  for (const s of sums) {
    const a = s.amount;
    switch (s.type) {
      case 'allocation':
        f.allocated += a;
        break;
      case 'transfer_in':
        f.transferredIn += a;
        break;
      case 'transfer_out':
        f.transferredOut += a;
        break;
      case 'reservation':
        f.reserved += a;
        break;
      case 'reservation_release':
        f.reserved -= a;
        break;
      case 'payment':
        f.reserved -= a;
        f.paid += a;
        break;
      case 'release':
        f.paid -= a;
        break;
      case 'correction':
        if (s.target === 'reserved') f.reserved += a;
        else if (s.target === 'paid') f.paid += a;
        else f.corrected += a;
        break;
      case 'cofunding_pledge':
        partner(s.fundingSourceId).pledged += a;
        break;
      case 'cofunding_pledge_withdrawal':
        partner(s.fundingSourceId).pledged -= a;
        break;
      case 'cofunding_receipt':
        partner(s.fundingSourceId).received += a;
        break;
      case 'lapse':
        f.lapsed += a;
        if (s.count > 0) f.closed = true;
        break;
      case 'carry_over':
        if (s.direction === 'in') f.carriedIn += a;
        else {
          f.carriedOut += a;
          if (s.count > 0) f.closed = true;
        }
        break;
    }
  }
  for (const p of partners.values()) {
    f.cofundingPledged += p.pledged;
    f.cofundingReceived += p.received;
    f.cofundingOutstanding += Math.max(0, p.pledged - p.received);
  }
  f.available =
    f.allocated +
    f.transferredIn -
    f.transferredOut +
    f.carriedIn -
    f.carriedOut -
    f.lapsed +
    f.corrected +
    f.cofundingReceived +
    (pledgesCountAsAvailable ? f.cofundingOutstanding : 0);
  f.free = f.available - f.reserved - f.paid;
  for (const key of Object.keys(f) as (keyof BalanceFigures)[]) if (f[key] === 0) (f as Record<string, unknown>)[key] = 0; // no -0
  return f;
}

/**
 * The core Balance of a budget from the same sums, with the co-funding partners filled in and the
 * initiatives left empty: they are added one by one ({@link initiativeFromSums}) for the initiatives
 * an append touches. core/ledger applyEntry only reads the balance of the entry's own initiative and
 * partner besides the totals, so checking an entry against this balance is the same check as
 * against a full replay (see ledger-rows.test.ts) — without replaying every entry under the lock.
 */
export function coreBalanceFromSums(sums: readonly LedgerSum[], pledgesCountAsAvailable: boolean): Balance {
  const figures = balanceFromSums(sums, pledgesCountAsAvailable);
  const partners = new Map<string, PartnerBalance>();
  for (const s of sums) {
    if (!s.fundingSourceId || !s.type.startsWith('cofunding_')) continue;
    const current = partners.get(s.fundingSourceId) ?? { pledged: 0, received: 0, outstanding: 0 };
    const pledged = current.pledged + (s.type === 'cofunding_pledge' ? s.amount : s.type === 'cofunding_pledge_withdrawal' ? -s.amount : 0);
    const received = current.received + (s.type === 'cofunding_receipt' ? s.amount : 0);
    partners.set(s.fundingSourceId, { pledged, received, outstanding: Math.max(0, pledged - received) });
  }
  return { ...figures, pledgesCountAsAvailable, initiatives: new Map(), partners };
}

/** Reserved and paid of one initiative from its entries' sums per type and correction target. */
export function initiativeFromSums(sums: readonly Pick<LedgerSum, 'type' | 'target' | 'amount'>[]): InitiativeBalance {
  let reserved = 0;
  let paid = 0;
  for (const s of sums) {
    if (s.type === 'reservation') reserved += s.amount;
    else if (s.type === 'reservation_release') reserved -= s.amount;
    else if (s.type === 'payment') {
      reserved -= s.amount;
      paid += s.amount;
    } else if (s.type === 'release') paid -= s.amount;
    else if (s.type === 'correction' && s.target === 'reserved') reserved += s.amount;
    else if (s.type === 'correction' && s.target === 'paid') paid += s.amount;
  }
  return { reserved: reserved === 0 ? 0 : reserved, paid: paid === 0 ? 0 : paid };
}
