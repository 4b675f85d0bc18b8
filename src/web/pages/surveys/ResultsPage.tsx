// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/enquetes/ronde/:waveId/resultaten: the results of a wave for one area (or the
// whole municipality): per question the number of respondents, the mean (grade, agree) or the
// share per answer with a 95% confidence interval, weighted with the effective sample size where
// the API weighted. Below the wave's minimum the area shows "te weinig respondenten", never a
// figure. Differences from the rest of the municipality and from the previous wave are marked only
// when they are statistically significant.
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Heading, Paragraph, Table } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { SelectField } from '../../components/forms.js';
import { BarChart } from '../../components/charts/Chart.js';
import { useI18n } from '../../i18n/i18n.js';
import { useApi } from '../../api/use-api.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { surveysApi, type Comparison, type Estimate, type QuestionResult, type WaveResults } from './survey-api.js';
import { percent } from './WavePage.js';

const MUNICIPALITY = 'gemeente';

export function ResultsPage() {
  const { waveId } = useParams();
  const { t, lang, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const results = useApi<WaveResults>(`${surveysApi(municipality.code)}/waves/${waveId ?? ''}/results`);
  const [chosen, setChosen] = useState<string>(MUNICIPALITY);
  useDocumentTitle(results.data ? t('surveys.resultsTitle', { name: results.data.wave.name }) : t('surveys.heading'));
  if (results.error)
    return (
      <div className="ww-container">
        <LoadError error={results.error} onRetry={results.reload} />
      </div>
    );
  if (!results.data) return <Loading />;
  const r = results.data;
  const area = r.areas.find((a) => a.area.id === chosen);
  const questions = area ? area.questions : r.municipality.questions;
  const respondents = area ? area.respondents : r.municipality.respondents;
  const place = area ? area.area.name : municipality.theme.displayName;
  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={`/gemeente/${municipality.code}/enquetes/ronde/${r.wave.id}`}>{t('surveys.backToWave')}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-m">
        {t('surveys.resultsTitle', { name: r.wave.name })}
      </Heading>
      <Paragraph className="ams-mb-m">
        {t('surveys.resultsIntro', { min: r.wave.minRespondents })}
        {r.previousWave ? ` ${t('surveys.previousWave', { name: r.previousWave.name })}` : ''}
      </Paragraph>
      <SelectField
        label={t('surveys.area')}
        name="area"
        value={chosen}
        onChange={setChosen}
        options={[{ value: MUNICIPALITY, label: t('surveys.wholeMunicipality') }, ...r.areas.map((a) => ({ value: a.area.id, label: a.area.name }))]}
      />
      <Heading level={2} className="ams-mb-s ams-mt-m">
        {place}
      </Heading>
      {area?.suppressed || respondents === null ? (
        <Paragraph className="ww-suppressed ams-mb-m">{t('surveys.tooFewArea', { min: r.wave.minRespondents })}</Paragraph>
      ) : (
        <Paragraph className="ams-mb-m">
          {t('surveys.respondents', { n: number(respondents) })}
          {area && area.weighting.method !== 'none' && area.weighting.nEffective !== null
            ? ` ${t('surveys.weighted', { n: number(Math.round(area.weighting.nEffective)) })}`
            : ''}
        </Paragraph>
      )}
      {r.themes.map((theme) => {
        const rows = questions.filter((q) => q.theme === theme.id && q.kind !== 'open');
        if (rows.length === 0) return null;
        return (
          <div key={theme.id} className="ww-table-scroll ams-mb-l" role="region" aria-labelledby={`thema-${theme.id}`} tabIndex={0}>
            <Table className="ww-table">
              <Table.Caption id={`thema-${theme.id}`}>{t('surveys.themeCaption', { theme: theme.name[lang], place })}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('surveys.col.question')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('surveys.col.n')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="end">
                    {t('surveys.col.value')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('surveys.col.ci')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('surveys.col.rest')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('surveys.col.previous')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>{rows.flatMap((q) => questionRows(q))}</Table.Body>
            </Table>
          </div>
        );
      })}
      <AreaComparison results={r} />
      <OpenAnswerList results={r} areaId={area?.area.id} />
    </div>
  );

  function questionRows(q: QuestionResult) {
    const rows = [];
    if (q.mean)
      rows.push(
        <ResultRow
          key={`${q.questionId}-mean`}
          label={`${q.text[lang]} ${t('surveys.meanSuffix')}`}
          q={q}
          estimate={q.mean}
          comparison={q.comparison}
          share={false}
        />,
      );
    for (const s of q.shares)
      rows.push(
        <ResultRow
          key={`${q.questionId}-${s.key}`}
          label={`${q.text[lang]}: ${s.key === 'agree' ? t('surveys.shareAgree') : s.text[lang]}`}
          q={q}
          estimate={s.estimate}
          comparison={s.comparison}
          share
        />,
      );
    if (rows.length === 0) rows.push(<ResultRow key={q.questionId} label={q.text[lang]} q={q} estimate={null} comparison={q.comparison} share={false} />);
    return rows;
  }
}

function ResultRow({
  label,
  q,
  estimate,
  comparison,
  share,
}: {
  label: string;
  q: QuestionResult;
  estimate: Estimate | null;
  comparison: { rest: Comparison | null; previousWave: Comparison | null };
  share: boolean;
}) {
  const { t, lang, number } = useI18n();
  const fmt = (v: number | null) =>
    v === null
      ? '–'
      : share
        ? percent(v, lang)
        : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  const hidden = q.suppressed || q.status === 'suppressed' || estimate === null || estimate.value === null;
  const n = q.n === null ? '–' : number(q.n);
  const nEff =
    q.nEffective !== null && q.n !== null && Math.round(q.nEffective) !== q.n
      ? ` (${t('surveys.nEffectiveShort', { n: number(Math.round(q.nEffective)) })})`
      : '';
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
      <Table.Cell align="end">{hidden && q.suppressed ? '–' : `${n}${nEff}`}</Table.Cell>
      {hidden ? (
        <Table.Cell colSpan={4} className="ww-suppressed">
          {q.status === 'missing' ? t('surveys.noAnswers') : t('surveys.tooFew')}
        </Table.Cell>
      ) : (
        <>
          <Table.Cell align="end">{fmt(estimate.value)}</Table.Cell>
          <Table.Cell>
            {estimate.ciLower !== null && estimate.ciUpper !== null
              ? t('surveys.ciRange', { lower: fmt(estimate.ciLower), upper: fmt(estimate.ciUpper) })
              : '–'}
          </Table.Cell>
          <Table.Cell>
            <Difference comparison={comparison.rest} />
          </Table.Cell>
          <Table.Cell>
            <Difference comparison={comparison.previousWave} />
          </Table.Cell>
        </>
      )}
    </Table.Row>
  );
}

/** Marked only when significant; otherwise plainly "no significant difference" without a number. */
function Difference({ comparison }: { comparison: Comparison | null }) {
  const { t } = useI18n();
  if (!comparison || comparison.direction === null) return <>–</>;
  if (!comparison.significant || comparison.direction === 'no_significant_difference') return <span className="ww-hint">{t('surveys.noDifference')}</span>;
  return (
    <strong className={`ww-significant ww-significant--${comparison.direction}`}>
      {comparison.direction === 'higher' ? t('surveys.higher') : t('surveys.lower')}
    </strong>
  );
}

/** One question's mean per area as a bar chart (with its table); areas below the minimum are named, not drawn. */
function AreaComparison({ results }: { results: WaveResults }) {
  const { t, lang } = useI18n();
  const withMean = results.municipality.questions.filter((q) => q.kind === 'grade' || q.kind === 'agree');
  const [questionId, setQuestionId] = useState(withMean[0]?.questionId ?? '');
  const question = withMean.find((q) => q.questionId === questionId);
  const data = useMemo(
    () =>
      results.areas.flatMap((a) => {
        const value = a.questions.find((q) => q.questionId === questionId)?.mean?.value;
        return value === null || value === undefined ? [] : [{ label: a.area.name, value }];
      }),
    [results, questionId],
  );
  const hidden = results.areas.filter((a) => !data.some((d) => d.label === a.area.name)).map((a) => a.area.name);
  if (!question) return null;
  const format = (v: number) => new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  return (
    <section aria-labelledby="per-gebied" className="ww-section">
      <Heading level={2} id="per-gebied" className="ams-mb-s">
        {t('surveys.byAreaHeading')}
      </Heading>
      <SelectField
        label={t('surveys.col.question')}
        name="question"
        value={questionId}
        onChange={setQuestionId}
        options={withMean.map((q) => ({ value: q.questionId, label: q.text[lang] }))}
      />
      {data.length > 0 ? (
        <BarChart
          title={t('surveys.byAreaChart', { question: question.text[lang] })}
          data={data}
          categoryLabel={t('surveys.area')}
          valueLabel={t('surveys.col.value')}
          formatValue={format}
        />
      ) : null}
      {hidden.length > 0 ? <Paragraph className="ams-mt-s">{t('surveys.byAreaHidden', { areas: hidden.join(', ') })}</Paragraph> : null}
    </section>
  );
}

function OpenAnswerList({ results, areaId }: { results: WaveResults; areaId: string | undefined }) {
  const { t } = useI18n();
  const items = results.openAnswers.filter((o) => areaId === undefined || o.areaId === areaId);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="open-gepubliceerd" className="ww-section">
      <Heading level={2} id="open-gepubliceerd" className="ams-mb-s">
        {t('surveys.openPublished')}
      </Heading>
      <ul>
        {items.map((o) => (
          <li key={o.id}>
            {o.text} <span className="ww-hint">({o.areaName})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
