// SPDX-License-Identifier: EUPL-1.2
// Streaming aggregation of survey answers: rows (areaId, questionId, wave, value, weight) go in
// one at a time, per (area, question, wave) group only O(1) state is kept (n, Σw, Σw², weighted
// mean and M2 by West's weighted Welford update, compensated sums), and means, CIs and n_eff are
// derived from that state with meanFromMoments / shareFromMoments.
//
// For a share, feed a 0/1 indicator per respondent (e.g. questionId 'q7=agree', value 1 or 0);
// for multiple choice one indicator per category. Leave non-answers out.

import { type MomentSummary, MomentAccumulator, assertObservation, mergeAllMoments } from './moments.js';

/** Identifies one group. */
export interface GroupKey {
  readonly areaId: string;
  readonly questionId: string;
  readonly wave: string;
}

/** The sufficient statistics of one group. */
export interface GroupStatistics extends GroupKey, MomentSummary {}

interface WaveSlot {
  readonly wave: string;
  readonly accumulator: MomentAccumulator;
}

/** One input row. */
export interface AnswerRow {
  readonly areaId: string;
  readonly questionId: string;
  readonly wave: string | number;
  readonly value: number;
  /** Survey weight, finite and > 0; default 1. */
  readonly weight?: number;
}

export interface Aggregator {
  /** Adds one answer. Throws a RangeError for a non-finite value or a weight that is not > 0. */
  add(areaId: string, questionId: string, wave: string | number, value: number, weight?: number): void;
  /** Adds many rows. */
  addRows(rows: Iterable<AnswerRow>): void;
  /** Statistics of one group, or undefined when no row was added for it. */
  get(areaId: string, questionId: string, wave: string | number): MomentSummary | undefined;
  /** Statistics of all groups (areas in insertion order, then questions, then waves). */
  groups(): GroupStatistics[];
  /**
   * One question and wave over several areas (default: all), merged exactly as if their rows had
   * been added to one group, e.g. for the municipality or the municipality without one area.
   */
  combine(questionId: string, wave: string | number, areaIds?: Iterable<string> | ((areaId: string) => boolean)): MomentSummary;
  /** Number of rows added. */
  readonly rowCount: number;
  /** Number of groups. */
  readonly groupCount: number;
}

/**
 * Creates a streaming aggregator (see {@link Aggregator}). Memory is proportional to the number
 * of groups, not rows; the result equals the direct computation over all rows up to rounding.
 */
export function createAggregator(): Aggregator {
  // area → question → waves. Nested maps avoid building a composite key per row; a question has
  // only a few waves, so those are a short list searched linearly (cheaper than a third Map).
  const areas = new Map<string, Map<string, WaveSlot[]>>();
  let rowCount = 0;
  let groupCount = 0;
  // One-entry cache: rows often arrive sorted by group.
  let lastArea: string | undefined;
  let lastQuestion: string | undefined;
  let lastWave: string | undefined;
  let lastAccumulator: MomentAccumulator | undefined;

  const accumulatorFor = (areaId: string, questionId: string, wave: string): MomentAccumulator => {
    if (lastAccumulator !== undefined && areaId === lastArea && questionId === lastQuestion && wave === lastWave) {
      return lastAccumulator;
    }
    let questions = areas.get(areaId);
    if (questions === undefined) {
      questions = new Map();
      areas.set(areaId, questions);
    }
    let waves = questions.get(questionId);
    if (waves === undefined) {
      waves = [];
      questions.set(questionId, waves);
    }
    let acc: MomentAccumulator | undefined;
    for (let i = 0; i < waves.length; i++) {
      const slot = waves[i] as WaveSlot;
      if (slot.wave === wave) {
        acc = slot.accumulator;
        break;
      }
    }
    if (acc === undefined) {
      acc = new MomentAccumulator();
      waves.push({ wave, accumulator: acc });
      groupCount += 1;
    }
    lastArea = areaId;
    lastQuestion = questionId;
    lastWave = wave;
    lastAccumulator = acc;
    return acc;
  };

  const find = (areaId: string, questionId: string, wave: string): MomentAccumulator | undefined =>
    areas
      .get(areaId)
      ?.get(questionId)
      ?.find((slot) => slot.wave === wave)?.accumulator;

  const waveKey = (wave: string | number): string => (typeof wave === 'string' ? wave : String(wave));

  const add = (areaId: string, questionId: string, wave: string | number, value: number, weight = 1): void => {
    assertObservation(value, weight);
    accumulatorFor(areaId, questionId, waveKey(wave)).add(value, weight);
    rowCount += 1;
  };

  return {
    add,
    addRows(rows) {
      for (const row of rows) add(row.areaId, row.questionId, row.wave, row.value, row.weight ?? 1);
    },
    get(areaId, questionId, wave) {
      return find(areaId, questionId, waveKey(wave))?.summary();
    },
    groups() {
      const out: GroupStatistics[] = [];
      for (const [areaId, questions] of areas) {
        for (const [questionId, waves] of questions) {
          for (const { wave, accumulator } of waves) out.push({ areaId, questionId, wave, ...accumulator.summary() });
        }
      }
      return out;
    },
    combine(questionId, wave, areaIds) {
      const key = waveKey(wave);
      let include: (areaId: string) => boolean;
      if (areaIds === undefined) include = () => true;
      else if (typeof areaIds === 'function') include = areaIds;
      else {
        const set = new Set(areaIds);
        include = (id) => set.has(id);
      }
      const parts: MomentSummary[] = [];
      for (const [areaId, questions] of areas) {
        if (!include(areaId)) continue;
        const acc = questions.get(questionId)?.find((slot) => slot.wave === key)?.accumulator;
        if (acc !== undefined) parts.push(acc.summary());
      }
      return mergeAllMoments(parts);
    },
    get rowCount() {
      return rowCount;
    },
    get groupCount() {
      return groupCount;
    },
  };
}
