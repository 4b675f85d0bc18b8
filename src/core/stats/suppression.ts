// SPDX-License-Identifier: EUPL-1.2
// Suppression of figures based on too few respondents, and of small counts in tables.
//
// Principle (DOMAIN.md, privacy): small groups are never shown. A suppressed figure has its own
// status `suppressed`; it is never 0 and never a null that could be drawn as 0.
//
// Tables: primary suppression hides every count 0 < x < minCount (zeros too if asked), totals
// included. Secondary (complementary) suppression then makes sure that no row or column, read
// together with its total, has exactly one hidden entry, because that entry would equal the total
// minus the visible ones. The complement chosen is the smallest non-zero visible cell of the line,
// preferring a cell whose crossing line also needs a complement; a total only as last resort.
// Limits: this is the classic line-by-line rule (Hundepool et al., Statistical Disclosure Control,
// 2012, ch. 4.3), not a full audit: combinations of several lines and interval (bounds) disclosure
// are not checked. Which hidden entries are primary and which secondary is not revealed, since
// secondary entries are, by construction, not small.

import { type IndicatorValue, MISSING, SUPPRESSED, okValue } from './status.js';

/** Default minimum number of respondents behind any published figure. */
export const DEFAULT_MIN_RESPONDENTS = 30;

/** Validates and returns the minimum (default {@link DEFAULT_MIN_RESPONDENTS}). */
export function resolveMinimum(minimum: number | undefined, name = 'minRespondents'): number {
  const min = minimum ?? DEFAULT_MIN_RESPONDENTS;
  if (!Number.isInteger(min) || min < 1) throw new RangeError(`${name} must be an integer >= 1, got ${min}`);
  return min;
}

/**
 * An indicator value for a figure based on `n` respondents: `missing` when n = 0, `suppressed`
 * when n < minRespondents (default 30), otherwise `ok`.
 */
export function valueWithMinimum(value: number, n: number, options: { readonly minRespondents?: number } = {}): IndicatorValue {
  const min = resolveMinimum(options.minRespondents);
  if (!(n >= 0) || !Number.isInteger(n)) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (n === 0) return MISSING;
  if (n < min) return SUPPRESSED;
  return okValue(value);
}

/** Options for {@link suppressTable} and {@link suppressRow}. */
export interface CountSuppressionOptions {
  /** Counts below this are hidden (default {@link DEFAULT_MIN_RESPONDENTS}). */
  readonly minCount?: number;
  /** Also hide zero counts (default false: a zero is shown). */
  readonly suppressZeros?: boolean;
}

/** A table of counts after suppression; every entry is `ok` or `suppressed`. */
export interface SuppressedTable {
  readonly cells: IndicatorValue[][];
  readonly rowTotals: IndicatorValue[];
  readonly columnTotals: IndicatorValue[];
  readonly grandTotal: IndicatorValue;
  /** Entries (cells and totals) hidden because they are small. */
  readonly primaryCount: number;
  /** Entries hidden so that no hidden entry can be recomputed from its row or column. */
  readonly secondaryCount: number;
}

interface Line {
  /** Entry indices; the last one is the line's total. */
  readonly entries: readonly number[];
}

/**
 * Core of the secondary suppression: `lines` are linear relations (cells + total); `crossing[e]`
 * lists the lines entry e is in. Mutates `hidden`; returns the number of extra entries hidden.
 */
function complementarySuppression(values: readonly number[], hidden: boolean[], lines: readonly Line[], linesOf: readonly (readonly number[])[]): number {
  const hiddenIn = (line: Line): number => line.entries.reduce((k, e) => k + (hidden[e] ? 1 : 0), 0);
  let added = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l] as Line;
      if (hiddenIn(line) !== 1) continue;
      const total = line.entries[line.entries.length - 1] as number;
      let best = -1;
      let bestKey: readonly number[] = [];
      for (const e of line.entries) {
        if (hidden[e]) continue;
        const value = values[e] as number;
        // Does hiding e also help a crossing line that has exactly one hidden entry?
        const helps = (linesOf[e] as readonly number[]).some((o) => o !== l && hiddenIn(lines[o] as Line) === 1);
        const key = [e === total ? 1 : 0, value === 0 ? 1 : 0, helps ? 0 : 1, value];
        if (best < 0 || lexLess(key, bestKey)) {
          best = e;
          bestKey = key;
        }
      }
      if (best >= 0) {
        hidden[best] = true;
        added += 1;
        changed = true;
      }
    }
  }
  return added;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

function assertCount(x: number): void {
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`counts must be finite and >= 0, got ${x}`);
}

function isPrimary(x: number, min: number, suppressZeros: boolean): boolean {
  return x < min && (x > 0 || suppressZeros);
}

/**
 * Suppresses small counts in a two-way table with its row totals, column totals and grand total
 * (totals are computed here). Primary: every entry with 0 < x < minCount (default 30; zeros too
 * with `suppressZeros`). Secondary: until no row or column (with its total) has exactly one hidden
 * entry, hide the smallest non-zero visible entry of such a line (see module header for limits).
 */
export function suppressTable(counts: readonly (readonly number[])[], options: CountSuppressionOptions = {}): SuppressedTable {
  const min = resolveMinimum(options.minCount, 'minCount');
  const suppressZeros = options.suppressZeros ?? false;
  const rows = counts.length;
  const cols = rows === 0 ? 0 : (counts[0] as readonly number[]).length;
  for (const row of counts) {
    if (row.length !== cols) throw new RangeError('all rows of the table must have the same length');
    for (const x of row) assertCount(x);
  }
  // Extended grid (rows+1) × (cols+1): entry (i, j) has index i*(cols+1)+j; column `cols` holds
  // row totals, row `rows` holds column totals.
  const width = cols + 1;
  const values: number[] = new Array<number>((rows + 1) * width).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = (counts[i] as readonly number[])[j] as number;
      values[i * width + j] = x;
      values[i * width + cols] = (values[i * width + cols] as number) + x;
      values[rows * width + j] = (values[rows * width + j] as number) + x;
      values[rows * width + cols] = (values[rows * width + cols] as number) + x;
    }
  }
  const hidden = values.map((x) => isPrimary(x, min, suppressZeros));
  const primaryCount = hidden.filter(Boolean).length;
  const lines: Line[] = [];
  const linesOf: number[][] = values.map(() => []);
  const addLine = (entries: number[]): void => {
    for (const e of entries) (linesOf[e] as number[]).push(lines.length);
    lines.push({ entries });
  };
  for (let i = 0; i <= rows; i++) addLine(Array.from({ length: width }, (_, j) => i * width + j));
  for (let j = 0; j <= cols; j++) addLine(Array.from({ length: rows + 1 }, (_, i) => i * width + j));
  const secondaryCount = complementarySuppression(values, hidden, lines, linesOf);
  const out = (index: number): IndicatorValue => (hidden[index] ? SUPPRESSED : okValue(values[index] as number));
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => out(i * width + j))),
    rowTotals: Array.from({ length: rows }, (_, i) => out(i * width + cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => out(rows * width + j)),
    grandTotal: out(rows * width + cols),
    primaryCount,
    secondaryCount,
  };
}

/**
 * Suppresses small counts in one row (or column) published with its total: primary as in
 * {@link suppressTable}; if exactly one entry (cell or total) is hidden, the smallest non-zero
 * visible cell is hidden too (the total when no cell qualifies).
 */
export function suppressRow(
  counts: readonly number[],
  options: CountSuppressionOptions = {},
): { readonly cells: IndicatorValue[]; readonly total: IndicatorValue; readonly primaryCount: number; readonly secondaryCount: number } {
  const min = resolveMinimum(options.minCount, 'minCount');
  const suppressZeros = options.suppressZeros ?? false;
  for (const x of counts) assertCount(x);
  const values = [...counts, counts.reduce((a, b) => a + b, 0)];
  const hidden = values.map((x) => isPrimary(x, min, suppressZeros));
  const primaryCount = hidden.filter(Boolean).length;
  const entries = values.map((_, i) => i);
  const secondaryCount = complementarySuppression(
    values,
    hidden,
    [{ entries }],
    values.map(() => [0]),
  );
  const out = (index: number): IndicatorValue => (hidden[index] ? SUPPRESSED : okValue(values[index] as number));
  return {
    cells: counts.map((_, i) => out(i)),
    total: out(counts.length),
    primaryCount,
    secondaryCount,
  };
}
