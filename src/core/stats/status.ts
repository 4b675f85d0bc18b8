// SPDX-License-Identifier: EUPL-1.2
// Value statuses for indicators and honest aggregation of indicator values to larger areas.
//
// A figure that cannot be shown is never 0 and never a null that a chart would draw as 0: it has
// its own status. Aggregation follows these rules (documented per method below):
//
// | inputs contain                          | result                                         |
// |-----------------------------------------|------------------------------------------------|
// | any `missing` part (that counts)        | `missing` (a sum without a part is not a sum)   |
// | else any `suppressed` part              | `suppressed` (the total would reveal the part)  |
// | else any `rounded` part                 | `rounded` (rounding errors add up)              |
// | `not_applicable` parts                  | left out; all parts not applicable → `not_applicable` |
// | no parts at all                         | `missing`                                       |
//
// `missing` outranks `suppressed`: when one part is unknown even internally, the aggregate is
// unknown, whatever else is hidden. A suppressed part makes the aggregate `suppressed` rather than
// smaller: publishing the total of the other parts, or a total including the hidden part, would let
// a reader recompute it. To keep a figure for the larger area, recompute it from the underlying
// data (respondents via the streaming aggregator, or `recompute_from_counts` on unsuppressed
// source counts) and apply suppression again at that level.

/** Status of an indicator value. */
export type ValueStatus = 'ok' | 'rounded' | 'suppressed' | 'missing' | 'not_applicable';

/** A number that may be shown (`ok`, or `rounded` when published rounded, e.g. CBS counts to 5). */
export interface NumericIndicatorValue {
  readonly status: 'ok' | 'rounded';
  readonly value: number;
}

/** No number: hidden for privacy/reliability, unknown, or meaningless for this area. */
export interface AbsentIndicatorValue {
  readonly status: 'suppressed' | 'missing' | 'not_applicable';
}

/** An indicator value: a number with its status, or a status without a number. */
export type IndicatorValue = NumericIndicatorValue | AbsentIndicatorValue;

/** An exact value. */
export function okValue(value: number): NumericIndicatorValue {
  if (!Number.isFinite(value)) throw new RangeError(`indicator value must be finite, got ${value}`);
  return { status: 'ok', value };
}

/** A value published in rounded form. */
export function roundedValue(value: number): NumericIndicatorValue {
  if (!Number.isFinite(value)) throw new RangeError(`indicator value must be finite, got ${value}`);
  return { status: 'rounded', value };
}

/** A value hidden because too few respondents/units are behind it. */
export const SUPPRESSED: AbsentIndicatorValue = Object.freeze({ status: 'suppressed' });
/** A value that is unknown (not delivered, not measured). */
export const MISSING: AbsentIndicatorValue = Object.freeze({ status: 'missing' });
/** A value that has no meaning for this area (e.g. share of seniors living alone where no seniors live). */
export const NOT_APPLICABLE: AbsentIndicatorValue = Object.freeze({ status: 'not_applicable' });

/** True when the value carries a number (`ok` or `rounded`). */
export function hasNumber(v: IndicatorValue): v is NumericIndicatorValue {
  return v.status === 'ok' || v.status === 'rounded';
}

/**
 * Rounds a value to a multiple of `base` (e.g. 5 for CBS-style rounding of counts); the result
 * is always `rounded`, also when the value happened to be a multiple already, because a reader
 * cannot tell. Absent values pass through unchanged.
 */
export function roundToBase(v: IndicatorValue, base: number): IndicatorValue {
  if (!(base > 0) || !Number.isFinite(base)) throw new RangeError(`base must be > 0, got ${base}`);
  if (!hasNumber(v)) return v;
  return roundedValue(Math.round(v.value / base) * base);
}

/** How an indicator is aggregated to a larger area. */
export type AggregationMethod = 'sum' | 'population_weighted_mean' | 'recompute_from_counts' | 'none';

/** One sub-area for a population-weighted mean. */
export interface PopulationWeightedPart {
  readonly value: IndicatorValue;
  /** Population of the sub-area the value refers to (finite, ≥ 0). */
  readonly population: number;
}

/** One sub-area for a ratio recomputed from counts. */
export interface CountsPart {
  readonly numerator: IndicatorValue;
  readonly denominator: IndicatorValue;
}

/** Input for {@link aggregateIndicator}, one variant per method. */
export type AggregationInput =
  | { readonly method: 'sum'; readonly parts: readonly IndicatorValue[] }
  | { readonly method: 'population_weighted_mean'; readonly parts: readonly PopulationWeightedPart[] }
  | {
      readonly method: 'recompute_from_counts';
      readonly parts: readonly CountsPart[];
      /** Multiplier for the ratio, e.g. 100 for a percentage, 1000 per thousand. Default 1. */
      readonly scale?: number;
      /** Suppress the aggregate when the summed denominator is below this. Default 0 (none). */
      readonly minDenominator?: number;
    }
  | { readonly method: 'none' };

/** Status of a combination of parts that all count, by the precedence in the module header. */
function combinedStatus(parts: readonly IndicatorValue[]): 'ok' | 'rounded' | 'suppressed' | 'missing' {
  let status: 'ok' | 'rounded' | 'suppressed' | 'missing' = 'ok';
  for (const p of parts) {
    if (p.status === 'missing') return 'missing';
    if (p.status === 'suppressed') status = 'suppressed';
    else if (p.status === 'rounded' && status === 'ok') status = 'rounded';
  }
  return status;
}

/**
 * Sum of the parts. `not_applicable` parts are left out (the indicator does not exist there);
 * otherwise any `missing` part → `missing`, else any `suppressed` part → `suppressed`, else any
 * `rounded` part → `rounded`. No parts → `missing`; only not-applicable parts → `not_applicable`.
 */
export function aggregateSum(parts: readonly IndicatorValue[]): IndicatorValue {
  if (parts.length === 0) return MISSING;
  const counted = parts.filter((p) => p.status !== 'not_applicable');
  if (counted.length === 0) return NOT_APPLICABLE;
  const status = combinedStatus(counted);
  if (status === 'missing') return MISSING;
  if (status === 'suppressed') return SUPPRESSED;
  let sum = 0;
  for (const p of counted) if (hasNumber(p)) sum += p.value;
  return { status, value: sum };
}

/**
 * Population-weighted mean Σ(Pᵢ·vᵢ) / ΣPᵢ. Correct only for per-person indicators whose
 * denominator is the population (for other ratios use `recompute_from_counts`). Parts with
 * population 0 are ignored whatever their status (nobody lives there); `not_applicable` parts are
 * left out with their population. Then the status rules of {@link aggregateSum} apply. No parts →
 * `missing`; no remaining population → `not_applicable`.
 */
export function aggregatePopulationWeightedMean(parts: readonly PopulationWeightedPart[]): IndicatorValue {
  if (parts.length === 0) return MISSING;
  const counted: PopulationWeightedPart[] = [];
  for (const p of parts) {
    if (!(p.population >= 0) || !Number.isFinite(p.population)) {
      throw new RangeError(`population must be finite and >= 0, got ${p.population}`);
    }
    if (p.population > 0 && p.value.status !== 'not_applicable') counted.push(p);
  }
  if (counted.length === 0) return NOT_APPLICABLE;
  const status = combinedStatus(counted.map((p) => p.value));
  if (status === 'missing') return MISSING;
  if (status === 'suppressed') return SUPPRESSED;
  let weighted = 0;
  let population = 0;
  for (const p of counted) {
    if (hasNumber(p.value)) {
      weighted += p.population * p.value.value;
      population += p.population;
    }
  }
  return { status, value: weighted / population };
}

/**
 * Ratio recomputed from summed counts: scale · Σnumᵢ / Σdenᵢ. Numerators and denominators are
 * each summed with the rules of {@link aggregateSum}; then: either side `missing` → `missing`;
 * either side `suppressed` → `suppressed`; both sides not applicable → `not_applicable`, only one
 * side → `missing` (inconsistent input); summed denominator 0 → `not_applicable` (no ratio exists);
 * summed denominator below `minDenominator` → `suppressed`; otherwise `rounded` if either side is
 * rounded, else `ok`.
 */
export function aggregateFromCounts(parts: readonly CountsPart[], options: { readonly scale?: number; readonly minDenominator?: number } = {}): IndicatorValue {
  const scale = options.scale ?? 1;
  const minDenominator = options.minDenominator ?? 0;
  if (!Number.isFinite(scale)) throw new RangeError(`scale must be finite, got ${scale}`);
  if (!(minDenominator >= 0)) throw new RangeError(`minDenominator must be >= 0, got ${minDenominator}`);
  const numerator = aggregateSum(parts.map((p) => p.numerator));
  const denominator = aggregateSum(parts.map((p) => p.denominator));
  if (numerator.status === 'missing' || denominator.status === 'missing') return MISSING;
  if (numerator.status === 'suppressed' || denominator.status === 'suppressed') return SUPPRESSED;
  if (!hasNumber(numerator) || !hasNumber(denominator)) {
    return !hasNumber(numerator) && !hasNumber(denominator) ? NOT_APPLICABLE : MISSING;
  }
  if (denominator.value === 0) return NOT_APPLICABLE;
  if (denominator.value < minDenominator) return SUPPRESSED;
  const status = numerator.status === 'rounded' || denominator.status === 'rounded' ? 'rounded' : 'ok';
  return { status, value: (scale * numerator.value) / denominator.value };
}

/**
 * Aggregates indicator values of sub-areas to a larger area with the indicator's method:
 * `sum` ({@link aggregateSum}), `population_weighted_mean` ({@link aggregatePopulationWeightedMean}),
 * `recompute_from_counts` ({@link aggregateFromCounts}) or `none` (not aggregatable, e.g. a
 * median or a survey mean that must be recomputed from respondents → `not_applicable`).
 */
export function aggregateIndicator(input: AggregationInput): IndicatorValue {
  switch (input.method) {
    case 'sum':
      return aggregateSum(input.parts);
    case 'population_weighted_mean':
      return aggregatePopulationWeightedMean(input.parts);
    case 'recompute_from_counts':
      return aggregateFromCounts(input.parts, input);
    case 'none':
      return NOT_APPLICABLE;
  }
}
