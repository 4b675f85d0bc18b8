// SPDX-License-Identifier: EUPL-1.2
// The random sample: per area `targetPerArea` addresses drawn without replacement from the uploaded
// list (all of them when the area has fewer). Cryptographic randomness, or a seed for a sample that
// anyone can redraw (tests; a published seed). Redrawing is allowed until invitations are issued.
import { randomInt } from 'node:crypto';
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { drawSample as drawRandomSample, seededRandom, type RandomBelow } from '../../../core/stats/index.js';
import { listAddressIds, markSampled, setWaveStatus, type WaveRow, type Writer } from '../queries.js';
import { requireWaveStatus, type SurveyContext } from './common.js';

export interface SampleSummary {
  areaId: string;
  addresses: number;
  target: number;
  sampled: number;
}

export async function drawSample(tx: Writer, ctx: SurveyContext, wave: WaveRow, seed?: string): Promise<SampleSummary[]> {
  requireWaveStatus(wave.status, ['draft', 'sampled'], { nl: 'een steekproef trekken', en: 'draw a sample' });
  const frame = await listAddressIds(tx, ctx.municipalityId, wave.id);
  if (frame.length === 0) throw invalid('no_addresses', { nl: 'Lees eerst een adresbestand in.', en: 'Upload an address list first.' });
  const random: RandomBelow = seed === undefined ? (m) => randomInt(m) : seededRandom(`${wave.id}:${seed}`);
  const byArea = new Map<string, string[]>(wave.areaIds.map((id) => [id, []]));
  for (const a of frame) byArea.get(a.areaId)?.push(a.id);
  const chosen: string[] = [];
  const summary: SampleSummary[] = [];
  for (const [areaId, ids] of byArea) {
    const sample = drawRandomSample(ids, wave.targetPerArea, random);
    chosen.push(...sample);
    summary.push({ areaId, addresses: ids.length, target: wave.targetPerArea, sampled: sample.length });
  }
  await markSampled(tx, ctx.municipalityId, wave.id, chosen);
  await setWaveStatus(tx, ctx.municipalityId, wave.id, 'sampled');
  await recordAudit(tx, {
    ...ctx,
    action: 'survey_wave.draw_sample',
    entityType: 'survey_wave',
    entityId: wave.id,
    after: { seeded: seed !== undefined, seed: seed ?? null, perArea: summary },
  });
  return summary;
}
