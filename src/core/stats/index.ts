// SPDX-License-Identifier: EUPL-1.2
/**
 * Honest statistics for the wijkkompas (liveability monitor).
 *
 * - Descriptives: {@link describeMean} (t interval), {@link describeShare} / {@link describeChoices}
 *   / {@link shareFromCounts} (Wilson interval), weighted via n_eff; from streamed moments with
 *   {@link meanFromMoments} / {@link shareFromMoments}.
 * - Weighting: {@link postStratify}, {@link rake}, {@link kishEffectiveSampleSize},
 *   {@link designEffect}.
 * - Suppression: every estimate is `missing` (n = 0) or `suppressed` below the minimum number of
 *   respondents ({@link DEFAULT_MIN_RESPONDENTS} = 30); {@link suppressTable} / {@link suppressRow}
 *   for counts with secondary suppression; {@link valueWithMinimum}.
 * - Comparisons: {@link compareAreaWithRest}, {@link compareWithPreviousWave} (Welch t / two-
 *   proportion z, significant only when p < α), {@link adjustPValues}.
 * - Indicator values: {@link IndicatorValue} with status `ok | rounded | suppressed | missing |
 *   not_applicable`, aggregated by {@link aggregateIndicator}.
 * - Streaming: {@link createAggregator} for millions of rows in O(groups) memory.
 * - Distributions: {@link normalCdf}, {@link normalQuantile}, {@link studentTCdf},
 *   {@link studentTQuantile}.
 *
 * Formulas and references are in the TSDoc of each function and the header of each module.
 * @packageDocumentation
 */

export {
  normalCdf,
  normalPdf,
  normalQuantile,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  regularizedIncompleteBeta,
  logGamma,
  logBeta,
} from './distributions.js';

export { type Moments, type MomentSummary, EMPTY_MOMENTS, momentsOf, mergeMoments, mergeAllMoments, effectiveSampleSizeOf } from './moments.js';

export {
  type ConfidenceInterval,
  type SuppressedEstimate,
  type MissingEstimate,
  type MeanEstimate,
  type MeanEstimateOk,
  type ShareEstimate,
  type ShareEstimateOk,
  type EstimateOptions,
  type MeanOptions,
  type WeightedOptions,
  type ChoiceAnswer,
  describeMean,
  estimateToIndicatorValue,
  describeShare,
  describeChoices,
  shareFromCounts,
  meanFromMoments,
  shareFromMoments,
  wilsonInterval,
  varianceOf,
} from './descriptives.js';

export {
  type PopulationCounts,
  type WeightingProblem,
  type StratumSummary,
  type PostStratificationResult,
  type RakingMargin,
  type RakingOptions,
  type RakingResult,
  type MarginDeviation,
  kishEffectiveSampleSize,
  designEffect,
  postStratify,
  rake,
} from './weighting.js';

export { type CountSuppressionOptions, type SuppressedTable, DEFAULT_MIN_RESPONDENTS, valueWithMinimum, suppressTable, suppressRow } from './suppression.js';

export {
  type ComparisonOptions,
  type ComparisonOk,
  type ComparisonResult,
  type ComparisonKind,
  compareMeans,
  compareShares,
  compareAreaWithRest,
  compareWithPreviousWave,
  restOfMunicipality,
  adjustPValues,
} from './compare.js';

export {
  type ValueStatus,
  type IndicatorValue,
  type NumericIndicatorValue,
  type AbsentIndicatorValue,
  type AggregationMethod,
  type AggregationInput,
  type PopulationWeightedPart,
  type CountsPart,
  SUPPRESSED,
  MISSING,
  NOT_APPLICABLE,
  okValue,
  roundedValue,
  hasNumber,
  roundToBase,
  aggregateIndicator,
  aggregateSum,
  aggregatePopulationWeightedMean,
  aggregateFromCounts,
} from './status.js';

export { type GroupKey, type GroupStatistics, type AnswerRow, type Aggregator, createAggregator } from './streaming.js';

export {
  type PlainSums,
  type WeightedSums,
  momentsFromSums,
  momentsFromCount,
  mergeWeightedSums,
  momentsFromWeightedSums,
  shareMomentsFromWeights,
} from './sums.js';

export { type RandomBelow, drawSample, seededRandom } from './sampling.js';
