// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeChoices,
  describeMean,
  describeShare,
  estimateToIndicatorValue,
  meanFromMoments,
  shareFromCounts,
  wilsonInterval,
  type MeanEstimate,
  type ShareEstimate,
} from './descriptives.js';
import { momentsOf } from './moments.js';

function okMean(e: MeanEstimate) {
  if (e.status !== 'ok') throw new Error(`expected ok, got ${e.status}`);
  return e;
}
function okShare(e: ShareEstimate | undefined) {
  if (e?.status !== 'ok') throw new Error(`expected ok, got ${e?.status}`);
  return e;
}
const repeat = (value: number, times: number): number[] => new Array<number>(times).fill(value);

describe('describeMean', () => {
  it('gives the t interval for 30 grades (15 × 7, 15 × 8)', () => {
    // mean = 7.5; M2 = 30·0.5² = 7.5; s² = 7.5/29 = 0.25862; SE = √(s²/30) = 0.0928476690885259
    // t(0.975; 29) = 2.045229642132703 → half = 0.18989480502278152 → CI [7.3101052, 7.6898948]
    const e = okMean(describeMean([...repeat(7, 15), ...repeat(8, 15)]));
    expect(e.estimate).toBeCloseTo(7.5, 14);
    expect(e.standardError).toBeCloseTo(0.0928476690885259, 13);
    expect(e.df).toBe(29);
    expect(e.ci.lower).toBeCloseTo(7.310105194977219, 12);
    expect(e.ci.upper).toBeCloseTo(7.689894805022781, 12);
    expect(e.ci.level).toBe(0.95);
    expect(e.n).toBe(30);
    expect(e.nEffective).toBe(30);
    expect(e.designEffect).toBe(1);
  });

  it('weights with the effective sample size', () => {
    // 20 × (6, w=1) and 20 × (8, w=3): Σw = 80, Σw² = 20 + 180 = 200, n_eff = 80²/200 = 32,
    // x̄ = (120 + 480)/80 = 7.5, M2 = 20·1·1.5² + 20·3·0.5² = 45 + 15 = 60,
    // s² = 60/80 · 32/31 = 0.7741935483870968, SE = √(s²/32) = 0.15554275420956379,
    // t(0.975; 31) = 2.039513446396408 → half = 0.3172315386999369, deff = 40/32 = 1.25
    const values = [...repeat(6, 20), ...repeat(8, 20)];
    const weights = [...repeat(1, 20), ...repeat(3, 20)];
    const e = okMean(describeMean(values, { weights }));
    expect(e.estimate).toBeCloseTo(7.5, 14);
    expect(e.nEffective).toBeCloseTo(32, 12);
    expect(e.designEffect).toBeCloseTo(1.25, 12);
    expect(e.df).toBeCloseTo(31, 12);
    expect(e.standardError).toBeCloseTo(0.15554275420956379, 12);
    expect(e.ci.lower).toBeCloseTo(7.182768461300063, 11);
    expect(e.ci.upper).toBeCloseTo(7.817231538699937, 11);
  });

  it('suppresses fewer than 30 respondents and reports no respondents as missing', () => {
    const e = describeMean(repeat(8, 29));
    expect(e).toEqual({ status: 'suppressed', reason: 'too_few_respondents', minRespondents: 30 });
    expect('estimate' in e).toBe(false);
    expect(describeMean([])).toEqual({ status: 'missing', reason: 'no_respondents' });
    // A configurable minimum
    expect(describeMean([6, 7, 8, 9, 10], { minRespondents: 5 }).status).toBe('ok');
    expect(() => describeMean([1], { minRespondents: 0 })).toThrow(RangeError);
  });

  it('suppresses when the effective sample is 1 or less (no interval exists)', () => {
    // one respondent: n_eff = 1, df = 0
    expect(describeMean([5], { minRespondents: 1 })).toEqual({
      status: 'suppressed',
      reason: 'too_small_effective_sample',
      minRespondents: 1,
    });
  });

  it('uses the 90% level when asked and can clip to the answer scale', () => {
    // 15 × 7, 15 × 8: t(0.95; 29) = 1.6991270265334972 → half = 1.69912702653·0.09284766908852593
    //   = 0.1577601
    const e90 = okMean(describeMean([...repeat(7, 15), ...repeat(8, 15)], { confidence: 0.9 }));
    expect(e90.ci.upper - e90.estimate).toBeCloseTo(1.6991270265334972 * 0.0928476690885259, 12);
    // 29 × 10 and one 1: mean 9.7, the upper bound would exceed 10 and is clipped to 10
    const clipped = okMean(describeMean([...repeat(10, 29), 1], { range: { min: 1, max: 10 } }));
    expect(clipped.ci.upper).toBe(10);
    expect(clipped.ci.lower).toBeLessThan(9.7);
  });

  it('rejects non-finite answers and bad weights', () => {
    expect(() => describeMean([1, Number.NaN])).toThrow(RangeError);
    expect(() => describeMean([1, 2], { weights: [1, 0] })).toThrow(RangeError);
    expect(() => describeMean([1, 2], { weights: [1] })).toThrow(RangeError);
  });

  it('with all weights 1, the weighted result equals the unweighted one and n_eff = n (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 30, maxLength: 300 }), (values) => {
        const plain = okMean(describeMean(values));
        const weighted = okMean(describeMean(values, { weights: repeat(1, values.length) }));
        expect(weighted.nEffective).toBe(values.length);
        expect(weighted.estimate).toBe(plain.estimate);
        expect(weighted.ci).toEqual(plain.ci);
        const direct = values.reduce((a, b) => a + b, 0) / values.length;
        expect(plain.estimate).toBeCloseTo(direct, 12);
      }),
    );
  });

  it('multiplying all weights by a constant changes nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 10, noNaN: true })), { minLength: 30, maxLength: 200 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (rows, c) => {
          const values = rows.map((r) => r[0]);
          const a = meanFromMoments(
            momentsOf(
              values,
              rows.map((r) => r[1]),
            ),
          );
          const b = meanFromMoments(
            momentsOf(
              values,
              rows.map((r) => r[1] * c),
            ),
          );
          if (a.status !== 'ok' || b.status !== 'ok') return a.status === b.status;
          expect(b.estimate).toBeCloseTo(a.estimate, 10);
          expect(b.nEffective).toBeCloseTo(a.nEffective, 8);
          expect(b.ci.upper).toBeCloseTo(a.ci.upper, 8);
          return true;
        },
      ),
    );
  });
});

describe('shares (Wilson interval)', () => {
  it('12 of 30 → 40% with Wilson interval [24.59%, 57.68%]', () => {
    // z = 1.959963984540054, z²/n = 3.841458820694124/30 = 0.12804862735647
    // centre = (0.4 + 0.064024313678235)/(1.12804862735647) = 0.41135133931735
    // half = (z/1.12804862735647)·√(0.4·0.6/30 + 3.841458820694124/3600) = 0.16544505814937
    // → [0.2459062811680185, 0.5767963974667752]
    const e = okShare(shareFromCounts(12, 30));
    expect(e.estimate).toBeCloseTo(0.4, 15);
    expect(e.ci.lower).toBeCloseTo(0.2459062811680185, 13);
    expect(e.ci.upper).toBeCloseTo(0.5767963974667752, 13);
    expect(e.standardError).toBeCloseTo(Math.sqrt(0.24 / 30), 15);
  });

  it('0 of 30 gives [0, z²/n/(1 + z²/n)] = [0, 0.11351339]', () => {
    // 0.12804862735647/1.12804862735647 = 0.11351339317396877
    const e = okShare(shareFromCounts(0, 30));
    expect(e.estimate).toBe(0);
    expect(e.ci.lower).toBe(0);
    expect(e.ci.upper).toBeCloseTo(0.11351339317396877, 13);
  });

  it('describeShare weights with n_eff', () => {
    // 20 yes with w = 3, 20 no with w = 1: p̂ = 60/80 = 0.75, n_eff = 32
    // Wilson(0.75, 32) = [0.5789344100575551, 0.8674759908149096]
    const hits = [...new Array<boolean>(20).fill(true), ...new Array<boolean>(20).fill(false)];
    const weights = [...repeat(3, 20), ...repeat(1, 20)];
    const e = okShare(describeShare(hits, { weights }));
    expect(e.estimate).toBeCloseTo(0.75, 14);
    expect(e.nEffective).toBeCloseTo(32, 12);
    expect(e.ci.lower).toBeCloseTo(0.5789344100575551, 11);
    expect(e.ci.upper).toBeCloseTo(0.8674759908149096, 11);
    expect(e.n).toBe(40);
  });

  it('suppresses small groups', () => {
    expect(shareFromCounts(3, 29).status).toBe('suppressed');
    expect(shareFromCounts(0, 0).status).toBe('missing');
    expect(describeShare(new Array<boolean>(10).fill(true)).status).toBe('suppressed');
  });

  it('wilsonInterval stays inside [0, 1] and contains p̂ (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const k = Math.floor(u * n);
        const ci = wilsonInterval(k / n, n);
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(k / n + 1e-15);
        expect(ci.upper).toBeGreaterThanOrEqual(k / n - 1e-15);
      }),
    );
  });
});

describe('describeChoices', () => {
  it('single choice: shares among those who answered, unchosen categories as 0', () => {
    // answers a, b, a, (none), c → 4 answered: a 2/4, b 1/4, c 1/4, d 0/4
    const result = describeChoices(['a', 'b', 'a', null, 'c'], { minRespondents: 4, categories: ['a', 'b', 'c', 'd'] });
    expect(okShare(result.get('a')).estimate).toBe(0.5);
    expect(okShare(result.get('b')).estimate).toBe(0.25);
    expect(okShare(result.get('c')).n).toBe(4);
    expect(okShare(result.get('d')).estimate).toBe(0);
  });

  it('multiple choice: a respondent counts once per chosen category; shares may add up to > 1', () => {
    // [a,b], [a], [], [b,c] → 4 answered (an empty choice is an answer): a 2/4, b 2/4, c 1/4
    const result = describeChoices([['a', 'b'], ['a'], [], ['b', 'c']], { minRespondents: 4 });
    expect([...result.keys()]).toEqual(['a', 'b', 'c']);
    expect(okShare(result.get('a')).estimate).toBe(0.5);
    expect(okShare(result.get('b')).estimate).toBe(0.5);
    expect(okShare(result.get('c')).estimate).toBe(0.25);
  });

  it('weights follow the answers, skipping non-answers', () => {
    // a (w 1), null (w 100), b (w 3): p̂(a) = 1/4, n_eff = 16/10 = 1.6
    const result = describeChoices(['a', null, 'b'], { minRespondents: 2, weights: [1, 100, 3] });
    const a = okShare(result.get('a'));
    expect(a.estimate).toBe(0.25);
    expect(a.nEffective).toBeCloseTo(1.6, 14);
  });
});

describe('estimateToIndicatorValue', () => {
  it('publishes the estimate or the status, never a number for a hidden figure', () => {
    // 12 of 30 → 40 (%)
    expect(estimateToIndicatorValue(shareFromCounts(12, 30), 100)).toEqual({ status: 'ok', value: 40 });
    expect(estimateToIndicatorValue(shareFromCounts(3, 12), 100)).toEqual({ status: 'suppressed' });
    expect(estimateToIndicatorValue(describeMean([]))).toEqual({ status: 'missing' });
  });
});
