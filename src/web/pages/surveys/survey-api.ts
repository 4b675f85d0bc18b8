// SPDX-License-Identifier: EUPL-1.2
// The staff side of the surveys API (src/server/surveys/routes.ts; /work/notes/monitor-api.md,
// "Surveys as built"): the shapes the questionnaire, wave and results pages read.

export interface Localized {
  nl: string;
  en: string;
}

export type QuestionKind = 'grade' | 'agree' | 'single' | 'multiple' | 'open';

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  text: Localized;
  theme: string;
  options?: { id: string; text: Localized }[];
  optional?: boolean;
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
}

export interface WaveView {
  id: string;
  surveyId: string;
  name: string;
  opensOn: string;
  closesOn: string;
  targetPerArea: number;
  areaIds: string[];
  areas: AreaRef[];
  minRespondents: number;
  status: string;
  counts: { addresses: number; sampled: number; invited: number; responded: number };
  abilities?: string[];
}

export interface SurveySummary {
  id: string;
  name: string;
  themes: string[];
  themeNames: { id: string; name: Localized }[];
  questions: SurveyQuestion[];
  updatedAt: string;
}

export interface SurveyDetail extends SurveySummary {
  waves: WaveView[];
  abilities: string[];
}

export interface ResponseRates {
  wave: { id: string; name: string; status: string };
  areas: { area: AreaRef; addresses: number; target: number; invited: number; responded: number; reminded: number; rate: number | null }[];
  total: { invited: number; responded: number; rate: number | null };
}

export interface Estimate {
  status: string;
  value: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  n: number | null;
  nEffective: number | null;
}

export interface Comparison {
  status: string;
  reference: number | null;
  difference: number | null;
  significant: boolean;
  direction: 'higher' | 'lower' | 'no_significant_difference' | null;
}

export interface Comparisons {
  rest: Comparison | null;
  previousWave: Comparison | null;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  theme: string;
  text: Localized;
  n: number | null;
  nEffective: number | null;
  suppressed: boolean;
  status: 'ok' | 'suppressed' | 'missing';
  mean: Estimate | null;
  comparison: Comparisons;
  shares: { key: string; text: Localized; estimate: Estimate; comparison: Comparisons }[];
}

export interface AreaResult {
  area: AreaRef;
  respondents: number | null;
  suppressed: boolean;
  weighting: { method: string; nEffective: number | null; designEffect: number | null };
  questions: QuestionResult[];
}

export interface WaveResults {
  wave: { id: string; name: string; minRespondents: number };
  previousWave: { id: string; name: string } | null;
  survey: { id: string; name: string };
  themes: { id: string; name: Localized }[];
  areas: AreaResult[];
  municipality: { respondents: number | null; questions: QuestionResult[] };
  openAnswers: OpenAnswer[];
}

export interface OpenAnswer {
  id: string;
  questionId: string;
  areaId: string;
  areaName: string | null;
  status: 'pending' | 'published' | 'rejected';
  text: string | null;
  redactedAt?: string | null;
}

export const surveysApi = (code: string) => `/api/municipalities/${code}`;

/** The line-numbered errors of an import rejected with problem+json (`errors: [{ line, message }]`). */
export function lineErrors(body: Record<string, unknown>): { line: number; message: string }[] {
  const list = Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  return list.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as { line?: unknown; message?: unknown };
    return typeof r.line === 'number' ? [{ line: r.line, message: typeof r.message === 'string' ? r.message : '' }] : [];
  });
}
