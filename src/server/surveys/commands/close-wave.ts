// SPDX-License-Identifier: EUPL-1.2
// Closing a wave: no more answers, and the stored answers are rewritten in random order with new
// random response ids, which removes whatever order the answering left in the table.
import { recordAudit } from '../../audit/audit.js';
import { setWaveStatus, shuffleResponses, type WaveRow, type Writer } from '../queries.js';
import { requireWaveStatus, type SurveyContext } from './common.js';

export async function closeWave(tx: Writer, ctx: SurveyContext, wave: WaveRow): Promise<number> {
  requireWaveStatus(wave.status, ['open'], { nl: 'de ronde sluiten', en: 'close the wave' });
  const responses = await shuffleResponses(tx, ctx.municipalityId, wave.id);
  await setWaveStatus(tx, ctx.municipalityId, wave.id, 'closed');
  await recordAudit(tx, {
    ...ctx,
    action: 'survey_wave.close',
    entityType: 'survey_wave',
    entityId: wave.id,
    before: { status: 'open' },
    after: { status: 'closed', responses },
  });
  return responses;
}
