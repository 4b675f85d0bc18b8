// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_AMOUNT_CEILING,
  addCents,
  allocate,
  assertCents,
  basisPointsOf,
  euros,
  formatBasisPoints,
  formatCents,
  isAtLeastShare,
  isCents,
  mulDivHalfEven,
  parseAmount,
  percentageOf,
  subtractCents,
  sumCents,
} from './money.js';
import { FORBIDDEN_RULE_CODES, RuleViolation, isRuleViolation } from './rule-violation.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}

describe('RuleViolation', () => {
  it('is an Error with a stable code, Dutch message and details', () => {
    const violation = new RuleViolation('budget_insufficient', 'Onvoldoende budget.', { free: 5 });
    expect(violation).toBeInstanceOf(Error);
    expect(violation.name).toBe('RuleViolation');
    expect(isRuleViolation(violation)).toBe(true);
    expect(isRuleViolation(new Error('x'))).toBe(false);
    expect(violation.toJSON()).toEqual({
      code: 'budget_insufficient',
      message: 'Onvoldoende budget.',
      details: { free: 5 },
    });
    expect(new RuleViolation('date_invalid', 'x').toJSON()).toEqual({ code: 'date_invalid', message: 'x' });
    expect(FORBIDDEN_RULE_CODES.has('mandate_exceeded')).toBe(true);
    expect(FORBIDDEN_RULE_CODES.has('budget_insufficient')).toBe(false);
  });
});

describe('assertCents', () => {
  it('accepts safe integers and normalises -0', () => {
    expect(assertCents(123456)).toBe(123456);
    expect(Object.is(assertCents(-0), 0)).toBe(true);
    expect(assertCents(-5, { sign: 'any' })).toBe(-5);
    expect(isCents(12)).toBe(true);
    expect(isCents(1.5)).toBe(false);
    expect(isCents(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isCents('12')).toBe(false);
  });

  it('rejects NaN, infinities and non-numbers', () => {
    expect(codeOf(() => assertCents(Number.NaN))).toBe('amount_invalid');
    expect(codeOf(() => assertCents(Number.POSITIVE_INFINITY))).toBe('amount_invalid');
    expect(codeOf(() => assertCents('100'))).toBe('amount_invalid');
    expect(codeOf(() => assertCents(undefined))).toBe('amount_invalid');
  });

  it('rejects fractional cents', () => {
    expect(codeOf(() => assertCents(10.5))).toBe('amount_fractional_cents');
    expect(codeOf(() => assertCents(0.1 + 0.2))).toBe('amount_fractional_cents');
  });

  it('rejects amounts above the ceiling and unsafe integers', () => {
    expect(assertCents(DEFAULT_AMOUNT_CEILING)).toBe(10_000_000_000);
    expect(codeOf(() => assertCents(DEFAULT_AMOUNT_CEILING + 1))).toBe('amount_above_ceiling');
    expect(codeOf(() => assertCents(-DEFAULT_AMOUNT_CEILING - 1, { sign: 'any' }))).toBe('amount_above_ceiling');
    expect(codeOf(() => assertCents(Number.MAX_SAFE_INTEGER + 1, { ceiling: Number.MAX_SAFE_INTEGER }))).toBe('amount_above_ceiling');
    expect(codeOf(() => assertCents(501, { ceiling: 500 }))).toBe('amount_above_ceiling');
    expect(codeOf(() => assertCents(1, { ceiling: -1 }))).toBe('amount_invalid');
  });

  it('applies the sign rule', () => {
    expect(codeOf(() => assertCents(0, { sign: 'positive' }))).toBe('amount_not_positive');
    expect(codeOf(() => assertCents(-1))).toBe('amount_negative');
    expect(assertCents(0)).toBe(0);
  });

  it('names the amount in Dutch', () => {
    expect(() => assertCents(0, { sign: 'positive', label: 'Het gevraagde bedrag' })).toThrow('Het gevraagde bedrag moet groter zijn dan € 0,00.');
  });

  it('converts whole euros', () => {
    expect(euros(150_000)).toBe(15_000_000);
    expect(codeOf(() => euros(1.5))).toBe('amount_invalid');
  });
});

describe('parseAmount (Dutch, the default)', () => {
  it.each([
    ['1.234,56', 123456],
    ['€ 1.234,56', 123456],
    ['€1.234,56', 123456],
    ['€\u00A01.234,56', 123456],
    ['EUR 1.234,56', 123456],
    ['1.234,56 euro', 123456],
    ['1.234,56 €', 123456],
    ['1234', 123400],
    ['1234,5', 123450],
    ['1234,05', 123405],
    ['0,01', 1],
    ['0', 0],
    ['1.234', 123400],
    ['1.000.000', 100_000_000],
    ['5.000,-', 500_000],
    ['€ 300.000,-', 30_000_000],
    ['  42  ', 4200],
    ['100.000.000,00', 10_000_000_000],
  ])('%s is %i cents', (input, cents) => {
    expect(parseAmount(input)).toBe(cents);
  });

  it('treats "1,234" as one euro and 23.4 cents: fractional cents, with a hint', () => {
    expect(codeOf(() => parseAmount('1,234'))).toBe('amount_fractional_cents');
    expect(() => parseAmount('1,234')).toThrow('Bedoelt u duizendtallen, gebruik dan een punt: 1.234.');
    expect(codeOf(() => parseAmount('1,230'))).toBe('amount_fractional_cents');
    expect(codeOf(() => parseAmount('12,3456'))).toBe('amount_fractional_cents');
  });

  it('rejects a point used for cents ("12.50") with a hint to use a comma', () => {
    expect(codeOf(() => parseAmount('12.50'))).toBe('amount_unparseable');
    expect(() => parseAmount('12.50')).toThrow('bijvoorbeeld 12,50');
  });

  it('rejects English notation in Dutch mode instead of guessing', () => {
    expect(codeOf(() => parseAmount('1,234.56'))).toBe('amount_unparseable');
    expect(() => parseAmount('1,234.56')).toThrow('Nederlandse schrijfwijze');
  });

  it.each(['', '   ', '€', 'abc', '12a', '1..234', '1.23.456', '01.234', '1,2,3', ',50', '12,', '1 234', '5.000,-,50', '€ 12 €', '1e5', '0x10', '+5'])(
    'rejects %j',
    (input) => {
      expect(codeOf(() => parseAmount(input))).toBe('amount_unparseable');
    },
  );

  it('applies the sign rule; negative amounts need sign "any"', () => {
    expect(codeOf(() => parseAmount('-12,50'))).toBe('amount_negative');
    expect(parseAmount('-12,50', { sign: 'any' })).toBe(-1250);
    expect(parseAmount('€ -12,50', { sign: 'any' })).toBe(-1250);
    expect(parseAmount('−12,50', { sign: 'any' })).toBe(-1250);
    expect(codeOf(() => parseAmount('0', { sign: 'positive' }))).toBe('amount_not_positive');
  });

  it('rejects absurd amounts above the ceiling', () => {
    expect(codeOf(() => parseAmount('100.000.000,01'))).toBe('amount_above_ceiling');
    expect(codeOf(() => parseAmount('999999999999999999999999'))).toBe('amount_above_ceiling');
    expect(codeOf(() => parseAmount('5.000', { ceiling: euros(2_500) }))).toBe('amount_above_ceiling');
  });

  it('rejects non-strings and overlong input', () => {
    expect(codeOf(() => parseAmount(12 as unknown as string))).toBe('amount_unparseable');
    expect(codeOf(() => parseAmount('1'.repeat(65)))).toBe('amount_unparseable');
  });
});

describe('parseAmount (English, when asked)', () => {
  it.each([
    ['1,234.56', 123456],
    ['€1,234.56', 123456],
    ['-€1,234.56', -123456],
    ['1234.5', 123450],
    ['1,234', 123400],
  ])('%s is %i cents', (input, cents) => {
    expect(parseAmount(input, { locale: 'en', sign: 'any' })).toBe(cents);
  });

  it('rejects Dutch notation, fractional cents and the Dutch ",-" suffix', () => {
    expect(codeOf(() => parseAmount('1.234,56', { locale: 'en' }))).toBe('amount_unparseable');
    expect(codeOf(() => parseAmount('1.234', { locale: 'en' }))).toBe('amount_fractional_cents');
    expect(codeOf(() => parseAmount('5,000,-', { locale: 'en' }))).toBe('amount_unparseable');
    expect(codeOf(() => parseAmount('12,50', { locale: 'en' }))).toBe('amount_unparseable');
  });
});

describe('formatCents', () => {
  it('formats Dutch and English', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56');
    expect(formatCents(123456, 'en')).toBe('€1,234.56');
    expect(formatCents(0)).toBe('€ 0,00');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatCents(-123456)).toBe('€ -1.234,56');
    expect(formatCents(-123456, 'en')).toBe('-€1,234.56');
    expect(formatCents(10_000_000_000)).toBe('€ 100.000.000,00');
    expect(formatCents(100, 'nl', { symbol: false })).toBe('1,00');
    expect(formatCents(100, 'nl', { nonBreakingSpace: true })).toBe('€\u00A01,00');
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('€ 90.071.992.547.409,91');
  });

  it('refuses non-cents', () => {
    expect(codeOf(() => formatCents(1.5))).toBe('amount_fractional_cents');
  });

  it('round-trips through parseAmount in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DEFAULT_AMOUNT_CEILING, max: DEFAULT_AMOUNT_CEILING }), (cents) => {
        expect(parseAmount(formatCents(cents), { sign: 'any' })).toBe(cents);
        expect(parseAmount(formatCents(cents, 'en'), { sign: 'any', locale: 'en' })).toBe(cents);
        expect(parseAmount(formatCents(cents, 'nl', { nonBreakingSpace: true }), { sign: 'any' })).toBe(cents);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and sums exactly, refusing to leave the safe range', () => {
    expect(addCents(10, 5)).toBe(15);
    expect(subtractCents(10, 15)).toBe(-5);
    expect(sumCents([1, 2, 3, -4])).toBe(2);
    expect(sumCents([])).toBe(0);
    expect(codeOf(() => sumCents([Number.MAX_SAFE_INTEGER, 1]))).toBe('amount_above_ceiling');
    expect(codeOf(() => sumCents([1, 0.5]))).toBe('amount_fractional_cents');
    expect(codeOf(() => addCents(Number.MAX_SAFE_INTEGER, 1))).toBe('amount_above_ceiling');
  });
});

describe('allocate (largest remainder)', () => {
  it('splits without losing a cent', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [1, 2, 3])).toEqual([167, 333, 500]);
    expect(allocate(5, [0, 1, 0])).toEqual([0, 5, 0]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    // remainders 0.5, 0.25, 0.25 of a cent: the largest gets the cent
    expect(allocate(1, [2, 1, 1])).toEqual([1, 0, 0]);
    // ties go to the earlier share
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('works for totals and weights whose product leaves the safe range', () => {
    const parts = allocate(DEFAULT_AMOUNT_CEILING, [Number.MAX_SAFE_INTEGER, 1, 1]);
    expect(sumCents(parts)).toBe(DEFAULT_AMOUNT_CEILING);
    expect(parts).toEqual([DEFAULT_AMOUNT_CEILING, 0, 0]);
  });

  it('rejects bad shares', () => {
    expect(codeOf(() => allocate(100, []))).toBe('shares_invalid');
    expect(codeOf(() => allocate(100, [0, 0]))).toBe('shares_invalid');
    expect(codeOf(() => allocate(100, [1, -1]))).toBe('shares_invalid');
    expect(codeOf(() => allocate(100, [0.5, 1]))).toBe('shares_invalid');
    expect(codeOf(() => allocate(1.5, [1]))).toBe('amount_fractional_cents');
  });

  it('always sums to the total and keeps every part within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -DEFAULT_AMOUNT_CEILING, max: DEFAULT_AMOUNT_CEILING }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((s) => s.some((x) => x > 0)),
        (total, shares) => {
          const parts = allocate(total, shares);
          expect(parts).toHaveLength(shares.length);
          expect(sumCents(parts)).toBe(total);
          const weightSum = BigInt(shares.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            const exactTimesSum = BigInt(Math.abs(total)) * BigInt(shares[i] ?? 0);
            const floor = exactTimesSum / weightSum;
            const abs = BigInt(Math.abs(part));
            expect(abs === floor || abs === floor + 1n).toBe(true);
            if (shares[i] === 0) expect(part).toBe(0);
          });
        },
      ),
    );
  });
});

describe('percentages, rounded half-to-even', () => {
  it('rounds half to even', () => {
    // 50% of 1 cent = 0.5 -> 0 (even); of 3 cents = 1.5 -> 2 (even)
    expect(percentageOf(1, 50)).toBe(0);
    expect(percentageOf(3, 50)).toBe(2);
    expect(percentageOf(5, 50)).toBe(2);
    expect(percentageOf(7, 50)).toBe(4);
    expect(percentageOf(-3, 50)).toBe(-2);
    expect(percentageOf(-5, 50)).toBe(-2);
    // not a tie: ordinary rounding
    expect(basisPointsOf(1001, 8000)).toBe(801); // 800.8
    expect(basisPointsOf(1003, 2500)).toBe(251); // 250.75
    expect(basisPointsOf(1001, 2500)).toBe(250); // 250.25
    expect(percentageOf(15_000_000, 12.5)).toBe(1_875_000);
    expect(percentageOf(100, 33.33)).toBe(33);
    expect(mulDivHalfEven(10, 1, 3)).toBe(3);
    expect(mulDivHalfEven(DEFAULT_AMOUNT_CEILING, 9999, 10000)).toBe(9_999_000_000);
  });

  it('rejects invalid percentages and ratios', () => {
    expect(codeOf(() => percentageOf(100, 33.333))).toBe('percentage_invalid');
    expect(codeOf(() => percentageOf(100, -1))).toBe('percentage_invalid');
    expect(codeOf(() => percentageOf(100, Number.NaN))).toBe('percentage_invalid');
    expect(codeOf(() => basisPointsOf(100, 1.5))).toBe('percentage_invalid');
    expect(codeOf(() => mulDivHalfEven(100, 1, 0))).toBe('percentage_invalid');
  });

  it('agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DEFAULT_AMOUNT_CEILING, max: DEFAULT_AMOUNT_CEILING }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const result = basisPointsOf(amount, bp);
        // |result - amount*bp/10000| <= 1/2, and exactly 1/2 only when result is even
        const diffTimes20000 = (BigInt(result) * 10000n - BigInt(amount) * BigInt(bp)) * 2n;
        const absDiff = diffTimes20000 < 0n ? -diffTimes20000 : diffTimes20000;
        expect(absDiff <= 10000n).toBe(true);
        // `% 2` of a negative even number is -0, which toBe(0) rejects: compare as a boolean
        if (absDiff === 10000n) expect(result % 2 === 0).toBe(true);
      }),
    );
  });

  it('compares shares exactly and formats basis points', () => {
    expect(isAtLeastShare(2500, 10000, 2500)).toBe(true);
    expect(isAtLeastShare(2499, 10000, 2500)).toBe(false);
    expect(formatBasisPoints(2500)).toBe('25%');
    expect(formatBasisPoints(1250)).toBe('12,5%');
    expect(formatBasisPoints(1205)).toBe('12,05%');
    expect(formatBasisPoints(1250, 'en')).toBe('12.5%');
    expect(formatBasisPoints(-50)).toBe('-0,5%');
  });
});
