// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { euros } from '../money.js';
import { RuleViolation } from '../rule-violation.js';
import { LEDGER_ENTRY_LABELS_NL, LEDGER_ENTRY_TYPES, applyEntry, checkEntry, closeYear, deriveBalance, emptyBalance, type LedgerEntry } from './index.js';

function violationOf(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}

const allocation = (amount: number): LedgerEntry => ({ type: 'allocation', amount });
const reserve = (initiativeId: string, amount: number): LedgerEntry => ({ type: 'reservation', initiativeId, amount });
const pay = (initiativeId: string, amount: number, kind: 'advance' | 'final' = 'advance'): LedgerEntry => ({
  type: 'payment',
  initiativeId,
  amount,
  kind,
});

describe('derived balances', () => {
  it('starts empty', () => {
    const balance = emptyBalance();
    expect(balance).toMatchObject({ available: 0, reserved: 0, paid: 0, free: 0, closed: false });
    expect(balance.pledgesCountAsAvailable).toBe(false);
    expect(deriveBalance([])).toEqual(balance);
  });

  it('follows a grant from reservation through advance, final payment and settlement', () => {
    const entries: LedgerEntry[] = [allocation(euros(5_000)), reserve('speeltuin', euros(1_000)), pay('speeltuin', euros(800), 'advance')];
    let balance = deriveBalance(entries);
    expect(balance).toMatchObject({
      available: euros(5_000),
      reserved: euros(200),
      paid: euros(800),
      free: euros(4_000),
    });
    expect(balance.initiatives.get('speeltuin')).toEqual({ reserved: euros(200), paid: euros(800) });

    // Final account: only EUR 700 was spent. EUR 100 comes back, the rest of the reservation falls free.
    balance = applyEntry(balance, { type: 'release', initiativeId: 'speeltuin', amount: euros(100) });
    balance = applyEntry(balance, { type: 'reservation_release', initiativeId: 'speeltuin', amount: euros(200) });
    expect(balance).toMatchObject({ reserved: 0, paid: euros(700), free: euros(4_300) });
  });

  it('handles transfers and signed corrections', () => {
    const balance = deriveBalance([
      allocation(10_000),
      { type: 'transfer_in', amount: 2_000, counterpartBudgetId: 'wijk-b-2024' },
      { type: 'transfer_out', amount: 500, counterpartBudgetId: 'wijk-c-2024' },
      { type: 'correction', amount: -1_000, reason: 'Dubbel geboekte toekenning' },
      { type: 'correction', amount: 300, reason: 'Afronding begroting' },
    ]);
    expect(balance).toMatchObject({
      allocated: 10_000,
      transferredIn: 2_000,
      transferredOut: 500,
      corrected: -700,
      available: 10_800,
      free: 10_800,
    });
  });

  it('corrects a wrongly booked payment', () => {
    const balance = deriveBalance([
      allocation(10_000),
      reserve('x', 1_000),
      pay('x', 1_000),
      { type: 'correction', amount: -900, target: 'paid', initiativeId: 'x', reason: 'Verkeerd bedrag geboekt' },
    ]);
    expect(balance).toMatchObject({ paid: 100, reserved: 0, free: 9_900 });
    expect(violationOf(() => applyEntry(balance, { type: 'correction', amount: -101, target: 'paid', initiativeId: 'x', reason: 'r' })).code).toBe(
      'release_exceeds_paid',
    );
    expect(violationOf(() => applyEntry(balance, { type: 'correction', amount: -1, target: 'reserved', initiativeId: 'x', reason: 'r' })).code).toBe(
      'reservation_insufficient',
    );
    expect(violationOf(() => applyEntry(balance, { type: 'correction', amount: 5, target: 'reserved', reason: 'r' })).code).toBe('reference_required');
  });
});

describe('the invariant reserved + paid <= available', () => {
  it('refuses a reservation beyond the free amount, naming the amounts in Dutch', () => {
    const entries: LedgerEntry[] = [allocation(euros(5_000)), reserve('a', euros(4_000)), pay('a', euros(1_000))];
    const violation = violationOf(() => checkEntry(entries, reserve('b', euros(1_500))));
    expect(violation.code).toBe('budget_insufficient');
    expect(violation.message).toBe(
      'Onvoldoende vrije ruimte in het budget voor deze reservering: nodig € 1.500,00, vrij € 1.000,00 ' +
        '(beschikbaar € 5.000,00, gereserveerd € 3.000,00, betaald € 1.000,00). ' +
        'Gereserveerd plus betaald mag nooit meer zijn dan beschikbaar.',
    );
    expect(violation.details).toMatchObject({
      entryType: 'reservation',
      needed: euros(1_500),
      free: euros(1_000),
      available: euros(5_000),
      reserved: euros(3_000),
      paid: euros(1_000),
    });
    // exactly the free amount is fine
    expect(checkEntry(entries, reserve('b', euros(1_000))).free).toBe(0);
  });

  it('refuses transfers out, negative corrections and lapses that would overspend', () => {
    const entries: LedgerEntry[] = [allocation(1_000), reserve('a', 600)];
    expect(violationOf(() => checkEntry(entries, { type: 'transfer_out', amount: 401, counterpartBudgetId: 'x' })).code).toBe('budget_insufficient');
    expect(violationOf(() => checkEntry(entries, { type: 'correction', amount: -401, reason: 'r' })).code).toBe('budget_insufficient');
    expect(violationOf(() => checkEntry(entries, { type: 'lapse', amount: 401 })).code).toBe('budget_insufficient');
  });

  it('lets a payment consume only its own reservation', () => {
    const entries: LedgerEntry[] = [allocation(10_000), reserve('a', 1_000)];
    const violation = violationOf(() => checkEntry(entries, pay('a', 1_001)));
    expect(violation.code).toBe('reservation_insufficient');
    expect(violation.message).toContain('De betaling van € 10,01 is hoger dan wat voor dit initiatief nog gereserveerd is (€ 10,00)');
    expect(violationOf(() => checkEntry(entries, pay('b', 1))).code).toBe('reservation_insufficient');
    expect(violationOf(() => checkEntry(entries, { type: 'reservation_release', initiativeId: 'a', amount: 1_001 })).code).toBe('reservation_insufficient');
    expect(violationOf(() => checkEntry(entries, { type: 'release', initiativeId: 'a', amount: 1 })).code).toBe('release_exceeds_paid');
  });

  it('never modifies the balance it was given', () => {
    const before = deriveBalance([allocation(1_000), reserve('a', 500)]);
    const snapshot = structuredClone(before);
    applyEntry(before, pay('a', 500));
    expect(() => applyEntry(before, reserve('b', 501))).toThrow(RuleViolation);
    expect(before).toEqual(snapshot);
  });
});

describe('entry validation', () => {
  it('rejects malformed entries with stable codes', () => {
    const base = deriveBalance([allocation(1_000)]);
    const code = (entry: unknown): string => violationOf(() => applyEntry(base, entry as LedgerEntry)).code;
    expect(code({ type: 'gift', amount: 5 })).toBe('entry_invalid');
    expect(code({ type: 'allocation', amount: 0 })).toBe('amount_not_positive');
    expect(code({ type: 'allocation', amount: -5 })).toBe('amount_not_positive');
    expect(code({ type: 'allocation', amount: 12.5 })).toBe('amount_fractional_cents');
    expect(code({ type: 'allocation', amount: Number.NaN })).toBe('amount_invalid');
    expect(code({ type: 'allocation', amount: euros(100_000_001) })).toBe('amount_above_ceiling');
    expect(code({ type: 'reservation', amount: 5 })).toBe('reference_required');
    expect(code({ type: 'reservation', amount: 5, initiativeId: '  ' })).toBe('reference_required');
    expect(code({ type: 'transfer_in', amount: 5 })).toBe('reference_required');
    expect(code({ type: 'cofunding_pledge', amount: 5 })).toBe('reference_required');
    expect(code({ type: 'correction', amount: 5 })).toBe('correction_reason_required');
    expect(code({ type: 'correction', amount: 5, reason: '' })).toBe('correction_reason_required');
    expect(code({ type: 'correction', amount: 0, reason: 'r' })).toBe('amount_not_positive');
    expect(code({ type: 'correction', amount: 5, reason: 'r', target: 'free' })).toBe('entry_invalid');
    expect(code({ type: 'carry_over', amount: 5, direction: 'sideways', counterpartBudgetId: 'x' })).toBe('entry_invalid');
    expect(code({ type: 'lapse', amount: -1 })).toBe('amount_negative');
  });

  it('has a Dutch label for every entry type', () => {
    for (const type of LEDGER_ENTRY_TYPES) expect(LEDGER_ENTRY_LABELS_NL[type]).toMatch(/\S/);
  });
});

describe('co-funding (Oude IJsselstreek: Wonion and Rabobank)', () => {
  const entries: LedgerEntry[] = [
    allocation(euros(10_000)),
    { type: 'cofunding_pledge', partnerId: 'wonion', amount: euros(5_000) },
    { type: 'cofunding_pledge', partnerId: 'rabobank', amount: euros(2_500) },
    { type: 'cofunding_receipt', partnerId: 'wonion', amount: euros(3_000) },
  ];

  it('does not count pledges toward available until received (default)', () => {
    const balance = deriveBalance(entries);
    expect(balance).toMatchObject({
      cofundingPledged: euros(7_500),
      cofundingReceived: euros(3_000),
      cofundingOutstanding: euros(4_500),
      available: euros(13_000),
      free: euros(13_000),
    });
    expect(balance.partners.get('wonion')).toEqual({
      pledged: euros(5_000),
      received: euros(3_000),
      outstanding: euros(2_000),
    });
    expect(violationOf(() => applyEntry(balance, reserve('a', euros(13_001)))).code).toBe('budget_insufficient');
  });

  it('counts pledges when the rules say so, without counting a receipt twice', () => {
    const balance = deriveBalance(entries, { pledgesCountAsAvailable: true });
    expect(balance).toMatchObject({ available: euros(17_500), free: euros(17_500) });
    const after = applyEntry(balance, { type: 'cofunding_receipt', partnerId: 'rabobank', amount: euros(2_500) });
    expect(after.available).toBe(euros(17_500));
    // a receipt beyond the pledge is extra money
    const extra = applyEntry(after, { type: 'cofunding_receipt', partnerId: 'rabobank', amount: euros(100) });
    expect(extra.available).toBe(euros(17_600));
  });

  it('lets a partner withdraw only what it has not paid, and never into overspending', () => {
    const counted = deriveBalance([...entries, reserve('a', euros(16_000))], { pledgesCountAsAvailable: true });
    expect(violationOf(() => applyEntry(counted, { type: 'cofunding_pledge_withdrawal', partnerId: 'wonion', amount: euros(2_001) })).code).toBe(
      'pledge_insufficient',
    );
    const violation = violationOf(() => applyEntry(counted, { type: 'cofunding_pledge_withdrawal', partnerId: 'rabobank', amount: euros(2_500) }));
    expect(violation.code).toBe('budget_insufficient');
    expect(violation.message).toContain('het intrekken van deze toezegging');
    const notCounted = deriveBalance(entries);
    const withdrawn = applyEntry(notCounted, {
      type: 'cofunding_pledge_withdrawal',
      partnerId: 'rabobank',
      amount: euros(2_500),
    });
    expect(withdrawn).toMatchObject({ cofundingOutstanding: euros(2_000), available: euros(13_000) });
  });
});

describe('year-end close', () => {
  it('lets free money lapse, keeps open reservations payable, and refuses new money and reservations', () => {
    const open = deriveBalance([allocation(euros(5_000)), reserve('a', euros(1_000)), pay('a', euros(500))]);
    const { closing, opening, balance } = closeYear(open, 'lapse');
    expect(opening).toBeUndefined();
    expect(closing).toEqual({ type: 'lapse', amount: euros(4_000) });
    expect(balance).toMatchObject({ closed: true, lapsed: euros(4_000), free: 0, reserved: euros(500) });

    const paid = applyEntry(balance, pay('a', euros(300), 'final'));
    expect(paid.paid).toBe(euros(800));
    const violation = violationOf(() => applyEntry(balance, reserve('b', 1)));
    expect(violation.code).toBe('budget_closed');
    expect(violation.message).toBe('Dit budget is bij het jaareinde afgesloten; een reservering is niet meer mogelijk.');
    expect(violationOf(() => applyEntry(balance, allocation(1))).code).toBe('budget_closed');

    // the rest of the reservation falls free after closing; closing again sweeps it
    const released = applyEntry(paid, { type: 'reservation_release', initiativeId: 'a', amount: euros(200) });
    expect(released.free).toBe(euros(200));
    const again = closeYear(released, 'lapse');
    expect(again.closing.amount).toBe(euros(200));
    expect(again.balance).toMatchObject({ free: 0, lapsed: euros(4_200) });
  });

  it('carries free money over to next year', () => {
    const entries: LedgerEntry[] = [allocation(euros(150_000)), reserve('a', euros(40_000))];
    const { closing, opening, balance } = closeYear(deriveBalance(entries), 'carry_over', {
      budgetId: 'oosterhout-2020',
      nextBudgetId: 'oosterhout-2021',
    });
    expect(closing).toEqual({
      type: 'carry_over',
      direction: 'out',
      amount: euros(110_000),
      counterpartBudgetId: 'oosterhout-2021',
    });
    expect(opening).toEqual({
      type: 'carry_over',
      direction: 'in',
      amount: euros(110_000),
      counterpartBudgetId: 'oosterhout-2020',
    });
    expect(balance).toMatchObject({ closed: true, free: 0, reserved: euros(40_000) });
    const next = deriveBalance([allocation(euros(300_000)), ...(opening ? [opening] : [])]);
    expect(next).toMatchObject({ carriedIn: euros(110_000), available: euros(410_000) });
    expect(violationOf(() => closeYear(deriveBalance(entries), 'carry_over', { budgetId: 'x' })).code).toBe('reference_required');
    expect(violationOf(() => applyEntry(balance, { type: 'carry_over', direction: 'in', amount: 1, counterpartBudgetId: 'y' })).code).toBe('budget_closed');
  });

  it('closes an empty budget with a zero entry, and sweeps only money in hand when pledges count', () => {
    expect(closeYear(emptyBalance(), 'lapse').closing.amount).toBe(0);
    expect(closeYear(emptyBalance(), 'lapse').balance.closed).toBe(true);
    const counted = deriveBalance([allocation(1_000), { type: 'cofunding_pledge', partnerId: 'wonion', amount: 500 }], { pledgesCountAsAvailable: true });
    expect(counted.free).toBe(1_500);
    const { closing, balance } = closeYear(counted, 'lapse');
    expect(closing.amount).toBe(1_000);
    expect(balance.free).toBe(500);
    // the pledge can still be received after closing, or withdrawn
    expect(applyEntry(balance, { type: 'cofunding_receipt', partnerId: 'wonion', amount: 500 }).free).toBe(500);
    expect(applyEntry(balance, { type: 'cofunding_pledge_withdrawal', partnerId: 'wonion', amount: 500 }).free).toBe(0);
    expect(violationOf(() => closeYear(counted, 'keep' as 'lapse')).code).toBe('entry_invalid');
  });
});
