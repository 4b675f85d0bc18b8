// SPDX-License-Identifier: EUPL-1.2
// Wijkkompas overview: one indicator and year for every wijk or buurt, as a choropleth on the area
// map (no tiles) with a legend in text, and the same figures in a sortable table with a CSV
// download. Suppressed and missing values are shown as such, never as 0; source and year under
// every number.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useApi } from '../../api/use-api.js';
import { query } from '../../api/client.js';
import type { AreaFeatureCollection, Indicator, IndicatorValue, IndicatorValues } from '../../api/types.js';
import './monitor.css';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { SelectField } from '../../components/forms.js';
import { classOf, colourClasses, download, formatNumber, formatValue, hasNumber, sourceLine, toCsv, withUnit } from './format.js';

const AreaMap = lazy(() => import('../../map/AreaMap.js'));

const levels = ['wijk', 'buurt'] as const;
type Level = (typeof levels)[number];
type SortKey = 'name' | 'value';

export function WijkkompasPage() {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const [highlight, setHighlight] = useState<string | null>(null);
  useDocumentTitle(t('monitor.heading'));

  const base = `/api/municipalities/${municipality.code}`;
  const level: Level = levels.find((l) => l === search.get('niveau')) ?? 'wijk';
  const catalogue = useApi<Indicator[]>(`${base}/indicators`);
  const indicators = useMemo(
    () => [...(catalogue.data ?? [])].sort((a, b) => a.theme.localeCompare(b.theme) || a.name[lang].localeCompare(b.name[lang], lang)),
    [catalogue.data, lang],
  );
  const indicatorId = search.get('indicator') ?? indicators.find((i) => i.id === 'population')?.id ?? indicators[0]?.id ?? null;
  const indicator = indicators.find((i) => i.id === indicatorId);
  const period = search.get('jaar') ?? indicator?.periods?.at(-1) ?? null;
  const values = useApi<IndicatorValues>(indicatorId ? `${base}/indicators/${encodeURIComponent(indicatorId)}/values${query({ period, level })}` : null);
  const geo = useApi<AreaFeatureCollection>(`${base}/areas.geojson${query({ level })}`);
  // For figures that add up (inhabitants, dwellings): the municipality's own total beside the sum of
  // its areas, so a reader sees that they agree within CBS rounding.
  const totalPeriod = values.data?.indicator.id === indicatorId ? values.data.period : null;
  const sums = values.data?.indicator.aggregation === 'sum';
  const total = useApi<IndicatorValues>(
    sums && indicatorId && totalPeriod
      ? `${base}/indicators/${encodeURIComponent(indicatorId)}/values${query({ period: totalPeriod, level: 'municipality' })}`
      : null,
  );

  const shown = values.data;
  const shownPeriod = shown?.period ?? period ?? '';
  const periods = useMemo(() => {
    const known = shown?.periods ?? indicator?.periods;
    if (known && known.length > 0) return [...known].sort().reverse();
    // A server that does not list periods: the years up to the one it answered with.
    const newest = Number(shown?.period ?? new Date().getFullYear() - 1);
    return Array.from({ length: Math.max(1, newest - 2011) }, (_, i) => String(newest - i));
  }, [indicator, shown]);

  const classes = useMemo(() => colourClasses((shown?.values ?? []).filter(hasNumber).map((v) => v.value as number)), [shown]);
  const { fills, labels } = useMemo(() => {
    const fills: Record<string, string> = {};
    const labels: Record<string, string> = {};
    if (shown) {
      for (const v of shown.values) {
        const c = hasNumber(v) ? classOf(v.value, classes) : undefined;
        if (c) fills[v.areaId] = c.colour;
        labels[v.areaId] = `${v.areaName ?? v.areaCode}: ${formatValue(v, shown.indicator, t, lang)}`;
      }
    }
    return { fills, labels };
  }, [shown, classes, t, lang]);

  const rows = useMemo(() => {
    const all = [...(shown?.values ?? [])];
    const name = (v: IndicatorValue) => v.areaName ?? v.areaCode;
    all.sort((a, b) => {
      if (sort.key === 'value') {
        // Areas without a number go last, whichever way the numbers are sorted.
        if (!hasNumber(a) || !hasNumber(b)) return Number(!hasNumber(a)) - Number(!hasNumber(b)) || name(a).localeCompare(name(b), 'nl');
        return sort.descending ? b.value - a.value : a.value - b.value;
      }
      return sort.descending ? name(b).localeCompare(name(a), 'nl') : name(a).localeCompare(name(b), 'nl');
    });
    return all;
  }, [shown, sort]);

  function choose(key: string, value: string) {
    const params = new URLSearchParams(search);
    params.set(key, value);
    if (key === 'indicator') params.delete('jaar');
    setSearch(params, { replace: true });
    setHighlight(null);
  }

  function sortBy(key: SortKey) {
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'value' }));
  }

  function downloadCsv() {
    if (!shown) return;
    const csv = toCsv(
      [
        t('monitor.csv.area'),
        t('monitor.csv.code'),
        t('monitor.csv.indicator'),
        t('monitor.period'),
        t('monitor.csv.value'),
        t('monitor.csv.status'),
        t('monitor.csv.source'),
        t('monitor.csv.sourceYear'),
      ],
      rows.map((v) => [
        v.areaName ?? '',
        v.areaCode,
        shown.indicator.name[lang],
        v.period,
        hasNumber(v) ? v.value : null,
        v.status,
        v.source,
        v.sourceYear === null ? null : String(v.sourceYear),
      ]),
    );
    download(`wijkkompas-${municipality.code}-${shown.indicator.id}-${shown.period}-${level}.csv`, csv);
  }

  const areaSum = useMemo(() => {
    if (!shown || shown.indicator.aggregation !== 'sum') return null;
    const withNumber = shown.values.filter(hasNumber);
    return { value: withNumber.reduce((sum, v) => sum + (v.value as number), 0), counted: withNumber.length, all: shown.values.length };
  }, [shown]);
  const municipalityValue = total.data?.values.find(hasNumber);

  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const sortLabel = (key: SortKey) => (sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : '');
  const levelText = t(`areas.levelPlural.${level}`).toLowerCase();
  const attribution = shown?.attribution || shown?.indicator.attribution || geo.data?.attribution || t('app.sourceCbs');

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('monitor.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('monitor.intro', { name: municipality.name })}</Paragraph>

      {catalogue.error ? (
        <LoadError error={catalogue.error} onRetry={catalogue.reload} />
      ) : catalogue.loading ? (
        <Loading />
      ) : indicators.length === 0 ? (
        <Paragraph>{t('monitor.noIndicators')}</Paragraph>
      ) : (
        <>
          <form className="ww-monitor-choice ams-mb-m" aria-label={t('monitor.choose')} onSubmit={(e) => e.preventDefault()}>
            <SelectField
              label={t('monitor.indicator')}
              name="indicator"
              value={indicatorId ?? ''}
              onChange={(v) => choose('indicator', v)}
              options={indicators.map((i) => ({ value: i.id, label: i.name[lang] }))}
            />
            <SelectField
              label={t('monitor.year')}
              name="jaar"
              value={shownPeriod}
              onChange={(v) => choose('jaar', v)}
              options={periods.map((p) => ({ value: p, label: p }))}
            />
            <fieldset className="ww-segmented">
              <legend className="ww-segmented__legend">{t('areas.levelLegend')}</legend>
              <div className="ww-segmented__options">
                {levels.map((l) => (
                  <label key={l} className="ww-segmented__option">
                    <input type="radio" name="niveau" value={l} checked={l === level} onChange={() => choose('niveau', l)} />
                    <span>{t(`areas.levelPlural.${l}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </form>

          {values.error ? <LoadError error={values.error} onRetry={values.reload} /> : null}
          {shown ? (
            <Heading level={2} size="level-3" className="ams-mb-s" id="kaart-kop">
              {t('monitor.mapHeading', { indicator: shown.indicator.name[lang], period: shown.period, levels: levelText })}
            </Heading>
          ) : null}
          <a className="ww-skip-inline" href="#tabel">
            {t('monitor.skipMap')}
          </a>
          <div className="ww-monitor-map ams-mb-l">
            <div className="ww-map-frame">
              {geo.error ? (
                <LoadError error={geo.error} onRetry={geo.reload} />
              ) : geo.data && shown ? (
                <Suspense fallback={<div className="ww-map ww-map--placeholder" />}>
                  <AreaMap
                    features={geo.data}
                    label={t('monitor.mapLabel', { indicator: shown.indicator.name[lang], period: shown.period, levels: levelText })}
                    describedBy="kaart-uitleg"
                    onOpen={(id) => void navigate(`/gemeente/${municipality.code}/gebied/${id}/profiel`)}
                    highlightId={highlight}
                    attribution={attribution}
                    zoomInTitle={t('areas.zoomIn')}
                    zoomOutTitle={t('areas.zoomOut')}
                    fills={fills}
                    labels={labels}
                  />
                </Suspense>
              ) : (
                <div className="ww-map ww-map--placeholder" />
              )}
              <p id="kaart-uitleg" className="ww-map-help">
                {t('monitor.mapHelp')}
              </p>
            </div>
            {shown ? (
              <section aria-labelledby="legenda" className="ww-legend">
                <Heading level={3} size="level-4" id="legenda" className="ams-mb-xs">
                  {t('monitor.legend')}
                </Heading>
                <ul className="ww-legend__list">
                  {classes.map((c) => (
                    <li key={c.colour}>
                      <span className="ww-legend__swatch" style={{ background: c.colour }} aria-hidden="true" />
                      {c.from === c.to
                        ? withUnit(c.from, shown.indicator, t, lang)
                        : t('monitor.legendRange', {
                            from: formatNumber(c.from, shown.indicator.decimals, lang),
                            to: withUnit(c.to, shown.indicator, t, lang),
                          })}
                    </li>
                  ))}
                  <li>
                    <span className="ww-legend__swatch ww-legend__swatch--none" aria-hidden="true" />
                    {t('monitor.legendNone')}
                  </li>
                </ul>
                <p className="ww-source">{t('monitor.legendHint')}</p>
              </section>
            ) : null}
          </div>

          <section aria-labelledby="tabel">
            <Heading level={2} id="tabel" tabIndex={-1} className="ams-mb-s">
              {t('monitor.tableHeading', { levels: levelText })}
            </Heading>
            {values.loading && !shown ? (
              <Loading />
            ) : shown ? (
              <>
                {areaSum ? (
                  <Paragraph className="ams-mb-s" id="optelling">
                    {t('monitor.sumOfAreas', {
                      levels: levelText,
                      sum: formatNumber(areaSum.value, shown.indicator.decimals, lang),
                      counted: String(areaSum.counted),
                      all: String(areaSum.all),
                    })}
                    {municipalityValue
                      ? ` ${t('monitor.sumTotal', {
                          name: municipality.name,
                          total: formatNumber(municipalityValue.value as number, shown.indicator.decimals, lang),
                          difference: formatNumber(Math.abs((municipalityValue.value as number) - areaSum.value), shown.indicator.decimals, lang),
                        })}`
                      : ''}
                  </Paragraph>
                ) : null}
                <div className="ams-mb-s">
                  <Button variant="secondary" onClick={downloadCsv}>
                    {t('monitor.csv.download')}
                  </Button>
                </div>
                <div className="ww-table-scroll">
                  <Table className="ww-table">
                    <Table.Caption className="ams-visually-hidden">
                      {t('monitor.mapHeading', { indicator: shown.indicator.name[lang], period: shown.period, levels: levelText })}
                      {t('monitor.sortHint')}
                    </Table.Caption>
                    <Table.Header>
                      <Table.Row>
                        <Table.HeaderCell scope="col" aria-sort={ariaSort('name')}>
                          <button type="button" className="ww-sort" onClick={() => sortBy('name')}>
                            {t('areas.name')}
                            <span aria-hidden="true">{sortLabel('name')}</span>
                          </button>
                        </Table.HeaderCell>
                        <Table.HeaderCell scope="col" aria-sort={ariaSort('value')} align="end">
                          <button type="button" className="ww-sort" onClick={() => sortBy('value')}>
                            {shown.indicator.name[lang]}
                            <span aria-hidden="true">{sortLabel('value')}</span>
                          </button>
                        </Table.HeaderCell>
                        <Table.HeaderCell scope="col">{t('monitor.source')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Header>
                    <Table.Body>
                      {rows.map((v) => (
                        <Table.Row key={v.areaId} onMouseEnter={() => setHighlight(v.areaId)} onMouseLeave={() => setHighlight(null)}>
                          <Table.Cell data-label={t('areas.name')}>
                            <AppLink
                              to={`/gemeente/${municipality.code}/gebied/${v.areaId}/profiel`}
                              onFocus={() => setHighlight(v.areaId)}
                              onBlur={() => setHighlight(null)}
                            >
                              {v.areaName ?? v.areaCode}
                            </AppLink>
                          </Table.Cell>
                          <Table.Cell data-label={shown.indicator.name[lang]} align="end" className={hasNumber(v) ? undefined : 'ww-status'}>
                            {formatValue(v, shown.indicator, t, lang)}
                          </Table.Cell>
                          <Table.Cell data-label={t('monitor.source')} className="ww-source-cell">
                            {sourceLine(v, t)}
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
                <p className="ww-source">{shown.indicator.attribution}</p>
              </>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
