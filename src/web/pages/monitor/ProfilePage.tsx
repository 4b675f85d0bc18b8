// SPDX-License-Identifier: EUPL-1.2
// Area profile: a tile per indicator (value, change since the previous period, difference from the
// rest of the municipality in honest words) and a trend chart per indicator with its table. Source
// and year under every number.
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useApi } from '../../api/use-api.js';
import { query } from '../../api/client.js';
import type { AreaProfile, IndicatorTrend, ProfileTile } from '../../api/types.js';
import './monitor.css';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { compare, comparisonText, formatValue, hasNumber, sourceLine, sourceName, trendText, withUnit } from './format.js';
import { TrendChart, type TrendSeries } from './TrendChart.js';

export function ProfilePage() {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const { areaId = '' } = useParams();
  const [search] = useSearchParams();
  const base = `/api/municipalities/${municipality.code}`;
  const profile = useApi<AreaProfile>(`${base}/areas/${encodeURIComponent(areaId)}/profile${query({ period: search.get('jaar') })}`);
  const name = profile.data?.area.name;
  useDocumentTitle(name ? t('profile.title', { name }) : t('profile.heading'));

  if (profile.error)
    return (
      <div className="ww-container">
        <LoadError error={profile.error} onRetry={profile.reload} />
      </div>
    );
  if (!profile.data) return <Loading />;
  const p = profile.data;
  const areaLink = `/gemeente/${municipality.code}/gebied/${p.area.id}`;

  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={areaLink}>{t('profile.backToArea', { name: p.area.name })}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-s">
        {t('profile.title', { name: p.area.name })}
      </Heading>
      <Paragraph className="ams-mb-m">{t('profile.intro', { period: p.period ?? latest(p.tiles) })}</Paragraph>
      <p className="ams-mb-l">
        <AppLink to={`${areaLink}/wijkanalyse`}>{t('profile.toAnalysis')}</AppLink>
      </p>

      <section aria-labelledby="kerncijfers" className="ams-mb-l">
        <Heading level={2} id="kerncijfers" className="ams-mb-s">
          {t('profile.tiles')}
        </Heading>
        {p.tiles.length === 0 ? (
          <Paragraph>{t('profile.noTiles')}</Paragraph>
        ) : (
          <ul className="ww-tiles">
            {p.tiles.map((tile) => (
              <Tile key={tile.indicator.id} tile={tile} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="trends" className="ams-mb-l">
        <Heading level={2} id="trends" className="ams-mb-s">
          {t('profile.trends')}
        </Heading>
        <div className="ww-trends">
          {p.tiles.map((tile) => (
            <TrendSection key={tile.indicator.id} tile={tile} areaId={p.area.id} areaName={p.area.name} isMunicipality={p.area.level === 'municipality'} />
          ))}
        </div>
      </section>

      {p.sources.length > 0 ? (
        <section aria-labelledby="bronnen">
          <Heading level={2} size="level-3" id="bronnen" className="ams-mb-s">
            {t('profile.sources')}
          </Heading>
          <ul className="ww-sources">
            {p.sources.map((s) => (
              <li key={`${s.source}-${s.year ?? ''}`}>
                {sourceName(s.source, t)}
                {s.year !== null ? `, ${s.year}` : ''}: {s.attribution}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The newest period among the tiles (the profile shows each indicator's latest figure). */
function latest(tiles: ProfileTile[]): string {
  return (
    tiles
      .map((tile) => tile.value.period)
      .sort()
      .at(-1) ?? '–'
  );
}

function Tile({ tile }: { tile: ProfileTile }) {
  const { t, lang } = useI18n();
  const { indicator, value } = tile;
  const trend = trendText(value, tile.previous, indicator, t, lang);
  const comparison = comparisonText(compare(tile.difference, indicator.polarity, indicator, t, lang), t);
  return (
    <li className="ww-tile">
      <h3 className="ww-tile__name">{indicator.name[lang]}</h3>
      <p className={hasNumber(value) ? 'ww-tile__value' : 'ww-tile__value ww-status'}>{formatValue(value, indicator, t, lang)}</p>
      {trend ? <p className="ww-tile__line">{trend}</p> : null}
      {tile.municipalityValue !== undefined && tile.municipalityValue !== null ? (
        <p className="ww-tile__line">{t('profile.municipalityValue', { value: withUnit(tile.municipalityValue, indicator, t, lang) })}</p>
      ) : null}
      {comparison ? (
        <p className="ww-tile__line ww-tile__compare">{comparison}</p>
      ) : tile.comparisonNote ? (
        <p className="ww-tile__line ww-muted">{tile.comparisonNote[lang]}</p>
      ) : null}
      <p className="ww-source">{sourceLine(value, t)}</p>
    </li>
  );
}

function TrendSection({ tile, areaId, areaName, isMunicipality }: { tile: ProfileTile; areaId: string; areaName: string; isMunicipality: boolean }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const url = `/api/municipalities/${municipality.code}/indicators/${encodeURIComponent(tile.indicator.id)}/trend`;
  const trend = useApi<IndicatorTrend>(`${url}${query({ areaId })}`);
  // The municipality's own line beside the area's (CBS trend files often go back further for the municipality).
  const whole = useApi<IndicatorTrend>(isMunicipality ? null : url);
  const title = tile.indicator.name[lang];
  const headingId = `trend-${tile.indicator.id}`;
  const series = useMemo<TrendSeries[]>(() => {
    const list: TrendSeries[] = [];
    if (trend.data) list.push({ label: areaName, points: trend.data.points });
    if (whole.data && whole.data.points.length > 0) list.push({ label: municipality.name, points: whole.data.points });
    return list;
  }, [trend.data, whole.data, areaName, municipality.name]);
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const sources = [...new Set(series.flatMap((s) => s.points.map((p) => p.source ?? tile.value.source)))];
  return (
    <section aria-labelledby={headingId} className="ww-trend-section">
      <Heading level={3} size="level-4" id={headingId} className="ams-mb-xs">
        {title}
      </Heading>
      {trend.error ? (
        <LoadError error={trend.error} onRetry={trend.reload} />
      ) : !trend.data || (!isMunicipality && whole.loading) ? (
        <Loading />
      ) : (
        <TrendChart
          indicator={trend.data.indicator}
          series={series}
          title={`${title}, ${areaName}`}
          source={t('monitor.sourceYears', {
            source: (sources.length > 0 ? sources : [tile.value.source]).map((s) => sourceName(s, t)).join(', '),
            first: years[0] ?? '',
            last: years.at(-1) ?? '',
          })}
        />
      )}
    </section>
  );
}
