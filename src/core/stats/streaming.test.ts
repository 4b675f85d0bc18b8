// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanFromMoments } from './descriptives.js';
import { EMPTY_MOMENTS, mergeMoments, momentsOf } from './moments.js';
import { createAggregator } from './streaming.js';

describe('createAggregator', () => {
  it('keeps n, Σw, Σw², Σwx, Σwx² per group', () => {
    // values 7, 8, 9 with weights 1, 1, 2: n = 3, Σw = 4, Σw² = 1 + 1 + 4 = 6,
    // Σwx = 7 + 8 + 18 = 33, Σwx² = 49 + 64 + 162 = 275, mean = 33/4 = 8.25,
    // M2 = 1·1.25² + 1·0.25² + 2·0.75² = 1.5625 + 0.0625 + 1.125 = 2.75 (= 275 − 4·8.25²)
    const agg = createAggregator();
    agg.add('WK01', 'q1', 2024, 7, 1);
    agg.add('WK01', 'q1', 2024, 8);
    agg.add('WK01', 'q1', '2024', 9, 2);
    agg.add('WK02', 'q1', 2024, 5);
    const g = agg.get('WK01', 'q1', '2024');
    expect(g).toBeDefined();
    expect(g?.n).toBe(3);
    expect(g?.sumW).toBe(4);
    expect(g?.sumW2).toBe(6);
    expect(g?.sumWX).toBeCloseTo(33, 13);
    expect(g?.sumWX2).toBeCloseTo(275, 12);
    expect(g?.mean).toBeCloseTo(8.25, 14);
    expect(g?.m2).toBeCloseTo(2.75, 13);
    expect(agg.rowCount).toBe(4);
    expect(agg.groupCount).toBe(2);
    expect(agg.get('WK03', 'q1', 2024)).toBeUndefined();
    expect(agg.groups().map((x) => [x.areaId, x.questionId, x.wave, x.n])).toEqual([
      ['WK01', 'q1', '2024', 3],
      ['WK02', 'q1', '2024', 1],
    ]);
  });

  it('rejects bad rows', () => {
    const agg = createAggregator();
    expect(() => agg.add('WK01', 'q1', 1, Number.NaN)).toThrow(RangeError);
    expect(() => agg.add('WK01', 'q1', 1, 5, 0)).toThrow(RangeError);
    expect(() => agg.add('WK01', 'q1', 1, 5, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(agg.rowCount).toBe(0);
  });

  it('is stable for values far from zero, where Σwx² − (Σwx)²/Σw cancels', () => {
    // 10⁹ + {4, 7, 13, 16} repeated 1000×: mean 10⁹ + 10, M2 = 1000·(36 + 9 + 9 + 36) = 90000.
    // The textbook Σx² − (Σx)²/n subtracts two numbers of about 4·10²¹ and is off by far more.
    const agg = createAggregator();
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < 1000; r++) {
      for (const d of [4, 7, 13, 16]) {
        agg.add('WK01', 'q', 1, 1e9 + d, 0.5);
        sum += 1e9 + d;
        sumSquares += (1e9 + d) ** 2;
      }
    }
    const g = agg.get('WK01', 'q', 1);
    expect(g?.mean).toBe(1e9 + 10);
    // weights 0.5: M2 = 0.5·90000 = 45000
    expect(g?.m2).toBeCloseTo(45000, 9);
    expect(Math.abs(0.5 * (sumSquares - (sum * sum) / 4000) - 45000)).toBeGreaterThan(100);
  });

  it('combines areas exactly as if their rows had been one group', () => {
    // municipality = {7, 8} ∪ {5, 6} ∪ {10}; without WK01 = {5, 6, 10}
    const agg = createAggregator();
    agg.addRows([
      { areaId: 'WK01', questionId: 'q', wave: 1, value: 7 },
      { areaId: 'WK01', questionId: 'q', wave: 1, value: 8 },
      { areaId: 'WK02', questionId: 'q', wave: 1, value: 5 },
      { areaId: 'WK02', questionId: 'q', wave: 1, value: 6 },
      { areaId: 'WK03', questionId: 'q', wave: 1, value: 10 },
      { areaId: 'WK03', questionId: 'q', wave: 2, value: 1 },
    ]);
    const all = agg.combine('q', 1);
    const direct = momentsOf([7, 8, 5, 6, 10]);
    expect(all.n).toBe(5);
    expect(all.mean).toBeCloseTo(direct.mean, 14);
    expect(all.m2).toBeCloseTo(direct.m2, 12);
    const rest = agg.combine('q', 1, (id) => id !== 'WK01');
    // {5, 6, 10}: mean 7, M2 = 4 + 1 + 9 = 14
    expect(rest.mean).toBeCloseTo(7, 14);
    expect(rest.m2).toBeCloseTo(14, 13);
    expect(agg.combine('q', 1, ['WK02']).n).toBe(2);
    expect(agg.combine('other', 1)).toEqual(EMPTY_MOMENTS);
  });

  it('equals the direct two-pass computation for any rows (property)', () => {
    const row = fc.record({
      areaId: fc.constantFrom('WK01', 'WK02', 'WK03'),
      questionId: fc.constantFrom('q1', 'q2'),
      wave: fc.constantFrom(2022, 2024),
      value: fc.double({ min: -1000, max: 1000, noNaN: true }),
      weight: fc.double({ min: 0.01, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        const agg = createAggregator();
        agg.addRows(rows);
        expect(agg.rowCount).toBe(rows.length);
        for (const g of agg.groups()) {
          const mine = rows.filter((r) => r.areaId === g.areaId && r.questionId === g.questionId && String(r.wave) === g.wave);
          // Two-pass reference: Σw, Σwx, mean = Σwx/Σw, M2 = Σw(x − mean)²
          const sumW = mine.reduce((s, r) => s + r.weight, 0);
          const sumW2 = mine.reduce((s, r) => s + r.weight * r.weight, 0);
          const mean = mine.reduce((s, r) => s + r.weight * r.value, 0) / sumW;
          const m2 = mine.reduce((s, r) => s + r.weight * (r.value - mean) ** 2, 0);
          expect(g.n).toBe(mine.length);
          expect(g.sumW).toBeCloseTo(sumW, 9);
          expect(g.sumW2).toBeCloseTo(sumW2, 7);
          expect(Math.abs(g.mean - mean)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(mean)));
          expect(Math.abs(g.m2 - m2)).toBeLessThanOrEqual(1e-9 * (1 + m2));
          expect(Math.abs(g.sumWX - sumW * mean)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(sumW * mean)));
        }
      }),
    );
  });

  it('merging two halves equals one pass; derived means match describeMean (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 100 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 100 }),
        (xs, ys) => {
          const merged = mergeMoments(momentsOf(xs), momentsOf(ys));
          const whole = momentsOf([...xs, ...ys]);
          expect(merged.n).toBe(whole.n);
          expect(merged.mean).toBeCloseTo(whole.mean, 12);
          expect(merged.m2).toBeCloseTo(whole.m2, 9);
          const agg = createAggregator();
          for (const x of [...xs, ...ys]) agg.add('WK01', 'q', 1, x);
          const streamed = meanFromMoments(agg.get('WK01', 'q', 1) ?? EMPTY_MOMENTS, { minRespondents: 1 });
          const direct = meanFromMoments(whole, { minRespondents: 1 });
          expect(streamed.status).toBe(direct.status);
          if (streamed.status === 'ok' && direct.status === 'ok') {
            expect(streamed.estimate).toBeCloseTo(direct.estimate, 12);
            expect(streamed.ci.upper).toBeCloseTo(direct.ci.upper, 9);
          }
        },
      ),
    );
  });
});
