// SPDX-License-Identifier: EUPL-1.2
// Weighting survey respondents to population margins (e.g. CBS counts per age group × sex per
// wijk): post-stratification and raking (iterative proportional fitting), plus Kish's effective
// sample size and design effect.
//
// Problems are reported, never papered over: an empty cell (population but no respondents) cannot
// be represented by any weight, so the weighting fails and lists it; the caller collapses cells
// (e.g. merges age groups) and tries again. Raking that does not converge returns its last weights
// only under the name `unconvergedWeights`, so they cannot be used by accident.
//
// References:
// - L. Kish, Survey Sampling (1965), 11.7 and "Weighting for unequal Pi", J. Off. Stat. 8 (1992):
//   n_eff = (Σw)²/Σw², deff = n·Σw²/(Σw)² = 1 + CV²(w).
// - D. Holt & T. M. F. Smith, "Post stratification", JRSS A 142 (1979).
// - W. E. Deming & F. F. Stephan, "On a least squares adjustment of a sampled frequency table when
//   the expected marginal totals are known", Ann. Math. Stat. 11 (1940) (raking / IPF).

/** Population counts per cell or category. */
export type PopulationCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function isMap(counts: PopulationCounts): counts is ReadonlyMap<string, number> {
  return counts instanceof Map;
}

function entriesOf(counts: PopulationCounts): [string, number][] {
  return isMap(counts) ? [...counts.entries()] : Object.entries(counts);
}

/** A reason why weights could not be computed. */
export type WeightingProblem =
  | { readonly kind: 'no_respondents' }
  | { readonly kind: 'invalid_base_weight'; readonly index: number; readonly weight: number }
  /** A cell/category has population but no respondents: collapse it with a neighbour. */
  | { readonly kind: 'empty_cell'; readonly variable?: string; readonly cell: string; readonly population: number }
  /** Respondents fall in a cell/category that has no population count (or no value at all: null). */
  | { readonly kind: 'unknown_cell'; readonly variable?: string; readonly cell: string | null; readonly respondents: number }
  /** Respondents fall in a cell/category whose population is 0 (e.g. after CBS rounding). */
  | { readonly kind: 'zero_population_cell'; readonly variable?: string; readonly cell: string; readonly respondents: number }
  | { readonly kind: 'invalid_population'; readonly variable?: string; readonly cell: string; readonly population: number }
  /** Raking margins must describe the same population. */
  | { readonly kind: 'inconsistent_margin_totals'; readonly variable: string; readonly total: number; readonly expected: number };

/**
 * Kish's effective sample size n_eff = (Σw)²/Σw² (Kish 1965). Equals n for equal weights and is
 * smaller the more the weights vary. 0 for no weights.
 */
export function kishEffectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let sumSquares = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    sum += w;
    sumSquares += w * w;
  }
  return sumSquares === 0 ? 0 : (sum * sum) / sumSquares;
}

/**
 * Design effect due to unequal weighting, deff = n/n_eff = n·Σw²/(Σw)² = 1 + CV²(w) (Kish 1992).
 * Variances of weighted estimates are about deff times those of a simple random sample of n.
 */
export function designEffect(weights: readonly number[]): number {
  const nEff = kishEffectiveSampleSize(weights);
  if (nEff === 0) throw new RangeError('design effect needs at least one positive weight');
  return weights.length / nEff;
}

function checkBaseWeights(base: readonly number[] | undefined, n: number, problems: WeightingProblem[]): number[] {
  if (base !== undefined && base.length !== n) {
    throw new RangeError(`baseWeights has length ${base.length}, respondents has length ${n}`);
  }
  const weights = base === undefined ? new Array<number>(n).fill(1) : [...base];
  weights.forEach((weight, index) => {
    if (!(weight > 0) || !Number.isFinite(weight)) problems.push({ kind: 'invalid_base_weight', index, weight });
  });
  return weights;
}

/** One post-stratum: its population, respondents and the weight they get. */
export interface StratumSummary {
  readonly cell: string;
  readonly population: number;
  readonly respondents: number;
  /** Adjustment factor N_c / Σ_{i∈c} d_i (the weight itself without base weights); null when empty. */
  readonly factor: number | null;
}

export type PostStratificationResult =
  | {
      readonly status: 'ok';
      /** One weight per respondent; they sum to the population total. */
      readonly weights: number[];
      readonly strata: readonly StratumSummary[];
      readonly totalPopulation: number;
      readonly nEffective: number;
      readonly designEffect: number;
    }
  | { readonly status: 'failed'; readonly problems: readonly WeightingProblem[]; readonly strata: readonly StratumSummary[] };

/**
 * Post-stratification: respondent i in cell c gets w_i = d_i · N_c / Σ_{j∈c} d_j, where N_c is the
 * population of the cell and d the base (design) weights, default 1 (Holt & Smith 1979). Cells are
 * keys chosen by the caller, e.g. `${wijk}|${ageGroup}|${sex}`; `null` means the respondent's cell
 * is unknown. Fails, listing every problem, when a cell with population has no respondents, a
 * respondent's cell has no (or a zero) population count, or counts/base weights are invalid.
 */
export function postStratify(
  respondentCells: readonly (string | null)[],
  population: PopulationCounts,
  options: { readonly baseWeights?: readonly number[] } = {},
): PostStratificationResult {
  const problems: WeightingProblem[] = [];
  const n = respondentCells.length;
  const base = checkBaseWeights(options.baseWeights, n, problems);
  if (n === 0) problems.push({ kind: 'no_respondents' });
  const populationOf = new Map<string, number>();
  for (const [cell, count] of entriesOf(population)) {
    if (!(count >= 0) || !Number.isFinite(count)) problems.push({ kind: 'invalid_population', cell, population: count });
    populationOf.set(cell, count);
  }
  const respondentsOf = new Map<string | null, number>();
  const baseSumOf = new Map<string | null, number>();
  respondentCells.forEach((cell, i) => {
    respondentsOf.set(cell, (respondentsOf.get(cell) ?? 0) + 1);
    baseSumOf.set(cell, (baseSumOf.get(cell) ?? 0) + (base[i] as number));
  });
  for (const [cell, respondents] of respondentsOf) {
    const count = cell === null ? undefined : populationOf.get(cell);
    if (cell === null || count === undefined) problems.push({ kind: 'unknown_cell', cell, respondents });
    else if (count === 0) problems.push({ kind: 'zero_population_cell', cell, respondents });
  }
  const strata: StratumSummary[] = [];
  let totalPopulation = 0;
  for (const [cell, count] of populationOf) {
    const respondents = respondentsOf.get(cell) ?? 0;
    if (respondents === 0 && count > 0) problems.push({ kind: 'empty_cell', cell, population: count });
    const baseSum = baseSumOf.get(cell) ?? 0;
    strata.push({ cell, population: count, respondents, factor: respondents > 0 && baseSum > 0 ? count / baseSum : null });
    totalPopulation += count;
  }
  if (problems.length > 0) return { status: 'failed', problems, strata };
  const factorOf = new Map(strata.map((s) => [s.cell, s.factor ?? 0]));
  const weights = respondentCells.map((cell, i) => (base[i] as number) * (factorOf.get(cell as string) ?? 0));
  const nEffective = kishEffectiveSampleSize(weights);
  return { status: 'ok', weights, strata, totalPopulation, nEffective, designEffect: n / nEffective };
}

/** One raking margin: a variable and the population count of each of its categories. */
export interface RakingMargin {
  /** Name of the variable, a key in each respondent record (e.g. 'ageGroup'). */
  readonly variable: string;
  readonly targets: PopulationCounts;
}

export interface RakingOptions {
  /** Design weights to start from, default 1. */
  readonly baseWeights?: readonly number[];
  /** Converged when every category total is within this relative distance of its target. Default 1e-6. */
  readonly tolerance?: number;
  /** Maximum number of full passes over all margins. Default 1000. */
  readonly maxIterations?: number;
  /**
   * Margins from different tables (e.g. CBS counts rounded to 5) often have slightly different
   * totals, for which no weights exist. With `true`, each margin after the first is scaled to the
   * first margin's total and the factors are reported; default false: such margins fail.
   */
  readonly harmonizeTotals?: boolean;
}

/** How far a category's weighted total is from its target. */
export interface MarginDeviation {
  readonly variable: string;
  readonly category: string;
  readonly target: number;
  readonly weighted: number;
  /** |weighted − target| / target */
  readonly relativeDeviation: number;
}

export type RakingResult =
  | {
      readonly status: 'converged';
      readonly weights: number[];
      readonly iterations: number;
      readonly maxRelativeDeviation: number;
      readonly totalPopulation: number;
      readonly nEffective: number;
      readonly designEffect: number;
      /** Scale factors applied to margins' targets when `harmonizeTotals` was on (1 = unchanged). */
      readonly harmonization: readonly { readonly variable: string; readonly factor: number }[];
    }
  | {
      readonly status: 'not_converged';
      /** The last iterate. It does NOT reproduce the margins; use only knowingly. */
      readonly unconvergedWeights: number[];
      readonly iterations: number;
      readonly maxRelativeDeviation: number;
      /** Categories still outside the tolerance, worst first. */
      readonly deviations: readonly MarginDeviation[];
    }
  | { readonly status: 'failed'; readonly problems: readonly WeightingProblem[] };

/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940): starting from the base weights,
 * repeatedly multiply the weights of the respondents in category k of margin m by
 * T_mk / Σ_{i∈k} w_i, for all margins in turn, until every category total is within `tolerance`
 * (relative) of its target or `maxIterations` passes are done. Respondents are records with one
 * category per margin variable. Before raking, inputs are checked (unknown or empty categories,
 * zero targets with respondents, inconsistent margin totals) and all problems are reported.
 */
export function rake(
  respondents: readonly Readonly<Record<string, string | null | undefined>>[],
  margins: readonly RakingMargin[],
  options: RakingOptions = {},
): RakingResult {
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 1000;
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations must be an integer >= 1, got ${maxIterations}`);
  }
  if (margins.length === 0) throw new RangeError('raking needs at least one margin');
  const problems: WeightingProblem[] = [];
  const n = respondents.length;
  const weights = checkBaseWeights(options.baseWeights, n, problems);
  if (n === 0) problems.push({ kind: 'no_respondents' });

  // Per margin: category index per respondent and target per category.
  interface PreparedMargin {
    variable: string;
    categories: string[];
    targets: number[];
    categoryOf: Int32Array;
  }
  const prepared: PreparedMargin[] = [];
  const harmonization: { variable: string; factor: number }[] = [];
  let referenceTotal = 0;
  margins.forEach((margin, m) => {
    const { variable } = margin;
    const categories: string[] = [];
    const targets: number[] = [];
    const indexOf = new Map<string, number>();
    let total = 0;
    for (const [category, target] of entriesOf(margin.targets)) {
      if (!(target >= 0) || !Number.isFinite(target)) {
        problems.push({ kind: 'invalid_population', variable, cell: category, population: target });
      }
      indexOf.set(category, categories.length);
      categories.push(category);
      targets.push(target);
      total += target;
    }
    let factor = 1;
    if (m === 0) referenceTotal = total;
    else if (Math.abs(total - referenceTotal) > tolerance * referenceTotal) {
      if (options.harmonizeTotals && total > 0) factor = referenceTotal / total;
      else problems.push({ kind: 'inconsistent_margin_totals', variable, total, expected: referenceTotal });
    }
    harmonization.push({ variable, factor });
    const categoryOf = new Int32Array(n);
    const counts = new Array<number>(categories.length).fill(0);
    const unknown = new Map<string | null, number>();
    respondents.forEach((r, i) => {
      const value = r[variable] ?? null;
      const k = value === null ? undefined : indexOf.get(value);
      if (k === undefined) {
        unknown.set(value, (unknown.get(value) ?? 0) + 1);
        categoryOf[i] = -1;
      } else {
        categoryOf[i] = k;
        counts[k] = (counts[k] as number) + 1;
      }
    });
    for (const [cell, count] of unknown) problems.push({ kind: 'unknown_cell', variable, cell, respondents: count });
    categories.forEach((cell, k) => {
      const target = targets[k] as number;
      const count = counts[k] as number;
      if (count === 0 && target > 0) problems.push({ kind: 'empty_cell', variable, cell, population: target });
      if (count > 0 && target === 0) problems.push({ kind: 'zero_population_cell', variable, cell, respondents: count });
    });
    prepared.push({ variable, categories, targets: targets.map((t) => t * factor), categoryOf });
  });
  if (problems.length > 0) return { status: 'failed', problems };

  const totalsFor = (margin: PreparedMargin): Float64Array => {
    const totals = new Float64Array(margin.categories.length);
    for (let i = 0; i < n; i++) {
      const k = margin.categoryOf[i] as number;
      totals[k] = (totals[k] as number) + (weights[i] as number);
    }
    return totals;
  };
  const deviationsNow = (): MarginDeviation[] => {
    const out: MarginDeviation[] = [];
    for (const margin of prepared) {
      const totals = totalsFor(margin);
      margin.categories.forEach((category, k) => {
        const target = margin.targets[k] as number;
        if (target === 0) return; // no respondents there (checked above)
        const weighted = totals[k] as number;
        out.push({ variable: margin.variable, category, target, weighted, relativeDeviation: Math.abs(weighted - target) / target });
      });
    }
    return out;
  };

  let iterations = 0;
  let deviations: MarginDeviation[] = [];
  let maxRelativeDeviation = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    iterations += 1;
    for (const margin of prepared) {
      const totals = totalsFor(margin);
      const factors = margin.targets.map((t, k) => t / (totals[k] as number));
      for (let i = 0; i < n; i++) weights[i] = (weights[i] as number) * (factors[margin.categoryOf[i] as number] as number);
    }
    deviations = deviationsNow();
    maxRelativeDeviation = deviations.reduce((mx, d) => Math.max(mx, d.relativeDeviation), 0);
    if (maxRelativeDeviation <= tolerance) {
      const nEffective = kishEffectiveSampleSize(weights);
      return {
        status: 'converged',
        weights,
        iterations,
        maxRelativeDeviation,
        totalPopulation: referenceTotal,
        nEffective,
        designEffect: n / nEffective,
        harmonization,
      };
    }
  }
  return {
    status: 'not_converged',
    unconvergedWeights: weights,
    iterations,
    maxRelativeDeviation,
    deviations: deviations.filter((d) => d.relativeDeviation > tolerance).sort((a, b) => b.relativeDeviation - a.relativeDeviation),
  };
}
