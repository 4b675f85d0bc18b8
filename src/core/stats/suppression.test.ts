// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from './status.js';
import { DEFAULT_MIN_RESPONDENTS, suppressRow, suppressTable, valueWithMinimum } from './suppression.js';

const S: IndicatorValue = { status: 'suppressed' };
const ok = (value: number): IndicatorValue => ({ status: 'ok', value });

describe('valueWithMinimum', () => {
  it('shows a figure from 30 respondents on, never turns a hidden one into 0', () => {
    expect(DEFAULT_MIN_RESPONDENTS).toBe(30);
    expect(valueWithMinimum(7.4, 30)).toEqual(ok(7.4));
    expect(valueWithMinimum(7.4, 29)).toEqual(S);
    expect(valueWithMinimum(7.4, 29)).not.toHaveProperty('value');
    expect(valueWithMinimum(7.4, 0)).toEqual({ status: 'missing' });
    expect(valueWithMinimum(7.4, 12, { minRespondents: 10 })).toEqual(ok(7.4));
    expect(() => valueWithMinimum(7.4, 2.5)).toThrow(RangeError);
  });
});

describe('suppressRow', () => {
  it('hides a small count and, because the total is shown, its smallest non-zero neighbour', () => {
    // [3, 40, 50], total 93, min 10: 3 is small; alone it would be 93 − 40 − 50, so 40 goes too.
    const r = suppressRow([3, 40, 50], { minCount: 10 });
    expect(r.cells).toEqual([S, S, ok(50)]);
    expect(r.total).toEqual(ok(93));
    expect(r.primaryCount).toBe(1);
    expect(r.secondaryCount).toBe(1);
  });

  it('shows zeros by default, hides them on request', () => {
    expect(suppressRow([0, 40, 50], { minCount: 10 }).cells).toEqual([ok(0), ok(40), ok(50)]);
    // with suppressZeros, 0 is primary and 40 is its complement
    expect(suppressRow([0, 40, 50], { minCount: 10, suppressZeros: true }).cells).toEqual([S, S, ok(50)]);
  });

  it('hides the total when it is small itself', () => {
    // [5, 0]: 5 < 10 and total 5 < 10 → two hidden entries, nothing more needed
    const r = suppressRow([5, 0], { minCount: 10 });
    expect(r.cells).toEqual([S, ok(0)]);
    expect(r.total).toEqual(S);
    expect(r.secondaryCount).toBe(0);
  });

  it('uses the default minimum of 30', () => {
    // [29, 100, 31]: 29 < 30 → hidden, complement 31 (smallest non-zero), total 160 shown
    expect(suppressRow([29, 100, 31]).cells).toEqual([S, ok(100), S]);
  });
});

describe('suppressTable', () => {
  it('protects a small cell through its row and column', () => {
    // min 10. Primary: (0,0) = 3. Row 0 then has one hidden cell → hide its smallest, (0,1) = 40.
    // Column 0 has one → (1,0) = 20. Column 1 has one → (1,1) = 35, which also completes row 1.
    // Hidden a,b,c,d satisfy a+b = 43, c+d = 55, a+c = 23, b+d = 75: rank 3, a is not determined.
    const r = suppressTable(
      [
        [3, 40, 50],
        [20, 35, 45],
        [60, 70, 80],
      ],
      { minCount: 10 },
    );
    expect(r.cells).toEqual([
      [S, S, ok(50)],
      [S, S, ok(45)],
      [ok(60), ok(70), ok(80)],
    ]);
    expect(r.rowTotals).toEqual([ok(93), ok(100), ok(210)]);
    expect(r.columnTotals).toEqual([ok(83), ok(145), ok(175)]);
    expect(r.grandTotal).toEqual(ok(403));
    expect(r.primaryCount).toBe(1);
    expect(r.secondaryCount).toBe(3);
  });

  it('treats totals as entries: a small row total is hidden and protected', () => {
    // [[3, 4], [50, 60]], min 10: primary 3, 4 and row total 7. Column 0 → hide 50, column 1 →
    // hide 60 (its row now needs a partner), totals column (7, 110, 117) → hide 110.
    const r = suppressTable(
      [
        [3, 4],
        [50, 60],
      ],
      { minCount: 10 },
    );
    expect(r.cells).toEqual([
      [S, S],
      [S, S],
    ]);
    expect(r.rowTotals).toEqual([S, S]);
    expect(r.columnTotals).toEqual([ok(53), ok(64)]);
    expect(r.grandTotal).toEqual(ok(117));
    expect(r.primaryCount).toBe(3);
    expect(r.secondaryCount).toBe(3);
  });

  it('leaves a table without small counts alone', () => {
    const r = suppressTable([
      [30, 40],
      [50, 60],
    ]);
    expect(r.cells).toEqual([
      [ok(30), ok(40)],
      [ok(50), ok(60)],
    ]);
    expect(r.primaryCount + r.secondaryCount).toBe(0);
  });

  it('rejects ragged tables and negative counts', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1, -2]])).toThrow(RangeError);
  });

  it('hides every small count and never leaves a single hidden entry in a row or column (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 25, maxLength: 25 }),
        (rows, cols, pool) => {
          const counts = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => pool[i * 5 + j] as number));
          const r = suppressTable(counts, { minCount: 10 });
          const grid: IndicatorValue[][] = [...r.cells.map((row, i) => [...row, r.rowTotals[i] as IndicatorValue]), [...r.columnTotals, r.grandTotal]];
          const hidden = (v: IndicatorValue | undefined): boolean => v?.status === 'suppressed';
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              const x = counts[i]?.[j] as number;
              if (x > 0 && x < 10) expect(hidden(grid[i]?.[j])).toBe(true);
              if (!hidden(grid[i]?.[j])) expect(grid[i]?.[j]).toEqual(ok(x));
            }
          }
          for (const line of grid) expect(line.filter(hidden).length).not.toBe(1);
          for (let j = 0; j <= cols; j++) expect(grid.filter((line) => hidden(line[j])).length).not.toBe(1);
        },
      ),
    );
  });
});
