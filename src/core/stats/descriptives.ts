// SPDX-License-Identifier: EUPL-1.2
// Means and shares of survey answers with 95% confidence intervals, weighted or not, with
// suppression of groups with too few respondents.
//
// Mean:  x̄_w = Σwx/Σw; s² = [Σw(x − x̄_w)²/Σw] · n_eff/(n_eff − 1); SE = s/√n_eff;
//        CI = x̄_w ± t(1 − α/2; n_eff − 1) · SE. Unweighted (all w = 1) this is the textbook
//        t interval (n_eff = n, s² the sample variance).
// Share: Wilson score interval (Wilson 1927) with p̂_w = Σw·[hit]/Σw and n = n_eff (Kish's
//        effective sample size; Korn & Graubard 1998 use the same substitution).
// n_eff = (Σw)²/Σw² (Kish 1965). Weights are treated as fixed (post-stratification/raking
// variance gains are ignored), which makes intervals slightly conservative for calibrated weights.
//
// Suppression: based on the number of respondents n (unweighted), default minimum 30. n = 0 gives
// `missing`. A mean also needs n_eff > 1 (else `suppressed`, reason `too_small_effective_sample`).

import { studentTQuantile, normalQuantile } from './distributions.js';
import { type Moments, effectiveSampleSizeOf, momentsOf } from './moments.js';
import { type IndicatorValue, MISSING, SUPPRESSED, okValue } from './status.js';
import { resolveMinimum } from './suppression.js';

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

/** A figure that is not shown because too few respondents are behind it. */
export interface SuppressedEstimate {
  readonly status: 'suppressed';
  readonly reason: 'too_few_respondents' | 'too_small_effective_sample';
  /** The minimum that applied (not the actual n: small groups are not shown, not even their size). */
  readonly minRespondents: number;
}

/** A figure that does not exist because nobody answered. */
export interface MissingEstimate {
  readonly status: 'missing';
  readonly reason: 'no_respondents';
}

interface EstimateBase {
  readonly status: 'ok';
  readonly estimate: number;
  readonly standardError: number;
  readonly ci: ConfidenceInterval;
  /** Respondents (unweighted). */
  readonly n: number;
  /** Kish effective sample size (Σw)²/Σw²; equals n without weights. */
  readonly nEffective: number;
  /** Design effect due to weighting, n/n_eff (1 without weights). */
  readonly designEffect: number;
}

/** A mean with its t interval. */
export interface MeanEstimateOk extends EstimateBase {
  readonly kind: 'mean';
  /** Degrees of freedom of the t quantile, n_eff − 1. */
  readonly df: number;
}

/** A share (proportion between 0 and 1) with its Wilson interval. */
export interface ShareEstimateOk extends EstimateBase {
  readonly kind: 'share';
}

export type MeanEstimate = MeanEstimateOk | SuppressedEstimate | MissingEstimate;
export type ShareEstimate = ShareEstimateOk | SuppressedEstimate | MissingEstimate;

/** Options shared by all estimates. */
export interface EstimateOptions {
  /** Confidence level, default 0.95. */
  readonly confidence?: number;
  /** Minimum number of respondents, default 30. */
  readonly minRespondents?: number;
}

/** Options for means. */
export interface MeanOptions extends EstimateOptions {
  /** Answer scale (e.g. 1–10); the interval is clipped to it. */
  readonly range?: { readonly min: number; readonly max: number };
}

/** Validates and returns the confidence level (default 0.95). */
export function resolveConfidence(confidence: number | undefined): number {
  const level = confidence ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence must be in (0, 1), got ${level}`);
  return level;
}

const NO_RESPONDENTS: MissingEstimate = Object.freeze({ status: 'missing', reason: 'no_respondents' });

/** Common gate: missing for n = 0, suppressed below the minimum, otherwise null (go on). */
export function gate(n: number, minRespondents: number): SuppressedEstimate | MissingEstimate | null {
  if (n === 0) return NO_RESPONDENTS;
  if (n < minRespondents) return { status: 'suppressed', reason: 'too_few_respondents', minRespondents };
  return null;
}

/**
 * Weighted variance estimate of one answer under the n_eff convention:
 * s² = [M2/Σw] · n_eff/(n_eff − 1). With all weights 1 this is M2/(n − 1).
 */
export function varianceOf(m: Moments): number {
  const nEff = effectiveSampleSizeOf(m);
  return (m.m2 / m.sumW) * (nEff / (nEff - 1));
}

/**
 * Mean with a t confidence interval from group moments (see module header for the formulas).
 * Returns `missing` (n = 0), `suppressed` (n < minRespondents or n_eff ≤ 1) or `ok`.
 */
export function meanFromMoments(m: Moments, options: MeanOptions = {}): MeanEstimate {
  const level = resolveConfidence(options.confidence);
  const minRespondents = resolveMinimum(options.minRespondents);
  const closed = gate(m.n, minRespondents);
  if (closed) return closed;
  const nEffective = effectiveSampleSizeOf(m);
  if (!(nEffective > 1)) return { status: 'suppressed', reason: 'too_small_effective_sample', minRespondents };
  const df = nEffective - 1;
  const standardError = Math.sqrt(Math.max(0, varianceOf(m)) / nEffective);
  const half = studentTQuantile(1 - (1 - level) / 2, df) * standardError;
  let lower = m.mean - half;
  let upper = m.mean + half;
  if (options.range) {
    lower = Math.max(lower, options.range.min);
    upper = Math.min(upper, options.range.max);
  }
  return {
    status: 'ok',
    kind: 'mean',
    estimate: m.mean,
    standardError,
    ci: { lower, upper, level },
    n: m.n,
    nEffective,
    designEffect: m.n / nEffective,
    df,
  };
}

/**
 * Wilson score interval for a proportion p̂ out of n (n may be an effective, non-integer size):
 * centre = (p̂ + z²/2n)/(1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²),
 * z = Φ⁻¹(1 − α/2) (E. B. Wilson, JASA 22, 1927; Agresti & Coull, Am. Stat. 52, 1998).
 */
export function wilsonInterval(p: number, n: number, confidence = 0.95): ConfidenceInterval {
  const level = resolveConfidence(confidence);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!(n > 0)) throw new RangeError(`n must be > 0, got ${n}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return {
    lower: p === 0 ? 0 : Math.max(0, centre - half),
    upper: p === 1 ? 1 : Math.min(1, centre + half),
    level,
  };
}

/**
 * Share with a Wilson interval from the moments of a 0/1 indicator (1 = the respondent gave
 * this answer): p̂ = weighted mean, n = n_eff, SE = √(p̂(1−p̂)/n_eff).
 */
export function shareFromMoments(m: Moments, options: EstimateOptions = {}): ShareEstimate {
  const level = resolveConfidence(options.confidence);
  const minRespondents = resolveMinimum(options.minRespondents);
  const closed = gate(m.n, minRespondents);
  if (closed) return closed;
  // Guard against rounding just outside [0, 1]; values other than 0/1 are a caller error.
  if (!(m.mean >= -1e-12 && m.mean <= 1 + 1e-12)) {
    throw new RangeError(`a share needs 0/1 answers; the mean is ${m.mean}`);
  }
  const p = Math.min(1, Math.max(0, m.mean));
  const nEffective = effectiveSampleSizeOf(m);
  return {
    status: 'ok',
    kind: 'share',
    estimate: p,
    standardError: Math.sqrt((p * (1 - p)) / nEffective),
    ci: wilsonInterval(p, nEffective, level),
    n: m.n,
    nEffective,
    designEffect: m.n / nEffective,
  };
}

/** Options with optional weights, one per answer (finite, > 0). */
export interface WeightedOptions {
  readonly weights?: readonly number[];
}

/**
 * Mean of numeric answers (grade 1–10, agree scale 1–5, …) with a t interval; weighted when
 * `weights` is given. Leave non-answers out of `values`.
 */
export function describeMean(values: readonly number[], options: MeanOptions & WeightedOptions = {}): MeanEstimate {
  return meanFromMoments(momentsOf(values, options.weights), options);
}

/**
 * Share of respondents for whom `hits[i]` is true (yes/no, "agree or strongly agree", a chosen
 * category) with a Wilson interval; weighted when `weights` is given (n = n_eff).
 */
export function describeShare(hits: readonly boolean[], options: EstimateOptions & WeightedOptions = {}): ShareEstimate {
  return shareFromMoments(
    momentsOf(
      hits.map((h) => (h ? 1 : 0)),
      options.weights,
    ),
    options,
  );
}

/** Unweighted share `successes / n` with a Wilson interval. */
export function shareFromCounts(successes: number, n: number, options: EstimateOptions = {}): ShareEstimate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes}`);
  }
  const mean = n === 0 ? 0 : successes / n;
  // Moments of n 0/1 answers: M2 = n·p(1−p)
  return shareFromMoments({ n, sumW: n, sumW2: n, mean, m2: n * mean * (1 - mean) }, options);
}

/** One respondent's answer to a single-choice (string) or multiple-choice (string[]) question; null = no answer. */
export type ChoiceAnswer = string | readonly string[] | null | undefined;

/**
 * Share of respondents choosing each category of a single- or multiple-choice question. The
 * denominator is the respondents who answered (null/undefined answers are left out, also from
 * the weights); for multiple choice the shares can add up to more than 1. `categories` lists the
 * categories to report (so that unchosen ones appear as 0 with their interval); by default the
 * categories that occur, in order of first occurrence.
 */
export function describeChoices(
  answers: readonly ChoiceAnswer[],
  options: EstimateOptions & WeightedOptions & { readonly categories?: readonly string[] } = {},
): Map<string, ShareEstimate> {
  const { weights } = options;
  if (weights !== undefined && weights.length !== answers.length) {
    throw new RangeError(`weights has length ${weights.length}, answers has length ${answers.length}`);
  }
  const answered: (readonly string[])[] = [];
  const answeredWeights: number[] = [];
  const seen: string[] = [];
  const seenSet = new Set<string>();
  answers.forEach((answer, i) => {
    if (answer === null || answer === undefined) return;
    const chosen = typeof answer === 'string' ? [answer] : answer;
    answered.push(chosen);
    answeredWeights.push(weights === undefined ? 1 : (weights[i] as number));
    for (const c of chosen) {
      if (!seenSet.has(c)) {
        seenSet.add(c);
        seen.push(c);
      }
    }
  });
  const result = new Map<string, ShareEstimate>();
  for (const category of options.categories ?? seen) {
    const hits = answered.map((chosen) => chosen.includes(category));
    result.set(category, describeShare(hits, { ...options, weights: answeredWeights }));
  }
  return result;
}

/**
 * The figure to publish for an estimate, as an indicator value: `ok` with scale · estimate (e.g.
 * scale 100 for a share in percent), or the estimate's `suppressed` / `missing` status.
 */
export function estimateToIndicatorValue(estimate: MeanEstimate | ShareEstimate, scale = 1): IndicatorValue {
  switch (estimate.status) {
    case 'ok':
      return okValue(scale * estimate.estimate);
    case 'suppressed':
      return SUPPRESSED;
    case 'missing':
      return MISSING;
  }
}
