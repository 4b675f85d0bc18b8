// SPDX-License-Identifier: EUPL-1.2
// Moments from plain sums, checked against values computed by hand.
import { describe, expect, it } from 'vitest';
import { meanFromMoments, momentsOf, shareFromMoments } from './index.js';
import { mergeWeightedSums, momentsFromCount, momentsFromSums, momentsFromWeightedSums, shareMomentsFromWeights } from './sums.js';

describe('momentsFromSums', () => {
  // x = 2, 4, 4, 4, 5, 5, 7, 9: n = 8, Σx = 40, Σx² = 232, mean 5, M2 = 232 − 40²/8 = 32.
  const sums = { n: 8, sum: 40, sumSquares: 232 };

  it('gives n, mean and M2 of the group, the same as the answers one by one', () => {
    const m = momentsFromSums(sums);
    expect(m).toMatchObject({ n: 8, sumW: 8, sumW2: 8, mean: 5, m2: 32 });
    const direct = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.mean).toBeCloseTo(direct.mean, 12);
    expect(m.m2).toBeCloseTo(direct.m2, 12);
  });

  it('with one weight w: Σw = w·n, Σw² = w²·n, M2 = w·32', () => {
    expect(momentsFromSums(sums, 2)).toMatchObject({ sumW: 16, sumW2: 32, mean: 5, m2: 64 });
  });

  it('a constant weight leaves the interval as it is: 5 ± t(0.975; 7)·√(32/7/8) = [3.2125, 6.7875]', () => {
    // s² = 32/7, SE = √(4/7) = 0.755929, t(0.975; 7) = 2.364624, half-width 1.787498.
    for (const weight of [1, 2, 37.5]) {
      const e = meanFromMoments(momentsFromSums(sums, weight), { minRespondents: 1 });
      if (e.status !== 'ok') throw new Error('expected an estimate');
      expect(e.nEffective).toBeCloseTo(8, 12);
      expect(e.standardError).toBeCloseTo(0.7559289460184544, 10);
      expect(e.ci.lower).toBeCloseTo(3.2125, 4);
      expect(e.ci.upper).toBeCloseTo(6.7875, 4);
    }
  });

  it('an empty group is empty; bad input is refused', () => {
    expect(momentsFromSums({ n: 0, sum: 0, sumSquares: 0 }, 3).n).toBe(0);
    expect(() => momentsFromSums({ n: 1.5, sum: 1, sumSquares: 1 })).toThrow(RangeError);
    expect(() => momentsFromSums(sums, 0)).toThrow(RangeError);
  });
});

describe('momentsFromCount and mergeWeightedSums', () => {
  it('3 hits of 10: share 0.3, M2 = 10 · 0.3 · 0.7 = 2.1', () => {
    const m = momentsFromCount(3, 10);
    expect(m.mean).toBeCloseTo(0.3, 12);
    expect(m.m2).toBeCloseTo(2.1, 12);
    const e = shareFromMoments(m, { minRespondents: 1 });
    expect(e.status === 'ok' && e.estimate).toBeCloseTo(0.3, 12);
    expect(() => momentsFromCount(11, 10)).toThrow(RangeError);
  });

  it('cells {1, 3} with weight 1 and {5} with weight 2: mean 3.5, M2 = 11, Σw² = 6, n_eff = 16/6', () => {
    // mean = (1 + 3 + 2·5)/4 = 3.5; M2 = 2.5² + 0.5² + 2·1.5² = 11.
    const m = mergeWeightedSums([
      { sums: { n: 2, sum: 4, sumSquares: 10 }, weight: 1 },
      { sums: { n: 1, sum: 5, sumSquares: 25 }, weight: 2 },
    ]);
    expect(m.n).toBe(3);
    expect(m.sumW).toBe(4);
    expect(m.sumW2).toBe(6);
    expect(m.mean).toBeCloseTo(3.5, 12);
    expect(m.m2).toBeCloseTo(11, 12);
    const direct = momentsOf([1, 3, 5], [1, 1, 2]);
    expect(m.m2).toBeCloseTo(direct.m2, 12);
  });
});

describe('momentsFromWeightedSums and shareMomentsFromWeights', () => {
  // x = 6, 8 with weight 50 and 7, 7, 10 with weight 100: Σw = 400, Σw² = 35,000, Σwx = 3,100,
  // Σwx² = 50·100 + 100·198 = 24,800 → mean 7.75, M2 = 24,800 − 3,100²/400 = 775.
  const sums = { n: 5, sumW: 400, sumW2: 35_000, sumWX: 3_100, sumWX2: 24_800 };

  it('gives mean 7.75 and M2 = 775, the same as the answers one by one', () => {
    const m = momentsFromWeightedSums(sums);
    expect(m.mean).toBeCloseTo(7.75, 12);
    expect(m.m2).toBeCloseTo(775, 9);
    const direct = momentsOf([6, 8, 7, 7, 10], [50, 50, 100, 100, 100]);
    expect(m.m2).toBeCloseTo(direct.m2, 9);
    expect(momentsFromWeightedSums({ ...sums, n: 0 }).n).toBe(0);
  });

  it('a share with Σw of the ones 350 of 400: p = 0.875, M2 = 400 · 0.875 · 0.125 = 43.75', () => {
    const m = shareMomentsFromWeights(350, sums);
    expect(m.mean).toBeCloseTo(0.875, 12);
    expect(m.m2).toBeCloseTo(43.75, 9);
    expect(m.sumW2).toBe(35_000);
  });
});
