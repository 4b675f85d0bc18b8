// SPDX-License-Identifier: EUPL-1.2
// A signed-in resident proposes an idea for an area of the round, during the ideas phase.
import { recordAudit } from '../../audit/audit.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { conflict } from '../../errors.js';
import { findRound, insertIdea, listRoundAreas, type IdeaRow, type Writer } from '../queries.js';
import { requireRoundArea, roundNotFound, type RoundContext } from './common.js';

export interface IdeaInput {
  areaId: string;
  title: string;
  description: string;
  location?: string | null;
  estimatedCostCents?: number | null;
}

export async function submitIdea(tx: Writer, ctx: RoundContext, roundId: string, input: IdeaInput): Promise<IdeaRow> {
  const round = await findRound(tx, ctx.municipality.id, roundId);
  if (!round || round.publishedAt === null || round.source !== 'wijkwijs') throw roundNotFound();
  const today = businessDate();
  if (today < round.ideasFrom || today > round.ideasTo) {
    throw conflict('round_not_in_ideas_phase', {
      nl: `Ideeën indienen kan van ${round.ideasFrom} tot en met ${round.ideasTo}.`,
      en: `Ideas can be submitted from ${round.ideasFrom} to ${round.ideasTo}.`,
    });
  }
  requireRoundArea(await listRoundAreas(tx, ctx.municipality.id, [round.id]), input.areaId);
  const idea = await insertIdea(tx, {
    municipalityId: ctx.municipality.id,
    roundId: round.id,
    areaId: input.areaId,
    title: input.title.trim(),
    description: input.description.trim(),
    location: input.location?.trim() || null,
    estimatedCostCents: input.estimatedCostCents ?? null,
    submittedById: ctx.actor.personId,
    createdAt: nowIso(),
  });
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.idea_submit',
    entityType: 'round_idea',
    entityId: idea.id,
    after: { roundId: round.id, areaId: idea.areaId, title: idea.title },
  });
  return idea;
}
