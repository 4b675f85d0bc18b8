// SPDX-License-Identifier: EUPL-1.2
// Results of a wave from the sufficient statistics the database aggregated (count, Σx, Σx² per
// area, question, weighting cell and option): weights per cell (post-stratification to age group ×
// sex per area, raking on the two margins when a cell is empty, unweighted when there are no
// margins), then means and shares with 95% intervals, suppression below the wave's minimum, and
// comparisons with the rest of the municipality and with the previous wave, via src/core/stats.
import {
  EMPTY_MOMENTS,
  compareAreaWithRest,
  compareWithPreviousWave,
  meanFromMoments,
  mergeMoments,
  momentsFromWeightedSums,
  postStratify,
  rake,
  shareFromMoments,
  shareMomentsFromWeights,
  type ComparisonResult,
  type MeanEstimate,
  type MomentSummary,
  type ShareEstimate,
} from '../../core/stats/index.js';
import type { LocalizedText } from '../errors.js';
import type { WeightedAnswerSums } from './queries.js';
import { optionsOf, type Question } from './rules.js';

export type WeightingMethod = 'post_stratification' | 'raking' | 'none';

export interface AreaWeighting {
  method: WeightingMethod;
  /** Why the answers are not weighted (no margins, or the weighting failed and why). */
  reason: string | null;
  /** Weight of a respondent in each cell (`null` key: cell unknown). */
  weights: Map<string | null, number>;
  respondents: number;
  nEffective: number;
  designEffect: number;
}

/**
 * Weights per cell for one area. `cells`: respondents per cell (`age|sex` or null); `margins`:
 * population per `age|sex`. Respondents outside the margins (cell unknown, sex "anders") get the
 * mean weight of the others.
 */
export function weightArea(cells: ReadonlyMap<string | null, number>, margins: ReadonlyMap<string, number> | undefined): AreaWeighting {
  let respondents = 0;
  for (const n of cells.values()) respondents += n;
  const unweighted = (reason: string): AreaWeighting => ({
    method: 'none',
    reason,
    weights: new Map([...cells.keys()].map((c) => [c, 1])),
    respondents,
    nEffective: respondents,
    designEffect: 1,
  });
  if (margins === undefined || margins.size === 0) return unweighted('no_margins');
  const known: string[] = [];
  for (const [cell, n] of cells) if (cell !== null && margins.has(cell)) for (let i = 0; i < n; i++) known.push(cell);
  if (known.length === 0) return unweighted('no_respondents_in_margins');
  let method: WeightingMethod = 'post_stratification';
  let weightOfKnown = new Map<string, number>();
  const post = postStratify(known, margins);
  if (post.status === 'ok') {
    for (const s of post.strata) if (s.factor !== null) weightOfKnown.set(s.cell, s.factor);
  } else {
    method = 'raking';
    const records = known.map((cell) => {
      const [age, sex] = cell.split('|');
      return { age: age ?? null, sex: sex ?? null };
    });
    const ageTargets = new Map<string, number>();
    const sexTargets = new Map<string, number>();
    for (const [cell, population] of margins) {
      const [age = '', sex = ''] = cell.split('|');
      ageTargets.set(age, (ageTargets.get(age) ?? 0) + population);
      sexTargets.set(sex, (sexTargets.get(sex) ?? 0) + population);
    }
    const raked = rake(
      records,
      [
        { variable: 'age', targets: ageTargets },
        { variable: 'sex', targets: sexTargets },
      ],
      { maxIterations: 2000, tolerance: 1e-9 },
    );
    if (raked.status !== 'converged')
      return unweighted(raked.status === 'failed' ? `weighting_failed:${raked.problems.map((p) => p.kind).join(',')}` : 'weighting_not_converged');
    weightOfKnown = new Map();
    known.forEach((cell, i) => weightOfKnown.set(cell, raked.weights[i] as number));
  }
  let sum = 0;
  for (const cell of known) sum += weightOfKnown.get(cell) ?? 0;
  const meanWeight = sum / known.length;
  const weights = new Map<string | null, number>();
  let sumW = 0;
  let sumW2 = 0;
  for (const [cell, n] of cells) {
    const w = cell !== null && weightOfKnown.has(cell) ? (weightOfKnown.get(cell) as number) : meanWeight;
    weights.set(cell, w);
    sumW += w * n;
    sumW2 += w * w * n;
  }
  const nEffective = sumW2 === 0 ? 0 : (sumW * sumW) / sumW2;
  return { method, reason: null, weights, respondents, nEffective, designEffect: nEffective === 0 ? 1 : respondents / nEffective };
}

// ---- Moments per question -------------------------------------------------------------------------

/** What is estimated for a question: its mean, and/or shares with a key each. */
export interface QuestionMoments {
  mean: MomentSummary | null;
  shares: ReadonlyMap<string, MomentSummary>;
}

/** Shared by every group without shares (grade questions): never written to. */
const NO_SHARES: ReadonlyMap<string, MomentSummary> = new Map();

/** Key of a share: an option id, or `agree` (4 or 5 on the agree scale). */
export const AGREE_SHARE = 'agree';

/** Group sums by area → question → list, for one wave. */
export function indexSums(rows: readonly WeightedAnswerSums[], waveId: string): Map<string, Map<string, WeightedAnswerSums[]>> {
  const out = new Map<string, Map<string, WeightedAnswerSums[]>>();
  for (const r of rows) {
    if (r.waveId !== waveId) continue;
    let byQuestion = out.get(r.areaId);
    if (!byQuestion) out.set(r.areaId, (byQuestion = new Map<string, WeightedAnswerSums[]>()));
    let list = byQuestion.get(r.questionId);
    if (!list) byQuestion.set(r.questionId, (list = []));
    list.push(r);
  }
  return out;
}

/** The weighted moments of one question in one area, from its weighted sums per option. */
export function questionMoments(q: Question, rows: readonly WeightedAnswerSums[]): QuestionMoments {
  const base = rows.find((r) => r.optionId === null);
  if (q.kind === 'grade' || q.kind === 'agree') {
    const mean = base ? momentsFromWeightedSums(base) : EMPTY_MOMENTS;
    if (q.kind !== 'agree') return { mean, shares: NO_SHARES };
    return { mean, shares: new Map([[AGREE_SHARE, base ? shareMomentsFromWeights(base.sumWHigh, base) : EMPTY_MOMENTS]]) };
  }
  const shares = new Map<string, MomentSummary>();
  if (q.kind === 'single' || q.kind === 'multiple') {
    for (const option of optionsOf(q)) {
      const hits = rows.find((x) => x.optionId === option.id);
      shares.set(option.id, base ? shareMomentsFromWeights(hits?.sumW ?? 0, base) : EMPTY_MOMENTS);
    }
  }
  return { mean: null, shares };
}

// ---- Presentation of estimates --------------------------------------------------------------------

export interface EstimateJson {
  status: 'ok' | 'suppressed' | 'missing';
  value: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  standardError: number | null;
  /** Respondents; null when suppressed (small groups do not even show their size). */
  n: number | null;
  nEffective: number | null;
}

export interface ComparisonJson {
  status: 'ok' | 'suppressed' | 'missing';
  reference: number | null;
  difference: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  pValue: number | null;
  significant: boolean;
  direction: 'higher' | 'lower' | 'no_significant_difference' | null;
}

export function presentEstimate(e: MeanEstimate | ShareEstimate): EstimateJson {
  if (e.status !== 'ok') return { status: e.status, value: null, ciLower: null, ciUpper: null, standardError: null, n: null, nEffective: null };
  return { status: 'ok', value: e.estimate, ciLower: e.ci.lower, ciUpper: e.ci.upper, standardError: e.standardError, n: e.n, nEffective: e.nEffective };
}

export function presentComparison(c: ComparisonResult | null): ComparisonJson | null {
  if (c === null) return null;
  if (c.status !== 'ok')
    return { status: c.status, reference: null, difference: null, ciLower: null, ciUpper: null, pValue: null, significant: false, direction: null };
  return {
    status: 'ok',
    reference: c.reference,
    difference: c.difference,
    ciLower: c.ci.lower,
    ciUpper: c.ci.upper,
    pValue: c.pValue,
    significant: c.significant,
    direction: c.direction,
  };
}

export interface ShareJson {
  key: string;
  text: LocalizedText;
  estimate: EstimateJson;
  comparison: { rest: ComparisonJson | null; previousWave: ComparisonJson | null };
}

export interface QuestionResult {
  questionId: string;
  kind: Question['kind'];
  theme: Question['theme'];
  text: LocalizedText;
  /** Respondents who answered; null when suppressed. */
  n: number | null;
  nEffective: number | null;
  suppressed: boolean;
  status: 'ok' | 'suppressed' | 'missing';
  mean: EstimateJson | null;
  comparison: { rest: ComparisonJson | null; previousWave: ComparisonJson | null };
  shares: ShareJson[];
}

const AGREE_TEXT: LocalizedText = { nl: '(Helemaal) eens', en: 'Agree or strongly agree' };

/** One question's result for a group, with the reference groups to compare with (null: none). */
export function questionResult(
  q: Question,
  group: QuestionMoments,
  rest: QuestionMoments | null,
  previous: QuestionMoments | null,
  minRespondents: number,
): QuestionResult {
  const options = { minRespondents };
  const range = q.kind === 'grade' ? { min: 1, max: 10 } : { min: 1, max: 5 };
  const meanEstimate = group.mean ? meanFromMoments(group.mean, { ...options, range }) : null;
  const shareKeys = [...group.shares.keys()];
  const firstShare = shareKeys.length > 0 ? group.shares.get(shareKeys[0] as string) : undefined;
  const basis = group.mean ?? firstShare ?? EMPTY_MOMENTS;
  const status = basis.n === 0 ? 'missing' : basis.n < minRespondents ? 'suppressed' : 'ok';
  const visible = status === 'ok';
  const textOf = (key: string): LocalizedText => (key === AGREE_SHARE ? AGREE_TEXT : (optionsOf(q).find((o) => o.id === key)?.text ?? { nl: key, en: key }));
  return {
    questionId: q.id,
    kind: q.kind,
    theme: q.theme,
    text: q.text,
    n: visible ? basis.n : null,
    nEffective: visible ? (meanEstimate?.status === 'ok' ? meanEstimate.nEffective : basis.sumW2 > 0 ? (basis.sumW * basis.sumW) / basis.sumW2 : 0) : null,
    suppressed: status === 'suppressed',
    status,
    mean: meanEstimate ? presentEstimate(meanEstimate) : null,
    comparison: {
      rest: group.mean && rest ? presentComparison(compareAreaWithRest('mean', group.mean, rest.mean ?? EMPTY_MOMENTS, options)) : null,
      previousWave: group.mean && previous ? presentComparison(compareWithPreviousWave('mean', group.mean, previous.mean ?? EMPTY_MOMENTS, options)) : null,
    },
    shares: shareKeys.map((key) => {
      const m = group.shares.get(key) as MomentSummary;
      const restM = rest ? (rest.shares.get(key) ?? EMPTY_MOMENTS) : undefined;
      const prevM = previous ? (previous.shares.get(key) ?? EMPTY_MOMENTS) : undefined;
      return {
        key,
        text: textOf(key),
        estimate: presentEstimate(shareFromMoments(m, options)),
        comparison: {
          rest: restM ? presentComparison(compareAreaWithRest('share', m, restM, options)) : null,
          previousWave: prevM ? presentComparison(compareWithPreviousWave('share', m, prevM, options)) : null,
        },
      };
    }),
  };
}

/** Merges question moments of several groups (areas) into one. */
export function mergeQuestionMoments(parts: readonly QuestionMoments[]): QuestionMoments {
  let mean: MomentSummary | null = null;
  if (parts.every((p) => p.shares.size === 0)) {
    for (const p of parts) if (p.mean) mean = mergeMoments(mean ?? EMPTY_MOMENTS, p.mean);
    return { mean, shares: NO_SHARES };
  }
  const shares = new Map<string, MomentSummary>();
  for (const p of parts) {
    if (p.mean) mean = mergeMoments(mean ?? EMPTY_MOMENTS, p.mean);
    for (const [k, m] of p.shares) shares.set(k, mergeMoments(shares.get(k) ?? EMPTY_MOMENTS, m));
  }
  return { mean, shares };
}
