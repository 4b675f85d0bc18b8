// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING, NOT_APPLICABLE, SUPPRESSED, aggregateIndicator, hasNumber, okValue, roundToBase, roundedValue, type IndicatorValue } from './status.js';

describe('indicator values', () => {
  it('only ok and rounded carry a number', () => {
    expect(hasNumber(okValue(3))).toBe(true);
    expect(hasNumber(roundedValue(5))).toBe(true);
    for (const v of [SUPPRESSED, MISSING, NOT_APPLICABLE]) {
      expect(hasNumber(v)).toBe(false);
      expect(v).not.toHaveProperty('value');
    }
    expect(() => okValue(Number.NaN)).toThrow(RangeError);
  });

  it('rounds to a base and marks the result as rounded', () => {
    // 12 → 10, 13 → 15 (base 5); 10 stays 10 but is still "rounded" for the reader
    expect(roundToBase(okValue(12), 5)).toEqual(roundedValue(10));
    expect(roundToBase(okValue(13), 5)).toEqual(roundedValue(15));
    expect(roundToBase(okValue(10), 5)).toEqual(roundedValue(10));
    expect(roundToBase(SUPPRESSED, 5)).toBe(SUPPRESSED);
  });
});

describe('aggregateIndicator: sum', () => {
  const sum = (parts: IndicatorValue[]) => aggregateIndicator({ method: 'sum', parts });

  it('adds exact parts and keeps "rounded" honest', () => {
    expect(sum([okValue(10), okValue(20)])).toEqual(okValue(30));
    expect(sum([okValue(10), roundedValue(20)])).toEqual(roundedValue(30));
  });

  it('never returns a smaller number when a part is missing or suppressed', () => {
    expect(sum([okValue(10), MISSING])).toEqual(MISSING);
    expect(sum([okValue(10), SUPPRESSED])).toEqual(SUPPRESSED);
    // missing outranks suppressed
    expect(sum([SUPPRESSED, MISSING])).toEqual(MISSING);
  });

  it('leaves not-applicable parts out; all not applicable → not applicable; none → missing', () => {
    expect(sum([okValue(10), NOT_APPLICABLE])).toEqual(okValue(10));
    expect(sum([NOT_APPLICABLE, NOT_APPLICABLE])).toEqual(NOT_APPLICABLE);
    expect(sum([])).toEqual(MISSING);
  });

  it('has a number only when every counted part has one (property)', () => {
    const valueArb: fc.Arbitrary<IndicatorValue> = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map(okValue),
      fc.integer({ min: 0, max: 1000 }).map(roundedValue),
      fc.constantFrom(SUPPRESSED, MISSING, NOT_APPLICABLE),
    );
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 10 }), (parts) => {
        const result = sum(parts);
        const counted = parts.filter((p) => p.status !== 'not_applicable');
        if (hasNumber(result)) {
          expect(counted.every(hasNumber)).toBe(true);
          expect(result.value).toBe(counted.reduce((s, p) => s + (hasNumber(p) ? p.value : 0), 0));
          expect(result.status === 'rounded').toBe(counted.some((p) => p.status === 'rounded'));
        } else {
          expect(counted.every(hasNumber) && counted.length > 0).toBe(false);
        }
      }),
    );
  });
});

describe('aggregateIndicator: population-weighted mean', () => {
  it('weights by population', () => {
    // (100·7 + 300·8)/400 = 3100/400 = 7.75
    const r = aggregateIndicator({
      method: 'population_weighted_mean',
      parts: [
        { value: okValue(7), population: 100 },
        { value: okValue(8), population: 300 },
      ],
    });
    expect(r).toEqual(okValue(7.75));
  });

  it('ignores parts without population, leaves out not-applicable parts, is honest otherwise', () => {
    // An uninhabited buurt (industrial estate) with a missing value does not spoil the mean.
    expect(
      aggregateIndicator({
        method: 'population_weighted_mean',
        parts: [
          { value: okValue(7), population: 100 },
          { value: MISSING, population: 0 },
          { value: NOT_APPLICABLE, population: 50 },
        ],
      }),
    ).toEqual(okValue(7));
    expect(
      aggregateIndicator({
        method: 'population_weighted_mean',
        parts: [
          { value: okValue(7), population: 100 },
          { value: SUPPRESSED, population: 40 },
        ],
      }),
    ).toEqual(SUPPRESSED);
    expect(aggregateIndicator({ method: 'population_weighted_mean', parts: [{ value: okValue(7), population: 0 }] })).toEqual(NOT_APPLICABLE);
    expect(() => aggregateIndicator({ method: 'population_weighted_mean', parts: [{ value: okValue(7), population: -1 }] })).toThrow(RangeError);
  });
});

describe('aggregateIndicator: recompute from counts', () => {
  it('sums numerators and denominators, then divides', () => {
    // (30 + 10)/(120 + 80) · 100 = 40/200 · 100 = 20 (%); the mean of 25% and 12.5% would be 18.75
    const parts = [
      { numerator: okValue(30), denominator: okValue(120) },
      { numerator: okValue(10), denominator: okValue(80) },
    ];
    expect(aggregateIndicator({ method: 'recompute_from_counts', parts, scale: 100 })).toEqual(okValue(20));
    // the larger area is suppressed again when its denominator is small
    expect(aggregateIndicator({ method: 'recompute_from_counts', parts, scale: 100, minDenominator: 250 })).toEqual(SUPPRESSED);
  });

  it('applies the status rules to both sides', () => {
    const run = (parts: { numerator: IndicatorValue; denominator: IndicatorValue }[]) => aggregateIndicator({ method: 'recompute_from_counts', parts });
    expect(run([{ numerator: roundedValue(5), denominator: okValue(20) }])).toEqual(roundedValue(0.25));
    expect(run([{ numerator: okValue(5), denominator: SUPPRESSED }])).toEqual(SUPPRESSED);
    expect(run([{ numerator: MISSING, denominator: SUPPRESSED }])).toEqual(MISSING);
    // 0 seniors → no share of seniors living alone
    expect(run([{ numerator: okValue(0), denominator: okValue(0) }])).toEqual(NOT_APPLICABLE);
    expect(run([{ numerator: NOT_APPLICABLE, denominator: NOT_APPLICABLE }])).toEqual(NOT_APPLICABLE);
    expect(run([{ numerator: NOT_APPLICABLE, denominator: okValue(10) }])).toEqual(MISSING);
  });
});

describe('aggregateIndicator: none', () => {
  it('does not aggregate', () => {
    expect(aggregateIndicator({ method: 'none' })).toEqual(NOT_APPLICABLE);
  });
});
