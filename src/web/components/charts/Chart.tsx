// SPDX-License-Identifier: EUPL-1.2
// Charts for every page that shows figures (budget round results, the wijkkompas): a bar chart and a
// line chart drawn with Observable Plot as one SVG image, with the same figures in a table. See ADR 0018.
//
//   <BarChart title="Stemmen per project" data={[{ label: 'Speeltuin', value: 120, group: 'Gekozen' }]}
//             categoryLabel="Project" valueLabel="Stemmen" groupLabel="Uitkomst" />
//   <LineChart title="Inwoners" data={[{ x: '2024-01-01', y: 4210 }]} xLabel="Jaar" valueLabel="Inwoners" />
//
// - `title` is the chart's visible caption and the SVG's accessible name (role="img", aria-label).
// - The figures are always in a table: the chart's own (shown under it), or — when the page already
//   shows a fuller table with the same figures — that table, named by `tableId` (aria-describedby).
// - Plot is loaded lazily (import() of ./plot-render.js) the first time a chart is shown; until then,
//   and if it cannot load, the table stands on its own.
// - Colours: the municipality's primary colour first, then `colors`, then neutral ones; groups also
//   get a text legend, so colour is never the only cue.
// - The chart redraws when `data`, `title`, `colors` or its width change: pass the same array while
//   the figures stay the same (useMemo), and `formatValue`/`formatX` that follow the language.
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Table } from '../ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { barTable, groupsOf, lineTable, type BarDatum, type LinePoint, type TableShape } from './chart-data.js';
import type * as PlotRender from './plot-render.js';
import './charts.css';

export type { BarDatum, LinePoint } from './chart-data.js';

/** After the theme's primary colour: neutral grey, then colours with at least 3:1 contrast on white. */
const fallbackColors = ['#6b6b6b', '#a14f00', '#00735c', '#7a3d8f', '#9c1f3d'];

interface CommonProps {
  /** Caption and accessible name. */
  title: string;
  /** Formats values on the axis, on the bars and in the table (default: the locale's number format). */
  formatValue?: (value: number) => string;
  /** id of a table elsewhere on the page with the same figures; the chart then shows no table of its own. */
  tableId?: string;
  /** Colours for the groups or series, in order of first appearance. */
  colors?: readonly string[];
  className?: string;
}

export interface BarChartProps extends CommonProps {
  data: readonly BarDatum[];
  /** Table heading of the categories. */
  categoryLabel: string;
  /** Table heading of the values. */
  valueLabel: string;
  /** Table heading of the groups (when bars have a group). */
  groupLabel?: string;
}

export interface LineChartProps extends CommonProps {
  data: readonly LinePoint[];
  /** Table heading of the x values. */
  xLabel: string;
  /** Table heading of the values (one series); several series are headed by their names. */
  valueLabel: string;
  /** Formats x values (default: ISO dates in the reader's language, numbers as they are). */
  formatX?: (x: number | string) => string;
}

type Renderer = typeof PlotRender;
let rendererPromise: Promise<Renderer> | null = null;
function loadRenderer(): Promise<Renderer> {
  rendererPromise ??= import('./plot-render.js');
  rendererPromise.catch(() => (rendererPromise = null));
  return rendererPromise;
}

/** The colours in use: the caller's, then the theme's primary colour, then the neutral ones. */
function paletteFor(element: HTMLElement, colors: readonly string[] | undefined): string[] {
  const primary = getComputedStyle(element).getPropertyValue('--ww-color-primary').trim() || '#1f4e79';
  return [...(colors ?? []), primary, ...fallbackColors];
}

/** Draws into `host` with Plot whenever the inputs or the host's width change. */
function usePlot(
  draw: (renderer: Renderer, width: number, colors: string[]) => SVGSVGElement,
  colors: readonly string[] | undefined,
  deps: unknown[],
): { host: RefObject<HTMLDivElement | null>; state: 'loading' | 'drawn' | 'failed' } {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth((w) => (Math.abs(element.clientWidth - w) > 8 ? element.clientWidth : w)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = host.current;
    if (!element || width === 0) return;
    let cancelled = false;
    loadRenderer().then(
      (renderer) => {
        if (cancelled) return;
        try {
          element.replaceChildren(draw(renderer, width, paletteFor(element, colors)));
          setState('drawn');
        } catch {
          setState('failed');
        }
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `draw` is rebuilt every render; what it draws is in `deps`
  }, [width, colors, ...deps]);

  return { host, state };
}

function Legend({ groups, colors }: { groups: string[]; colors?: readonly string[] }) {
  const host = useRef<HTMLUListElement>(null);
  const [palette, setPalette] = useState<string[]>([]);
  useEffect(() => {
    if (host.current) setPalette(paletteFor(host.current, colors));
  }, [colors]);
  if (groups.length < 2) return null;
  return (
    <ul className="ww-chart__legend" ref={host}>
      {groups.map((g, i) => (
        <li key={g}>
          <span className="ww-chart__swatch" aria-hidden="true" style={{ background: palette[i] ?? 'currentColor' }} />
          {g}
        </li>
      ))}
    </ul>
  );
}

function FigureTable({ id, caption, shape }: { id: string; caption: string; shape: TableShape }) {
  return (
    <div className="ww-table-scroll">
      <Table className="ww-table ww-chart__table" id={id}>
        <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            {shape.columns.map((c, i) => (
              <Table.HeaderCell key={i} scope="col">
                {c}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {shape.rows.map((r) => (
            <Table.Row key={r.key}>
              {r.cells.map((cell, i) => (
                <Table.Cell key={i} data-label={shape.columns[i]}>
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

interface FrameProps {
  title: string;
  className?: string;
  host: RefObject<HTMLDivElement | null>;
  state: 'loading' | 'drawn' | 'failed';
  legend: ReactNode;
  table: ReactNode;
}

function ChartFrame({ title, className, host, state, legend, table }: FrameProps) {
  const { t } = useI18n();
  return (
    <figure className={className ? `ww-chart ${className}` : 'ww-chart'}>
      <figcaption className="ww-chart__caption">{title}</figcaption>
      {legend}
      {/* Plot's SVG goes in here; React keeps no children of its own in it. */}
      <div className="ww-chart__plot" ref={host} />
      {state === 'loading' ? <p className="ww-muted">{t('chart.loading')}</p> : null}
      {state === 'failed' ? <p className="ww-muted">{t('chart.unavailable')}</p> : null}
      {table}
    </figure>
  );
}

/** Horizontal bars with their values, and a table with the same figures. */
export function BarChart({ title, data, categoryLabel, valueLabel, groupLabel, formatValue, tableId, colors, className }: BarChartProps) {
  const { t, number } = useI18n();
  const ownTableId = useId();
  const format = formatValue ?? number;
  const tableRef = tableId ?? ownTableId;
  const label = t('chart.barLabel', { title });
  const { host, state } = usePlot(
    (renderer, width, palette) => renderer.renderBars(data, { label, describedBy: tableRef, width, colors: palette, formatValue: format }),
    colors,
    [data, label, tableRef],
  );
  return (
    <ChartFrame
      title={title}
      className={className}
      host={host}
      state={state}
      legend={<Legend groups={groupsOf(data)} colors={colors} />}
      table={
        tableId ? null : (
          <FigureTable id={ownTableId} caption={title} shape={barTable(data, { category: categoryLabel, value: valueLabel, group: groupLabel }, format)} />
        )
      }
    />
  );
}

/** Lines with a dot per point, and a table with the same figures (one row per x). */
export function LineChart({ title, data, xLabel, valueLabel, formatValue, formatX, tableId, colors, className }: LineChartProps) {
  const { t, number, date } = useI18n();
  const ownTableId = useId();
  const format = formatValue ?? number;
  const formatXValue = formatX ?? ((x: number | string) => (typeof x === 'string' ? date(x) : String(x)));
  const tableRef = tableId ?? ownTableId;
  const label = t('chart.lineLabel', { title });
  const { host, state } = usePlot(
    (renderer, width, palette) =>
      renderer.renderLines(data, {
        label,
        describedBy: tableRef,
        width,
        colors: palette,
        formatValue: format,
        formatX: (x) => (x instanceof Date ? formatXValue(x.toISOString().slice(0, 10)) : formatXValue(x)),
      }),
    colors,
    [data, label, tableRef],
  );
  return (
    <ChartFrame
      title={title}
      className={className}
      host={host}
      state={state}
      legend={<Legend groups={groupsOf(data)} colors={colors} />}
      table={tableId ? null : <FigureTable id={ownTableId} caption={title} shape={lineTable(data, { x: xLabel, value: valueLabel }, formatXValue, format)} />}
    />
  );
}
