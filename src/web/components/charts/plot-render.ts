// SPDX-License-Identifier: EUPL-1.2
// Draws charts with Observable Plot (ADR 0018). This module, and with it Plot and the d3 parts it
// uses, is loaded only when a page shows a chart (import() in Chart.tsx), so the main bundle stays
// small. Every chart comes out as one <svg role="img" aria-label="…">: Plot's inner labels are then
// presentational, and the figures themselves are in a table beside the chart.
import * as Plot from '@observablehq/plot';
import { wholeTicks, type BarDatum, type LinePoint } from './chart-data.js';

export interface RenderOptions {
  /** The chart's accessible name (aria-label of the <svg>). */
  label: string;
  /** id of the table with the same figures, for aria-describedby. */
  describedBy?: string;
  /** Width in CSS pixels (the container's width). */
  width: number;
  /** Colours per group or series, in order of first appearance. */
  colors: readonly string[];
  formatValue: (value: number) => string;
}

/** Makes the SVG an image with a name, whatever Plot returned (an svg, or a figure around it). */
function asImage(node: SVGSVGElement | HTMLElement, options: RenderOptions): SVGSVGElement {
  const svg = node instanceof SVGSVGElement ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot produced no svg');
  // Plot names its mark groups (aria-label on <g>); inside an image they are not read, and a label
  // on an element without a role is not allowed (WCAG 4.1.2, axe aria-prohibited-attr).
  for (const element of svg.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
    element.removeAttribute('aria-hidden');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.label);
  if (options.describedBy) svg.setAttribute('aria-describedby', options.describedBy);
  svg.removeAttribute('aria-description');
  svg.classList.add('ww-chart__svg');
  return svg;
}

/** Shortens a category name for the axis; the full name is in the table. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Horizontal bars (long names stay readable on a phone), the value at the end of each bar. */
export function renderBars(data: readonly BarDatum[], options: RenderOptions): SVGSVGElement {
  const groups = [...new Set(data.map((d) => d.group ?? ''))];
  const narrow = options.width < 480;
  const maxLabel = narrow ? 18 : 32;
  const longest = Math.max(4, ...data.map((d) => Math.min(maxLabel, d.label.length)));
  const marginLeft = Math.min(Math.round(options.width * 0.45), 12 + longest * 6.5);
  const longestValue = Math.max(1, ...data.map((d) => options.formatValue(d.value).length));
  const rows = data.map((d, index) => ({ ...d, key: `${index}`, group: d.group ?? '' }));
  const names = new Map(rows.map((r) => [r.key, shorten(r.label, maxLabel)]));
  // Counts (votes, people): whole-number ticks only, so a small count shows no "0,5".
  const max = Math.max(0, ...rows.map((r) => r.value));
  const whole = rows.every((r) => Number.isInteger(r.value));
  const tickCount = whole && max <= (narrow ? 3 : 6) ? Math.max(1, max) : narrow ? 3 : 6;
  const plot = Plot.plot({
    width: options.width,
    height: 36 + rows.length * 30,
    marginLeft,
    marginRight: 12 + longestValue * 7,
    style: { fontSize: '13px', color: 'currentColor', background: 'transparent', overflow: 'visible' },
    x: { grid: true, nice: true, label: null, tickFormat: (v: number) => options.formatValue(v), ticks: tickCount },
    y: { domain: rows.map((r) => r.key), tickFormat: (k: string) => names.get(k) ?? k, label: null, padding: 0.25 },
    color: { domain: groups, range: options.colors.slice(0, Math.max(1, groups.length)) },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'key', fill: 'group' }),
      Plot.text(rows, {
        x: 'value',
        y: 'key',
        text: (r: (typeof rows)[number]) => options.formatValue(r.value),
        textAnchor: 'start',
        dx: 4,
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
  return asImage(plot, options);
}

/** Lines with a dot on every point, one line per series. */
export function renderLines(data: readonly LinePoint[], options: RenderOptions & { formatX: (x: number | Date) => string }): SVGSVGElement {
  const series = [...new Set(data.map((d) => d.series ?? ''))];
  const rows = data.map((d) => ({ x: typeof d.x === 'string' ? new Date(`${d.x}T12:00:00`) : d.x, y: d.y, series: d.series ?? '' }));
  const plot = Plot.plot({
    width: options.width,
    height: Math.max(200, Math.min(360, Math.round(options.width * 0.6))),
    marginLeft: 12 + Math.max(1, ...data.map((d) => options.formatValue(d.y).length)) * 7,
    style: { fontSize: '13px', color: 'currentColor', background: 'transparent' },
    x: {
      label: null,
      tickFormat: (v: number | Date) => options.formatX(v),
      ticks: wholeTicks(
        rows.map((r) => r.x),
        options.width < 480 ? 3 : 6,
      ),
    },
    y: { grid: true, nice: true, label: null, tickFormat: (v: number) => options.formatValue(v) },
    color: { domain: series, range: options.colors.slice(0, Math.max(1, series.length)) },
    marks: [Plot.lineY(rows, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 2 }), Plot.dot(rows, { x: 'x', y: 'y', fill: 'series', r: 3.5 })],
  });
  return asImage(plot, options);
}
