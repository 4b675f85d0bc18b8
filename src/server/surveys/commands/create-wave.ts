// SPDX-License-Identifier: EUPL-1.2
// A new wave of a survey over a set of areas, with a target number of invitations per area.
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { findAreaRefs, insertWave, type SurveyRow, type WaveRow, type Writer } from '../queries.js';
import type { SurveyContext } from './common.js';

export interface CreateWaveInput {
  name: string;
  opensOn: string;
  closesOn: string;
  targetPerArea: number;
  areaIds: string[];
  minRespondents?: number | undefined;
}

export async function createWave(tx: Writer, ctx: SurveyContext, survey: SurveyRow, input: CreateWaveInput): Promise<WaveRow> {
  const problems: string[] = [];
  if (!input.name.trim()) problems.push('name: empty');
  if (input.closesOn < input.opensOn) problems.push('closesOn: before opensOn');
  const areaIds = [...new Set(input.areaIds)];
  if (areaIds.length === 0) problems.push('areaIds: at least one area');
  const found = await findAreaRefs(tx, ctx.municipalityId, areaIds);
  const known = new Set(found.map((a) => a.id));
  const unknown = areaIds.filter((id) => !known.has(id));
  if (unknown.length > 0) problems.push(`areaIds: unknown ${unknown.join(', ')}`);
  if (problems.length > 0) throw invalid('wave_invalid', { nl: 'De ronde klopt niet.', en: 'The wave is not valid.' }, { problems });
  const row = await insertWave(tx, {
    municipalityId: ctx.municipalityId,
    surveyId: survey.id,
    name: input.name.trim(),
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    targetPerArea: input.targetPerArea,
    areaIds,
    minRespondents: input.minRespondents ?? 30,
    status: 'draft',
  });
  await recordAudit(tx, {
    ...ctx,
    action: 'survey_wave.create',
    entityType: 'survey_wave',
    entityId: row.id,
    after: { ...input, areaIds, surveyId: survey.id },
  });
  return row;
}
