// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designEffect, kishEffectiveSampleSize, postStratify, rake, type RakingMargin, type RakingResult } from './weighting.js';

function converged(r: RakingResult) {
  if (r.status !== 'converged') throw new Error(`expected converged, got ${r.status}`);
  return r;
}

describe('Kish effective sample size and design effect', () => {
  it('computes n_eff = (Σw)²/Σw² and deff = n/n_eff', () => {
    expect(kishEffectiveSampleSize([1, 1, 1, 1])).toBe(4);
    // [1, 3]: (1+3)²/(1+9) = 16/10 = 1.6; deff = 2/1.6 = 1.25
    expect(kishEffectiveSampleSize([1, 3])).toBeCloseTo(1.6, 15);
    expect(designEffect([1, 3])).toBeCloseTo(1.25, 15);
    expect(kishEffectiveSampleSize([])).toBe(0);
    expect(() => kishEffectiveSampleSize([1, -1])).toThrow(RangeError);
  });

  it('n_eff = n for equal weights and n_eff ≤ n otherwise (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (weights, c) => {
          const n = weights.length;
          expect(kishEffectiveSampleSize(new Array<number>(n).fill(c))).toBeCloseTo(n, 9);
          expect(kishEffectiveSampleSize(weights)).toBeLessThanOrEqual(n * (1 + 1e-12));
          expect(designEffect(weights)).toBeGreaterThanOrEqual(1 - 1e-12);
        },
      ),
    );
  });
});

describe('postStratify', () => {
  it('weights each cell to its population count', () => {
    // m: 3 respondents, N = 300 → 100 each; f: 1 respondent, N = 700 → 700.
    // n_eff = 1000²/(3·100² + 700²) = 10⁶/520000 = 1.923076923
    const r = postStratify(['m', 'm', 'm', 'f'], { m: 300, f: 700 });
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.weights).toEqual([100, 100, 100, 700]);
    expect(r.totalPopulation).toBe(1000);
    expect(r.nEffective).toBeCloseTo(1e6 / 520000, 12);
    expect(r.designEffect).toBeCloseTo(4 / (1e6 / 520000), 12);
    expect(r.strata).toEqual([
      { cell: 'm', population: 300, respondents: 3, factor: 100 },
      { cell: 'f', population: 700, respondents: 1, factor: 700 },
    ]);
  });

  it('keeps the relative base weights within a cell', () => {
    // m: base weights 1, 1, 2 → Σd = 4, factor 300/4 = 75 → 75, 75, 150; f: 700
    const r = postStratify(
      ['m', 'm', 'm', 'f'],
      new Map([
        ['m', 300],
        ['f', 700],
      ]),
      { baseWeights: [1, 1, 2, 1] },
    );
    if (r.status !== 'ok') throw new Error('expected ok');
    expect(r.weights).toEqual([75, 75, 150, 700]);
  });

  it('fails clearly on empty, unknown and zero-population cells', () => {
    const r = postStratify(['m', 'm', null, 'x', 'z'], { m: 300, f: 700, z: 0 });
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { kind: 'empty_cell', cell: 'f', population: 700 },
        { kind: 'unknown_cell', cell: null, respondents: 1 },
        { kind: 'unknown_cell', cell: 'x', respondents: 1 },
        { kind: 'zero_population_cell', cell: 'z', respondents: 1 },
      ]),
    );
    expect(r.problems).toHaveLength(4);
    expect('weights' in r).toBe(false);
  });

  it('reproduces every cell total and the population total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
        (populations, picks) => {
          const cells = populations.map((_, k) => `c${k}`);
          // every cell gets at least one respondent, then random extra ones
          const respondents = [...cells, ...picks.map((p) => cells[p % cells.length] as string)];
          const population = Object.fromEntries(cells.map((c, k) => [c, populations[k] as number]));
          const r = postStratify(respondents, population);
          if (r.status !== 'ok') throw new Error('expected ok');
          cells.forEach((cell, k) => {
            const total = r.weights.reduce((s, w, i) => (respondents[i] === cell ? s + w : s), 0);
            expect(total).toBeCloseTo(populations[k] as number, 6);
          });
        },
      ),
    );
  });
});

describe('rake', () => {
  const sample = (counts: Record<string, number>): Record<string, string>[] =>
    Object.entries(counts).flatMap(([key, count]) => {
      const [age, sex] = key.split('|') as [string, string];
      return Array.from({ length: count }, () => ({ age, sex }));
    });

  it('converges to the IPF solution of a 2×2 table (odds ratio of the sample is kept)', () => {
    // Sample: young-m 10, young-f 20, old-m 30, old-f 40; margins age 500/500, sex 400/600.
    // Raking keeps the sample odds ratio (10·40)/(20·30) = 2/3. With x = fitted young-m:
    // x(100 + x) / ((500 − x)(400 − x)) = 2/3 → x² + 2100x − 400000 = 0
    // → x = (−2100 + √6010000)/2 = 175.76506721312629 → weight young-m = x/10 = 17.576506721312629
    const respondents = sample({ 'young|m': 10, 'young|f': 20, 'old|m': 30, 'old|f': 40 });
    const r = converged(
      rake(
        respondents,
        [
          { variable: 'age', targets: { young: 500, old: 500 } },
          { variable: 'sex', targets: { m: 400, f: 600 } },
        ],
        { tolerance: 1e-12 },
      ),
    );
    expect(r.weights[0]).toBeCloseTo(17.576506721312629, 8);
    // young-f = (500 − x)/20 = 16.211746663934369
    expect(r.weights[10]).toBeCloseTo((500 - 175.76506721312629) / 20, 8);
    expect(r.totalPopulation).toBe(1000);
    expect(r.maxRelativeDeviation).toBeLessThanOrEqual(1e-12);
    expect(r.harmonization).toEqual([
      { variable: 'age', factor: 1 },
      { variable: 'sex', factor: 1 },
    ]);
  });

  it('reports non-convergence when the margins cannot be met, without handing out weights', () => {
    // Only young-m and old-f respondents: weighted young = weighted m always, but the targets
    // ask young 500 and m 300, so IPF oscillates: deviation |300 − 500|/500 = 0.4 on age.
    const respondents = sample({ 'young|m': 5, 'old|f': 5 });
    const r = rake(
      respondents,
      [
        { variable: 'age', targets: { young: 500, old: 500 } },
        { variable: 'sex', targets: { m: 300, f: 700 } },
      ],
      { maxIterations: 50 },
    );
    expect(r.status).toBe('not_converged');
    if (r.status !== 'not_converged') return;
    expect(r.iterations).toBe(50);
    expect(r.maxRelativeDeviation).toBeCloseTo(0.4, 10);
    expect(r.deviations[0]?.variable).toBe('age');
    expect(r.deviations[0]?.relativeDeviation).toBeCloseTo(0.4, 10);
    expect('weights' in r).toBe(false);
    expect(r.unconvergedWeights).toHaveLength(10);
  });

  it('fails with every problem listed: empty, unknown and zero-target categories', () => {
    const respondents = [{ age: 'young', sex: 'm' }, { age: 'old', sex: 'x' }, { age: 'old', sex: 'f' }, { age: 'middle' }];
    const r = rake(respondents, [
      { variable: 'age', targets: { young: 400, old: 500, middle: 0, senior: 100 } },
      { variable: 'sex', targets: { m: 500, f: 500 } },
    ]);
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { kind: 'empty_cell', variable: 'age', cell: 'senior', population: 100 },
        { kind: 'zero_population_cell', variable: 'age', cell: 'middle', respondents: 1 },
        { kind: 'unknown_cell', variable: 'sex', cell: 'x', respondents: 1 },
        { kind: 'unknown_cell', variable: 'sex', cell: null, respondents: 1 },
      ]),
    );
    expect(r.problems).toHaveLength(4);
  });

  it('fails on margins with different totals unless asked to harmonize them', () => {
    // age sums to 1000, sex to 1005 (CBS rounding); harmonized factor = 1000/1005
    const respondents = sample({ 'young|m': 10, 'young|f': 20, 'old|m': 30, 'old|f': 40 });
    const margins: RakingMargin[] = [
      { variable: 'age', targets: { young: 500, old: 500 } },
      { variable: 'sex', targets: { m: 400, f: 605 } },
    ];
    const failed = rake(respondents, margins);
    expect(failed).toEqual({
      status: 'failed',
      problems: [{ kind: 'inconsistent_margin_totals', variable: 'sex', total: 1005, expected: 1000 }],
    });
    const r = converged(rake(respondents, margins, { harmonizeTotals: true }));
    expect(r.harmonization[1]?.factor).toBeCloseTo(1000 / 1005, 15);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 6);
  });

  it('reproduces all margins when a solution exists (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.nat(), { maxLength: 100 }),
        (ka, kb, joint, extra) => {
          // A positive joint population table gives consistent, attainable margins as long as
          // every combination has a respondent.
          const targetsA: Record<string, number> = {};
          const targetsB: Record<string, number> = {};
          const respondents: { a: string; b: string }[] = [];
          for (let i = 0; i < ka; i++) {
            for (let j = 0; j < kb; j++) {
              const count = joint[i * 4 + j] as number;
              targetsA[`a${i}`] = (targetsA[`a${i}`] ?? 0) + count;
              targetsB[`b${j}`] = (targetsB[`b${j}`] ?? 0) + count;
              respondents.push({ a: `a${i}`, b: `b${j}` });
            }
          }
          for (const e of extra) respondents.push({ a: `a${e % ka}`, b: `b${Math.floor(e / ka) % kb}` });
          const r = converged(
            rake(
              respondents,
              [
                { variable: 'a', targets: targetsA },
                { variable: 'b', targets: targetsB },
              ],
              { tolerance: 1e-9, maxIterations: 10000 },
            ),
          );
          for (const [variable, targets] of [
            ['a', targetsA],
            ['b', targetsB],
          ] as const) {
            for (const [category, target] of Object.entries(targets)) {
              const total = r.weights.reduce((s, w, i) => (respondents[i]?.[variable] === category ? s + w : s), 0);
              expect(Math.abs(total - target)).toBeLessThanOrEqual(1e-9 * target * 1.0001);
            }
          }
          expect(r.weights.every((w) => w > 0)).toBe(true);
        },
      ),
    );
  });
});
