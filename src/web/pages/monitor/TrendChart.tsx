// SPDX-License-Identifier: EUPL-1.2
// A small trend line (SVG) with the table behind it. The chart is an image with a text alternative
// that says what it shows; the table has every number, with its status where there is none
// (suppressed or missing years are gaps in the line, never 0).
import { useId } from 'react';
import { Table } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Indicator, TrendPoint } from '../../api/types.js';
import { formatValue, hasNumber, sortedPoints, withUnit } from './format.js';

export interface TrendSeries {
  label: string;
  points: TrendPoint[];
  /** The municipality line is dashed and grey, the area's solid in the theme colour. */
  kind: 'area' | 'municipality';
}

const width = 320;
const height = 170;
const margin = { top: 12, right: 12, bottom: 26, left: 48 };

/** Splits a line at the years without a number. */
function segments(points: TrendPoint[], x: (period: string) => number, y: (n: number) => number): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (hasNumber(p)) current.push(`${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`);
    else if (current.length > 0) {
      out.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join(' '));
  return out;
}

export function TrendChart({ indicator, series, title, source }: { indicator: Indicator; series: TrendSeries[]; title: string; source: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const sorted = series.map((s) => ({ ...s, points: sortedPoints(s.points) }));
  const periods = [...new Set(sorted.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const numbers = sorted.flatMap((s) => s.points.filter(hasNumber).map((p) => p.value as number));
  if (periods.length === 0 || numbers.length === 0) return <p className="ww-muted">{t('monitor.trend.none')}</p>;

  let min = Math.min(...numbers);
  let max = Math.max(...numbers);
  if (min === max) {
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  // Counts and shares start at zero when that does not flatten the line into nothing.
  if (min > 0 && min < (max - min) * 2) min = 0;
  const x = (period: string) =>
    periods.length === 1
      ? (margin.left + width - margin.right) / 2
      : margin.left + (periods.indexOf(period) / (periods.length - 1)) * (width - margin.left - margin.right);
  const y = (n: number) => margin.top + (1 - (n - min) / (max - min)) * (height - margin.top - margin.bottom);
  const ticks = [min, (min + max) / 2, max];
  const every = Math.max(1, Math.ceil(periods.length / 5));
  const labelled = periods.filter((_, i) => i % every === 0 || i === periods.length - 1);
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const area = sorted.find((s) => s.kind === 'area') ?? sorted[0]!;
  const firstValue = area.points.find(hasNumber);
  const lastValue = [...area.points].reverse().find(hasNumber);
  const summary =
    firstValue && lastValue
      ? t('monitor.chart.summary', {
          name: area.label,
          from: withUnit(firstValue.value!, indicator, t, lang),
          fromPeriod: firstValue.period,
          to: withUnit(lastValue.value!, indicator, t, lang),
          toPeriod: lastValue.period,
        })
      : '';

  return (
    <figure className="ww-trend">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="ww-trend__svg">
        <title id={`${id}-title`}>{t('monitor.chart.title', { title, first, last })}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="ww-trend__grid" />
            <text x={margin.left - 4} y={y(tick) + 3.5} textAnchor="end" className="ww-trend__tick">
              {new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: indicator.decimals, notation: 'compact' }).format(tick)}
            </text>
          </g>
        ))}
        {labelled.map((period) => (
          <text key={period} x={x(period)} y={height - 8} textAnchor="middle" className="ww-trend__tick">
            {period}
          </text>
        ))}
        {sorted.map((s) =>
          segments(s.points, x, y).map((d, i) => <polyline key={`${s.label}-${i}`} points={d} className={`ww-trend__line ww-trend__line--${s.kind}`} />),
        )}
        {area.points.filter(hasNumber).map((p) => (
          <circle key={p.period} cx={x(p.period)} cy={y(p.value as number)} r={2.5} className="ww-trend__dot" />
        ))}
      </svg>
      {sorted.length > 1 ? (
        <ul className="ww-trend__legend" aria-hidden="true">
          {sorted.map((s) => (
            <li key={s.label}>
              <span className={`ww-trend__key ww-trend__key--${s.kind}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption className="ww-source">{source}</figcaption>
      <details className="ww-trend__table">
        <summary>{t('monitor.chart.table', { title })}</summary>
        <div className="ww-table-scroll">
          <Table className="ww-table">
            <Table.Caption className="ams-visually-hidden">{title}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('monitor.period')}</Table.HeaderCell>
                {sorted.map((s) => (
                  <Table.HeaderCell key={s.label} scope="col" align="end">
                    {s.label}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {periods.map((period) => (
                <Table.Row key={period}>
                  <Table.Cell data-label={t('monitor.period')}>{period}</Table.Cell>
                  {sorted.map((s) => {
                    const point = s.points.find((p) => p.period === period);
                    return (
                      <Table.Cell key={s.label} data-label={s.label} align="end">
                        {point ? formatValue(point, indicator, t, lang) : t('monitor.status.missing')}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </details>
    </figure>
  );
}
