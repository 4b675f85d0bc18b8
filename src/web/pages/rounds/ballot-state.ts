// SPDX-License-Identifier: EUPL-1.2
// The voter's choices on the ballot paper, pure: choosing and unchoosing, moving a project up or down
// a ranking, points, the running total against the budget, and what is still wrong before sending.
// The server checks again (core/voting/ballot-validation.ts) and has the last word; these checks are
// there so the voter sees the limits while choosing, in their own language.
import type { BallotRules, Project } from '../../api/types.js';
import type { MessageKey } from '../../i18n/nl.js';

export interface Choice {
  /** Chosen project ids; for a ranked ballot in rank order (best first). */
  selected: string[];
  /** Points per project id (cumulative ballots). */
  points: Record<string, number>;
}

export const emptyChoice: Choice = { selected: [], points: {} };

export interface Problem {
  key: MessageKey;
  values: Record<string, string | number>;
}

/** Chooses or unchooses a project; a choose-one ballot holds one project at most. */
export function toggle(choice: Choice, rules: BallotRules, projectId: string): Choice {
  if (rules.type === 'choose-one') return { ...choice, selected: [projectId] };
  const selected = choice.selected.includes(projectId) ? choice.selected.filter((id) => id !== projectId) : [...choice.selected, projectId];
  return { ...choice, selected };
}

/** Moves the project at `index` one place up (-1) or down (+1) in the ranking; out of range: unchanged. */
export function move(choice: Choice, index: number, delta: -1 | 1): Choice {
  const target = index + delta;
  if (index < 0 || index >= choice.selected.length || target < 0 || target >= choice.selected.length) return choice;
  const selected = [...choice.selected];
  [selected[index], selected[target]] = [selected[target]!, selected[index]!];
  return { ...choice, selected };
}

/** Sets a project's points (whole numbers from 0); 0 takes it off the ballot. */
export function setPoints(choice: Choice, projectId: string, value: number): Choice {
  const clean = Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
  const points = { ...choice.points };
  if (clean === 0) delete points[projectId];
  else points[projectId] = clean;
  const selected = Object.keys(points);
  return { selected, points };
}

export function pointsUsed(choice: Choice): number {
  return Object.values(choice.points).reduce((sum, p) => sum + p, 0);
}

/** The cost of the chosen projects, in cents (integers: exact). */
export function chosenCost(choice: Choice, projects: readonly Project[]): number {
  const byId = new Map(projects.map((p) => [p.id, p.costCents]));
  return choice.selected.reduce((sum, id) => sum + (byId.get(id) ?? 0), 0);
}

/** The body for POST …/ballots: projects (rank order for ranked) and, for cumulative, points beside them. */
export function ballotBody(choice: Choice, rules: BallotRules, projects: readonly Project[]): { projects: string[]; points?: number[] } {
  if (rules.type === 'cumulative') {
    const ids = projects.map((p) => p.id).filter((id) => (choice.points[id] ?? 0) > 0);
    return { projects: ids, points: ids.map((id) => choice.points[id]!) };
  }
  if (rules.type === 'ranked') return { projects: [...choice.selected] };
  // Approval, knapsack and choose-one: in the order of the ballot paper.
  const order = new Map(projects.map((p, i) => [p.id, i]));
  return { projects: [...choice.selected].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) };
}

/**
 * What keeps this ballot from being valid, as message keys with values (money already formatted by
 * `money`). An empty list: ready to send.
 */
export function ballotProblems(
  choice: Choice,
  rules: BallotRules,
  budgetCents: number,
  projects: readonly Project[],
  money: (cents: number) => string,
): Problem[] {
  const out: Problem[] = [];
  const count = choice.selected.length;
  const countLimits = (min: number | undefined, max: number | undefined) => {
    if (count === 0 && (min === undefined || min <= 1)) out.push({ key: 'ballot.problem.empty', values: {} });
    else if (min !== undefined && count < min) out.push({ key: 'ballot.problem.tooFew', values: { min, count } });
    if (max !== undefined && count > max) out.push({ key: 'ballot.problem.tooMany', values: { max, count } });
  };
  switch (rules.type) {
    case 'approval':
      countLimits(rules.minProjects, rules.maxProjects);
      break;
    case 'knapsack': {
      countLimits(rules.minProjects, rules.maxProjects);
      const total = chosenCost(choice, projects);
      if (total > budgetCents) out.push({ key: 'ballot.problem.overBudget', values: { total: money(total), budget: money(budgetCents) } });
      const percent = rules.minSpendPercent ?? 0;
      // Integer comparison, as the server does: total * 100 >= budget * percent.
      if (percent > 0 && count > 0 && total * 100 < budgetCents * percent)
        out.push({ key: 'ballot.problem.underMinSpend', values: { percent, amount: money(Math.ceil((budgetCents * percent) / 100)) } });
      break;
    }
    case 'cumulative': {
      const used = pointsUsed(choice);
      if (used === 0) out.push({ key: 'ballot.problem.noPoints', values: {} });
      if (rules.totalPoints !== undefined && used > rules.totalPoints)
        out.push({ key: 'ballot.problem.tooManyPoints', values: { used, total: rules.totalPoints } });
      const max = rules.maxPointsPerProject;
      if (max !== undefined && Object.values(choice.points).some((p) => p > max)) out.push({ key: 'ballot.problem.pointsPerProject', values: { max } });
      break;
    }
    case 'choose-one':
      if (count !== 1) out.push({ key: 'ballot.problem.chooseOne', values: {} });
      break;
    case 'ranked':
      if (count === 0 && (rules.minLength === undefined || rules.minLength <= 1)) out.push({ key: 'ballot.problem.empty', values: {} });
      else if (rules.minLength !== undefined && count < rules.minLength)
        out.push({ key: 'ballot.problem.rankTooShort', values: { min: rules.minLength, count } });
      if (rules.maxLength !== undefined && count > rules.maxLength) out.push({ key: 'ballot.problem.rankTooLong', values: { max: rules.maxLength, count } });
      break;
  }
  return out;
}
