// SPDX-License-Identifier: EUPL-1.2
/**
 * Property: whatever sequence of entries is offered (valid, invalid, overspending, after closing),
 * the ledger keeps reserved + paid <= available after every step, refuses only with a
 * RuleViolation, refuses exactly the entries that break a rule, and its balances always equal
 * sums over the accepted entries, computed here independently.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleViolation } from '../rule-violation.js';
import { applyEntry, deriveBalance, emptyBalance, type Balance, type LedgerEntry } from './index.js';

const initiativeId = fc.constantFrom('a', 'b', 'c');
const partnerId = fc.constantFrom('wonion', 'rabobank');
const budgetId = fc.constantFrom('next-year', 'other-area');
// mostly small amounts (so payments and releases fit inside reservations), some large, some 0
const amount = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 300 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

const entryArbitrary: fc.Arbitrary<LedgerEntry> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ type: fc.constant('allocation' as const), amount }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constantFrom('transfer_in' as const, 'transfer_out' as const),
      amount,
      counterpartBudgetId: budgetId,
    }),
  },
  { weight: 16, arbitrary: fc.record({ type: fc.constant('reservation' as const), amount, initiativeId }) },
  { weight: 8, arbitrary: fc.record({ type: fc.constant('reservation_release' as const), amount, initiativeId }) },
  {
    weight: 16,
    arbitrary: fc.record({
      type: fc.constant('payment' as const),
      amount,
      initiativeId,
      kind: fc.constantFrom('advance' as const, 'final' as const),
    }),
  },
  { weight: 8, arbitrary: fc.record({ type: fc.constant('release' as const), amount, initiativeId }) },
  {
    weight: 8,
    arbitrary: fc.record(
      {
        type: fc.constant('correction' as const),
        amount: fc.integer({ min: -3_000, max: 3_000 }),
        reason: fc.constantFrom('Herstel boekingsfout', ''),
        target: fc.constantFrom('available' as const, 'reserved' as const, 'paid' as const),
        initiativeId,
      },
      { requiredKeys: ['type', 'amount', 'reason'] },
    ),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constantFrom('cofunding_pledge' as const, 'cofunding_pledge_withdrawal' as const, 'cofunding_receipt' as const),
      amount,
      partnerId,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('lapse' as const), amount }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('carry_over' as const),
      amount,
      direction: fc.constantFrom('in' as const, 'out' as const),
      counterpartBudgetId: budgetId,
    }),
  },
);

interface Model {
  closed: boolean;
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
  initiatives: Map<string, { reserved: number; paid: number }>;
  partners: Map<string, { pledged: number; received: number; outstanding: number }>;
}

/** Balances as plain sums over accepted entries: the definition, written without the ledger code. */
function model(entries: readonly LedgerEntry[], pledgesCountAsAvailable: boolean): Model {
  const sum = (predicate: (e: LedgerEntry) => boolean): number => entries.filter(predicate).reduce((total, e) => total + e.amount, 0);
  const ofType =
    (type: LedgerEntry['type']) =>
    (e: LedgerEntry): boolean =>
      e.type === type;
  const correctionOf =
    (target: string, id?: string) =>
    (e: LedgerEntry): boolean =>
      e.type === 'correction' && (e.target ?? 'available') === target && (id === undefined || e.initiativeId === id);
  const forInitiative =
    (type: LedgerEntry['type'], id: string) =>
    (e: LedgerEntry): boolean =>
      e.type === type && 'initiativeId' in e && e.initiativeId === id;
  const forPartner =
    (type: LedgerEntry['type'], id: string) =>
    (e: LedgerEntry): boolean =>
      e.type === type && 'partnerId' in e && e.partnerId === id;

  const initiatives = new Map<string, { reserved: number; paid: number }>();
  const touchesInitiative = (e: LedgerEntry): string[] => {
    if (e.type === 'correction') return (e.target ?? 'available') !== 'available' && e.initiativeId ? [e.initiativeId] : [];
    return 'initiativeId' in e ? [e.initiativeId] : [];
  };
  for (const id of new Set(entries.flatMap(touchesInitiative))) {
    initiatives.set(id, {
      reserved:
        sum(forInitiative('reservation', id)) -
        sum(forInitiative('reservation_release', id)) -
        sum(forInitiative('payment', id)) +
        sum(correctionOf('reserved', id)),
      paid: sum(forInitiative('payment', id)) - sum(forInitiative('release', id)) + sum(correctionOf('paid', id)),
    });
  }
  const partners = new Map<string, { pledged: number; received: number; outstanding: number }>();
  for (const id of new Set(entries.flatMap((e) => ('partnerId' in e ? [e.partnerId] : [])))) {
    const pledged = sum(forPartner('cofunding_pledge', id)) - sum(forPartner('cofunding_pledge_withdrawal', id));
    const received = sum(forPartner('cofunding_receipt', id));
    partners.set(id, { pledged, received, outstanding: Math.max(0, pledged - received) });
  }
  const outstanding = [...partners.values()].reduce((t, p) => t + p.outstanding, 0);
  const m = {
    closed: entries.some((e) => e.type === 'lapse' || (e.type === 'carry_over' && e.direction === 'out')),
    allocated: sum(ofType('allocation')),
    transferredIn: sum(ofType('transfer_in')),
    transferredOut: sum(ofType('transfer_out')),
    carriedIn: sum((e) => e.type === 'carry_over' && e.direction === 'in'),
    carriedOut: sum((e) => e.type === 'carry_over' && e.direction === 'out'),
    lapsed: sum(ofType('lapse')),
    corrected: sum(correctionOf('available')),
    cofundingPledged: [...partners.values()].reduce((t, p) => t + p.pledged, 0),
    cofundingReceived: sum(ofType('cofunding_receipt')),
    cofundingOutstanding: outstanding,
    reserved: [...initiatives.values()].reduce((t, i) => t + i.reserved, 0),
    paid: [...initiatives.values()].reduce((t, i) => t + i.paid, 0),
    initiatives,
    partners,
  };
  const available =
    m.allocated +
    m.transferredIn -
    m.transferredOut +
    m.carriedIn -
    m.carriedOut -
    m.lapsed +
    m.corrected +
    m.cofundingReceived +
    (pledgesCountAsAvailable ? outstanding : 0);
  return { ...m, available, free: available - m.reserved - m.paid };
}

/** Should the ledger accept `entry` after `accepted`? Decided from the rules, not the code. */
function shouldAccept(before: Model, after: Model, entry: LedgerEntry): boolean {
  if (entry.type === 'correction') {
    if (entry.amount === 0 || entry.reason.trim() === '') return false;
    if ((entry.target ?? 'available') !== 'available' && entry.initiativeId === undefined) return false;
  } else if (entry.type === 'lapse' || entry.type === 'carry_over') {
    if (entry.amount < 0) return false;
  } else if (entry.amount <= 0) {
    return false;
  }
  const refusedWhenClosed =
    ['allocation', 'transfer_in', 'transfer_out', 'reservation', 'cofunding_pledge'].includes(entry.type) ||
    (entry.type === 'carry_over' && entry.direction === 'in');
  if (before.closed && refusedWhenClosed) return false;
  if (entry.type === 'cofunding_pledge_withdrawal') {
    const partner = before.partners.get(entry.partnerId);
    if (entry.amount > (partner?.outstanding ?? 0)) return false;
  }
  if (after.free < 0) return false;
  for (const initiative of after.initiatives.values()) {
    if (initiative.reserved < 0 || initiative.paid < 0) return false;
  }
  return true;
}

/** A stable string for a balance or model: keys sorted, maps as entry lists sorted by key. */
function canonical(value: object): string {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...(v as Map<string, unknown>).entries()].sort(byKey);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(byKey));
    return v;
  });
}

describe('ledger properties', () => {
  it('keeps the invariant, refuses exactly the rule-breaking entries, and equals the sums of accepted entries', () => {
    const acceptedTypes = new Map<string, number>();
    let refused = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(entryArbitrary, { minLength: 5, maxLength: 80, size: 'large' }), (pledgesCountAsAvailable, offered) => {
        let balance = emptyBalance({ pledgesCountAsAvailable });
        const accepted: LedgerEntry[] = [];
        let current = model(accepted, pledgesCountAsAvailable);
        for (const entry of offered) {
          const candidate = model([...accepted, entry], pledgesCountAsAvailable);
          const expected = shouldAccept(current, candidate, entry);
          let next: Balance | undefined;
          try {
            next = applyEntry(balance, entry);
          } catch (error) {
            expect(error).toBeInstanceOf(RuleViolation);
          }
          expect(next !== undefined).toBe(expected);
          if (next !== undefined) {
            balance = next;
            accepted.push(entry);
            current = candidate;
            acceptedTypes.set(entry.type, (acceptedTypes.get(entry.type) ?? 0) + 1);
          } else {
            refused += 1;
          }

          // the invariant, after every offered entry
          expect(balance.reserved + balance.paid).toBeLessThanOrEqual(balance.available);
          expect(balance.free).toBeGreaterThanOrEqual(0);
          expect(balance.reserved).toBeGreaterThanOrEqual(0);
          expect(balance.paid).toBeGreaterThanOrEqual(0);
          for (const initiative of balance.initiatives.values()) {
            expect(initiative.reserved).toBeGreaterThanOrEqual(0);
            expect(initiative.paid).toBeGreaterThanOrEqual(0);
          }

          // balances are the sums of accepted entries
          const wanted = { pledgesCountAsAvailable, ...current };
          // cheap comparison on every step; vitest's diff only when they differ
          if (canonical(balance) !== canonical(wanted)) expect(balance).toEqual(wanted);
        }
        // and deriving from scratch gives the same balance as applying step by step
        expect(deriveBalance(accepted, { pledgesCountAsAvailable })).toEqual(balance);
      }),
      { numRuns: 200 },
    );
    // the generator really exercises every kind of entry, accepted and refused
    expect(refused).toBeGreaterThan(100);
    for (const type of [
      'allocation',
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
      'transfer_in',
      'transfer_out',
    ]) {
      expect(acceptedTypes.get(type) ?? 0, type).toBeGreaterThan(10);
    }
  });
});
