// SPDX-License-Identifier: EUPL-1.2
// Weights per cell and the results of a question, against values computed by hand on small data.
import { describe, expect, it } from 'vitest';
import type { WeightedAnswerSums } from './queries.js';
import { questionMoments, questionResult, weightArea } from './results.js';
import type { Question } from './rules.js';

const young = '18-34|man';
const old = '65+|vrouw';

describe('weightArea', () => {
  it('post-stratifies: 2 respondents for 100 people and 3 for 300 weigh 50 and 100; n_eff = 400²/35,000', () => {
    const w = weightArea(
      new Map([
        [young, 2],
        [old, 3],
      ]),
      new Map([
        [young, 100],
        [old, 300],
      ]),
    );
    expect(w.method).toBe('post_stratification');
    expect(w.weights.get(young)).toBe(50);
    expect(w.weights.get(old)).toBe(100);
    // Σw = 400, Σw² = 2·2,500 + 3·10,000 = 35,000
    expect(w.nEffective).toBeCloseTo(160_000 / 35_000, 12);
    expect(w.designEffect).toBeCloseTo(5 / (160_000 / 35_000), 12);
  });

  it('gives respondents outside the margins the mean weight of the others (400/5 = 80)', () => {
    const w = weightArea(
      new Map<string | null, number>([
        [young, 2],
        [old, 3],
        [null, 1],
      ]),
      new Map([
        [young, 100],
        [old, 300],
      ]),
    );
    expect(w.weights.get(null)).toBeCloseTo(80, 12);
    // Σw = 480, Σw² = 35,000 + 6,400
    expect(w.nEffective).toBeCloseTo(480 ** 2 / 41_400, 12);
  });

  it('rakes to the age and sex totals when a cell is empty: weights 115, 100 and 70', () => {
    // Respondents: young men 2, old women 2, young women 1; old men 0 (empty cell).
    // Margins young 300, old 200, men 230, women 270 → 2a = 230, 2b = 200, 2b + c = 270, 2a + c = 300.
    const w = weightArea(
      new Map([
        ['18-34|man', 2],
        ['65+|vrouw', 2],
        ['18-34|vrouw', 1],
      ]),
      new Map([
        ['18-34|man', 150],
        ['18-34|vrouw', 150],
        ['65+|man', 80],
        ['65+|vrouw', 120],
      ]),
    );
    expect(w.method).toBe('raking');
    expect(w.weights.get('18-34|man')).toBeCloseTo(115, 4);
    expect(w.weights.get('65+|vrouw')).toBeCloseTo(100, 4);
    expect(w.weights.get('18-34|vrouw')).toBeCloseTo(70, 4);
  });

  it('does not weight without margins', () => {
    const w = weightArea(new Map([[young, 4]]), undefined);
    expect(w).toMatchObject({ method: 'none', reason: 'no_margins', nEffective: 4, designEffect: 1 });
    expect(w.weights.get(young)).toBe(1);
  });
});

describe('questionMoments and questionResult', () => {
  const grade: Question = { id: 'g', kind: 'grade', theme: 'general', text: { nl: 'Cijfer', en: 'Grade' } };
  const choice: Question = {
    id: 'c',
    kind: 'single',
    theme: 'safety',
    text: { nl: 'Keuze', en: 'Choice' },
    options: [
      { id: 'x', text: { nl: 'X', en: 'X' } },
      { id: 'y', text: { nl: 'Y', en: 'Y' } },
    ],
  };
  /** Weighted sums of answers given as [value, weight] pairs, as the database returns them per area. */
  const row = (questionId: string, optionId: string | null, answers: [number, number][]): WeightedAnswerSums => ({
    waveId: 'w',
    areaId: 'a',
    questionId,
    optionId,
    n: answers.length,
    sumW: answers.reduce((s, [, w]) => s + w, 0),
    sumW2: answers.reduce((s, [, w]) => s + w * w, 0),
    sumWX: answers.reduce((s, [x, w]) => s + w * x, 0),
    sumWX2: answers.reduce((s, [x, w]) => s + w * x * x, 0),
    sumWHigh: answers.reduce((s, [x, w]) => s + (x >= 4 ? w : 0), 0),
  });
  // Grades {6, 8} with weight 50 and {7, 7, 10} with weight 100.
  const grades = row('g', null, [
    [6, 50],
    [8, 50],
    [7, 100],
    [7, 100],
    [10, 100],
  ]);

  it('weighted mean of grades {6, 8} (weight 50) and {7, 7, 10} (weight 100) = 3,100/400 = 7.75, M2 = 775', () => {
    // M2 = 50·(1.75² + 0.25²) + 100·(0.75² + 0.75² + 2.25²) = 156.25 + 618.75
    const m = questionMoments(grade, [grades]);
    expect(m.mean?.mean).toBeCloseTo(7.75, 12);
    expect(m.mean?.sumW).toBe(400);
    expect(m.mean?.m2).toBeCloseTo(775, 9);
  });

  it('weighted share of option x chosen by 1 of 2 (weight 50) and 3 of 3 (weight 100) = 350/400', () => {
    const answered = row('c', null, [
      [0, 50],
      [0, 50],
      [0, 100],
      [0, 100],
      [0, 100],
    ]);
    const x = row('c', 'x', [
      [0, 50],
      [0, 100],
      [0, 100],
      [0, 100],
    ]);
    const m = questionMoments(choice, [answered, x]);
    // M2 of a share = Σw · p(1 − p) = 400 · 0.875 · 0.125
    expect(m.shares.get('x')?.m2).toBeCloseTo(43.75, 9);
    expect(m.shares.get('x')?.mean).toBeCloseTo(0.875, 12);
    expect(m.shares.get('y')?.mean).toBe(0);
  });

  it('suppresses below the minimum without showing n, and shows the estimate at the minimum', () => {
    const m = questionMoments(grade, [grades]);
    const hidden = questionResult(grade, m, null, null, 6);
    expect(hidden).toMatchObject({ suppressed: true, status: 'suppressed', n: null, nEffective: null, mean: { status: 'suppressed', value: null } });
    const shown = questionResult(grade, m, null, null, 5);
    expect(shown).toMatchObject({ suppressed: false, n: 5, mean: { status: 'ok' } });
    expect(shown.mean?.value).toBeCloseTo(7.75, 12);
    // Σw = 400, Σw² = 2·2,500 + 3·10,000 = 35,000 → n_eff = 4.5714
    expect(shown.nEffective).toBeCloseTo(160_000 / 35_000, 10);
  });
});
