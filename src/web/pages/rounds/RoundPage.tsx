// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes/:id: one round for everyone: where it stands (phase timeline), what the
// reader can do now (submit an idea, vote, read the results), and per area the budget, the projects
// on the ballot and the ideas with the municipality's check.
import { useParams } from 'react-router';
import { Heading, Paragraph } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError } from '../../components/Layout.js';
import { useI18n } from '../../i18n/i18n.js';
import { useApi } from '../../api/use-api.js';
import type { Idea, Project, Round } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { itemsOf, PhaseTimeline, RoundPageHeading, roundPath, roundsApi, useMoney, WithRound } from './round-shared.js';

export function RoundPage() {
  const { roundId } = useParams();
  return <WithRound roundId={roundId}>{(round) => <RoundView round={round} />}</WithRound>;
}

function RoundView({ round }: { round: Round }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const code = municipality.code;
  // A draft is seen only by staff, through the staff addresses.
  const ideas = useApi<Idea[] | { items: Idea[] }>(`${roundsApi(code, round.status !== 'draft')}/${round.id}/ideas`);
  const showResults = round.status === 'results' || round.status === 'execution' || round.abilities.manage;

  return (
    <div className="ww-container">
      <RoundPageHeading round={round} />
      <p className="ams-mb-m">
        <span className={`ww-badge ww-badge--${round.status}`}>{t(`rounds.status.${round.status}`)}</span>
      </p>
      {round.description ? <Paragraph className="ams-mb-l ww-prewrap">{round.description}</Paragraph> : null}

      <section aria-labelledby="fasen" className="ams-mb-l">
        <Heading level={2} id="fasen" className="ams-mb-s">
          {t('rounds.timeline')}
        </Heading>
        <PhaseTimeline round={round} />
      </section>

      <div className="ww-actions ams-mb-l">
        {round.status === 'ideas' ? (
          <AppLink className="ww-action-link" to={roundPath(code, round.id, 'idee')}>
            {t('rounds.submitIdea')}
          </AppLink>
        ) : null}
        {round.status === 'voting' ? (
          <AppLink className="ww-action-link" to={roundPath(code, round.id, 'stemmen')}>
            {t('rounds.vote')}
          </AppLink>
        ) : null}
        {showResults ? (
          <AppLink className="ww-action-link ww-action-link--secondary" to={roundPath(code, round.id, 'uitslag')}>
            {t('rounds.results')}
          </AppLink>
        ) : null}
        {round.abilities.manage ? (
          <AppLink className="ww-action-link ww-action-link--secondary" to={roundPath(code, round.id, 'beheer')}>
            {t('rounds.manage')}
          </AppLink>
        ) : null}
      </div>

      <section aria-labelledby="spelregels" className="ams-mb-l">
        <Heading level={2} id="spelregels" className="ams-mb-s">
          {t('rounds.howItWorks')}
        </Heading>
        <BallotExplanation round={round} />
      </section>

      {ideas.error ? <LoadError error={ideas.error} onRetry={ideas.reload} /> : null}
      {round.areas.map((area) => (
        <AreaSection
          key={area.areaId}
          round={round}
          areaId={area.areaId}
          areaName={area.areaName}
          budgetCents={area.budgetCents}
          ideas={itemsOf(ideas.data).filter((i) => i.areaId === area.areaId)}
        />
      ))}
    </div>
  );
}

/** The ballot and the rule in plain words: how many projects, the budget, the points, who may vote. */
export function BallotExplanation({ round }: { round: Round }) {
  const { t } = useI18n();
  const b = round.ballot;
  const lines: string[] = [t(`rounds.ballotType.${b.type}`)];
  if (b.minProjects !== undefined && b.maxProjects !== undefined) lines.push(t('rounds.ballotMinMax', { min: b.minProjects, max: b.maxProjects }));
  else if (b.maxProjects !== undefined) lines.push(t('rounds.ballotMax', { max: b.maxProjects }));
  else if (b.minProjects !== undefined) lines.push(t('rounds.ballotMin', { min: b.minProjects }));
  if (b.type === 'knapsack' && b.minSpendPercent) lines.push(t('rounds.ballotMinSpend', { percent: b.minSpendPercent }));
  if (b.type === 'cumulative' && b.totalPoints !== undefined) lines.push(t('rounds.ballotPoints', { total: b.totalPoints }));
  if (b.type === 'cumulative' && b.maxPointsPerProject !== undefined) lines.push(t('rounds.ballotPointsPerProject', { max: b.maxPointsPerProject }));
  if (b.type === 'ranked' && b.maxLength !== undefined) lines.push(t('rounds.ballotRankMax', { max: b.maxLength }));
  lines.push(t(`rounds.rule.${round.rule}`));
  if (round.voting.minAge !== undefined && round.voting.maxAge !== undefined)
    lines.push(t('rounds.ageRange', { min: round.voting.minAge, max: round.voting.maxAge }));
  else if (round.voting.minAge !== undefined) lines.push(t('rounds.ageMin', { min: round.voting.minAge }));
  if (round.voting.codes) lines.push(t('rounds.withCode'));
  if (round.voting.changeable) lines.push(t('rounds.changeable'));
  return (
    <ul className="ww-bullets">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function AreaSection({ round, areaId, areaName, budgetCents, ideas }: { round: Round; areaId: string; areaName: string; budgetCents: number; ideas: Idea[] }) {
  const { t } = useI18n();
  const money = useMoney();
  const municipality = useRequiredMunicipality();
  const headingId = `gebied-${areaId}`;
  const projects = useApi<Project[] | { items: Project[] }>(
    `${roundsApi(municipality.code, round.status !== 'draft')}/${round.id}/projects?areaId=${encodeURIComponent(areaId)}`,
  );
  const list = itemsOf(projects.data);
  return (
    <section aria-labelledby={headingId} className="ww-panel">
      <Heading level={2} id={headingId} className="ams-mb-xs">
        {areaName}
      </Heading>
      <Paragraph className="ams-mb-m">{t('rounds.areaBudget', { amount: money(budgetCents) })}</Paragraph>

      <Heading level={3} className="ams-mb-s">
        {t('rounds.projects')}
      </Heading>
      {projects.error ? <LoadError error={projects.error} onRetry={projects.reload} /> : null}
      {!projects.loading && list.length === 0 ? <Paragraph className="ams-mb-m">{t('rounds.noProjects')}</Paragraph> : null}
      {list.length > 0 ? (
        <ul className="ww-plain-list ww-project-list ams-mb-m">
          {list.map((p) => (
            <li key={p.id} className="ww-project">
              <span className="ww-project__title">{p.title}</span>
              <span className="ww-project__cost">{money(p.costCents)}</span>
              {p.description ? <p className="ww-project__description">{p.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <Heading level={3} className="ams-mb-s">
        {t('rounds.ideas')}
      </Heading>
      {ideas.length === 0 ? (
        <Paragraph>{t('rounds.noIdeas')}</Paragraph>
      ) : (
        <ul className="ww-plain-list ww-project-list">
          {ideas.map((idea) => (
            <li key={idea.id} className="ww-project">
              <span className="ww-project__title">{idea.title}</span>
              <span className={`ww-badge ww-badge--idea-${idea.status}`}>{t(`rounds.ideaStatus.${idea.status}`)}</span>
              {idea.description ? <p className="ww-project__description">{idea.description}</p> : null}
              {idea.status === 'rejected' && idea.rejectionReason ? (
                <p className="ww-project__description">{t('rounds.rejectedBecause', { reason: idea.rejectionReason })}</p>
              ) : null}
              {idea.status === 'feasible' && idea.checkedCostCents !== undefined && idea.checkedCostCents !== null ? (
                <p className="ww-project__description">{t('rounds.checkedCost', { amount: money(idea.checkedCostCents) })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default RoundPage;
