// SPDX-License-Identifier: EUPL-1.2
// Changing a questionnaire: allowed until a wave of it has sent invitations (answers must keep
// meaning what they meant).
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { surveyInUse, updateSurvey as updateSurveyRow, type SurveyRow, type Writer } from '../queries.js';
import { normalizeQuestions, validateQuestionnaire, type Question, type SurveyTheme } from '../rules.js';
import type { SurveyContext } from './common.js';

export interface UpdateSurveyInput {
  name?: string | undefined;
  themes?: SurveyTheme[] | undefined;
  questions?: Question[] | undefined;
}

export async function updateSurvey(tx: Writer, ctx: SurveyContext, survey: SurveyRow, input: UpdateSurveyInput): Promise<SurveyRow> {
  const changesQuestions = input.questions !== undefined || input.themes !== undefined;
  if (changesQuestions && (await surveyInUse(tx, ctx.municipalityId, survey.id))) {
    throw conflict('survey_in_use', {
      nl: 'Er zijn al uitnodigingen verstuurd voor deze vragenlijst; maak een nieuwe vragenlijst om vragen te wijzigen.',
      en: 'Invitations have been sent for this survey; create a new survey to change its questions.',
    });
  }
  const name = input.name?.trim() ?? survey.name;
  if (!name) throw invalid('survey_name_required', { nl: 'Geef de vragenlijst een naam.', en: 'Give the survey a name.' });
  const themes = input.themes ?? survey.themes;
  const questions = normalizeQuestions(input.questions ?? survey.questions);
  validateQuestionnaire(themes, questions);
  const row = await updateSurveyRow(tx, ctx.municipalityId, survey.id, { name, themes, questions, updatedAt: new Date().toISOString() });
  await recordAudit(tx, {
    ...ctx,
    action: 'survey.update',
    entityType: 'survey',
    entityId: survey.id,
    before: { name: survey.name, questions: survey.questions.map((q) => q.id) },
    after: { name, questions: questions.map((q) => q.id) },
  });
  return row;
}
