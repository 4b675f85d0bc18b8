// SPDX-License-Identifier: EUPL-1.2
/**
 * Tallying a parsed pabulib file: pick the rule (the file's own `rule` unless overridden),
 * derive scores, run the rule, and warn where the file's own columns disagree with the
 * ballots (`votes`, `score`, META `num_votes`/`num_projects`, and `selected` when the file's
 * own rule was used).
 */
import type { RuleName, RuleResult } from './outcome.js';
import { isRuleName } from './outcome.js';
import { metaValue, type PbFile } from './pabulib.js';
import { profileFromPb, projectMentions, projectScores } from './profile.js';
import { formatScaled, ratToDecimal, ratToString } from './rational.js';
import { runRule, type RuleOptions } from './rules.js';

export type TallyWarningCode = 'votes_mismatch' | 'score_mismatch' | 'num_votes_mismatch' | 'num_projects_mismatch' | 'duplicate_in_vote' | 'selected_mismatch';

export interface TallyWarning {
  readonly code: TallyWarningCode;
  /** Dutch. */
  readonly message: string;
  readonly projectId?: string;
}

export class TallyError extends Error {
  override readonly name = 'TallyError';
  constructor(
    readonly code: 'missing_rule' | 'unknown_rule' | 'invalid_threshold',
    message: string,
  ) {
    super(message);
  }
}

export interface TallyOptions {
  /** Overrides the file's `rule`. */
  readonly rule?: RuleName;
  /** Equal shares satisfaction measure; default `cost`. */
  readonly utility?: RuleOptions['utility'];
}

export interface TallyFileResult {
  readonly rule: RuleName;
  /** Whether the rule is the one named in the file. */
  readonly fileRule: boolean;
  /** Funded project ids, in the order the rule chose them. */
  readonly funded: readonly string[];
  readonly result: RuleResult;
  /** How scores were computed (English). */
  readonly scoring: string;
  readonly warnings: readonly TallyWarning[];
}

/** At most this many per-project warnings of one kind are listed; the rest are summarised. */
const MAX_LISTED = 20;

export function tallyPbFile(file: PbFile, options: TallyOptions = {}): TallyFileResult {
  const ownRule = metaValue(file, 'rule');
  let rule: RuleName;
  if (options.rule !== undefined) {
    rule = options.rule;
  } else if (ownRule === undefined || ownRule === '') {
    throw new TallyError('missing_rule', 'Het bestand noemt geen regel (META "rule"); kies er een.');
  } else if (!isRuleName(ownRule)) {
    throw new TallyError('unknown_rule', `Onbekende regel "${ownRule}" in het bestand; kies er een.`);
  } else {
    rule = ownRule;
  }

  let threshold: number | undefined;
  const thresholdText = metaValue(file, 'min_project_score_threshold');
  if (thresholdText !== undefined && thresholdText !== '') {
    if (!/^-?\d+$/.test(thresholdText)) {
      throw new TallyError('invalid_threshold', `min_project_score_threshold "${thresholdText}" is geen geheel getal.`);
    }
    threshold = Number(thresholdText);
  }

  const { profile, scoring } = profileFromPb(file);
  const result = runRule(profile, rule, { threshold, utility: options.utility });
  const warnings: TallyWarning[] = [];

  // Duplicates on approval ballots (counted once).
  const duplicated: string[] = [];
  for (const v of file.votes) {
    for (let i = 1; i < v.vote.length; i++) {
      if (v.vote.indexOf(v.vote[i]!) !== i) {
        duplicated.push(v.voterId);
        break;
      }
    }
  }
  if (duplicated.length > 0) {
    warnings.push({
      code: 'duplicate_in_vote',
      message: `${duplicated.length} stem(men) noemen een project meer dan eens (kiezer ${duplicated.slice(0, 5).join(', ')}${duplicated.length > 5 ? ', ...' : ''}); het project is één keer geteld.`,
    });
  }

  const listed = (code: TallyWarningCode, items: TallyWarning[], what: string): void => {
    warnings.push(...items.slice(0, MAX_LISTED));
    if (items.length > MAX_LISTED) {
      warnings.push({ code, message: `nog ${items.length - MAX_LISTED} projecten met een afwijkende ${what}` });
    }
  };

  const mentions = projectMentions(profile);
  const scores = projectScores(profile);
  if (file.projectColumns.includes('votes')) {
    const items: TallyWarning[] = [];
    file.projects.forEach((p, i) => {
      const stated = (p.fields['votes'] ?? '').trim();
      if (stated !== '' && stated !== String(mentions[i])) {
        items.push({
          code: 'votes_mismatch',
          projectId: p.id,
          message: `Project "${p.id}": de kolom votes zegt ${stated}, geteld zijn ${mentions[i]} stemmen.`,
        });
      }
    });
    listed('votes_mismatch', items, 'votes');
  }
  if (file.projectColumns.includes('score')) {
    const items: TallyWarning[] = [];
    file.projects.forEach((p, i) => {
      const stated = (p.fields['score'] ?? '').trim();
      if (stated !== '' && stated !== String(scores[i])) {
        items.push({
          code: 'score_mismatch',
          projectId: p.id,
          message: `Project "${p.id}": de kolom score zegt ${stated}, berekend is ${scores[i]}.`,
        });
      }
    });
    listed('score_mismatch', items, 'score');
  }
  const numVotes = metaValue(file, 'num_votes');
  if (numVotes !== undefined && numVotes !== String(file.votes.length)) {
    warnings.push({
      code: 'num_votes_mismatch',
      message: `META num_votes zegt ${numVotes}, het bestand bevat ${file.votes.length} stemmen.`,
    });
  }
  const numProjects = metaValue(file, 'num_projects');
  if (numProjects !== undefined && numProjects !== String(file.projects.length)) {
    warnings.push({
      code: 'num_projects_mismatch',
      message: `META num_projects zegt ${numProjects}, het bestand bevat ${file.projects.length} projecten.`,
    });
  }

  const fileRule = ownRule === rule;
  if (fileRule && file.projectColumns.includes('selected')) {
    const selected = new Set(file.projects.filter((p) => p.fields['selected']?.trim() === '1').map((p) => p.id));
    const funded = new Set(result.funded);
    const missing = [...selected].filter((id) => !funded.has(id));
    const extra = [...funded].filter((id) => !selected.has(id));
    if (missing.length > 0 || extra.length > 0) {
      warnings.push({
        code: 'selected_mismatch',
        message: `De uitslag wijkt af van de kolom selected: niet toegekend maar wel geselecteerd: ${missing.join(', ') || '-'}; toegekend maar niet geselecteerd: ${extra.join(', ') || '-'}.`,
      });
    }
  }

  return { rule, fileRule, funded: result.funded, result, scoring, warnings };
}

/** A JSON-ready view of a tally: amounts as decimal strings, exact fractions as "n/d". */
export function tallyToJson(tally: TallyFileResult): unknown {
  const { result } = tally;
  const money = (v: bigint): string => formatScaled(v, result.digits);
  // Rationals are counted in 10^-digits units too; show them in currency units.
  const scale = 10n ** BigInt(result.digits);
  const moneyRat = (r: { n: bigint; d: bigint }): { value: string; exact: string } => ({
    value: ratToDecimal({ n: r.n, d: r.d * scale }, result.digits + 4),
    exact: ratToString({ n: r.n, d: r.d * scale }),
  });
  return {
    rule: tally.rule,
    fileRule: tally.fileRule,
    scoring: tally.scoring,
    budget: money(result.budget),
    spent: money(result.spent),
    funded: tally.funded,
    equalShares:
      result.equalShares === undefined
        ? undefined
        : {
            utility: result.equalShares.utility,
            perVoterBudget: moneyRat(result.equalShares.perVoterBudget),
            baseFunded: result.equalShares.baseFunded,
            add1Runs: result.equalShares.add1Runs,
          },
    projects: result.projects.map((p) => ({
      id: p.id,
      cost: money(p.cost),
      score: p.score,
      supporters: p.supporters,
      funded: p.funded,
      reason: p.reason,
      rank: p.rank,
      budgetLeftBefore: p.budgetLeftBefore === undefined ? undefined : money(p.budgetLeftBefore),
      equalShares:
        p.equalShares === undefined
          ? undefined
          : {
              round: p.equalShares.round,
              maxPayment: moneyRat(p.equalShares.maxPayment),
              supportersMoney: moneyRat(p.equalShares.supportersMoney),
              payers: p.equalShares.payers,
              payersExhausted: p.equalShares.payersExhausted,
            },
    })),
    warnings: tally.warnings,
  };
}
