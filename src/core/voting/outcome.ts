// SPDX-License-Identifier: EUPL-1.2
/**
 * What a tally rule returns: the funded projects and, per project, why.
 *
 * Tie-breaking (all rules): when two projects are equal on the rule's own criterion (score
 * for the greedy rules; price per unit of satisfaction for equal shares), the one with the
 * higher score goes first, then the cheaper one, then the one listed first in the input
 * (file order). In the 22 official outcomes in the data set no tie ever decided anything
 * under the greedy rules (tied projects were never both within reach), so these files neither
 * confirm nor contradict the later keys; in Assen (equal shares) projects 2 and 11 tie on
 * price per unit and on votes, and the cheaper one (2) is taken first, with the same result
 * either way.
 */
import type { Rational } from './rational.js';

export type RuleName = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equalshares' | 'equalshares/add1';

export const RULE_NAMES: readonly RuleName[] = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares', 'equalshares/add1'];

export function isRuleName(value: string): value is RuleName {
  return (RULE_NAMES as readonly string[]).includes(value);
}

export type OutcomeReason =
  /** Funded by the rule (for add1: already funded with the plain per-voter budget). */
  | 'funded'
  /** Equal shares with add1: funded only after the per-voter budget was raised. */
  | 'funded_in_completion'
  /** Greedy: its cost exceeded the budget left when its turn came. */
  | 'did_not_fit'
  /** Greedy-threshold: its score is below `min_project_score_threshold`. */
  | 'below_threshold'
  /** Greedy-no-skip: the rule had stopped at an earlier project that did not fit. */
  | 'stopped_no_skip'
  /** Equal shares: its supporters no longer had enough money between them. */
  | 'not_affordable'
  /** Nobody gave it a positive score. */
  | 'no_support';

export interface EqualSharesDetail {
  /** Round (1-based) of the final run in which the project was chosen. */
  readonly round: number;
  /**
   * The most a supporter paid per point of weight (for approval ballots: per voter), in
   * currency units of 10^-digits; supporters with less money left paid all they had.
   */
  readonly maxPayment: Rational;
  /** The money the supporters had left just before, i.e. the voters' money behind it. */
  readonly supportersMoney: Rational;
  /** Voters who paid towards it. */
  readonly payers: number;
  /** Of those, voters who paid their whole remaining budget. */
  readonly payersExhausted: number;
}

export interface ProjectOutcome {
  readonly id: string;
  /** Position in the input. */
  readonly index: number;
  readonly cost: bigint;
  readonly score: number;
  /** Ballots giving it a positive weight. */
  readonly supporters: number;
  readonly funded: boolean;
  readonly reason: OutcomeReason;
  /** Greedy: place in the order of consideration (1-based). */
  readonly rank?: number;
  /** Greedy: budget left when its turn came. */
  readonly budgetLeftBefore?: bigint;
  readonly equalShares?: EqualSharesDetail;
}

export interface EqualSharesSummary {
  readonly utility: MesUtility;
  /** The per-voter budget of the run whose outcome was taken. */
  readonly perVoterBudget: Rational;
  /** Projects funded with the plain per-voter budget (budget / voters), in order. */
  readonly baseFunded: readonly string[];
  /** How many times add1 raised the per-voter budget and ran again (0 without completion). */
  readonly add1Runs: number;
}

/**
 * Voter satisfaction used by equal shares: `cost` (a supporter's utility for a project is its
 * cost times the weight; this is what reproduces Assen 2024) or `approval` (the weight alone).
 */
export type MesUtility = 'cost' | 'approval';

export interface RuleResult {
  readonly rule: RuleName;
  readonly budget: bigint;
  readonly digits: number;
  readonly spent: bigint;
  /** Funded project ids in the order the rule chose them. */
  readonly funded: readonly string[];
  /** One outcome per project, in input order. */
  readonly projects: readonly ProjectOutcome[];
  readonly equalShares?: EqualSharesSummary;
}

/**
 * Tie-break order shared by all rules: higher score first, then lower cost, then input
 * order. Negative when project a goes before project b.
 */
export function tieBreak(scoreA: number, costA: bigint, indexA: number, scoreB: number, costB: bigint, indexB: number): number {
  if (scoreA !== scoreB) return scoreA > scoreB ? -1 : 1;
  if (costA !== costB) return costA < costB ? -1 : 1;
  return indexA - indexB;
}
