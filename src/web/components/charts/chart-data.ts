// SPDX-License-Identifier: EUPL-1.2
// The data a chart takes, and how it becomes the table behind the chart (pure, no DOM, no Plot).

/** One bar: a category (`label`), its value, and optionally a group that colours it (e.g. funded). */
export interface BarDatum {
  label: string;
  value: number;
  /** Bars with the same group share a colour and a legend entry; the group is also a table column. */
  group?: string;
}

/** One point on a line: `x` a number or an ISO date (yyyy-mm-dd), `series` names the line. */
export interface LinePoint {
  x: number | string;
  y: number;
  series?: string;
}

export interface TableShape {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/** Bars as table rows: category, value (formatted) and, when bars are grouped, the group. */
export function barTable(
  data: readonly BarDatum[],
  headings: { category: string; value: string; group?: string },
  formatValue: (v: number) => string,
): TableShape {
  const grouped = data.some((d) => d.group !== undefined);
  return {
    columns: grouped ? [headings.category, headings.value, headings.group ?? ''] : [headings.category, headings.value],
    rows: data.map((d, i) => ({ key: `${i}`, cells: grouped ? [d.label, formatValue(d.value), d.group ?? ''] : [d.label, formatValue(d.value)] })),
  };
}

/** Lines as a table: one row per x (in order of first appearance), one column per series. */
export function lineTable(
  data: readonly LinePoint[],
  headings: { x: string; value: string },
  formatX: (x: number | string) => string,
  formatValue: (v: number) => string,
): TableShape {
  const series = [...new Set(data.map((d) => d.series ?? ''))];
  const xs = [...new Set(data.map((d) => d.x))];
  const single = series.length === 1 && series[0] === '';
  return {
    columns: [headings.x, ...series.map((s) => (single ? headings.value : s))],
    rows: xs.map((x) => ({
      key: String(x),
      cells: [
        formatX(x),
        ...series.map((s) => {
          const point = data.find((d) => d.x === x && (d.series ?? '') === s);
          return point ? formatValue(point.y) : '–';
        }),
      ],
    })),
  };
}

/** Distinct groups (or series) in order of first appearance, for the legend and the colours. */
export function groupsOf(data: readonly { group?: string; series?: string }[]): string[] {
  return [...new Set(data.map((d) => d.group ?? d.series ?? ''))].filter((g) => g !== '');
}

/** For whole-number x values (years): ticks on whole numbers only; otherwise a tick count for Plot. */
export function wholeTicks(xs: readonly (number | Date)[], count: number): number | number[] {
  const numbers = xs.filter((x): x is number => typeof x === 'number');
  if (numbers.length === 0 || numbers.length !== xs.length || !numbers.every(Number.isInteger)) return count;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const step = Math.max(1, Math.ceil((max - min) / count));
  const ticks: number[] = [];
  for (let x = min; x <= max; x += step) ticks.push(x);
  return ticks;
}
