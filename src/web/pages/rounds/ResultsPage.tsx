// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes/:id/uitslag: the outcome per area — a bar chart of the scores (funded projects
// in the theme colour, the others grey, named in a legend) with a table of the same figures and, per
// project, whether it is funded and why — then turnout per area and per age group. Public once the
// results are published; staff who manage the round see them earlier.
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { DescriptionList, Heading, Paragraph, Table } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading } from '../../components/Layout.js';
import { Notice } from '../../components/forms.js';
import { BarChart, type BarDatum } from '../../components/charts/Chart.js';
import { useI18n } from '../../i18n/i18n.js';
import { useApi } from '../../api/use-api.js';
import type { ResultArea, Round, RoundResults } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { RoundPageHeading, roundPath, roundsApi, useMoney, WithRound } from './round-shared.js';

export function ResultsPage() {
  const { roundId } = useParams();
  return <WithRound roundId={roundId}>{(round) => <Results round={round} />}</WithRound>;
}

/** Scores arrive as numbers, or as exact decimals in a string (MES); charts need a number. */
export function scoreNumber(score: number | string): number {
  const n = typeof score === 'number' ? score : Number(score);
  return Number.isFinite(n) ? n : 0;
}

function Results({ round }: { round: Round }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const published = round.status === 'results' || round.status === 'execution';
  // Staff may look before publication through the staff route.
  const results = useApi<RoundResults>(published || round.abilities.manage ? `${roundsApi(municipality.code, published)}/${round.id}/results` : null);

  return (
    <div className="ww-container">
      <RoundPageHeading round={round} title={t('results.heading')} />
      {!published && !round.abilities.manage ? (
        <Notice kind="info" heading={t('results.notYet')}>
          <p>{t('results.publishedFrom', { date: date(round.phases.resultsFrom) })}</p>
        </Notice>
      ) : null}
      {!published && round.abilities.manage ? <Notice kind="info">{t('results.staffPreview')}</Notice> : null}
      {results.error ? <LoadError error={results.error} onRetry={results.reload} /> : null}
      {results.loading ? <Loading /> : null}
      {results.data ? <ResultsBody results={results.data} /> : null}
      <p className="ams-mt-l">
        <AppLink to={roundPath(municipality.code, round.id)}>{t('vote.backToRound')}</AppLink>
      </p>
    </div>
  );
}

function ResultsBody({ results }: { results: RoundResults }) {
  const { t, number } = useI18n();
  const totalBallots = results.areas.reduce((sum, a) => sum + a.ballots, 0);
  const ageData = useMemo<BarDatum[]>(() => results.turnoutByAgeGroup.map((g) => ({ label: g.group, value: g.ballots })), [results]);
  return (
    <>
      <Paragraph className="ams-mb-l">
        {t(totalBallots === 1 ? 'results.introOne' : 'results.intro', { ballots: number(totalBallots), rule: t(`rounds.rule.${results.rule}`) })}
      </Paragraph>
      {results.areas.map((area) => (
        <AreaResult key={area.areaId} area={area} />
      ))}

      <section aria-labelledby="opkomst" className="ww-section">
        <Heading level={2} id="opkomst" className="ams-mb-s">
          {t('results.turnoutHeading')}
        </Heading>
        <TurnoutTable areas={results.areas} />
        {ageData.length > 0 ? (
          <BarChart title={t('results.byAge')} data={ageData} categoryLabel={t('results.ageGroup')} valueLabel={t('results.ballots')} />
        ) : (
          <Paragraph>{t('results.noAgeGroups')}</Paragraph>
        )}
      </section>
    </>
  );
}

function AreaResult({ area }: { area: ResultArea }) {
  const { t, lang, number } = useI18n();
  const money = useMoney();
  const tableId = `uitslag-${area.areaId}`;
  const funded = t('results.funded');
  const notFunded = t('results.notFunded');
  const data = useMemo<BarDatum[]>(
    () => area.projects.map((p) => ({ label: p.title, value: scoreNumber(p.score), group: p.funded ? funded : notFunded })),
    [area, funded, notFunded],
  );
  const formatScore = (n: number) => number(Math.round(n * 100) / 100);
  return (
    <section aria-labelledby={`${tableId}-heading`} className="ww-section">
      <Heading level={2} id={`${tableId}-heading`} className="ams-mb-s">
        {area.areaName}
      </Heading>
      <DescriptionList termsWidth="medium" className="ams-mb-m">
        <DescriptionList.Term>{t('results.budget')}</DescriptionList.Term>
        <DescriptionList.Description>{money(area.budgetCents)}</DescriptionList.Description>
        <DescriptionList.Term>{t('results.spent')}</DescriptionList.Term>
        <DescriptionList.Description>{money(area.spentCents)}</DescriptionList.Description>
        <DescriptionList.Term>{t('results.ballots')}</DescriptionList.Term>
        <DescriptionList.Description>{number(area.ballots)}</DescriptionList.Description>
      </DescriptionList>
      <BarChart
        title={t('results.chartTitle', { area: area.areaName })}
        data={data}
        categoryLabel={t('results.project')}
        valueLabel={t('results.score')}
        groupLabel={t('results.outcome')}
        formatValue={formatScore}
        tableId={tableId}
      />
      <div className="ww-table-scroll">
        <Table className="ww-table" id={tableId}>
          <Table.Caption className="ams-visually-hidden">{t('results.tableCaption', { area: area.areaName })}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('results.project')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('results.cost')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('results.score')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('results.outcome')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('results.why')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {area.projects.map((p) => (
              <Table.Row key={p.projectId}>
                <Table.Cell data-label={t('results.project')}>{p.title}</Table.Cell>
                <Table.Cell data-label={t('results.cost')}>{money(p.costCents)}</Table.Cell>
                <Table.Cell data-label={t('results.score')}>{formatScore(scoreNumber(p.score))}</Table.Cell>
                <Table.Cell data-label={t('results.outcome')}>
                  <span className={`ww-badge ww-badge--${p.funded ? 'funded' : 'not-funded'}`}>{p.funded ? funded : notFunded}</span>
                </Table.Cell>
                <Table.Cell data-label={t('results.why')}>{lang === 'en' ? p.explanation.en : p.explanation.nl}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function TurnoutTable({ areas }: { areas: ResultArea[] }) {
  const { t, number } = useI18n();
  return (
    <div className="ww-table-scroll ams-mb-l">
      <Table className="ww-table">
        <Table.Caption className="ams-visually-hidden">{t('results.turnoutCaption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('results.area')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('results.ballots')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('results.eligible')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('results.turnout')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {areas.map((a) => (
            <Table.Row key={a.areaId}>
              <Table.Cell data-label={t('results.area')}>{a.areaName}</Table.Cell>
              <Table.Cell data-label={t('results.ballots')}>{number(a.ballots)}</Table.Cell>
              <Table.Cell data-label={t('results.eligible')}>{a.eligible === undefined || a.eligible === null ? '–' : number(a.eligible)}</Table.Cell>
              <Table.Cell data-label={t('results.turnout')}>
                {a.turnoutPercent === undefined || a.turnoutPercent === null ? '–' : `${number(Math.round(a.turnoutPercent * 10) / 10)}%`}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export default ResultsPage;
