// SPDX-License-Identifier: EUPL-1.2
// The results of a wave: load the sufficient statistics (SQL GROUP BY) of this wave and the previous
// one, the respondents per weighting cell and the margins, then compute per area and question.
import type { Db } from '../db/client.js';
import type { LocalizedText } from '../errors.js';
import {
  findAreaRefs,
  findPreviousWave,
  listMargins,
  respondentCells,
  weightedAnswerSums,
  type AreaRef,
  type CellWeight,
  type SurveyRow,
  type WaveRow,
  type WeightedAnswerSums,
} from './queries.js';
import {
  indexSums,
  mergeQuestionMoments,
  questionMoments,
  questionResult,
  weightArea,
  type AreaWeighting,
  type QuestionMoments,
  type QuestionResult,
} from './results.js';
import type { Question } from './rules.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;

export interface AreaResult {
  area: AreaRef;
  /** Respondents; null when fewer than the minimum (not even the size of a small group is shown). */
  respondents: number | null;
  suppressed: boolean;
  weighting: { method: AreaWeighting['method']; reason: string | null; nEffective: number | null; designEffect: number | null };
  questions: QuestionResult[];
}

export interface WaveResults {
  wave: { id: string; name: string; minRespondents: number };
  previousWave: { id: string; name: string } | null;
  confidence: number;
  areas: AreaResult[];
  municipality: { respondents: number | null; questions: QuestionResult[] };
  themes: { id: string; name: LocalizedText }[];
}

interface WaveMoments {
  weighting: Map<string, AreaWeighting>;
  /** area → question → moments */
  moments: Map<string, Map<string, QuestionMoments>>;
}

type CellCount = { waveId: string; areaId: string; cell: string | null; n: number };
type Margin = { waveId: string; areaId: string; ageGroup: string; sex: string; population: number };

/** Weights per area (and per cell, for the SQL) of one wave, from respondents per cell and margins. */
export function waveWeighting(
  waveId: string,
  cells: readonly CellCount[],
  margins: readonly Margin[],
): { byArea: Map<string, AreaWeighting>; cellWeights: CellWeight[] } {
  const cellsByArea = new Map<string, Map<string | null, number>>();
  for (const c of cells) {
    if (c.waveId !== waveId) continue;
    let m = cellsByArea.get(c.areaId);
    if (!m) cellsByArea.set(c.areaId, (m = new Map<string | null, number>()));
    m.set(c.cell, c.n);
  }
  const marginsByArea = new Map<string, Map<string, number>>();
  for (const m of margins) {
    if (m.waveId !== waveId) continue;
    let map = marginsByArea.get(m.areaId);
    if (!map) marginsByArea.set(m.areaId, (map = new Map<string, number>()));
    map.set(`${m.ageGroup}|${m.sex}`, m.population);
  }
  const byArea = new Map<string, AreaWeighting>();
  const cellWeights: CellWeight[] = [];
  for (const [areaId, areaCells] of cellsByArea) {
    const weighting = weightArea(areaCells, marginsByArea.get(areaId));
    byArea.set(areaId, weighting);
    for (const [cell, weight] of weighting.weights) cellWeights.push({ waveId, areaId, cell, weight });
  }
  return { byArea, cellWeights };
}

/** The weighted moments per area and question of one wave, from the weighted sums. */
export function waveMoments(
  questions: readonly Question[],
  waveId: string,
  weighting: Map<string, AreaWeighting>,
  sums: readonly WeightedAnswerSums[],
): WaveMoments {
  const moments = new Map<string, Map<string, QuestionMoments>>();
  for (const [areaId, byQuestion] of indexSums(sums, waveId)) {
    const out = new Map<string, QuestionMoments>();
    for (const q of questions) {
      if (q.kind === 'open') continue;
      out.set(q.id, questionMoments(q, byQuestion.get(q.id) ?? []));
    }
    moments.set(areaId, out);
  }
  return { weighting, moments };
}

/** Everything the results need from the database for a wave and the one before it. */
export async function loadWaveData(
  q: Q,
  municipalityId: string,
  waveIds: string[],
): Promise<{ sums: WeightedAnswerSums[]; weightings: Map<string, Map<string, AreaWeighting>> }> {
  const cells = await respondentCells(q, municipalityId, waveIds);
  const margins = await listMargins(q, municipalityId, waveIds);
  const weightings = new Map<string, Map<string, AreaWeighting>>();
  const cellWeights: CellWeight[] = [];
  for (const waveId of waveIds) {
    const w = waveWeighting(waveId, cells, margins);
    weightings.set(waveId, w.byArea);
    cellWeights.push(...w.cellWeights);
  }
  const sums = await weightedAnswerSums(q, municipalityId, waveIds, cellWeights);
  return { sums, weightings };
}

/**
 * For every area, the question's moments of all OTHER areas (merged, not subtracted), in O(areas)
 * merges per question: rest(i) = prefix(i − 1) ⊕ suffix(i + 1). Also the total of all areas.
 */
function restsOf(moments: Map<string, Map<string, QuestionMoments>>, questionId: string): { rest: Map<string, QuestionMoments>; total: QuestionMoments } {
  const ids = [...moments.keys()];
  const parts = ids.map((id) => moments.get(id)?.get(questionId) ?? { mean: null, shares: new Map() });
  const prefix: QuestionMoments[] = [];
  let running: QuestionMoments = { mean: null, shares: new Map() };
  for (const part of parts) {
    prefix.push(running);
    running = mergeQuestionMoments([running, part]);
  }
  const total = running;
  const rest = new Map<string, QuestionMoments>();
  running = { mean: null, shares: new Map() };
  for (let i = parts.length - 1; i >= 0; i--) {
    rest.set(ids[i] as string, mergeQuestionMoments([prefix[i] as QuestionMoments, running]));
    running = mergeQuestionMoments([running, parts[i] as QuestionMoments]);
  }
  return { rest, total };
}

export async function loadWaveResults(
  q: Q,
  municipalityId: string,
  wave: WaveRow,
  survey: SurveyRow,
  options: { areaId?: string | undefined; themes: { id: string; name: LocalizedText }[] },
): Promise<WaveResults> {
  const previous = await findPreviousWave(q, municipalityId, wave);
  const { sums, weightings } = await loadWaveData(q, municipalityId, previous ? [wave.id, previous.id] : [wave.id]);
  const areaRefs = await findAreaRefs(q, municipalityId, wave.areaIds);
  const questions = survey.questions.filter((x) => x.kind !== 'open');
  return computeWaveResults({ wave, previous: previous ?? null, questions, sums, weightings, areaRefs, areaId: options.areaId, themes: options.themes });
}

export function computeWaveResults(input: {
  wave: Pick<WaveRow, 'id' | 'name' | 'minRespondents'>;
  previous: Pick<WaveRow, 'id' | 'name'> | null;
  questions: Question[];
  sums: WeightedAnswerSums[];
  weightings: Map<string, Map<string, AreaWeighting>>;
  areaRefs: AreaRef[];
  areaId?: string | undefined;
  themes: { id: string; name: LocalizedText }[];
}): WaveResults {
  const { wave, previous, questions } = input;
  const min = wave.minRespondents;
  const current = waveMoments(questions, wave.id, input.weightings.get(wave.id) ?? new Map<string, AreaWeighting>(), input.sums);
  const before = previous ? waveMoments(questions, previous.id, input.weightings.get(previous.id) ?? new Map<string, AreaWeighting>(), input.sums) : null;
  const empty: QuestionMoments = { mean: null, shares: new Map() };
  const rests = new Map(questions.map((question) => [question.id, restsOf(current.moments, question.id)]));
  const emptyRest: QuestionMoments = { mean: null, shares: new Map() };
  const areas: AreaResult[] = [];
  for (const area of input.areaRefs) {
    if (input.areaId !== undefined && area.id !== input.areaId) continue;
    const weighting = current.weighting.get(area.id);
    const respondents = weighting?.respondents ?? 0;
    const visible = respondents >= min;
    areas.push({
      area,
      respondents: visible ? respondents : null,
      suppressed: respondents > 0 && !visible,
      weighting: {
        method: weighting?.method ?? 'none',
        reason: weighting ? weighting.reason : 'no_respondents',
        nEffective: visible && weighting ? weighting.nEffective : null,
        designEffect: visible && weighting ? weighting.designEffect : null,
      },
      questions: questions.map((question) => {
        const group = current.moments.get(area.id)?.get(question.id) ?? empty;
        const prev = before?.moments.get(area.id)?.get(question.id) ?? null;
        const q = rests.get(question.id);
        // An area without any respondents is not among the moments: its rest is everyone.
        const rest = q?.rest.get(area.id) ?? q?.total ?? emptyRest;
        return questionResult(question, group, rest, prev, min);
      }),
    });
  }
  let total = 0;
  for (const w of current.weighting.values()) total += w.respondents;
  return {
    wave: { id: wave.id, name: wave.name, minRespondents: min },
    previousWave: previous ? { id: previous.id, name: previous.name } : null,
    confidence: 0.95,
    areas,
    municipality: {
      respondents: total >= min ? total : null,
      questions: questions.map((question) => {
        const all = rests.get(question.id)?.total ?? emptyRest;
        const prev = before ? restsOf(before.moments, question.id).total : null;
        return questionResult(question, all, null, prev, min);
      }),
    },
    themes: input.themes,
  };
}
