// SPDX-License-Identifier: EUPL-1.2
/**
 * One area of a voting round as a pabulib file, and back: the server builds the file from its
 * tables to tally (the same file it exports, so an export re-tallies to the published result)
 * and reads an imported file into round settings. Money is integer cents here; in the file it is
 * written in euros (whole euros when every amount is whole, otherwise with two decimals).
 */
import { ballotSettingsFromPb } from './ballot-validation.js';
import { metaValue, type PbFile, type PbVote } from './pabulib.js';
import { fractionDigits, parseScaled, formatScaled } from './rational.js';
import type { RuleName } from './outcome.js';

export type RoundBallotType = 'approval' | 'knapsack' | 'cumulative' | 'choose-one' | 'ranked';

export interface RoundBallotConfig {
  readonly type: RoundBallotType;
  readonly minProjects?: number;
  readonly maxProjects?: number;
  readonly minSpendPercent?: number;
  readonly totalPoints?: number;
  readonly maxPointsPerProject?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface RoundAreaFileInput {
  readonly roundName: string;
  readonly areaName: string;
  readonly budgetCents: number;
  readonly ballot: RoundBallotConfig;
  readonly rule: RuleName;
  readonly threshold?: number | null;
  /** Voting period, ISO dates. */
  readonly votingFrom?: string;
  readonly votingTo?: string;
  /** In ballot order; `id` becomes the file's project_id. */
  readonly projects: readonly { readonly id: string; readonly title: string; readonly costCents: number }[];
  /** Project ids (rank order for ranked ballots), points for cumulative ballots. */
  readonly ballots: readonly { readonly projects: readonly string[]; readonly points?: readonly number[] | null }[];
}

const VOTE_TYPE: Record<RoundBallotType, string> = {
  approval: 'approval',
  knapsack: 'approval',
  cumulative: 'cumulative',
  'choose-one': 'choose-1',
  ranked: 'ordinal',
};

/** pabulib writes dates as dd.mm.yyyy. */
function pbDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** The area as a pabulib file; voter ids are 1, 2, 3, ... (anonymise before export). */
export function roundAreaFile(input: RoundAreaFileInput): PbFile {
  const amounts = [input.budgetCents, ...input.projects.map((p) => p.costCents)];
  const whole = amounts.every((c) => c % 100 === 0);
  const money = (cents: number): string => (whole ? String(cents / 100) : formatScaled(BigInt(cents), 2));
  const { ballot } = input;
  const meta: [string, string][] = [
    ['description', `${input.roundName}, ${input.areaName}`],
    ['country', 'Netherlands'],
    ['unit', input.areaName],
    ['instance', input.roundName],
    ['num_projects', String(input.projects.length)],
    ['num_votes', String(input.ballots.length)],
    ['budget', money(input.budgetCents)],
    ['vote_type', VOTE_TYPE[ballot.type]],
    ['rule', input.rule],
  ];
  if (input.votingFrom) meta.push(['date_begin', pbDate(input.votingFrom)]);
  if (input.votingTo) meta.push(['date_end', pbDate(input.votingTo)]);
  const push = (key: string, value: number | undefined): void => {
    if (value !== undefined) meta.push([key, String(value)]);
  };
  switch (ballot.type) {
    case 'approval':
      push('min_length', ballot.minProjects);
      push('max_length', ballot.maxProjects);
      break;
    case 'knapsack':
      push('min_length', ballot.minProjects);
      push('max_length', ballot.maxProjects);
      meta.push(['max_sum_cost', money(input.budgetCents)]);
      if (ballot.minSpendPercent) meta.push(['min_sum_cost', money(Math.ceil((input.budgetCents * ballot.minSpendPercent) / 100))]);
      break;
    case 'cumulative':
      push('max_sum_points', ballot.totalPoints);
      push('max_points', ballot.maxPointsPerProject);
      break;
    case 'ranked':
      push('min_length', ballot.minLength);
      push('max_length', ballot.maxLength);
      break;
    case 'choose-one':
      break;
  }
  if (input.rule === 'greedy-threshold' && input.threshold !== undefined && input.threshold !== null) {
    meta.push(['min_project_score_threshold', String(input.threshold)]);
  }
  const withPoints = ballot.type === 'cumulative';
  const votes: PbVote[] = input.ballots.map((b, i) =>
    withPoints ? { voterId: String(i + 1), vote: b.projects, points: b.points ?? [], fields: {} } : { voterId: String(i + 1), vote: b.projects, fields: {} },
  );
  return {
    meta,
    projectColumns: ['project_id', 'cost', 'name'],
    projects: input.projects.map((p) => ({ id: p.id, cost: money(p.costCents), fields: { name: p.title } })),
    voteColumns: withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
    votes,
  };
}

/** An amount as written in a file, in cents; null when it has more than two decimals or is no amount. */
export function centsFromPb(text: string): number | null {
  const digits = fractionDigits(text);
  if (digits === null || digits > 2) return null;
  const cents = parseScaled(text, 2);
  return cents > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(cents);
}

/** The round's ballot settings implied by a file (null for `scoring` files, which rounds do not support). */
export function ballotConfigFromPb(file: PbFile): RoundBallotConfig | null {
  const settings = ballotSettingsFromPb(file);
  if (settings === null) return null;
  const drop = (o: RoundBallotConfig): RoundBallotConfig =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as RoundBallotConfig;
  switch (settings.type) {
    case 'approval':
      return drop({ type: 'approval', minProjects: settings.minProjects, maxProjects: settings.maxProjects });
    case 'knapsack': {
      const minCost = metaValue(file, 'min_sum_cost');
      const budget = metaValue(file, 'budget');
      let minSpendPercent: number | undefined;
      if (minCost && budget && /^\d+$/.test(minCost) && /^\d+$/.test(budget) && Number(budget) > 0) {
        minSpendPercent = Math.floor((Number(minCost) * 100) / Number(budget));
      }
      return drop({ type: 'knapsack', minProjects: settings.minProjects, maxProjects: settings.maxProjects, minSpendPercent });
    }
    case 'cumulative': {
      const maxPoints = metaValue(file, 'max_points');
      return drop({
        type: 'cumulative',
        totalPoints: settings.totalPoints,
        maxPointsPerProject: maxPoints && /^\d+$/.test(maxPoints) ? Number(maxPoints) : undefined,
      });
    }
    case 'choose-one':
      return { type: 'choose-one' };
    case 'ranked':
      return drop({ type: 'ranked', minLength: settings.minLength, maxLength: settings.maxLength });
  }
}
