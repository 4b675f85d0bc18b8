// SPDX-License-Identifier: EUPL-1.2
// Weighted sufficient statistics of one group of answers, kept in a numerically stable form.
//
// The variance is NOT derived from Σwx² − (Σwx)²/Σw (catastrophic cancellation when the mean is
// large relative to the spread); instead M2 = Σw(x − x̄)² is updated incrementally around a
// running mean (Welford 1962, weighted form by West 1979), on values shifted by the group's first
// value so that the updates stay small. Σw, Σw² and the shifted Σwx are kept as compensated
// (Kahan-Babuška-Neumaier) sums, so the reported mean does not drift with n. Σwx and Σwx² are
// reported as the derived values x̄·Σw and M2 + Σw·x̄².
//
// References:
// - B. P. Welford, "Note on a method for calculating corrected sums of squares and products",
//   Technometrics 4 (1962).
// - D. H. D. West, "Updating mean and variance estimates: an improved method", CACM 22 (1979).
// - T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for computing the sample variance"
//   (1979/1983): pairwise merge of two groups.
// - A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
//   ZAMM 54 (1974).

/** Weighted sufficient statistics of one group. With all weights 1, sumW = sumW2 = n. */
export interface Moments {
  /** Number of respondents (unweighted). */
  readonly n: number;
  /** Σw */
  readonly sumW: number;
  /** Σw² */
  readonly sumW2: number;
  /** Weighted mean Σwx / Σw (0 when n = 0). */
  readonly mean: number;
  /** M2 = Σw(x − mean)², the weighted sum of squared deviations. */
  readonly m2: number;
}

/** Moments plus the raw-power sums Σwx and Σwx², derived stably from mean and M2. */
export interface MomentSummary extends Moments {
  /** Σwx = mean · Σw */
  readonly sumWX: number;
  /** Σwx² = M2 + Σw · mean² */
  readonly sumWX2: number;
}

/** The empty group. */
export const EMPTY_MOMENTS: MomentSummary = Object.freeze({
  n: 0,
  sumW: 0,
  sumW2: 0,
  mean: 0,
  m2: 0,
  sumWX: 0,
  sumWX2: 0,
});

/** Validates one observation; throws a RangeError naming the problem. */
export function assertObservation(value: number, weight: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`value must be a finite number, got ${value}`);
  if (!(weight > 0) || !Number.isFinite(weight)) {
    throw new RangeError(`weight must be a finite number > 0, got ${weight}`);
  }
}

/**
 * Mutable accumulator for one group: weighted Welford/West update of mean and M2, compensated
 * sums for Σw and Σw². O(1) memory; `add` does not validate (callers do, once).
 */
export class MomentAccumulator {
  n = 0;
  sumW = 0;
  private sumWCompensation = 0;
  sumW2 = 0;
  private sumW2Compensation = 0;
  /** The group's first value; all updates work on y = x − shift, which keeps them small. */
  private shift = 0;
  /** Σw·y, Neumaier-compensated: the reported mean is shift + Σwy/Σw, accurate for any n. */
  private sumWY = 0;
  private sumWYCompensation = 0;
  /** Running (Welford/West) mean of y, the centre for the M2 update. */
  private runningMean = 0;
  m2 = 0;

  add(value: number, weight: number): void {
    if (this.n === 0) this.shift = value;
    const y = value - this.shift;
    this.n += 1;
    // Neumaier-compensated Σw
    const s = this.sumW;
    const t = s + weight;
    this.sumWCompensation += s >= weight ? s - t + weight : weight - t + s;
    this.sumW = t;
    // Neumaier-compensated Σw²
    const w2 = weight * weight;
    const s2 = this.sumW2;
    const t2 = s2 + w2;
    this.sumW2Compensation += s2 >= w2 ? s2 - t2 + w2 : w2 - t2 + s2;
    this.sumW2 = t2;
    // Neumaier-compensated Σwy
    const wy = weight * y;
    const sy = this.sumWY;
    const ty = sy + wy;
    this.sumWYCompensation += Math.abs(sy) >= Math.abs(wy) ? sy - ty + wy : wy - ty + sy;
    this.sumWY = ty;
    // West's weighted Welford update of the running mean and M2 = Σw(y − ȳ)² = Σw(x − x̄)²
    const totalW = t + this.sumWCompensation;
    const delta = y - this.runningMean;
    this.runningMean += (weight / totalW) * delta;
    this.m2 += weight * delta * (y - this.runningMean);
  }

  /** Snapshot as an immutable summary. */
  summary(): MomentSummary {
    const sumW = this.sumW + this.sumWCompensation;
    return summarize({
      n: this.n,
      sumW,
      sumW2: this.sumW2 + this.sumW2Compensation,
      mean: this.n === 0 ? 0 : this.shift + (this.sumWY + this.sumWYCompensation) / sumW,
      m2: this.m2,
    });
  }
}

function summarize(m: Moments): MomentSummary {
  if (m.n === 0) return EMPTY_MOMENTS;
  return {
    n: m.n,
    sumW: m.sumW,
    sumW2: m.sumW2,
    mean: m.mean,
    m2: m.m2,
    sumWX: m.mean * m.sumW,
    sumWX2: m.m2 + m.sumW * m.mean * m.mean,
  };
}

/**
 * Moments of a list of answers, optionally weighted (weights must be finite and > 0, one per
 * value). Throws a RangeError on non-finite values, bad weights or mismatched lengths.
 */
export function momentsOf(values: readonly number[], weights?: readonly number[]): MomentSummary {
  if (weights !== undefined && weights.length !== values.length) {
    throw new RangeError(`weights has length ${weights.length}, values has length ${values.length}`);
  }
  const acc = new MomentAccumulator();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const weight = weights === undefined ? 1 : (weights[i] as number);
    assertObservation(value, weight);
    acc.add(value, weight);
  }
  return acc.summary();
}

/**
 * Moments of two disjoint groups combined (Chan, Golub & LeVeque):
 * W = Wa + Wb, δ = x̄b − x̄a, x̄ = x̄a + δ·Wb/W, M2 = M2a + M2b + δ²·Wa·Wb/W.
 */
export function mergeMoments(a: Moments, b: Moments): MomentSummary {
  if (a.n === 0) return summarize(b);
  if (b.n === 0) return summarize(a);
  const sumW = a.sumW + b.sumW;
  const delta = b.mean - a.mean;
  return summarize({
    n: a.n + b.n,
    sumW,
    sumW2: a.sumW2 + b.sumW2,
    mean: a.mean + delta * (b.sumW / sumW),
    m2: a.m2 + b.m2 + delta * delta * ((a.sumW * b.sumW) / sumW),
  });
}

/** Moments of several disjoint groups combined (pairwise merges). */
export function mergeAllMoments(groups: Iterable<Moments>): MomentSummary {
  let total: MomentSummary = EMPTY_MOMENTS;
  for (const g of groups) total = mergeMoments(total, g);
  return total;
}

/**
 * Kish's effective sample size of a group, n_eff = (Σw)² / Σw² (Kish 1965, Survey Sampling,
 * 8.2). Equals n when all weights are equal; 0 for an empty group.
 */
export function effectiveSampleSizeOf(m: Moments): number {
  if (m.n === 0 || m.sumW2 === 0) return 0;
  return (m.sumW * m.sumW) / m.sumW2;
}
