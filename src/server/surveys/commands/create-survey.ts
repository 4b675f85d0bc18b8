// SPDX-License-Identifier: EUPL-1.2
// A new questionnaire: given questions, or a copy of the predefined Lemon-like template.
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { insertSurvey, type SurveyRow, type Writer } from '../queries.js';
import { lemonTemplate, normalizeQuestions, validateQuestionnaire, type Question, type SurveyTheme } from '../rules.js';
import type { SurveyContext } from './common.js';

export interface CreateSurveyInput {
  name?: string | undefined;
  template?: 'lemon' | undefined;
  themes?: SurveyTheme[] | undefined;
  questions?: Question[] | undefined;
}

export async function createSurvey(tx: Writer, ctx: SurveyContext, input: CreateSurveyInput): Promise<SurveyRow> {
  const template = input.template === 'lemon' ? lemonTemplate() : undefined;
  const name = (input.name ?? template?.name ?? '').trim();
  const themes = input.themes ?? template?.themes ?? [];
  const questions = normalizeQuestions(input.questions ?? template?.questions ?? []);
  if (!name) throw invalid('survey_name_required', { nl: 'Geef de vragenlijst een naam.', en: 'Give the survey a name.' });
  validateQuestionnaire(themes, questions);
  const now = new Date().toISOString();
  const row = await insertSurvey(tx, { municipalityId: ctx.municipalityId, name, themes, questions, createdAt: now, updatedAt: now });
  await recordAudit(tx, {
    ...ctx,
    action: 'survey.create',
    entityType: 'survey',
    entityId: row.id,
    after: { name, template: input.template ?? null, questions: questions.map((q) => q.id) },
  });
  return row;
}
