// SPDX-License-Identifier: EUPL-1.2
// A staff member removes personal details from an open answer before anyone else sees it: the
// redacted text is published and the original is overwritten. `publish: false` rejects the answer
// (nothing to publish). The audit event records who did it, never the original text.
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { OPEN_ANSWER_MAX } from '../rules.js';
import { updateOpenAnswer, type OpenAnswerRow, type Writer } from '../queries.js';
import type { SurveyContext } from './common.js';

export async function redactOpenAnswer(
  tx: Writer,
  ctx: SurveyContext,
  answer: OpenAnswerRow,
  input: { text?: string | undefined; publish?: boolean | undefined },
): Promise<OpenAnswerRow> {
  if (answer.status !== 'pending') {
    throw conflict('open_answer_already_redacted', { nl: 'Dit antwoord is al beoordeeld.', en: 'This answer has already been reviewed.' });
  }
  const publish = input.publish ?? true;
  const text = (input.text ?? '').trim();
  if (publish && !text)
    throw invalid('redacted_text_required', { nl: 'Geef de tekst zonder persoonsgegevens.', en: 'Give the text without personal details.' });
  if (text.length > OPEN_ANSWER_MAX)
    throw invalid('redacted_text_too_long', { nl: `Hooguit ${OPEN_ANSWER_MAX} tekens.`, en: `At most ${OPEN_ANSWER_MAX} characters.` });
  const row = await updateOpenAnswer(tx, ctx.municipalityId, answer.id, {
    status: publish ? 'published' : 'rejected',
    redactedText: publish ? text : null,
    text: null,
    redactedById: ctx.actor.personId,
    redactedAt: new Date().toISOString(),
  });
  await recordAudit(tx, {
    ...ctx,
    action: publish ? 'survey_open_answer.redact' : 'survey_open_answer.reject',
    entityType: 'survey_open_answer',
    entityId: answer.id,
    before: { status: 'pending' },
    after: { status: row.status, changed: publish ? text !== answer.text : null },
  });
  return row;
}
