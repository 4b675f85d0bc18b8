// SPDX-License-Identifier: EUPL-1.2
/**
 * Tally rules by name. See greedy.ts and equal-shares.ts for the rules themselves and
 * outcome.ts for the result shape and the tie-breaking.
 */
import { equalShares } from './equal-shares.js';
import { greedy } from './greedy.js';
import type { MesUtility, RuleName, RuleResult } from './outcome.js';
import type { Profile } from './profile.js';

export { equalShares, type EqualSharesOptions } from './equal-shares.js';
export { greedy, type GreedyOptions } from './greedy.js';
export { isRuleName, RULE_NAMES, tieBreak } from './outcome.js';
export type { EqualSharesDetail, MesUtility, OutcomeReason, ProjectOutcome, RuleName, RuleResult } from './outcome.js';

export interface RuleOptions {
  /** Minimum score for `greedy-threshold` (required for that rule). */
  readonly threshold?: number;
  /** Satisfaction measure for equal shares; default `cost`. */
  readonly utility?: MesUtility;
}

export class RuleError extends Error {
  override readonly name = 'RuleError';
  constructor(
    readonly code: 'missing_threshold' | 'unknown_rule',
    message: string,
  ) {
    super(message);
  }
}

export function runRule(profile: Profile, rule: RuleName, options: RuleOptions = {}): RuleResult {
  switch (rule) {
    case 'greedy':
      return greedy(profile);
    case 'greedy-no-skip':
      return greedy(profile, { noSkip: true });
    case 'greedy-threshold':
      if (options.threshold === undefined) {
        throw new RuleError('missing_threshold', 'greedy-threshold heeft een minimumscore nodig (min_project_score_threshold)');
      }
      return greedy(profile, { threshold: options.threshold });
    case 'equalshares':
      return equalShares(profile, { completion: 'none', utility: options.utility ?? 'cost' });
    case 'equalshares/add1':
      return equalShares(profile, { completion: 'add1', utility: options.utility ?? 'cost' });
    default: {
      const never: never = rule;
      throw new RuleError('unknown_rule', `onbekende regel "${String(never)}"`);
    }
  }
}
