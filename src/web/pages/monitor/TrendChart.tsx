// SPDX-License-Identifier: EUPL-1.2
// A trend chart (the shared LineChart, Observable Plot) with its own table behind it: the chart draws
// the years with a number; the table has every year, with the status in words where there is no
// number (suppressed or missing years are never drawn or shown as 0).
import { useId, useMemo } from 'react';
import { Table } from '../../components/ads.js';
import { LineChart, type LinePoint } from '../../components/charts/Chart.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Indicator, TrendPoint } from '../../api/types.js';
import { formatValue, hasNumber, sortedPoints, withUnit } from './format.js';

export interface TrendSeries {
  label: string;
  points: TrendPoint[];
}

/** A period as a number on the x axis: the (first) year. */
const yearOf = (period: string): number => Number(period.slice(0, 4));

export function TrendChart({ indicator, series, title, source }: { indicator: Indicator; series: TrendSeries[]; title: string; source: string }) {
  const { t, lang } = useI18n();
  const tableId = useId();
  const sorted = useMemo(() => series.map((s) => ({ ...s, points: sortedPoints(s.points) })), [series]);
  const data = useMemo<LinePoint[]>(
    () => sorted.flatMap((s) => s.points.filter(hasNumber).map((p) => ({ x: yearOf(p.period), y: p.value as number, series: s.label }))),
    [sorted],
  );
  const periods = [...new Set(sorted.flatMap((s) => s.points.map((p) => p.period)))].sort();
  if (data.length === 0) return <p className="ww-muted">{t('monitor.trend.none')}</p>;
  const chartTitle = t('monitor.chart.title', { title, first: periods[0] ?? '', last: periods.at(-1) ?? '' });

  return (
    <div className="ww-trend">
      <LineChart
        title={chartTitle}
        data={data}
        xLabel={t('monitor.period')}
        valueLabel={indicator.name[lang]}
        formatValue={(v) => withUnit(v, indicator, t, lang)}
        formatX={(x) => String(x)}
        tableId={tableId}
      />
      <p className="ww-source">{source}</p>
      <details className="ww-trend__table">
        <summary>{t('monitor.chart.table', { title })}</summary>
        <div className="ww-table-scroll">
          <Table className="ww-table" id={tableId}>
            <Table.Caption className="ams-visually-hidden">{chartTitle}</Table.Caption>
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
    </div>
  );
}
