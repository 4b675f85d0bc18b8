// SPDX-License-Identifier: EUPL-1.2
// The ballot paper of a round, one of five kinds, phone-first and usable with keyboard and screen
// reader: approval (tick between min and max projects), knapsack (tick projects; a live running total
// against the budget), cumulative (divide points), choose-one (radio buttons) and ranked (put projects
// in order with Up/Down buttons — no dragging needed). Used by the voting page and by staff entering a
// paper ballot. Controlled: the parent holds the Choice (ballot-state.ts).
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import type { BallotRules, Project } from '../../api/types.js';
import { chosenCost, move, pointsUsed, setPoints, toggle, type Choice } from './ballot-state.js';
import { useMoney } from './round-shared.js';

export interface BallotFormProps {
  rules: BallotRules;
  projects: readonly Project[];
  budgetCents: number;
  choice: Choice;
  onChange: (choice: Choice) => void;
  /** id of an element with the current problems, for aria-describedby of the fieldset. */
  errorId?: string;
  /** The legend, e.g. "Kies projecten voor Blerick". */
  legend: string;
}

export function BallotForm(props: BallotFormProps) {
  switch (props.rules.type) {
    case 'approval':
    case 'knapsack':
    case 'choose-one':
      return <TickBallot {...props} />;
    case 'cumulative':
      return <PointsBallot {...props} />;
    case 'ranked':
      return <RankedBallot {...props} />;
  }
}

function ProjectText({ project, descriptionId }: { project: Project; descriptionId: string }) {
  const money = useMoney();
  return (
    <>
      <span className="ww-choice__title">{project.title}</span>
      <span className="ww-choice__cost">{money(project.costCents)}</span>
      {project.description ? (
        <span className="ww-choice__description" id={descriptionId}>
          {project.description}
        </span>
      ) : null}
    </>
  );
}

/** Approval and knapsack: a checkbox per project, knapsack with the running total; choose-one: radio buttons. */
function TickBallot({ rules, projects, budgetCents, choice, onChange, errorId, legend }: BallotFormProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="ww-ballot" aria-describedby={errorId}>
      <legend className="ww-ballot__legend">{legend}</legend>
      <LimitsHint rules={rules} />
      {rules.type === 'knapsack' ? <BudgetMeter used={chosenCost(choice, projects)} budget={budgetCents} /> : null}
      {rules.type === 'approval' ? <CountStatus count={choice.selected.length} rules={rules} /> : null}
      <ul className="ww-plain-list ww-choices">
        {projects.map((p) => (
          <li key={p.id}>
            <label className="ww-choice">
              <input
                type={rules.type === 'choose-one' ? 'radio' : 'checkbox'}
                name={`${id}-projects`}
                value={p.id}
                checked={choice.selected.includes(p.id)}
                aria-describedby={p.description ? `${id}-${p.id}` : undefined}
                onChange={() => onChange(toggle(choice, rules, p.id))}
              />
              <span className="ww-choice__body">
                <ProjectText project={p} descriptionId={`${id}-${p.id}`} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {projects.length === 0 ? <p>{t('rounds.noProjects')}</p> : null}
    </fieldset>
  );
}

/** Cumulative: a number field per project with − and + buttons; the points left are announced. */
function PointsBallot({ rules, projects, choice, onChange, errorId, legend }: BallotFormProps) {
  const { t } = useI18n();
  const id = useId();
  const used = pointsUsed(choice);
  const total = rules.totalPoints ?? 0;
  const max = rules.maxPointsPerProject ?? total;
  return (
    <fieldset className="ww-ballot" aria-describedby={errorId}>
      <legend className="ww-ballot__legend">{legend}</legend>
      <LimitsHint rules={rules} />
      <p className={`ww-running-total${used > total ? ' ww-running-total--over' : ''}`} role="status" aria-live="polite">
        {t('ballot.pointsUsed', { used, total, left: Math.max(0, total - used) })}
      </p>
      <ul className="ww-plain-list ww-choices">
        {projects.map((p) => {
          const value = choice.points[p.id] ?? 0;
          const inputId = `${id}-${p.id}-points`;
          return (
            <li key={p.id} className="ww-choice ww-choice--points">
              <span className="ww-choice__body">
                <label htmlFor={inputId} className="ww-choice__title">
                  {p.title}
                </label>
                <ProjectCost project={p} />
                {p.description ? (
                  <span className="ww-choice__description" id={`${id}-${p.id}`}>
                    {p.description}
                  </span>
                ) : null}
              </span>
              <span className="ww-stepper">
                <Button
                  variant="secondary"
                  type="button"
                  aria-label={t('ballot.pointLess', { title: p.title })}
                  disabled={value === 0}
                  onClick={() => onChange(setPoints(choice, p.id, value - 1))}
                >
                  −
                </Button>
                <input
                  id={inputId}
                  className="ams-text-input ww-stepper__input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={max}
                  value={value}
                  aria-describedby={p.description ? `${id}-${p.id}` : undefined}
                  onChange={(e) => onChange(setPoints(choice, p.id, Number(e.target.value)))}
                />
                <Button
                  variant="secondary"
                  type="button"
                  aria-label={t('ballot.pointMore', { title: p.title })}
                  disabled={value >= max || used >= total}
                  onClick={() => onChange(setPoints(choice, p.id, value + 1))}
                >
                  +
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function ProjectCost({ project }: { project: Project }) {
  const money = useMoney();
  return <span className="ww-choice__cost">{money(project.costCents)}</span>;
}

/**
 * Ranked: the chosen projects as an ordered list with Up, Down and Remove buttons, and the others
 * with an Add button. After a move, focus stays on the moved project's button and the new place is
 * announced.
 */
function RankedBallot({ rules, projects, choice, onChange, errorId, legend }: BallotFormProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const container = useRef<HTMLFieldSetElement>(null);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const ranked = choice.selected.map((id) => byId.get(id)).filter((p): p is Project => p !== undefined);
  const others = projects.filter((p) => !choice.selected.includes(p.id));

  useEffect(() => {
    if (!focusTarget || !container.current) return;
    const [projectId, action] = focusTarget.split('|');
    const candidates = [
      `[data-rank-action="${action}"][data-project="${projectId}"]`,
      `[data-project="${projectId}"]:not([disabled])`,
      '[data-rank-action]:not([disabled])',
    ];
    for (const selector of candidates) {
      const element = container.current.querySelector<HTMLElement>(selector);
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        break;
      }
    }
    setFocusTarget(null);
  }, [focusTarget]);

  function moveBy(index: number, delta: -1 | 1, project: Project) {
    onChange(move(choice, index, delta));
    setAnnouncement(t('ballot.movedTo', { title: project.title, place: index + delta + 1 }));
    setFocusTarget(`${project.id}|${delta === -1 ? 'up' : 'down'}`);
  }

  return (
    <fieldset className="ww-ballot" aria-describedby={errorId} ref={container}>
      <legend className="ww-ballot__legend">{legend}</legend>
      <LimitsHint rules={rules} />
      <p className="ww-hint">{t('ballot.rankHelp')}</p>
      <h3 className="ww-ballot__subheading">{t('ballot.yourOrder')}</h3>
      {ranked.length === 0 ? <p>{t('ballot.rankEmpty')}</p> : null}
      <ol className="ww-ranking">
        {ranked.map((p, index) => (
          <li key={p.id} className="ww-ranking__item">
            <span className="ww-ranking__place" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ww-choice__body">
              <span className="ww-choice__title">{p.title}</span>
              <ProjectCost project={p} />
            </span>
            <span className="ww-ranking__buttons">
              <Button
                variant="secondary"
                type="button"
                data-rank-action="up"
                data-project={p.id}
                disabled={index === 0}
                aria-label={t('ballot.moveUp', { title: p.title })}
                onClick={() => moveBy(index, -1, p)}
              >
                {t('ballot.up')}
              </Button>
              <Button
                variant="secondary"
                type="button"
                data-rank-action="down"
                data-project={p.id}
                disabled={index === ranked.length - 1}
                aria-label={t('ballot.moveDown', { title: p.title })}
                onClick={() => moveBy(index, 1, p)}
              >
                {t('ballot.down')}
              </Button>
              <Button
                variant="tertiary"
                type="button"
                data-rank-action="remove"
                data-project={p.id}
                aria-label={t('ballot.remove', { title: p.title })}
                onClick={() => {
                  onChange(toggle(choice, rules, p.id));
                  setAnnouncement(t('ballot.removed', { title: p.title }));
                  setFocusTarget('|none');
                }}
              >
                {t('ballot.removeShort')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {others.length > 0 ? (
        <>
          <h3 className="ww-ballot__subheading">{t('ballot.notRanked')}</h3>
          <ul className="ww-plain-list ww-choices">
            {others.map((p) => (
              <li key={p.id} className="ww-ranking__item">
                <span className="ww-choice__body">
                  <span className="ww-choice__title">{p.title}</span>
                  <ProjectCost project={p} />
                  {p.description ? <span className="ww-choice__description">{p.description}</span> : null}
                </span>
                <Button
                  variant="secondary"
                  type="button"
                  data-rank-action="add"
                  data-project={p.id}
                  aria-label={t('ballot.add', { title: p.title })}
                  onClick={() => {
                    onChange(toggle(choice, rules, p.id));
                    setAnnouncement(t('ballot.added', { title: p.title, place: choice.selected.length + 1 }));
                    setFocusTarget(`${p.id}|up`);
                  }}
                >
                  {t('ballot.addShort')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="ams-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

/** The limits in words, under the legend. */
function LimitsHint({ rules }: { rules: BallotRules }) {
  const { t } = useI18n();
  let text: string;
  switch (rules.type) {
    case 'approval':
    case 'knapsack':
      text =
        rules.minProjects !== undefined && rules.maxProjects !== undefined
          ? t('rounds.ballotMinMax', { min: rules.minProjects, max: rules.maxProjects })
          : rules.maxProjects !== undefined
            ? t('rounds.ballotMax', { max: rules.maxProjects })
            : rules.type === 'knapsack'
              ? t('ballot.knapsackHint')
              : t('ballot.approvalHint');
      break;
    case 'cumulative':
      text =
        t('rounds.ballotPoints', { total: rules.totalPoints ?? 0 }) +
        (rules.maxPointsPerProject !== undefined ? ' ' + t('rounds.ballotPointsPerProject', { max: rules.maxPointsPerProject }) : '');
      break;
    case 'choose-one':
      text = t('rounds.ballotType.choose-one');
      break;
    case 'ranked':
      text = rules.maxLength !== undefined ? t('rounds.ballotRankMax', { max: rules.maxLength }) : t('rounds.ballotType.ranked');
      break;
  }
  return <p className="ww-hint">{text}</p>;
}

function CountStatus({ count, rules }: { count: number; rules: BallotRules }) {
  const { t } = useI18n();
  const over = rules.maxProjects !== undefined && count > rules.maxProjects;
  return (
    <p className={`ww-running-total${over ? ' ww-running-total--over' : ''}`} role="status" aria-live="polite">
      {rules.maxProjects !== undefined ? t('ballot.countOf', { count, max: rules.maxProjects }) : t('ballot.count', { count })}
    </p>
  );
}

/** Knapsack: what the chosen projects cost against the budget, as text (announced) and as a bar. */
export function BudgetMeter({ used, budget }: { used: number; budget: number }) {
  const { t } = useI18n();
  const money = useMoney();
  const over = used > budget;
  const percent = budget > 0 ? Math.min(100, Math.round((used * 100) / budget)) : 0;
  return (
    <div className={`ww-budget-meter${over ? ' ww-budget-meter--over' : ''}`}>
      <p className="ww-running-total" role="status" aria-live="polite">
        {over
          ? t('ballot.overBudget', { used: money(used), budget: money(budget), over: money(used - budget) })
          : t('ballot.budgetUsed', { used: money(used), budget: money(budget), left: money(budget - used) })}
      </p>
      <div className="ww-budget-meter__track" aria-hidden="true">
        <div className="ww-budget-meter__fill" style={{ inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
