// SPDX-License-Identifier: EUPL-1.2
/**
 * The ledger of one budget (one area, one year, one pot of money): an append-only list of entries
 * from which every balance is derived. Nothing is stored as a running total.
 *
 * Definitions (all in cents, all derived from accepted entries only):
 *
 *   cofundingOutstanding = Σ per partner max(0, pledged − withdrawn − received)
 *   available = allocated + transferredIn − transferredOut + carriedIn − carriedOut − lapsed
 *             + corrected (corrections with target 'available')
 *             + cofundingReceived
 *             + (pledgesCountAsAvailable ? cofundingOutstanding : 0)
 *   reserved  = Σ reservation − Σ reservation_release − Σ payment (a payment consumes its
 *               initiative's reservation) + corrections with target 'reserved'
 *   paid      = Σ payment − Σ release + corrections with target 'paid'
 *   free      = available − reserved − paid
 *
 * Invariant, checked after every entry: free ≥ 0, i.e. reserved + paid ≤ available; and per
 * initiative reserved ≥ 0 and paid ≥ 0. An entry that would break it is refused with a
 * RuleViolation; the balance it was applied to is left untouched (everything here is pure).
 *
 * Co-funding pledges do not count toward `available` until the money is received, unless the
 * budget's rules say so (`pledgesCountAsAvailable`). Pledged-but-not-received money is always shown
 * separately as `cofundingOutstanding`.
 *
 * Year end: {@link closeYear} sweeps the free money out of the budget (a `lapse`, or a
 * `carry_over` out plus the matching `carry_over` in for next year's budget). Once a budget has a
 * year-end entry it is closed: existing reservations can still be paid, released and settled (a
 * grant decided in December is paid in March from the year it was granted in), but no new money
 * comes in and no new reservations are made. Money freed after closing (a released reservation,
 * a late co-funding receipt) is swept by calling {@link closeYear} again.
 */

import { assertCents, formatCents, type Cents } from '../money.js';
import { RuleViolation } from '../rule-violation.js';

export type PaymentKind = 'advance' | 'final';
export type CorrectionTarget = 'available' | 'reserved' | 'paid';

export interface AllocationEntry {
  readonly type: 'allocation';
  readonly amount: Cents;
  /** Where the money comes from, e.g. a line in the municipal budget. */
  readonly source?: string;
}
export interface TransferEntry {
  readonly type: 'transfer_in' | 'transfer_out';
  readonly amount: Cents;
  readonly counterpartBudgetId: string;
}
/** Money set aside for a granted initiative, at the grant decision. */
export interface ReservationEntry {
  readonly type: 'reservation';
  readonly amount: Cents;
  readonly initiativeId: string;
}
/** Part of a reservation that will not be paid (lower grant, withdrawal, settlement). */
export interface ReservationReleaseEntry {
  readonly type: 'reservation_release';
  readonly amount: Cents;
  readonly initiativeId: string;
}
/** Money paid out; consumes the initiative's reservation. */
export interface PaymentEntry {
  readonly type: 'payment';
  readonly amount: Cents;
  readonly initiativeId: string;
  readonly kind: PaymentKind;
}
/** Unspent money paid back by the recipient at settlement; lowers what was paid. */
export interface ReleaseEntry {
  readonly type: 'release';
  readonly amount: Cents;
  readonly initiativeId: string;
}
/** A signed correction with a reason. Target 'reserved' or 'paid' needs an initiative. */
export interface CorrectionEntry {
  readonly type: 'correction';
  readonly amount: Cents;
  readonly reason: string;
  /** Default 'available'. */
  readonly target?: CorrectionTarget;
  readonly initiativeId?: string;
}
export interface CofundingEntry {
  readonly type: 'cofunding_pledge' | 'cofunding_pledge_withdrawal' | 'cofunding_receipt';
  readonly amount: Cents;
  /** The co-funding partner, e.g. a housing corporation or a bank. */
  readonly partnerId: string;
}
/** Year end: free money leaves the budget for good. Amount may be 0 (closes the budget). */
export interface LapseEntry {
  readonly type: 'lapse';
  readonly amount: Cents;
}
/** Year end: free money moves to next year's budget ('out' here, 'in' there). Amount may be 0. */
export interface CarryOverEntry {
  readonly type: 'carry_over';
  readonly amount: Cents;
  readonly direction: 'in' | 'out';
  readonly counterpartBudgetId: string;
}

export type LedgerEntry =
  | AllocationEntry
  | TransferEntry
  | ReservationEntry
  | ReservationReleaseEntry
  | PaymentEntry
  | ReleaseEntry
  | CorrectionEntry
  | CofundingEntry
  | LapseEntry
  | CarryOverEntry;

export type LedgerEntryType = LedgerEntry['type'];

export const LEDGER_ENTRY_TYPES: readonly LedgerEntryType[] = [
  'allocation',
  'transfer_in',
  'transfer_out',
  'reservation',
  'reservation_release',
  'payment',
  'release',
  'correction',
  'cofunding_pledge',
  'cofunding_pledge_withdrawal',
  'cofunding_receipt',
  'lapse',
  'carry_over',
];

/** Dutch names of the entry types, for screens and exports. */
export const LEDGER_ENTRY_LABELS_NL: Readonly<Record<LedgerEntryType, string>> = {
  allocation: 'toekenning aan budget',
  transfer_in: 'overboeking naar dit budget',
  transfer_out: 'overboeking uit dit budget',
  reservation: 'reservering',
  reservation_release: 'vrijval reservering',
  payment: 'betaling',
  release: 'terugbetaling',
  correction: 'correctie',
  cofunding_pledge: 'toezegging cofinanciering',
  cofunding_pledge_withdrawal: 'intrekking toezegging cofinanciering',
  cofunding_receipt: 'ontvangst cofinanciering',
  lapse: 'vervallen bij jaareinde',
  carry_over: 'overheveling bij jaareinde',
};

export interface InitiativeBalance {
  readonly reserved: Cents;
  readonly paid: Cents;
}

export interface PartnerBalance {
  /** Pledged minus withdrawn. */
  readonly pledged: Cents;
  readonly received: Cents;
  /** max(0, pledged − received). */
  readonly outstanding: Cents;
}

export interface LedgerOptions {
  /** Count pledged-but-not-received co-funding toward `available`. Default false. */
  readonly pledgesCountAsAvailable?: boolean;
}

export interface Balance {
  readonly pledgesCountAsAvailable: boolean;
  /** True once a year-end entry (lapse, or carry_over out) has been accepted. */
  readonly closed: boolean;
  readonly allocated: Cents;
  readonly transferredIn: Cents;
  readonly transferredOut: Cents;
  readonly carriedIn: Cents;
  readonly carriedOut: Cents;
  readonly lapsed: Cents;
  /** Net corrections with target 'available'. */
  readonly corrected: Cents;
  /** Net pledged co-funding (pledges minus withdrawals). */
  readonly cofundingPledged: Cents;
  readonly cofundingReceived: Cents;
  /** Pledged but not (yet) received. Counted in `available` only if `pledgesCountAsAvailable`. */
  readonly cofundingOutstanding: Cents;
  readonly available: Cents;
  readonly reserved: Cents;
  readonly paid: Cents;
  /** available − reserved − paid; never negative. */
  readonly free: Cents;
  readonly initiatives: ReadonlyMap<string, InitiativeBalance>;
  readonly partners: ReadonlyMap<string, PartnerBalance>;
}

export function emptyBalance(options: LedgerOptions = {}): Balance {
  return {
    pledgesCountAsAvailable: options.pledgesCountAsAvailable ?? false,
    closed: false,
    allocated: 0,
    transferredIn: 0,
    transferredOut: 0,
    carriedIn: 0,
    carriedOut: 0,
    lapsed: 0,
    corrected: 0,
    cofundingPledged: 0,
    cofundingReceived: 0,
    cofundingOutstanding: 0,
    available: 0,
    reserved: 0,
    paid: 0,
    free: 0,
    initiatives: new Map(),
    partners: new Map(),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ZERO_INITIATIVE: InitiativeBalance = { reserved: 0, paid: 0 };
const ZERO_PARTNER: PartnerBalance = { pledged: 0, received: 0, outstanding: 0 };

/** Safe integer addition (amounts are bounded, but sums of many entries are checked too). */
function plus(a: Cents, b: Cents): Cents {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new RuleViolation('amount_above_ceiling', 'Het saldo valt buiten het bereik van exacte bedragen.');
  }
  return sum === 0 ? 0 : sum;
}

function requireText(value: unknown, what: string, entryType: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuleViolation(
      what === 'reason' ? 'correction_reason_required' : 'reference_required',
      what === 'reason'
        ? 'Een correctie heeft een reden nodig.'
        : `Een ${LEDGER_ENTRY_LABELS_NL[entryType as LedgerEntryType] ?? 'boeking'} moet verwijzen naar ${REFERENCE_NAMES_NL[what] ?? what}.`,
      { entryType, field: what },
    );
  }
  return value;
}

const REFERENCE_NAMES_NL: Readonly<Record<string, string>> = {
  initiativeId: 'een initiatief',
  partnerId: 'een cofinancierende partner',
  counterpartBudgetId: 'een ander budget',
};

const CLOSED_REFUSES: ReadonlySet<LedgerEntryType> = new Set<LedgerEntryType>(['allocation', 'transfer_in', 'transfer_out', 'reservation', 'cofunding_pledge']);

const INSUFFICIENT_PHRASE_NL: Partial<Record<LedgerEntryType, string>> = {
  transfer_out: 'deze overboeking',
  reservation: 'deze reservering',
  correction: 'deze correctie',
  cofunding_pledge_withdrawal: 'het intrekken van deze toezegging',
  lapse: 'het laten vervallen van dit bedrag',
  carry_over: 'het overhevelen van dit bedrag',
};

/**
 * Applies one entry to a balance and returns the new balance, or throws a RuleViolation if the
 * entry is malformed or would break a rule. Pure: `balance` is never modified.
 */
export function applyEntry(balance: Balance, entry: LedgerEntry): Balance {
  const next: Mutable<Balance> = { ...balance };
  const type = (entry as { type?: unknown }).type;
  if (typeof type !== 'string' || !(LEDGER_ENTRY_TYPES as readonly string[]).includes(type)) {
    throw new RuleViolation('entry_invalid', 'Onbekend soort boeking.', { type: String(type) });
  }
  const label = `Het bedrag van de ${LEDGER_ENTRY_LABELS_NL[entry.type]}`;
  const amount =
    entry.type === 'correction'
      ? assertCents(entry.amount, { sign: 'any', label })
      : entry.type === 'lapse' || entry.type === 'carry_over'
        ? assertCents(entry.amount, { sign: 'non_negative', label })
        : assertCents(entry.amount, { sign: 'positive', label });

  if (entry.type === 'correction' && amount === 0) {
    throw new RuleViolation('amount_not_positive', 'Een correctie van € 0,00 corrigeert niets.', { amount });
  }
  const refusedWhenClosed = CLOSED_REFUSES.has(entry.type) || (entry.type === 'carry_over' && entry.direction === 'in');
  if (balance.closed && refusedWhenClosed) {
    throw new RuleViolation('budget_closed', `Dit budget is bij het jaareinde afgesloten; een ${LEDGER_ENTRY_LABELS_NL[entry.type]} is niet meer mogelijk.`, {
      entryType: entry.type,
    });
  }

  const initiatives = (): Map<string, InitiativeBalance> => {
    if (next.initiatives === balance.initiatives) next.initiatives = new Map(balance.initiatives);
    return next.initiatives as Map<string, InitiativeBalance>;
  };
  const partners = (): Map<string, PartnerBalance> => {
    if (next.partners === balance.partners) next.partners = new Map(balance.partners);
    return next.partners as Map<string, PartnerBalance>;
  };
  const initiativeOf = (id: string): InitiativeBalance => balance.initiatives.get(id) ?? ZERO_INITIATIVE;

  switch (entry.type) {
    case 'allocation':
      next.allocated = plus(next.allocated, amount);
      break;
    case 'transfer_in':
      requireText(entry.counterpartBudgetId, 'counterpartBudgetId', entry.type);
      next.transferredIn = plus(next.transferredIn, amount);
      break;
    case 'transfer_out':
      requireText(entry.counterpartBudgetId, 'counterpartBudgetId', entry.type);
      next.transferredOut = plus(next.transferredOut, amount);
      break;
    case 'reservation': {
      const id = requireText(entry.initiativeId, 'initiativeId', entry.type);
      const current = initiativeOf(id);
      initiatives().set(id, { ...current, reserved: plus(current.reserved, amount) });
      next.reserved = plus(next.reserved, amount);
      break;
    }
    case 'reservation_release':
    case 'payment': {
      const id = requireText(entry.initiativeId, 'initiativeId', entry.type);
      const current = initiativeOf(id);
      if (amount > current.reserved) {
        throw new RuleViolation(
          'reservation_insufficient',
          entry.type === 'payment'
            ? `De betaling van ${formatCents(amount)} is hoger dan wat voor dit initiatief nog gereserveerd is (${formatCents(current.reserved)}). Een hoger bedrag vraagt eerst een nieuw besluit.`
            : `Er kan niet ${formatCents(amount)} vrijvallen: voor dit initiatief is nog ${formatCents(current.reserved)} gereserveerd.`,
          { initiativeId: id, amount, reserved: current.reserved },
        );
      }
      const paid = entry.type === 'payment' ? plus(current.paid, amount) : current.paid;
      initiatives().set(id, { reserved: plus(current.reserved, -amount), paid });
      next.reserved = plus(next.reserved, -amount);
      if (entry.type === 'payment') next.paid = plus(next.paid, amount);
      break;
    }
    case 'release': {
      const id = requireText(entry.initiativeId, 'initiativeId', entry.type);
      const current = initiativeOf(id);
      if (amount > current.paid) {
        throw new RuleViolation(
          'release_exceeds_paid',
          `Er kan niet ${formatCents(amount)} worden terugbetaald: aan dit initiatief is ${formatCents(current.paid)} betaald.`,
          { initiativeId: id, amount, paid: current.paid },
        );
      }
      initiatives().set(id, { ...current, paid: plus(current.paid, -amount) });
      next.paid = plus(next.paid, -amount);
      break;
    }
    case 'correction': {
      requireText(entry.reason, 'reason', entry.type);
      const target = entry.target ?? 'available';
      if (target === 'available') {
        next.corrected = plus(next.corrected, amount);
        break;
      }
      if (target !== 'reserved' && target !== 'paid') {
        throw new RuleViolation('entry_invalid', 'Een correctie geldt voor beschikbaar, gereserveerd of betaald.', {
          target: String(target),
        });
      }
      const id = requireText(entry.initiativeId, 'initiativeId', entry.type);
      const current = initiativeOf(id);
      const corrected = plus(current[target], amount);
      if (corrected < 0) {
        throw new RuleViolation(
          target === 'reserved' ? 'reservation_insufficient' : 'release_exceeds_paid',
          `Deze correctie maakt het ${target === 'reserved' ? 'gereserveerde' : 'betaalde'} bedrag voor dit initiatief negatief (${formatCents(current[target])} ${amount < 0 ? '-' : '+'} ${formatCents(Math.abs(amount))}).`,
          { initiativeId: id, amount, current: current[target], target },
        );
      }
      initiatives().set(id, { ...current, [target]: corrected });
      next[target] = plus(next[target], amount);
      break;
    }
    case 'cofunding_pledge':
    case 'cofunding_pledge_withdrawal':
    case 'cofunding_receipt': {
      const id = requireText(entry.partnerId, 'partnerId', entry.type);
      const current = balance.partners.get(id) ?? ZERO_PARTNER;
      let { pledged, received } = current;
      if (entry.type === 'cofunding_pledge') pledged = plus(pledged, amount);
      if (entry.type === 'cofunding_receipt') received = plus(received, amount);
      if (entry.type === 'cofunding_pledge_withdrawal') {
        if (amount > current.outstanding) {
          throw new RuleViolation(
            'pledge_insufficient',
            `Er kan niet ${formatCents(amount)} van de toezegging worden ingetrokken: van deze partner staat nog ${formatCents(current.outstanding)} toegezegd en niet ontvangen.`,
            { partnerId: id, amount, outstanding: current.outstanding },
          );
        }
        pledged = plus(pledged, -amount);
      }
      const outstanding = Math.max(0, pledged - received);
      partners().set(id, { pledged, received, outstanding });
      next.cofundingPledged = plus(next.cofundingPledged, pledged - current.pledged);
      next.cofundingReceived = plus(next.cofundingReceived, received - current.received);
      next.cofundingOutstanding = plus(next.cofundingOutstanding, outstanding - current.outstanding);
      break;
    }
    case 'lapse':
      next.lapsed = plus(next.lapsed, amount);
      next.closed = true;
      break;
    case 'carry_over':
      requireText(entry.counterpartBudgetId, 'counterpartBudgetId', entry.type);
      if (entry.direction === 'out') {
        next.carriedOut = plus(next.carriedOut, amount);
        next.closed = true;
      } else if (entry.direction === 'in') {
        next.carriedIn = plus(next.carriedIn, amount);
      } else {
        throw new RuleViolation('entry_invalid', "Een overheveling gaat 'in' of 'out'.", {
          direction: String((entry as { direction?: unknown }).direction),
        });
      }
      break;
  }

  next.available = [
    next.allocated,
    next.transferredIn,
    -next.transferredOut,
    next.carriedIn,
    -next.carriedOut,
    -next.lapsed,
    next.corrected,
    next.cofundingReceived,
    next.pledgesCountAsAvailable ? next.cofundingOutstanding : 0,
  ].reduce(plus, 0);
  next.free = plus(next.available, -plus(next.reserved, next.paid));

  if (next.free < 0) {
    const needed = balance.free - next.free;
    const phrase = INSUFFICIENT_PHRASE_NL[entry.type] ?? 'deze boeking';
    throw new RuleViolation(
      'budget_insufficient',
      `Onvoldoende vrije ruimte in het budget voor ${phrase}: nodig ${formatCents(needed)}, vrij ${formatCents(balance.free)} (beschikbaar ${formatCents(balance.available)}, gereserveerd ${formatCents(balance.reserved)}, betaald ${formatCents(balance.paid)}). Gereserveerd plus betaald mag nooit meer zijn dan beschikbaar.`,
      {
        entryType: entry.type,
        amount,
        needed,
        free: balance.free,
        available: balance.available,
        reserved: balance.reserved,
        paid: balance.paid,
      },
    );
  }
  return next;
}

/** The balance after all `entries`, in order. Throws if the history itself breaks a rule. */
export function deriveBalance(entries: readonly LedgerEntry[], options: LedgerOptions = {}): Balance {
  let balance = emptyBalance(options);
  for (const entry of entries) balance = applyEntry(balance, entry);
  return balance;
}

/**
 * Would `newEntry` be accepted after `entries`? Returns the balance after it, or throws the
 * RuleViolation that refuses it.
 */
export function checkEntry(entries: readonly LedgerEntry[], newEntry: LedgerEntry, options: LedgerOptions = {}): Balance {
  return applyEntry(deriveBalance(entries, options), newEntry);
}

export type YearEndBehaviour = 'carry_over' | 'lapse';

export interface YearEndClosing {
  /** The entry for the budget being closed. */
  readonly closing: LapseEntry | CarryOverEntry;
  /** For carry_over: the entry for next year's budget. */
  readonly opening?: CarryOverEntry;
  /** The balance of the closed budget after `closing`. */
  readonly balance: Balance;
}

/**
 * Year-end close: the free money lapses or is carried over to `nextBudgetId`, per the budget's
 * rules. Only money actually in hand is swept: when pledges count as available, outstanding pledges
 * stay (they would otherwise be carried over before they were ever received). Open reservations
 * stay in this budget. Can be called again on a closed budget to sweep money freed since.
 */
export function closeYear(
  balance: Balance,
  behaviour: YearEndBehaviour,
  context: { readonly budgetId?: string; readonly nextBudgetId?: string } = {},
): YearEndClosing {
  const inHand = balance.pledgesCountAsAvailable ? balance.free - balance.cofundingOutstanding : balance.free;
  const amount = Math.max(0, inHand);
  if (behaviour === 'lapse') {
    const closing: LapseEntry = { type: 'lapse', amount };
    return { closing, balance: applyEntry(balance, closing) };
  }
  if (behaviour !== 'carry_over') {
    throw new RuleViolation('entry_invalid', "Het jaareinde is 'carry_over' of 'lapse'.", {
      behaviour: String(behaviour),
    });
  }
  const nextBudgetId = requireText(context.nextBudgetId, 'counterpartBudgetId', 'carry_over');
  const closing: CarryOverEntry = {
    type: 'carry_over',
    direction: 'out',
    amount,
    counterpartBudgetId: nextBudgetId,
  };
  const opening: CarryOverEntry = {
    type: 'carry_over',
    direction: 'in',
    amount,
    counterpartBudgetId: requireText(context.budgetId, 'counterpartBudgetId', 'carry_over'),
  };
  return { closing, opening, balance: applyEntry(balance, closing) };
}
