// SPDX-License-Identifier: EUPL-1.2
// A resident answers with the code from their letter. In one transaction: the invitation is marked
// used (a date, nothing else), and the answers are stored with random ids, the wave and the area,
// and no link to the invitation; a few earlier responses of the same area are rewritten unchanged in
// the same transaction, so row versions and physical order do not point at the new one (ADR 0017).
import { randomInt } from 'node:crypto';
import { recordAudit } from '../../audit/audit.js';
import { conflict } from '../../errors.js';
import { businessDate } from '../../budgets/time.js';
import { insertOpenAnswers, insertResponse, markResponded, touchRandomResponses, type SurveyRow, type WaveRow, type Writer } from '../queries.js';
import { checkAnswers, type AnswerInput } from '../rules.js';

/** How many earlier responses are rewritten along with each new one. */
export const MIXING_RESPONSES = 3;

export function surveyClosed() {
  return conflict('survey_closed', { nl: 'Deze enquête is gesloten.', en: 'This survey is closed.' });
}

export function codeUsed() {
  return conflict('survey_code_used', { nl: 'Met deze code is de enquête al ingevuld. Dank u wel!', en: 'This code has already been used. Thank you!' });
}

/** Whether the wave takes answers today. */
export function waveAccepts(wave: WaveRow, today: string): boolean {
  return wave.status === 'open' && today >= wave.opensOn && today <= wave.closesOn;
}

export async function submitResponse(
  tx: Writer,
  invitation: { id: string; municipalityId: string; areaId: string },
  wave: WaveRow,
  survey: SurveyRow,
  answers: Record<string, AnswerInput>,
  requestId: string,
): Promise<void> {
  const today = businessDate();
  if (!waveAccepts(wave, today)) throw surveyClosed();
  const checked = checkAnswers(survey.questions, answers);
  if (!(await markResponded(tx, invitation.municipalityId, invitation.id, today))) throw codeUsed();
  // The rewrite of earlier responses goes before or after the new one at random, so the new one is
  // not always the last of its transaction's rows.
  const mixFirst = randomInt(2) === 0;
  if (mixFirst) await touchRandomResponses(tx, invitation.municipalityId, wave.id, invitation.areaId, MIXING_RESPONSES, null);
  const responseId = await insertResponse(tx, invitation.municipalityId, {
    waveId: wave.id,
    areaId: invitation.areaId,
    cell: checked.cell,
    numbers: checked.numbers,
    choices: checked.choices,
  });
  await insertOpenAnswers(tx, invitation.municipalityId, wave.id, invitation.areaId, checked.open);
  if (!mixFirst) await touchRandomResponses(tx, invitation.municipalityId, wave.id, invitation.areaId, MIXING_RESPONSES, responseId);
  // Audited without the invitation, the area or the answers: only that the wave received one.
  await recordAudit(tx, {
    municipalityId: invitation.municipalityId,
    actor: { personId: null, label: 'anoniem' },
    action: 'survey.respond',
    entityType: 'survey_wave',
    entityId: wave.id,
    requestId,
  });
}
