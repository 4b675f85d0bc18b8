// SPDX-License-Identifier: EUPL-1.2
// Comparisons between two independent groups of respondents: an area against the rest of the
// municipality (the municipality WITHOUT that area, so the samples do not overlap), or an area
// against its own previous survey wave (different respondents each wave).
//
// Means:  Welch's t-test. d = x̄a − x̄b, SE = √(s²a/n_eff,a + s²b/n_eff,b), t = d/SE,
//         df = SE⁴ / [ (s²a/n_a)²/(n_a − 1) + (s²b/n_b)²/(n_b − 1) ] with n = n_eff
//         (Welch 1947; Satterthwaite 1946); CI = d ± t(1 − α/2; df)·SE. The CI excludes 0 exactly
//         when p < α.
// Shares: two-proportion z-test with the pooled proportion under H0,
//         p̄ = (n_a·p̂a + n_b·p̂b)/(n_a + n_b), z = d / √(p̄(1−p̄)(1/n_a + 1/n_b)), n = n_eff;
//         CI of d: Newcombe's hybrid score interval from the two Wilson intervals (Newcombe,
//         Stat. Med. 17, 1998, method 10). Near the boundary the CI and the test can disagree;
//         `significant` follows the p-value.
// `significant` is true only when p < α (default 0.05); `direction` says `higher`/`lower` only
// when significant, otherwise `no_significant_difference`: nothing is notable unless significant.
// Many comparisons (areas × questions) produce false positives at rate α; see adjustPValues.

import { normalCdf, studentTCdf, studentTQuantile } from './distributions.js';
import { type ConfidenceInterval, type MissingEstimate, type SuppressedEstimate, gate, varianceOf, wilsonInterval } from './descriptives.js';
import { type Moments, effectiveSampleSizeOf, mergeMoments, EMPTY_MOMENTS, type MomentSummary } from './moments.js';
import { resolveMinimum } from './suppression.js';

export interface ComparisonOptions {
  /** Significance level α, default 0.05; the CI has level 1 − α. */
  readonly alpha?: number;
  /** Minimum number of respondents in each group, default 30. */
  readonly minRespondents?: number;
}

export interface ComparisonOk {
  readonly status: 'ok';
  readonly test: 'welch_t' | 'two_proportion_z';
  /** Estimate of the group of interest (the area, or the current wave). */
  readonly estimate: number;
  /** Estimate of the reference group (rest of the municipality, or the previous wave). */
  readonly reference: number;
  /** estimate − reference */
  readonly difference: number;
  /** Standard error of the difference (for shares the unpooled one; z uses the pooled SE under H0). */
  readonly standardError: number;
  /** Interval for the difference, level 1 − α. */
  readonly ci: ConfidenceInterval;
  /** t or z statistic (±Infinity when both groups have zero spread and differ). */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom; null for the z-test. */
  readonly df: number | null;
  /** Two-sided p-value. */
  readonly pValue: number;
  readonly alpha: number;
  /** p < α */
  readonly significant: boolean;
  readonly direction: 'higher' | 'lower' | 'no_significant_difference';
  readonly nEffective: { readonly group: number; readonly reference: number };
}

export type ComparisonResult = ComparisonOk | SuppressedEstimate | MissingEstimate;

function resolveAlpha(alpha: number | undefined): number {
  const a = alpha ?? 0.05;
  if (!(a > 0 && a < 1)) throw new RangeError(`alpha must be in (0, 1), got ${a}`);
  return a;
}

function gateBoth(a: Moments, b: Moments, options: ComparisonOptions): SuppressedEstimate | MissingEstimate | null {
  const min = resolveMinimum(options.minRespondents);
  const ga = gate(a.n, min);
  const gb = gate(b.n, min);
  // Missing outranks suppressed: without one of the groups there is no comparison at all.
  if (ga?.status === 'missing') return ga;
  if (gb?.status === 'missing') return gb;
  return ga ?? gb;
}

/** Adds difference, significance and direction; `significant` is p < α and nothing else. */
function finish(parts: Omit<ComparisonOk, 'status' | 'difference' | 'significant' | 'direction'>): ComparisonOk {
  const difference = parts.estimate - parts.reference;
  const significant = parts.pValue < parts.alpha;
  return {
    status: 'ok',
    ...parts,
    difference,
    significant,
    direction: !significant ? 'no_significant_difference' : difference > 0 ? 'higher' : 'lower',
  };
}

/**
 * Welch's two-sample t-test and CI for the difference of two (weighted) means, from group
 * moments (formulas in the module header). `group` minus `reference`.
 */
export function compareMeans(group: Moments, reference: Moments, options: ComparisonOptions = {}): ComparisonResult {
  const alpha = resolveAlpha(options.alpha);
  const closed = gateBoth(group, reference, options);
  if (closed) return closed;
  const na = effectiveSampleSizeOf(group);
  const nb = effectiveSampleSizeOf(reference);
  const min = resolveMinimum(options.minRespondents);
  if (!(na > 1) || !(nb > 1)) return { status: 'suppressed', reason: 'too_small_effective_sample', minRespondents: min };
  const va = Math.max(0, varianceOf(group)) / na;
  const vb = Math.max(0, varianceOf(reference)) / nb;
  const se = Math.sqrt(va + vb);
  const d = group.mean - reference.mean;
  const nEffective = { group: na, reference: nb };
  if (se === 0) {
    // Both groups without spread: the difference is known exactly.
    return finish({
      test: 'welch_t',
      estimate: group.mean,
      reference: reference.mean,
      standardError: 0,
      ci: { lower: d, upper: d, level: 1 - alpha },
      statistic: d === 0 ? 0 : d > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY,
      df: na + nb - 2,
      pValue: d === 0 ? 1 : 0,
      alpha,
      nEffective,
    });
  }
  const df = (va + vb) ** 2 / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  const t = d / se;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const half = studentTQuantile(1 - alpha / 2, df) * se;
  return finish({
    test: 'welch_t',
    estimate: group.mean,
    reference: reference.mean,
    standardError: se,
    ci: { lower: d - half, upper: d + half, level: 1 - alpha },
    statistic: t,
    df,
    pValue,
    alpha,
    nEffective,
  });
}

/**
 * Two-proportion z-test (pooled) with Newcombe's hybrid score CI for the difference of two
 * (weighted) shares, from the moments of 0/1 answers; n = n_eff. `group` minus `reference`.
 */
export function compareShares(group: Moments, reference: Moments, options: ComparisonOptions = {}): ComparisonResult {
  const alpha = resolveAlpha(options.alpha);
  const closed = gateBoth(group, reference, options);
  if (closed) return closed;
  const na = effectiveSampleSizeOf(group);
  const nb = effectiveSampleSizeOf(reference);
  const clamp = (p: number): number => {
    if (!(p >= -1e-12 && p <= 1 + 1e-12)) throw new RangeError(`a share needs 0/1 answers; the mean is ${p}`);
    return Math.min(1, Math.max(0, p));
  };
  const pa = clamp(group.mean);
  const pb = clamp(reference.mean);
  const d = pa - pb;
  const pooled = (na * pa + nb * pb) / (na + nb);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  let z: number;
  let pValue: number;
  if (se0 === 0) {
    // Pooled share 0 or 1: both groups identical (all no or all yes).
    z = 0;
    pValue = 1;
  } else {
    z = d / se0;
    pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  }
  const level = 1 - alpha;
  const wa = wilsonInterval(pa, na, level);
  const wb = wilsonInterval(pb, nb, level);
  const lower = d - Math.sqrt((pa - wa.lower) ** 2 + (wb.upper - pb) ** 2);
  const upper = d + Math.sqrt((wa.upper - pa) ** 2 + (pb - wb.lower) ** 2);
  const seUnpooled = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  return finish({
    test: 'two_proportion_z',
    estimate: pa,
    reference: pb,
    standardError: seUnpooled,
    ci: { lower, upper, level },
    statistic: z,
    df: null,
    pValue,
    alpha,
    nEffective: { group: na, reference: nb },
  });
}

/** Whether the answers are a numeric scale (mean) or a 0/1 indicator (share). */
export type ComparisonKind = 'mean' | 'share';

function compare(kind: ComparisonKind, group: Moments, reference: Moments, options: ComparisonOptions): ComparisonResult {
  return kind === 'mean' ? compareMeans(group, reference, options) : compareShares(group, reference, options);
}

/**
 * The moments of the municipality without one area: the merge of all other areas' moments
 * (include a group for respondents without a known area, if any). Merging, rather than
 * subtracting the area from the municipal total, keeps the computation stable.
 */
export function restOfMunicipality(byArea: Iterable<readonly [string, Moments]>, areaId: string): MomentSummary {
  let rest: MomentSummary = EMPTY_MOMENTS;
  for (const [id, moments] of byArea) if (id !== areaId) rest = mergeMoments(rest, moments);
  return rest;
}

/**
 * Area versus the rest of the municipality (two independent samples: Welch t for means,
 * two-proportion z for shares, effective n when weighted). `rest` must NOT contain the area's
 * respondents (see {@link restOfMunicipality}). Difference = area − rest.
 */
export function compareAreaWithRest(kind: ComparisonKind, area: Moments, rest: Moments, options: ComparisonOptions = {}): ComparisonResult {
  return compare(kind, area, rest, options);
}

/**
 * Area in this wave versus the same area in the previous wave, as independent samples (new
 * respondents each wave). Difference = current − previous.
 */
export function compareWithPreviousWave(kind: ComparisonKind, current: Moments, previous: Moments, options: ComparisonOptions = {}): ComparisonResult {
  return compare(kind, current, previous, options);
}

/**
 * Adjusts p-values for multiple comparisons: Holm's step-down method (controls the family-wise
 * error rate; Holm, Scand. J. Stat. 6, 1979) or Benjamini–Hochberg (controls the false discovery
 * rate; JRSS B 57, 1995). Returns adjusted p-values in the input order; compare them with α.
 */
export function adjustPValues(pValues: readonly number[], method: 'holm' | 'benjamini_hochberg'): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m).fill(0);
  if (method === 'holm') {
    let running = 0;
    order.forEach(([p, i], rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p));
      adjusted[i] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const [p, i] = order[rank] as readonly [number, number];
      running = Math.min(running, (m / (rank + 1)) * p);
      adjusted[i] = Math.min(1, running);
    }
  }
  return adjusted;
}
