// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  compareAreaWithRest,
  compareMeans,
  compareShares,
  compareWithPreviousWave,
  restOfMunicipality,
  type ComparisonResult,
} from './compare.js';
import { type Moments, momentsOf } from './moments.js';

function ok(r: ComparisonResult) {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}`);
  return r;
}
const repeat = (value: number, times: number): number[] => new Array<number>(times).fill(value);
/** Moments of k ones and n − k zeros. */
const yesNo = (k: number, n: number): Moments => momentsOf([...repeat(1, k), ...repeat(0, n - k)]);

describe('compareMeans (Welch)', () => {
  it('finds a clear difference: 7.5 (n = 30) against 6.5 (n = 40)', () => {
    // A: 15 × 7, 15 × 8: s²a = 7.5/29, va = s²a/30 = 0.008620689655172414
    // B: 20 × 6, 20 × 7: s²b = 10/39,  vb = s²b/40 = 0.00641025641025641
    // SE = √(va + vb) = 0.12260075882892742, t = 1/SE = 8.156556366795112
    // df = (va + vb)² / (va²/29 + vb²/39) = 62.47603574329813
    // t(0.975; 62.476) = 1.9986685833222768 → CI = 1 ± 0.2450382849628485; p = 2.0107e−11
    const a = momentsOf([...repeat(7, 15), ...repeat(8, 15)]);
    const b = momentsOf([...repeat(6, 20), ...repeat(7, 20)]);
    const r = ok(compareMeans(a, b));
    expect(r.test).toBe('welch_t');
    expect(r.difference).toBeCloseTo(1, 14);
    expect(r.standardError).toBeCloseTo(0.12260075882892742, 13);
    expect(r.statistic).toBeCloseTo(8.156556366795112, 11);
    expect(r.df).toBeCloseTo(62.47603574329813, 10);
    expect(r.ci.lower).toBeCloseTo(0.7549617150371515, 11);
    expect(r.ci.upper).toBeCloseTo(1.2450382849628485, 11);
    expect(r.ci.level).toBe(0.95);
    expect(r.pValue).toBeGreaterThan(1.9e-11);
    expect(r.pValue).toBeLessThan(2.1e-11);
    expect(r.significant).toBe(true);
    expect(r.direction).toBe('higher');
  });

  it('is not notable without significance', () => {
    // Same distributions: difference 0, t = 0, p = 1
    const a = momentsOf([...repeat(7, 15), ...repeat(8, 15)]);
    const r = ok(compareMeans(a, a));
    expect(r.difference).toBe(0);
    expect(r.pValue).toBeCloseTo(1, 14);
    expect(r.significant).toBe(false);
    expect(r.direction).toBe('no_significant_difference');
  });

  it('handles two groups without spread', () => {
    // all 8 against all 7: the difference 1 is exact, p = 0; equal constants: p = 1
    const r = ok(compareMeans(momentsOf(repeat(8, 30)), momentsOf(repeat(7, 30))));
    expect(r.ci).toEqual({ lower: 1, upper: 1, level: 0.95 });
    expect(r.pValue).toBe(0);
    expect(r.direction).toBe('higher');
    expect(ok(compareMeans(momentsOf(repeat(8, 30)), momentsOf(repeat(8, 30)))).pValue).toBe(1);
  });

  it('suppresses when a group is below the minimum and is missing without respondents', () => {
    const big = momentsOf(repeat(7, 40));
    expect(compareMeans(momentsOf(repeat(7, 29)), big)).toEqual({
      status: 'suppressed',
      reason: 'too_few_respondents',
      minRespondents: 30,
    });
    expect(compareMeans(big, momentsOf([])).status).toBe('missing');
  });

  it('the CI excludes 0 exactly when p < α (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 30, maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 30, maxLength: 80 }),
        fc.constantFrom(0.01, 0.05, 0.1),
        (xs, ys, alpha) => {
          const r = compareMeans(momentsOf(xs), momentsOf(ys), { alpha });
          if (r.status !== 'ok') throw new Error('expected ok');
          const excludesZero = r.ci.lower > 0 || r.ci.upper < 0;
          // Skip the measure-zero boundary where p is within rounding of α.
          if (Math.abs(r.pValue - alpha) > 1e-9) expect(excludesZero).toBe(r.significant);
          expect(r.significant).toBe(r.pValue < alpha);
          if (!r.significant) expect(r.direction).toBe('no_significant_difference');
        },
      ),
    );
  });
});

describe('compareShares (two-proportion z)', () => {
  it('60% (n = 30) against 40% (n = 100) is not significant at 5%', () => {
    // pooled p̄ = (18 + 40)/130 = 0.4461538461538462
    // SE₀ = √(p̄(1 − p̄)(1/30 + 1/100)) = 0.10347797982030915, z = 0.2/SE₀ = 1.932778358712671
    // p = 2Φ(−1.932778) = 0.05326350741013458 ≥ 0.05 → not significant
    // Newcombe: Wilson A [0.42320360253322477, 0.7540937188319815],
    //           Wilson B [0.3094012864324589, 0.4979974132089382]
    // lower = 0.2 − √((0.6 − 0.4232036)² + (0.4979974 − 0.4)²) = −0.002139702069814458
    // upper = 0.2 + √((0.7540937 − 0.6)² + (0.4 − 0.3094013)²) = 0.37875402396467365
    const r = ok(compareShares(yesNo(18, 30), yesNo(40, 100)));
    expect(r.test).toBe('two_proportion_z');
    expect(r.difference).toBeCloseTo(0.2, 14);
    expect(r.statistic).toBeCloseTo(1.932778358712671, 12);
    expect(r.pValue).toBeCloseTo(0.05326350741013458, 13);
    expect(r.ci.lower).toBeCloseTo(-0.002139702069814458, 12);
    expect(r.ci.upper).toBeCloseTo(0.3787540239646736, 12);
    expect(r.df).toBeNull();
    expect(r.significant).toBe(false);
    expect(r.direction).toBe('no_significant_difference');
    // At α = 0.10 the same difference is significant
    expect(ok(compareShares(yesNo(18, 30), yesNo(40, 100), { alpha: 0.1 })).direction).toBe('higher');
  });

  it('uses the effective sample size of weighted groups', () => {
    // A: p̂ 0.75 with n = 40 but n_eff = 32 (Σw = 80, Σw² = 200, M2 = Σw·p(1−p) = 15);
    // B: 40% of 100. pooled = (32·0.75 + 100·0.4)/132 = 64/132 = 0.48484848
    // SE₀ = √(0.2497704315886134·(1/32 + 1/100)) = √(0.2497704·0.04125) = 0.10150384378451046
    // z = 0.35/SE₀ = 3.448145281503223 (with n = 40 instead of n_eff it would be larger)
    const a: Moments = { n: 40, sumW: 80, sumW2: 200, mean: 0.75, m2: 15 };
    const r = ok(compareShares(a, yesNo(40, 100)));
    expect(r.nEffective.group).toBeCloseTo(32, 12);
    expect(r.statistic).toBeCloseTo(3.448145281503223, 12);
    expect(r.significant).toBe(true);
  });

  it('is not significant when both groups are all-no', () => {
    const r = ok(compareShares(yesNo(0, 30), yesNo(0, 50)));
    expect(r.pValue).toBe(1);
    expect(r.significant).toBe(false);
  });
});

describe('area against the rest of the municipality and against the previous wave', () => {
  it('builds the rest from the other areas only', () => {
    const byArea = new Map<string, Moments>([
      ['WK01', momentsOf([7, 8, 9])],
      ['WK02', momentsOf([5, 6])],
      ['WK03', momentsOf([10])],
    ]);
    // rest of WK01 = {5, 6, 10}: n 3, mean 7, M2 = 4 + 1 + 9 = 14
    const rest = restOfMunicipality(byArea, 'WK01');
    expect(rest.n).toBe(3);
    expect(rest.mean).toBeCloseTo(7, 14);
    expect(rest.m2).toBeCloseTo(14, 13);
  });

  it('compares an area with the rest: difference = area − rest', () => {
    const area = momentsOf([...repeat(6, 15), ...repeat(7, 15)]);
    const rest = momentsOf([...repeat(7, 50), ...repeat(8, 50)]);
    const r = ok(compareAreaWithRest('mean', area, rest));
    expect(r.estimate).toBeCloseTo(6.5, 14);
    expect(r.reference).toBeCloseTo(7.5, 14);
    expect(r.difference).toBeCloseTo(-1, 14);
    expect(r.direction).toBe('lower');
  });

  it('compares with the previous wave: difference = current − previous', () => {
    const r = ok(compareWithPreviousWave('share', yesNo(18, 30), yesNo(40, 100)));
    expect(r.difference).toBeCloseTo(0.2, 14);
    expect(r.test).toBe('two_proportion_z');
  });
});

describe('adjustPValues', () => {
  it('Holm and Benjamini–Hochberg', () => {
    // sorted 0.01, 0.03, 0.04 (m = 3). Holm: 3·0.01 = 0.03, max(0.03, 2·0.03) = 0.06,
    // max(0.06, 1·0.04) = 0.06 → [0.03, 0.06, 0.06] in input order [0.01, 0.04, 0.03].
    expect(adjustPValues([0.01, 0.04, 0.03], 'holm').map((p) => +p.toFixed(12))).toEqual([0.03, 0.06, 0.06]);
    // BH: 0.01·3/1 = 0.03, 0.03·3/2 = 0.045, 0.04·3/3 = 0.04; running minimum from the top:
    // 0.04, min(0.045, 0.04) = 0.04, 0.03 → [0.03, 0.04, 0.04]
    expect(adjustPValues([0.01, 0.04, 0.03], 'benjamini_hochberg').map((p) => +p.toFixed(12))).toEqual([0.03, 0.04, 0.04]);
    expect(adjustPValues([], 'holm')).toEqual([]);
  });

  it('never lowers a p-value and caps at 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 }),
        fc.constantFrom('holm' as const, 'benjamini_hochberg' as const),
        (ps, method) => {
          const adjusted = adjustPValues(ps, method);
          adjusted.forEach((q, i) => {
            expect(q).toBeGreaterThanOrEqual(ps[i] as number);
            expect(q).toBeLessThanOrEqual(1);
          });
        },
      ),
    );
  });
});
