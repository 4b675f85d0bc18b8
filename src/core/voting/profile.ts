// SPDX-License-Identifier: EUPL-1.2
/**
 * The input of every tally rule: a budget, projects with integer costs, and ballots in which
 * each named project carries a weight (its points).
 *
 * How a ballot's weights come about (see {@link profileFromPb}):
 * - approval and choose-1: weight 1 for every project on the ballot;
 * - cumulative and scoring: the points the voter gave;
 * - ordinal: the `points` column when the file has one, otherwise `L - position + 1` for
 *   positions 1, 2, ..., with L the META `max_length` (or the longest ballot when that is
 *   larger or absent): a Borda-like count. This reproduces the `score` column of all three
 *   Kraków files in the data set (3, 2, 1 points for a voter's first, second and third choice;
 *   Kraków 2022 also writes these points out in its `points` column).
 *
 * A project's score is the sum of its weights over all ballots.
 */
import { metaValue, voteTypeOf, type PbFile, type VoteType } from './pabulib.js';
import { fractionDigits, parseScaled } from './rational.js';

export interface ProfileProject {
  readonly id: string;
  /** Cost in units of 10^-digits of the currency. */
  readonly cost: bigint;
}

export interface ProfileBallot {
  /** Indices into `Profile.projects`, no duplicates. */
  readonly projects: readonly number[];
  /** The weight (points) of each project, parallel to `projects`; integers. */
  readonly weights: readonly number[];
}

/**
 * Ballots stored flat, so that a city-wide vote (90,000 ballots) costs three allocations, not
 * 180,000: ballot b names the projects `projects[start[b] .. start[b + 1] - 1]` (indices into
 * `Profile.projects`, no repeats) with the weights at the same positions of `weights`.
 */
export interface BallotStore {
  readonly start: Int32Array;
  readonly projects: Int32Array;
  /** Integer weights (points), as doubles. */
  readonly weights: Float64Array;
}

export interface Profile {
  /** Budget in units of 10^-digits of the currency. */
  readonly budget: bigint;
  /** Money is counted in 10^-digits of the currency: 0 for whole units, 2 for cents. */
  readonly digits: number;
  readonly projects: readonly ProfileProject[];
  readonly ballots: BallotStore;
}

export function ballotCount(profile: Profile): number {
  return profile.ballots.start.length - 1;
}

/** The ballots as a list of objects (convenient in tests; rules read the store directly). */
export function ballotList(profile: Profile): ProfileBallot[] {
  const { start, projects, weights } = profile.ballots;
  const out: ProfileBallot[] = [];
  for (let b = 0; b + 1 < start.length; b++) {
    const from: number = start[b]!;
    const to: number = start[b + 1]!;
    out.push({ projects: Array.from(projects.subarray(from, to)), weights: Array.from(weights.subarray(from, to)) });
  }
  return out;
}

/** Builds a ballot store from a list of ballots. */
export function ballotStore(ballots: readonly ProfileBallot[]): BallotStore {
  let total = 0;
  for (const b of ballots) total += b.projects.length;
  const start = new Int32Array(ballots.length + 1);
  const projects = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  ballots.forEach((b, i) => {
    for (let k = 0; k < b.projects.length; k++) {
      projects[at] = b.projects[k]!;
      weights[at] = b.weights[k]!;
      at++;
    }
    start[i + 1] = at;
  });
  return { start, projects, weights };
}

export type Amount = bigint | number | string;

export interface ProfileInput {
  readonly budget: Amount;
  readonly projects: readonly { readonly id: string; readonly cost: Amount }[];
  /** A ballot is a list of project ids (weight 1 each) or ids with points. */
  readonly ballots: readonly (readonly string[] | { readonly vote: readonly string[]; readonly points: readonly number[] })[];
}

function amountText(a: Amount): string {
  if (typeof a === 'number' && !Number.isSafeInteger(a)) throw new RangeError(`amount must be an integer: ${a}`);
  return a.toString();
}

/** Scale shared by a budget and costs: the most fraction digits any of them has. */
function commonDigits(texts: readonly string[]): number {
  let digits = 0;
  for (const t of texts) {
    const d = fractionDigits(t);
    if (d === null) throw new RangeError(`not a non-negative amount: ${t}`);
    digits = Math.max(digits, d);
  }
  return digits;
}

/** Builds a profile from plain data (ids, amounts, ballots); throws RangeError on bad input. */
export function makeProfile(input: ProfileInput): Profile {
  const budgetText = amountText(input.budget);
  const costTexts = input.projects.map((p) => amountText(p.cost));
  const digits = commonDigits([budgetText, ...costTexts]);
  const index = new Map<string, number>();
  const projects = input.projects.map((p, i) => {
    if (index.has(p.id)) throw new RangeError(`duplicate project ${p.id}`);
    index.set(p.id, i);
    return { id: p.id, cost: parseScaled(costTexts[i]!, digits) };
  });
  const ballots = input.ballots.map((b): ProfileBallot => {
    const vote = Array.isArray(b) ? (b as readonly string[]) : (b as { vote: readonly string[] }).vote;
    const points = Array.isArray(b) ? vote.map(() => 1) : (b as { points: readonly number[] }).points;
    if (points.length !== vote.length) throw new RangeError('points and vote differ in length');
    const seen = new Set<number>();
    const idx = vote.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`unknown project ${id}`);
      if (seen.has(i)) throw new RangeError(`project ${id} twice on a ballot`);
      seen.add(i);
      return i;
    });
    for (const w of points) if (!Number.isSafeInteger(w)) throw new RangeError(`points must be integers: ${w}`);
    return { projects: idx, weights: [...points] };
  });
  return { budget: parseScaled(budgetText, digits), digits, projects, ballots: ballotStore(ballots) };
}

export interface PbProfile {
  readonly profile: Profile;
  readonly voteType: VoteType;
  /** How weights were derived, in English, for explanations. */
  readonly scoring: string;
}

/** Converts a parsed pabulib file into a profile (see the module comment for the weights). */
export function profileFromPb(file: PbFile): PbProfile {
  const voteType = voteTypeOf(file);
  const budgetText = metaValue(file, 'budget') ?? '0';
  const digits = commonDigits([budgetText, ...file.projects.map((p) => p.cost)]);
  const index = new Map<string, number>();
  const projects = file.projects.map((p, i) => {
    index.set(p.id, i);
    return { id: p.id, cost: parseScaled(p.cost, digits) };
  });

  let scoring: string;
  let ordinalLength = 0;
  if (voteType === 'ordinal') {
    const maxLength = Number(metaValue(file, 'max_length') ?? '0');
    ordinalLength = Number.isSafeInteger(maxLength) ? maxLength : 0;
    for (const v of file.votes) ordinalLength = Math.max(ordinalLength, v.vote.length);
    scoring = `ordinal: points column where given, otherwise ${ordinalLength} points for the first choice, one less for each next position`;
  } else if (voteType === 'cumulative' || voteType === 'scoring') {
    scoring = `${voteType}: sum of points`;
  } else {
    scoring = `${voteType}: number of ballots naming the project`;
  }

  // lastSeen[p] = the ballot that last named p: finds repeats without a set per ballot.
  const lastSeen = new Int32Array(projects.length).fill(-1);
  const approvalLike = voteType === 'approval' || voteType === 'choose-1';
  let total = 0;
  for (const v of file.votes) total += v.vote.length;
  const start = new Int32Array(file.votes.length + 1);
  const projectIdx = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  file.votes.forEach((v, b) => {
    const first = at;
    for (let k = 0; k < v.vote.length; k++) {
      const id = v.vote[k]!;
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`unknown project ${id}`);
      if (lastSeen[i] === b) {
        // Approval-type ballots only (the parser rejects it elsewhere): approved once.
        if (approvalLike) continue;
        throw new RangeError(`project ${id} twice on a ballot`);
      }
      lastSeen[i] = b;
      projectIdx[at] = i;
      if (approvalLike) weights[at] = 1;
      else if (v.points !== undefined) weights[at] = v.points[k]!;
      else if (voteType === 'ordinal') weights[at] = ordinalLength - (at - first);
      else throw new RangeError(`${voteType} ballot without points`);
      at++;
    }
    start[b + 1] = at;
  });
  const ballots: BallotStore = { start, projects: projectIdx.subarray(0, at), weights: weights.subarray(0, at) };
  return { profile: { budget: parseScaled(budgetText, digits), digits, projects, ballots }, voteType, scoring };
}

/** Score of each project: the sum of its weights over all ballots. */
export function projectScores(profile: Profile): number[] {
  const scores = new Float64Array(profile.projects.length);
  const { projects, weights } = profile.ballots;
  for (let e = 0; e < projects.length; e++) scores[projects[e]!]! += weights[e]!;
  for (const s of scores) if (!Number.isSafeInteger(s)) throw new RangeError('score exceeds the safe integer range');
  return Array.from(scores);
}

/** Number of ballots that name each project (the pabulib `votes` column). */
export function projectMentions(profile: Profile): number[] {
  const counts = new Array<number>(profile.projects.length).fill(0);
  for (const p of profile.ballots.projects) counts[p]! += 1;
  return counts;
}
