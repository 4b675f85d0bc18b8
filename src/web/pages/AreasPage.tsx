// SPDX-License-Identifier: EUPL-1.2
// The municipality's areas: a map of one level's boundaries and, as the keyboard- and screen-reader-
// friendly alternative, a searchable table of the same areas.
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Heading, Paragraph, Table } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useRequiredMunicipality } from '../municipality.js';
import { useApi } from '../api/use-api.js';
import { query } from '../api/client.js';
import type { AreaFeatureCollection, AreaSummary } from '../api/types.js';
import { LoadError, Loading, useCbsSource, useDocumentTitle } from '../components/Layout.js';
import { AppLink } from '../components/AppLink.js';
import { TextField } from '../components/forms.js';

const AreaMap = lazy(() => import('../map/AreaMap.js'));

export const mapLevels = ['wijk', 'buurt', 'district'] as const;
type MapLevel = (typeof mapLevels)[number];

export function AreasPage() {
  const { t, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('niveau');
  const level: MapLevel = mapLevels.find((l) => l === requested) ?? 'wijk';
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [highlight, setHighlight] = useState<string | null>(null);
  useCbsSource();
  useDocumentTitle(t('nav.areas'));

  const base = `/api/municipalities/${municipality.code}`;
  const areas = useApi<AreaSummary[]>(`${base}/areas${query({ level })}`);
  const geo = useApi<AreaFeatureCollection>(`${base}/areas.geojson${query({ level })}`);

  const levelsText = t(`areas.levelPlural.${level}`).toLowerCase();
  const rows = useMemo(() => {
    const needle = deferredFilter.trim().toLowerCase();
    const all = [...(areas.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return needle ? all.filter((a) => a.name.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle)) : all;
  }, [areas.data, deferredFilter]);
  const year = areas.data?.find((a) => a.populationYear !== null)?.populationYear ?? null;

  function chooseLevel(next: MapLevel) {
    const params = new URLSearchParams(search);
    params.set('niveau', next);
    setSearch(params, { replace: true });
    setHighlight(null);
  }

  const open = (id: string) => {
    void navigate(`/gemeente/${municipality.code}/gebied/${id}`);
  };

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('areas.heading', { name: municipality.name })}
      </Heading>
      <Paragraph className="ams-mb-m">{t('areas.intro')}</Paragraph>

      <fieldset className="ww-segmented ams-mb-m">
        <legend className="ww-segmented__legend">{t('areas.levelLegend')}</legend>
        <div className="ww-segmented__options">
          {mapLevels.map((l) => (
            <label key={l} className="ww-segmented__option">
              <input type="radio" name="level" value={l} checked={l === level} onChange={() => chooseLevel(l)} />
              <span>{t(`areas.levelPlural.${l}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <a className="ww-skip-inline" href="#lijst">
        {t('areas.skipMap')}
      </a>
      <div className="ww-map-frame ams-mb-l">
        {geo.error ? (
          <LoadError error={geo.error} onRetry={geo.reload} />
        ) : geo.data ? (
          <Suspense fallback={<div className="ww-map ww-map--placeholder" />}>
            <AreaMap
              features={geo.data}
              label={t('areas.map', { levels: levelsText, name: municipality.name })}
              describedBy="kaart-uitleg"
              onOpen={open}
              highlightId={highlight}
              attribution={geo.data.attribution ?? t('app.sourceCbs')}
              zoomInTitle={t('areas.zoomIn')}
              zoomOutTitle={t('areas.zoomOut')}
            />
          </Suspense>
        ) : (
          <div className="ww-map ww-map--placeholder" />
        )}
        <p id="kaart-uitleg" className="ww-map-help">
          {t('areas.mapHelp')}
        </p>
      </div>

      <section aria-labelledby="lijst">
        <Heading level={2} id="lijst" tabIndex={-1} className="ams-mb-s">
          {t('areas.listHeading', { levels: levelsText })}
        </Heading>
        <div className="ww-search ams-mb-s" role="search">
          <TextField label={t('areas.search')} name="q" type="search" value={filter} onChange={setFilter} />
        </div>
        {areas.error ? (
          <LoadError error={areas.error} onRetry={areas.reload} />
        ) : areas.loading && !areas.data ? (
          <Loading />
        ) : (
          <>
            <p className="ww-muted" role="status">
              {t('areas.searchResults', { count: rows.length, total: areas.data?.length ?? 0 })}
            </p>
            {rows.length === 0 ? (
              <Paragraph>{t('areas.noResults')}</Paragraph>
            ) : (
              <div className="ww-table-scroll">
                <Table className="ww-table">
                  <Table.Caption className="ams-visually-hidden">{t('areas.listHeading', { levels: levelsText })}</Table.Caption>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('areas.name')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('areas.code')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('areas.level')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" align="end">
                        {year ? t('areas.populationYear', { year }) : t('areas.population')}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {rows.map((area) => (
                      <Table.Row key={area.id} onMouseEnter={() => setHighlight(area.id)} onMouseLeave={() => setHighlight(null)}>
                        <Table.Cell data-label={t('areas.name')}>
                          <AppLink
                            to={`/gemeente/${municipality.code}/gebied/${area.id}`}
                            onFocus={() => setHighlight(area.id)}
                            onBlur={() => setHighlight(null)}
                          >
                            {area.name}
                          </AppLink>
                        </Table.Cell>
                        <Table.Cell data-label={t('areas.code')}>{area.code}</Table.Cell>
                        <Table.Cell data-label={t('areas.level')}>{t(`areas.level.${area.level}`)}</Table.Cell>
                        <Table.Cell data-label={year ? t('areas.populationYear', { year }) : t('areas.population')} align="end">
                          {area.population === null ? '–' : number(area.population)}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <p className="ww-source">{t('app.sourceCbs')}</p>
          </>
        )}
      </section>
    </div>
  );
}
