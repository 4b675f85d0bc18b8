// SPDX-License-Identifier: EUPL-1.2
// Reminders for invitations not yet used: a new code each (the letter's code stays valid too; the
// previous reminder code is replaced), returned for the mail merge. Answers are never consulted:
// only the invitation's own `responded_on` says who answered.
import { recordAudit } from '../../audit/audit.js';
import { listInvitationLetters, setReminderCodes, type WaveRow, type Writer } from '../queries.js';
import { requireWaveStatus, type SurveyContext } from './common.js';
import { freshCode, type Letter } from './issue-invitations.js';

export async function sendReminders(tx: Writer, ctx: SurveyContext, wave: WaveRow, areaIds?: string[]): Promise<Letter[]> {
  requireWaveStatus(wave.status, ['open'], { nl: 'herinneringen maken', en: 'make reminders' });
  const open = (await listInvitationLetters(tx, ctx.municipalityId, wave.id, true)).filter((l) => areaIds === undefined || areaIds.includes(l.areaId));
  const letters: Letter[] = [];
  const codes: { id: string; codeHash: string }[] = [];
  for (const l of open) {
    const { code, codeHash } = freshCode();
    codes.push({ id: l.id, codeHash });
    letters.push({ code, address: l.address, postcode: l.postcode, place: l.place, areaCode: l.areaCode, areaName: l.areaName });
  }
  await setReminderCodes(tx, ctx.municipalityId, codes);
  await recordAudit(tx, { ...ctx, action: 'survey_wave.send_reminders', entityType: 'survey_wave', entityId: wave.id, after: { reminders: codes.length } });
  return letters;
}
