// SPDX-License-Identifier: EUPL-1.2
/**
 * Greedy rules ("utilitarian greedy"), as Polish and Dutch cities use them:
 * - `greedy`: consider projects by score, highest first; fund each one that still fits the
 *   budget left;
 * - `greedy-no-skip`: the same, but stop at the first project that does not fit;
 * - `greedy-threshold`: `greedy` over only the projects whose score is at least the threshold
 *   (META `min_project_score_threshold`).
 * Projects nobody gave a positive score are never funded (`no_support`).
 * Ties: see {@link tieBreak}. All money comparisons are on bigints.
 *
 * The threshold applies to `greedy-threshold` only. The three Gdynia files use
 * `greedy-no-skip` and also carry `min_project_score_threshold` (50); their official outcomes
 * are reproduced with or without it, so it is not applied there. A score equal to the
 * threshold reaches it (Łódź 2022 has a project at exactly 100; it did not fit either way).
 */
import { tieBreak, type ProjectOutcome, type RuleName, type RuleResult } from './outcome.js';
import { projectScores, type Profile } from './profile.js';

export interface GreedyOptions {
  /** Stop at the first project that does not fit (greedy-no-skip). */
  readonly noSkip?: boolean;
  /** Only projects with at least this score take part (greedy-threshold). */
  readonly threshold?: number;
  /** Rule name to report; derived from the options when absent. */
  readonly rule?: RuleName;
}

export function supporterCounts(profile: Profile): number[] {
  const counts = new Array<number>(profile.projects.length).fill(0);
  const { projects, weights } = profile.ballots;
  for (let e = 0; e < projects.length; e++) if (weights[e]! > 0) counts[projects[e]!]! += 1;
  return counts;
}

export function greedy(profile: Profile, options: GreedyOptions = {}): RuleResult {
  const rule: RuleName = options.rule ?? (options.noSkip ? 'greedy-no-skip' : options.threshold !== undefined ? 'greedy-threshold' : 'greedy');
  const scores = projectScores(profile);
  const supporters = supporterCounts(profile);
  const { projects } = profile;
  const order = projects.map((_, i) => i);
  order.sort((a, b) => tieBreak(scores[a]!, projects[a]!.cost, a, scores[b]!, projects[b]!.cost, b));

  const outcomes: ProjectOutcome[] = new Array<ProjectOutcome>(projects.length);
  const funded: string[] = [];
  let left = profile.budget;
  let stopped = false;
  order.forEach((p, pos) => {
    const project = projects[p]!;
    const base = {
      id: project.id,
      index: p,
      cost: project.cost,
      score: scores[p]!,
      supporters: supporters[p]!,
      rank: pos + 1,
      budgetLeftBefore: left,
    };
    let outcome: ProjectOutcome;
    if (scores[p]! <= 0) {
      outcome = { ...base, funded: false, reason: 'no_support' };
    } else if (options.threshold !== undefined && scores[p]! < options.threshold) {
      outcome = { ...base, funded: false, reason: 'below_threshold' };
    } else if (stopped) {
      outcome = { ...base, funded: false, reason: 'stopped_no_skip' };
    } else if (project.cost <= left) {
      left -= project.cost;
      funded.push(project.id);
      outcome = { ...base, funded: true, reason: 'funded' };
    } else {
      if (options.noSkip) stopped = true;
      outcome = { ...base, funded: false, reason: 'did_not_fit' };
    }
    outcomes[p] = outcome;
  });
  return { rule, budget: profile.budget, digits: profile.digits, spent: profile.budget - left, funded, projects: outcomes };
}
