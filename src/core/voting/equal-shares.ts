// SPDX-License-Identifier: EUPL-1.2
/**
 * The Method of Equal Shares (MES; Peters, Pierczyński and Skowron), computed exactly.
 *
 * Every voter gets an equal part of the budget. Round by round, the project is funded whose
 * cost its supporters can cover most cheaply: supporter i pays min(money left_i, t · w_i),
 * where w_i is the voter's weight for the project (1 on approval ballots) and t is as small
 * as possible. "Cheapest" means the lowest price per unit of satisfaction:
 * - `cost` utilities (default): a supporter's satisfaction is cost · w_i, so the price is
 *   t / cost, i.e. the largest share of the project's cost any supporter pays. This is the
 *   variant of equalshares.net and it reproduces Assen 2024 exactly;
 * - `approval` utilities: satisfaction is w_i, so the price is t itself. On Assen 2024 this
 *   gives a different outcome (it funds project 7) than the official one.
 * Ties: lower price, then {@link tieBreak}. The run stops when no project is affordable.
 *
 * `add1` completion (equalshares.net): if the outcome leaves room for another supported
 * project, rerun with a per-voter budget of floor(budget / voters) + 1, + 2, ... currency
 * units, keeping each outcome whose total cost stays within the real budget, until the
 * outcome is exhaustive or the next one would overspend.
 *
 * Exactness: money is a bigint (in 10^-digits currency units); within a run all money left and
 * all payments are integers over one common denominator (see {@link run}), and prices are
 * compared as bigint fractions. No floating point decides anything (the only doubles hold voter
 * counts and weights, which are small exact integers).
 *
 * Speed: identical ballots are merged into groups, groups with the same payment history share
 * a class holding their money left, a project's supporters are aggregated into (class, weight)
 * buckets when it is evaluated, and a project is only re-evaluated when one of its supporters
 * paid for something since and its previous price (a lower bound, since money only decreases)
 * could still win the round.
 */
import { tieBreak, type EqualSharesDetail, type MesUtility, type ProjectOutcome, type RuleName, type RuleResult } from './outcome.js';
import { ballotCount, projectScores, type Profile } from './profile.js';
import { rat, ZERO, type Rational } from './rational.js';

export interface EqualSharesOptions {
  /** Satisfaction measure; default `cost`. */
  readonly utility?: MesUtility;
  /** Completion; default `add1`. */
  readonly completion?: 'none' | 'add1';
}

/**
 * Ballot data prepared once and shared by all runs (add1 runs MES many times). Lists are
 * stored flat (compressed rows: the entries of row r are start[r] .. start[r + 1] - 1) to
 * keep allocation low on large elections.
 */
interface Prepared {
  readonly voters: number;
  readonly costs: readonly bigint[];
  readonly scores: readonly number[];
  readonly supporters: readonly number[];
  /** Distinct positive weights; weights are referred to by their index. */
  readonly weightValues: readonly bigint[];
  /** Number of voters in each group of identical ballots. */
  readonly groupSize: Float64Array;
  /** Per project: the groups supporting it and their weight index. */
  readonly projectStart: Int32Array;
  readonly projectGroup: Int32Array;
  readonly projectWeight: Int32Array;
  /** Per project: the projects that share a supporter with it (whose prices its funding can change). */
  readonly neighbours: readonly Int32Array[];
}

function prepare(profile: Profile): Prepared {
  const nProjects = profile.projects.length;
  const weightIndex = new Map<number, number>();
  const weightValues: bigint[] = [];
  const indexOfWeight = (w: number): number => {
    let wi = weightIndex.get(w);
    if (wi === undefined) {
      wi = weightValues.length;
      weightIndex.set(w, wi);
      weightValues.push(BigInt(w));
    }
    return wi;
  };
  // Identical ballots (same projects, same weights) become one group, found through an
  // open-addressing hash table over the sorted entries (collisions are compared entry by entry).
  const { start, projects: ballotProjects, weights: ballotWeights } = profile.ballots;
  const nBallots = start.length - 1;
  let capacity = 16;
  while (capacity < nBallots * 2) capacity *= 2;
  const table = new Int32Array(capacity).fill(-1);
  const groupSizes: number[] = [];
  const groupStart: number[] = [0];
  const entryProject = new Int32Array(ballotProjects.length);
  const entryWeight = new Int32Array(ballotProjects.length);
  let entries = 0;
  const supporters = new Array<number>(nProjects).fill(0);
  let maxLength = 0;
  for (let b = 0; b < nBallots; b++) maxLength = Math.max(maxLength, start[b + 1]! - start[b]!);
  const ps = new Int32Array(maxLength);
  const wv = new Int32Array(maxLength);
  let lastWeight = NaN;
  let lastWeightIndex = -1;
  for (let b = 0; b < nBallots; b++) {
    let len = 0;
    for (let k = start[b]!; k < start[b + 1]!; k++) {
      const w = ballotWeights[k]!;
      if (w <= 0) continue;
      if (w !== lastWeight) {
        lastWeight = w;
        lastWeightIndex = indexOfWeight(w);
      }
      // Insertion sort by project (ballots are short).
      const p = ballotProjects[k]!;
      let i = len++;
      while (i > 0 && ps[i - 1]! > p) {
        ps[i] = ps[i - 1]!;
        wv[i] = wv[i - 1]!;
        i--;
      }
      ps[i] = p;
      wv[i] = lastWeightIndex;
    }
    if (len === 0) continue;
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) {
      h = Math.imul(h ^ ps[i]!, 0x01000193);
      h = Math.imul(h ^ wv[i]!, 0x01000193);
    }
    let slot = (h ^ (h >>> 15)) & (capacity - 1);
    let g = -1;
    for (;;) {
      const candidate = table[slot]!;
      if (candidate < 0) break;
      const from = groupStart[candidate]!;
      let same = groupStart[candidate + 1]! - from === len;
      for (let i = 0; same && i < len; i++) same = entryProject[from + i] === ps[i] && entryWeight[from + i] === wv[i];
      if (same) {
        g = candidate;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
    if (g >= 0) {
      groupSizes[g]! += 1;
    } else {
      table[slot] = groupSizes.length;
      groupSizes.push(1);
      for (let i = 0; i < len; i++) {
        entryProject[entries] = ps[i]!;
        entryWeight[entries] = wv[i]!;
        entries++;
      }
      groupStart.push(entries);
    }
    for (let i = 0; i < len; i++) supporters[ps[i]!]! += 1;
  }
  const nGroups = groupSizes.length;
  const projectStart = new Int32Array(nProjects + 1);
  for (let e = 0; e < entries; e++) projectStart[entryProject[e]! + 1]! += 1;
  for (let p = 0; p < nProjects; p++) projectStart[p + 1]! += projectStart[p]!;
  const fill = projectStart.slice(0, nProjects);
  const projectGroup = new Int32Array(entries);
  const projectWeight = new Int32Array(entries);
  for (let g = 0; g < nGroups; g++) {
    for (let e = groupStart[g]!; e < groupStart[g + 1]!; e++) {
      const p = entryProject[e]!;
      const at = fill[p]!;
      projectGroup[at] = g;
      projectWeight[at] = entryWeight[e]!;
      fill[p] = at + 1;
    }
  }
  // Projects sharing a supporter: a bit matrix for moderate sizes, sets otherwise.
  let neighbours: Int32Array[];
  if (nProjects <= 4096) {
    const m = new Uint8Array(nProjects * nProjects);
    for (let g = 0; g < nGroups; g++) {
      const from = groupStart[g]!;
      const to = groupStart[g + 1]!;
      if (to - from < 2) continue;
      for (let a = from; a < to; a++) for (let b = from; b < to; b++) m[entryProject[a]! * nProjects + entryProject[b]!] = 1;
    }
    neighbours = Array.from({ length: nProjects }, (_, p) => {
      const list: number[] = [];
      for (let q = 0; q < nProjects; q++) if (q !== p && m[p * nProjects + q] === 1) list.push(q);
      return Int32Array.from(list);
    });
  } else {
    const sets = Array.from({ length: nProjects }, () => new Set<number>());
    for (let g = 0; g < nGroups; g++) {
      for (let a = groupStart[g]!; a < groupStart[g + 1]!; a++) {
        for (let b = groupStart[g]!; b < groupStart[g + 1]!; b++) {
          if (a !== b) sets[entryProject[a]!]!.add(entryProject[b]!);
        }
      }
    }
    neighbours = sets.map((set) => Int32Array.from(set));
  }
  return {
    voters: ballotCount(profile),
    costs: profile.projects.map((p) => p.cost),
    scores: projectScores(profile),
    supporters,
    weightValues,
    groupSize: Float64Array.from(groupSizes),
    projectStart,
    projectGroup,
    projectWeight,
    neighbours,
  };
}

/** A fraction that is not necessarily in lowest terms (reduced only for the final result). */
interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

interface RawDetail {
  readonly round: number;
  readonly maxPayment: Fraction;
  readonly supportersMoney: Fraction;
  readonly payers: number;
  readonly payersExhausted: number;
}

interface RunResult {
  readonly winners: readonly number[];
  readonly details: ReadonlyMap<number, RawDetail>;
  readonly spent: bigint;
}

/** Water-filling result: supporters pay min(money, t · weight) with t = rem / (D · den). */
interface Evaluation {
  /** Numerator of t over the common denominator D in force when evaluated. */
  readonly rem: bigint;
  readonly den: bigint;
  /** Price used to compare projects, as an absolute fraction. */
  readonly price: Fraction;
}

function lessThan(a: Fraction, b: Fraction): boolean {
  return a.n * b.d < b.n * a.d;
}

function compareFractions(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** gcd of a (any size) and a small positive b, cheap because the first step shrinks a. */
function gcdSmall(a: bigint, b: bigint): bigint {
  let x = b;
  let y = a % b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x < 0n ? -x : x;
}

/**
 * One MES run with the given per-voter budget.
 *
 * All money is kept as integers over one common denominator D (initially the per-voter
 * budget's denominator). When a project is funded at t = rem / (D · den), D is multiplied by
 * den / gcd(rem, den) and every live class's money with it, so that payments and all
 * remaining money stay integers over D; comparisons are then plain bigint comparisons.
 */
function run(prep: Prepared, perVoter: Rational, utility: MesUtility): RunResult {
  const nProjects = prep.costs.length;
  const S = prep.weightValues.length;
  const approvalOnly = S === 1 && prep.weightValues[0] === 1n;
  const NONE = -1;
  let D = perVoter.d;
  // Classes of voters with equal money left (as numerators over D), with live group counts.
  const money: bigint[] = [];
  const liveGroups: number[] = [];
  const newClass = (m: bigint): number => {
    money.push(m);
    liveGroups.push(0);
    return money.length - 1;
  };
  const startClass = perVoter.n > 0n ? newClass(perVoter.n) : NONE;
  const classOf = new Int32Array(prep.groupSize.length).fill(startClass);
  if (startClass !== NONE) liveGroups[startClass] = prep.groupSize.length;

  const isActive = new Array<boolean>(nProjects).fill(false);
  const active: number[] = [];
  for (let p = 0; p < nProjects; p++) {
    if (prep.supporters[p]! > 0) {
      active.push(p);
      isActive[p] = true;
    }
  }
  const dirty = new Array<boolean>(nProjects).fill(true);
  const ZERO_PRICE: Fraction = { n: 0n, d: 1n };
  const lowerBound: Fraction[] = new Array<Fraction>(nProjects).fill(ZERO_PRICE);
  const current: (Evaluation | null)[] = new Array<Evaluation | null>(nProjects).fill(null);

  // Scratch arrays for evaluate().
  let bm: bigint[] = [];
  let bs: bigint[] = [];
  let bw: bigint[] = [];

  // Scratch space for aggregating a project's supporters into (class, weight) buckets.
  let acc = new Float64Array(1024);
  // Where a bucket's voters go when the winner is funded (class + 1, NONE, or 0 for unset).
  let moveTo = new Int32Array(1024);
  const touched: number[] = [];
  /** Aggregates the supporters of p with money left into buckets (class * S + weight index). */
  const gather = (p: number): void => {
    if (acc.length < money.length * S) {
      let size = acc.length;
      while (size < money.length * S) size *= 2;
      acc = new Float64Array(size);
      moveTo = new Int32Array(size);
    }
    touched.length = 0;
    const gs = prep.projectGroup;
    const ws = prep.projectWeight;
    for (let k = prep.projectStart[p]!, end = prep.projectStart[p + 1]!; k < end; k++) {
      const g = gs[k]!;
      const cls = classOf[g]!;
      if (cls === NONE) continue;
      const key = cls * S + ws[k]!;
      if (acc[key] === 0) touched.push(key);
      acc[key]! += prep.groupSize[g]!;
    }
  };

  const evaluate = (p: number): Evaluation | null => {
    const cost = prep.costs[p]!;
    if (cost === 0n) return { rem: 0n, den: 1n, price: ZERO_PRICE };
    gather(p);
    bm = [];
    bs = [];
    bw = [];
    let weightSum = 0n;
    for (const key of touched) {
      const cls = Math.floor(key / S);
      const s = prep.weightValues[key - cls * S]!;
      const w = BigInt(acc[key]!);
      acc[key] = 0;
      bm.push(money[cls]!);
      bs.push(s);
      bw.push(w);
      weightSum += approvalOnly ? w : w * s;
    }
    if (weightSum === 0n) return null;
    let rem = cost * D;
    let den = weightSum;
    // Water-filling: supporters who cannot pay the current t pay all they have, which raises
    // t for the others; repeat until everybody left can pay. t only grows, so a bucket that is
    // short once stays short, and the fixed point is the exact MES payment. Usually one or two
    // passes (no sorting needed).
    const capped = new Uint8Array(bm.length);
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < bm.length; i++) {
        if (capped[i] === 1) continue;
        // Bucket i can pay t = rem / (D · den) per unit of weight iff rem · s <= money · den.
        if ((approvalOnly ? rem : rem * bs[i]!) > bm[i]! * den) {
          capped[i] = 1;
          changed = true;
          rem -= bm[i]! * bw[i]!;
          den -= approvalOnly ? bw[i]! : bw[i]! * bs[i]!;
          if (den === 0n) return null;
        }
      }
    }
    const tDen = D * den;
    const price: Fraction = utility === 'cost' ? { n: rem, d: tDen * cost } : { n: rem, d: tDen };
    return { rem, den, price };
  };

  const better = (p: number, price: Fraction, q: number, priceQ: Fraction): boolean => {
    const c = compareFractions(price, priceQ);
    if (c !== 0) return c < 0;
    return tieBreak(prep.scores[p]!, prep.costs[p]!, p, prep.scores[q]!, prep.costs[q]!, q) < 0;
  };

  const winners: number[] = [];
  const details = new Map<number, RawDetail>();
  let spent = 0n;

  for (let round = 1; ; round++) {
    const candidates = active.filter((p) => isActive[p]);
    candidates.sort((a, b) => compareFractions(lowerBound[a]!, lowerBound[b]!) || a - b);
    let best = -1;
    let bestPrice: Fraction | null = null;
    for (const p of candidates) {
      if (bestPrice !== null && lessThan(bestPrice, lowerBound[p]!)) break;
      if (dirty[p]) {
        const e = evaluate(p);
        dirty[p] = false;
        current[p] = e;
        if (e === null) {
          // Money only decreases, so it never becomes affordable again.
          isActive[p] = false;
          continue;
        }
        lowerBound[p] = e.price;
      }
      const e = current[p];
      if (e === null || e === undefined) continue;
      if (bestPrice === null || better(p, e.price, best, bestPrice)) {
        best = p;
        bestPrice = e.price;
      }
    }
    if (best < 0) break;

    // Fund `best`. Re-evaluate against the current D (the cached result may be older).
    const e = evaluate(best)!;
    isActive[best] = false;
    winners.push(best);
    spent += prep.costs[best]!;
    gather(best);
    let supportersMoney = 0n;
    let payers = 0;
    const bucketKeys = touched.slice();
    const bucketCounts = bucketKeys.map((key) => {
      const count = acc[key]!;
      acc[key] = 0;
      supportersMoney += money[Math.floor(key / S)]! * BigInt(count);
      payers += count;
      return count;
    });
    const moneyBefore: Fraction = { n: supportersMoney, d: D };
    if (e.rem === 0n) {
      details.set(best, { round, maxPayment: { n: 0n, d: 1n }, supportersMoney: moneyBefore, payers: 0, payersExhausted: 0 });
      continue;
    }
    // Make t · D an integer: scale D (and all money) by f = den / gcd(rem, den).
    const g = gcdSmall(e.rem, e.den);
    const f = e.den / g;
    const payUnit = e.rem / g;
    if (f !== 1n) {
      D *= f;
      for (let c = 0; c < money.length; c++) if (liveGroups[c]! > 0) money[c]! *= f;
    }
    let exhausted = 0;
    bucketKeys.forEach((key, i) => {
      const cls = Math.floor(key / S);
      const wi = key - cls * S;
      const left = money[cls]! - (approvalOnly ? payUnit : payUnit * prep.weightValues[wi]!);
      if (left <= 0n) {
        exhausted += bucketCounts[i]!;
        moveTo[key] = NONE;
      } else {
        moveTo[key] = newClass(left) + 1;
      }
    });
    details.set(best, { round, maxPayment: { n: payUnit, d: D }, supportersMoney: moneyBefore, payers, payersExhausted: exhausted });
    const gs = prep.projectGroup;
    const ws = prep.projectWeight;
    for (let k = prep.projectStart[best]!, end = prep.projectStart[best + 1]!; k < end; k++) {
      const grp = gs[k]!;
      const from = classOf[grp]!;
      if (from === NONE) continue;
      const code = moveTo[from * S + ws[k]!]!;
      const to = code === NONE ? NONE : code - 1;
      classOf[grp] = to;
      liveGroups[from]! -= 1;
      if (liveGroups[from] === 0) money[from] = 0n;
      if (to !== NONE) liveGroups[to]! += 1;
    }
    for (const key of bucketKeys) moveTo[key] = 0;
    for (const q of prep.neighbours[best]!) dirty[q] = true;
  }
  return { winners, details, spent };
}

function reduceDetail(d: RawDetail): EqualSharesDetail {
  return {
    round: d.round,
    maxPayment: rat(d.maxPayment.n, d.maxPayment.d),
    supportersMoney: rat(d.supportersMoney.n, d.supportersMoney.d),
    payers: d.payers,
    payersExhausted: d.payersExhausted,
  };
}

/**
 * Method of Equal Shares over the profile's ballots (weights as satisfaction multipliers),
 * with `add1` completion unless `completion: 'none'`.
 */
export function equalShares(profile: Profile, options: EqualSharesOptions = {}): RuleResult {
  const utility = options.utility ?? 'cost';
  const completion = options.completion ?? 'add1';
  const rule: RuleName = completion === 'add1' ? 'equalshares/add1' : 'equalshares';
  const prep = prepare(profile);
  const n = BigInt(prep.voters);
  const budget = profile.budget;

  let perVoter: Rational = n === 0n ? ZERO : rat(budget, n);
  const base = run(prep, perVoter, utility);
  let chosen = base;
  let add1Runs = 0;

  const exhaustive = (r: RunResult): boolean => {
    const funded = new Set(r.winners);
    for (let p = 0; p < prep.costs.length; p++) {
      if (!funded.has(p) && prep.supporters[p]! > 0 && r.spent + prep.costs[p]! <= budget) return false;
    }
    return true;
  };

  if (completion === 'add1' && n > 0n && !exhaustive(base)) {
    const unit = 10n ** BigInt(profile.digits);
    // Once a single voter could pay for every project, more money changes nothing.
    const ceiling = prep.costs.reduce((a, c) => a + c, 0n);
    let step = (budget / (n * unit)) * unit;
    while (step < ceiling) {
      step += unit;
      const next = run(prep, rat(step), utility);
      add1Runs++;
      if (next.spent > budget) break;
      chosen = next;
      perVoter = rat(step);
      if (exhaustive(next)) break;
    }
  }

  const baseSet = new Set(base.winners);
  const fundedSet = new Set(chosen.winners);
  const projects: ProjectOutcome[] = profile.projects.map((project, p) => {
    const common = {
      id: project.id,
      index: p,
      cost: project.cost,
      score: prep.scores[p]!,
      supporters: prep.supporters[p]!,
    };
    if (fundedSet.has(p)) {
      const detail = reduceDetail(chosen.details.get(p)!);
      return {
        ...common,
        funded: true,
        reason: baseSet.has(p) || chosen === base ? 'funded' : 'funded_in_completion',
        equalShares: detail,
      };
    }
    return { ...common, funded: false, reason: prep.supporters[p]! > 0 ? 'not_affordable' : 'no_support' };
  });
  return {
    rule,
    budget,
    digits: profile.digits,
    spent: chosen.spent,
    funded: chosen.winners.map((p) => profile.projects[p]!.id),
    projects,
    equalShares: {
      utility,
      perVoterBudget: perVoter,
      baseFunded: base.winners.map((p) => profile.projects[p]!.id),
      add1Runs,
    },
  };
}
