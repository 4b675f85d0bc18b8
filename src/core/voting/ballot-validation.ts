// SPDX-License-Identifier: EUPL-1.2
/**
 * Checking a single ballot against a voting round's ballot settings, before it is accepted.
 * Pure: returns every violation found (empty list = valid), each with a stable code and a
 * Dutch message for the voter. Money is compared as bigint.
 */
import { metaValue, voteTypeOf, type PbFile } from './pabulib.js';

export type BallotSettings =
  /** Approve any number of projects between `minProjects` and `maxProjects`. */
  | { readonly type: 'approval'; readonly minProjects?: number; readonly maxProjects?: number }
  /**
   * Approve projects whose total cost is at most `budget` (a "knapsack" ballot), optionally
   * spending at least `minSpendPercent` percent (0-100, integer) of it.
   */
  | {
      readonly type: 'knapsack';
      readonly budget: bigint;
      readonly minSpendPercent?: number;
      readonly minProjects?: number;
      readonly maxProjects?: number;
    }
  /**
   * Distribute points: at most `totalPoints` in all (at least `minTotalPoints`, if set), at
   * most `maxPointsPerProject` on one project; points are positive integers.
   */
  | {
      readonly type: 'cumulative';
      readonly totalPoints: number;
      readonly minTotalPoints?: number;
      readonly maxPointsPerProject?: number;
    }
  /** Exactly one project. */
  | { readonly type: 'choose-one' }
  /** A ranking (best first) of `minLength`..`maxLength` different projects. */
  | { readonly type: 'ranked'; readonly minLength?: number; readonly maxLength?: number };

export interface BallotInput {
  /** Project ids, in rank order for ranked ballots. */
  readonly projects: readonly string[];
  /** Points per project, parallel to `projects` (cumulative ballots only). */
  readonly points?: readonly number[];
}

export interface BallotProject {
  readonly id: string;
  /** Cost in the same units as the knapsack budget. */
  readonly cost: bigint;
}

export type BallotViolationCode =
  | 'unknown_project'
  | 'duplicate_project'
  | 'empty_ballot'
  | 'too_few_projects'
  | 'too_many_projects'
  | 'not_exactly_one'
  | 'over_budget'
  | 'under_min_spend'
  | 'points_missing'
  | 'points_not_allowed'
  | 'points_length'
  | 'invalid_points'
  | 'too_many_points_for_project'
  | 'too_many_points'
  | 'too_few_points'
  | 'ranking_too_short'
  | 'ranking_too_long';

export interface BallotViolation {
  readonly code: BallotViolationCode;
  /** Dutch, for the voter. */
  readonly message: string;
  /** The project concerned, when there is one. */
  readonly projectId?: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function checkSettings(settings: BallotSettings): void {
  const nonNegInt = (v: number | undefined, name: string): void => {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) throw new RangeError(`${name} must be a non-negative integer`);
  };
  switch (settings.type) {
    case 'approval':
    case 'knapsack':
      nonNegInt(settings.minProjects, 'minProjects');
      nonNegInt(settings.maxProjects, 'maxProjects');
      if (settings.type === 'knapsack') {
        if (settings.budget < 0n) throw new RangeError('budget must be non-negative');
        nonNegInt(settings.minSpendPercent, 'minSpendPercent');
        if ((settings.minSpendPercent ?? 0) > 100) throw new RangeError('minSpendPercent must be at most 100');
      }
      break;
    case 'cumulative':
      nonNegInt(settings.totalPoints, 'totalPoints');
      nonNegInt(settings.minTotalPoints, 'minTotalPoints');
      nonNegInt(settings.maxPointsPerProject, 'maxPointsPerProject');
      break;
    case 'ranked':
      nonNegInt(settings.minLength, 'minLength');
      nonNegInt(settings.maxLength, 'maxLength');
      break;
    case 'choose-one':
      break;
  }
}

/**
 * Validates a ballot. `projects` are the projects on the round's ballot paper; anything else
 * is rejected. Throws RangeError only when the settings themselves are invalid.
 */
export function validateBallot(ballot: BallotInput, settings: BallotSettings, projects: readonly BallotProject[]): BallotViolation[] {
  checkSettings(settings);
  const out: BallotViolation[] = [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const known: BallotProject[] = [];
  for (const id of ballot.projects) {
    const project = byId.get(id);
    if (project === undefined) {
      out.push({ code: 'unknown_project', message: `Project "${id}" staat niet op het stembiljet.`, projectId: id });
      continue;
    }
    if (seen.has(id)) {
      out.push({ code: 'duplicate_project', message: `Project "${id}" staat meer dan één keer op uw stem.`, projectId: id });
      continue;
    }
    seen.add(id);
    known.push(project);
  }
  const count = ballot.projects.length;

  if (settings.type !== 'cumulative' && ballot.points !== undefined) {
    out.push({ code: 'points_not_allowed', message: 'Bij deze stemming verdeelt u geen punten.' });
  }

  const countLimits = (min: number | undefined, max: number | undefined): void => {
    if (min !== undefined && count < min) {
      out.push({
        code: 'too_few_projects',
        message: `Kies ten minste ${plural(min, 'project', 'projecten')}; u koos er ${count}.`,
      });
    }
    if (max !== undefined && count > max) {
      out.push({
        code: 'too_many_projects',
        message: `Kies ten hoogste ${plural(max, 'project', 'projecten')}; u koos er ${count}.`,
      });
    }
  };

  switch (settings.type) {
    case 'approval':
      if (count === 0 && settings.minProjects === undefined) {
        out.push({ code: 'empty_ballot', message: 'U heeft geen project gekozen.' });
      }
      countLimits(settings.minProjects, settings.maxProjects);
      break;
    case 'knapsack': {
      if (count === 0 && settings.minProjects === undefined) {
        out.push({ code: 'empty_ballot', message: 'U heeft geen project gekozen.' });
      }
      countLimits(settings.minProjects, settings.maxProjects);
      const total = known.reduce((sum, p) => sum + p.cost, 0n);
      if (total > settings.budget) {
        out.push({
          code: 'over_budget',
          message: `De gekozen projecten kosten samen ${total}, meer dan het budget van ${settings.budget}.`,
        });
      }
      const pct = settings.minSpendPercent;
      if (pct !== undefined && pct > 0 && total * 100n < settings.budget * BigInt(pct)) {
        out.push({
          code: 'under_min_spend',
          message: `Besteed ten minste ${pct}% van het budget; de gekozen projecten kosten samen ${total} van ${settings.budget}.`,
        });
      }
      break;
    }
    case 'choose-one':
      if (count !== 1) {
        out.push({ code: 'not_exactly_one', message: `Kies precies één project; u koos er ${count}.` });
      }
      break;
    case 'ranked':
      if (count === 0 && settings.minLength === undefined) {
        out.push({ code: 'empty_ballot', message: 'U heeft geen project gekozen.' });
      }
      if (settings.minLength !== undefined && count < settings.minLength) {
        out.push({
          code: 'ranking_too_short',
          message: `Zet ten minste ${plural(settings.minLength, 'project', 'projecten')} op volgorde; u koos er ${count}.`,
        });
      }
      if (settings.maxLength !== undefined && count > settings.maxLength) {
        out.push({
          code: 'ranking_too_long',
          message: `Zet ten hoogste ${plural(settings.maxLength, 'project', 'projecten')} op volgorde; u koos er ${count}.`,
        });
      }
      break;
    case 'cumulative': {
      const points = ballot.points;
      if (points === undefined) {
        out.push({ code: 'points_missing', message: 'Geef bij elk gekozen project aan hoeveel punten u het geeft.' });
        break;
      }
      if (points.length !== count) {
        out.push({
          code: 'points_length',
          message: `U koos ${plural(count, 'project', 'projecten')} maar gaf ${points.length} puntenaantallen.`,
        });
        break;
      }
      let total = 0;
      let valid = true;
      points.forEach((pt, i) => {
        const id = ballot.projects[i]!;
        if (!Number.isSafeInteger(pt) || pt <= 0) {
          valid = false;
          out.push({ code: 'invalid_points', message: `Het aantal punten voor "${id}" moet een positief geheel getal zijn.`, projectId: id });
          return;
        }
        total += pt;
        if (settings.maxPointsPerProject !== undefined && pt > settings.maxPointsPerProject) {
          out.push({
            code: 'too_many_points_for_project',
            message: `U gaf "${id}" ${pt} punten; het maximum per project is ${settings.maxPointsPerProject}.`,
            projectId: id,
          });
        }
      });
      if (!valid) break;
      if (total > settings.totalPoints) {
        out.push({
          code: 'too_many_points',
          message: `U verdeelde ${total} punten; u heeft er ${settings.totalPoints} te verdelen.`,
        });
      }
      if (count === 0 && settings.minTotalPoints === undefined) {
        out.push({ code: 'empty_ballot', message: 'U heeft geen project gekozen.' });
      }
      if (settings.minTotalPoints !== undefined && total < settings.minTotalPoints) {
        out.push({
          code: 'too_few_points',
          message: `Verdeel ten minste ${settings.minTotalPoints} punten; u verdeelde er ${total}.`,
        });
      }
      break;
    }
  }
  return out;
}

/**
 * Ballot settings implied by a pabulib file's META (`min_length`, `max_length`,
 * `max_sum_cost`, `min_sum_points`, `max_sum_points`), for checking its ballots.
 * Returns null for `scoring` files, which have no fixed limits here.
 */
export function ballotSettingsFromPb(file: PbFile): BallotSettings | null {
  const int = (key: string): number | undefined => {
    const v = metaValue(file, key);
    if (v === undefined || !/^\d+$/.test(v)) return undefined;
    return Number(v);
  };
  const minLength = int('min_length');
  const maxLength = int('max_length');
  switch (voteTypeOf(file)) {
    case 'approval': {
      const maxCost = metaValue(file, 'max_sum_cost');
      if (maxCost !== undefined && /^\d+$/.test(maxCost)) {
        return { type: 'knapsack', budget: BigInt(maxCost), minProjects: minLength, maxProjects: maxLength };
      }
      return { type: 'approval', minProjects: minLength, maxProjects: maxLength };
    }
    case 'choose-1':
      return { type: 'choose-one' };
    case 'ordinal':
      return { type: 'ranked', minLength, maxLength };
    case 'cumulative': {
      const total = int('max_sum_points');
      if (total === undefined) return null;
      return { type: 'cumulative', totalPoints: total, minTotalPoints: int('min_sum_points') };
    }
    case 'scoring':
      return null;
  }
}
