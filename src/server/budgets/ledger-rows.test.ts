// SPDX-License-Identifier: EUPL-1.2
// The server derives balances of many budgets from SQL sums (balanceFromSums) instead of replaying
// every entry. Property: for any history the core ledger accepts, the sums grouped the way the
// query groups them give exactly the figures of core deriveBalance; and every entry survives the
// trip to table columns and back unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEntry, emptyBalance, type LedgerEntry } from '../../core/ledger/index.js';
import { RuleViolation } from '../../core/rule-violation.js';
import { balanceFromSums, coreBalanceFromSums, figuresOf, fromCoreEntry, initiativeFromSums, toCoreEntry, type LedgerSum } from './ledger-rows.js';

const initiativeId = fc.constantFrom('a', 'b', 'c');
const partnerId = fc.constantFrom('wonion', 'rabobank');
const budgetId = fc.constantFrom('next-year', 'other-area');
const amount = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 300 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 5_000 }) });

const entry: fc.Arbitrary<LedgerEntry> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ type: fc.constant('allocation' as const), amount, source: fc.constant('Programma') }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('transfer_in' as const, 'transfer_out' as const), amount, counterpartBudgetId: budgetId }) },
  { weight: 14, arbitrary: fc.record({ type: fc.constant('reservation' as const), amount, initiativeId }) },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('reservation_release' as const), amount, initiativeId }) },
  {
    weight: 12,
    arbitrary: fc.record({ type: fc.constant('payment' as const), amount, initiativeId, kind: fc.constantFrom('advance' as const, 'final' as const) }),
  },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('release' as const), amount, initiativeId }) },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('correction' as const),
      amount: fc.integer({ min: -3_000, max: 3_000 }),
      reason: fc.constant('Herstel boekingsfout'),
      target: fc.constantFrom('available' as const, 'reserved' as const, 'paid' as const),
      initiativeId,
    }),
  },
  {
    weight: 10,
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

/** What `group by type, funding_source_id, target, direction` with sum and count returns. */
function sqlSums(entries: LedgerEntry[]): LedgerSum[] {
  const groups = new Map<string, LedgerSum>();
  for (const e of entries) {
    const row = fromCoreEntry(e);
    const key = JSON.stringify([row.type, row.fundingSourceId, row.target, row.direction]);
    const group = groups.get(key) ?? {
      type: row.type,
      fundingSourceId: row.fundingSourceId,
      target: row.target,
      direction: row.direction,
      amount: 0,
      count: 0,
    };
    group.amount += row.amountCents;
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

describe('balances from SQL sums', () => {
  it('equal core deriveBalance for any accepted history, with and without pledges counting', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.boolean(), (offered, pledgesCountAsAvailable) => {
        let balance = emptyBalance({ pledgesCountAsAvailable });
        const accepted: LedgerEntry[] = [];
        for (const e of offered) {
          try {
            balance = applyEntry(balance, e);
            accepted.push(e);
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
          }
        }
        expect(balanceFromSums(sqlSums(accepted), pledgesCountAsAvailable)).toEqual(figuresOf(balance));
        // The core Balance the server checks appends against: totals and partners from the sums,
        // each initiative from its own sums — the same as the full replay.
        const fromSums = coreBalanceFromSums(sqlSums(accepted), pledgesCountAsAvailable);
        expect(figuresOf(fromSums)).toEqual(figuresOf(balance));
        expect(fromSums.partners).toEqual(balance.partners);
        for (const id of ['a', 'b', 'c']) {
          const own = sqlSums(accepted.filter((e) => 'initiativeId' in e && e.initiativeId === id && (e.type !== 'correction' || e.target !== 'available')));
          expect(initiativeFromSums(own)).toEqual(balance.initiatives.get(id) ?? { reserved: 0, paid: 0 });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('check the next entry exactly as a full replay does', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), entry, fc.boolean(), (offered, next, pledgesCountAsAvailable) => {
        let balance = emptyBalance({ pledgesCountAsAvailable });
        const accepted: LedgerEntry[] = [];
        for (const e of offered) {
          try {
            balance = applyEntry(balance, e);
            accepted.push(e);
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
          }
        }
        let partial = coreBalanceFromSums(sqlSums(accepted), pledgesCountAsAvailable);
        if ('initiativeId' in next && next.initiativeId) {
          const id = next.initiativeId;
          const own = sqlSums(accepted.filter((e) => 'initiativeId' in e && e.initiativeId === id && (e.type !== 'correction' || e.target !== 'available')));
          partial = { ...partial, initiatives: new Map([[id, initiativeFromSums(own)]]) };
        }
        const outcome = (b: typeof balance) => {
          try {
            return figuresOf(applyEntry(b, next));
          } catch (error) {
            return (error as RuleViolation).code;
          }
        };
        expect(outcome(partial)).toEqual(outcome(balance));
      }),
      { numRuns: 500 },
    );
  });

  it('keep every entry unchanged through the table columns', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const reason = e.type === 'correction' ? e.reason : e.type === 'allocation' ? (e.source ?? '') : 'reden';
        const back = toCoreEntry({ ...fromCoreEntry(e), reason });
        expect(back).toEqual(e.type === 'allocation' ? { ...e, source: reason } : e);
      }),
    );
  });
});
