// SPDX-License-Identifier: EUPL-1.2
// Moments from plain sums, for groups aggregated elsewhere (e.g. SQL GROUP BY returning count,
// Σx and Σx² per weighting cell), and the weighted merge of such cells.
//
// Within one cell every respondent has the same weight w, so with n, S1 = Σx, S2 = Σx²:
//   mean = S1/n, M2 = w·(S2 − S1²/n), Σw = w·n, Σw² = w²·n.
// Cells are then combined with mergeMoments (Chan, Golub & LeVeque), which keeps the result equal to
// feeding the weighted rows one by one. S2 − S1²/n is exact for integer answers (grades, 0/1) up to
// 2^53; tiny negative results from rounding are clipped to 0.
import { EMPTY_MOMENTS, type MomentSummary, mergeMoments } from './moments.js';

/** Count, sum and sum of squares of one group of answers that share one weight. */
export interface PlainSums {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** The moments of a group given by its plain sums, every answer with weight `weight` (default 1). */
export function momentsFromSums(sums: PlainSums, weight = 1): MomentSummary {
  const { n, sum, sumSquares } = sums;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`weight must be a finite number > 0, got ${weight}`);
  if (!Number.isFinite(sum) || !Number.isFinite(sumSquares)) throw new RangeError('sums must be finite');
  if (n === 0) return EMPTY_MOMENTS;
  const mean = sum / n;
  const m2 = weight * Math.max(0, sumSquares - (sum * sum) / n);
  const sumW = weight * n;
  return { n, sumW, sumW2: weight * weight * n, mean, m2, sumWX: mean * sumW, sumWX2: m2 + sumW * mean * mean };
}

/** Moments of a 0/1 indicator with `hits` ones among `n` answers, every answer with weight `weight`. */
export function momentsFromCount(hits: number, n: number, weight = 1): MomentSummary {
  if (!Number.isInteger(hits) || hits < 0 || hits > n) throw new RangeError(`hits must be an integer in [0, n], got ${hits}`);
  return momentsFromSums({ n, sum: hits, sumSquares: hits }, weight);
}

/** Several cells, each with its own weight, combined into one group. */
export function mergeWeightedSums(cells: Iterable<{ readonly sums: PlainSums; readonly weight: number }>): MomentSummary {
  let total: MomentSummary = EMPTY_MOMENTS;
  for (const cell of cells) total = mergeMoments(total, momentsFromSums(cell.sums, cell.weight));
  return total;
}

/** Weighted sums of one group: n, Σw, Σw², Σwx, Σwx² (e.g. from SQL with the weights joined in). */
export interface WeightedSums {
  readonly n: number;
  readonly sumW: number;
  readonly sumW2: number;
  readonly sumWX: number;
  readonly sumWX2: number;
}

/**
 * The moments of a group given by its weighted sums: mean = Σwx/Σw, M2 = Σwx² − (Σwx)²/Σw (clipped
 * at 0). The raw-power form loses digits when the mean is large against the spread; for answer
 * scales (1–10, 0/1) with weights up to ~10⁴ the error stays below 10⁻⁶ of M2.
 */
export function momentsFromWeightedSums(sums: WeightedSums): MomentSummary {
  const { n, sumW, sumW2, sumWX, sumWX2 } = sums;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (n === 0) return EMPTY_MOMENTS;
  if (!(sumW > 0) || !(sumW2 > 0) || !Number.isFinite(sumWX) || !Number.isFinite(sumWX2)) throw new RangeError('weighted sums must be finite with Σw > 0');
  const mean = sumWX / sumW;
  const m2 = Math.max(0, sumWX2 - sumWX * mean);
  return { n, sumW, sumW2, mean, m2, sumWX: mean * sumW, sumWX2: m2 + sumW * mean * mean };
}

/** A 0/1 indicator: `hitsW` = Σw over the ones, of a group with weighted sums `group` (any x). */
export function shareMomentsFromWeights(hitsW: number, group: Pick<WeightedSums, 'n' | 'sumW' | 'sumW2'>): MomentSummary {
  if (group.n === 0) return EMPTY_MOMENTS;
  const p = Math.min(1, Math.max(0, hitsW / group.sumW));
  return momentsFromWeightedSums({ n: group.n, sumW: group.sumW, sumW2: group.sumW2, sumWX: p * group.sumW, sumWX2: p * group.sumW });
}
