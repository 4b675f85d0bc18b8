// SPDX-License-Identifier: EUPL-1.2
// The JSON shapes of the surveys API (see /work/notes/monitor-api.md, "Surveys").
import type { AreaRef, OpenAnswerRow, SurveyRow, WaveRow } from './queries.js';
import { optionsOf, surveyThemes, themeNames, type Question, type SurveyTheme } from './rules.js';

export function presentQuestion(q: Question) {
  const options = optionsOf(q);
  return { id: q.id, kind: q.kind, text: q.text, theme: q.theme, ...(options.length > 0 ? { options } : {}), optional: q.optional ?? true };
}

export function presentThemes(themes: readonly SurveyTheme[]) {
  return themes.map((id) => ({ id, name: themeNames[id] }));
}

export function presentSurvey(s: SurveyRow) {
  return { id: s.id, name: s.name, themes: s.themes, themeNames: presentThemes(s.themes), questions: s.questions.map(presentQuestion), updatedAt: s.updatedAt };
}

export interface WaveCounts {
  addresses: number;
  sampled: number;
  invited: number;
  responded: number;
}

export function presentWave(w: WaveRow, areas: AreaRef[], counts: WaveCounts) {
  return {
    id: w.id,
    surveyId: w.surveyId,
    name: w.name,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    targetPerArea: w.targetPerArea,
    areaIds: w.areaIds,
    areas,
    minRespondents: w.minRespondents,
    status: w.status,
    counts,
  };
}

/** Staff who redact see the original of pending answers; everyone else only published, redacted text. */
export function presentOpenAnswer(o: OpenAnswerRow, area: AreaRef | undefined) {
  return {
    id: o.id,
    questionId: o.questionId,
    areaId: o.areaId,
    areaName: area?.name ?? null,
    status: o.status,
    text: o.status === 'pending' ? o.text : o.redactedText,
    redactedAt: o.redactedAt,
  };
}

export const allThemes = presentThemes(surveyThemes);
