// SPDX-License-Identifier: EUPL-1.2
// Changing a round's settings while it is a draft, and publishing it.
import { recordAudit } from '../../audit/audit.js';
import { nowIso } from '../../budgets/time.js';
import { conflict } from '../../errors.js';
import { listRoundAreas, lockRound, replaceRoundAreas, updateRoundRow, type Writer } from '../queries.js';
import { authorizeManage, roundNotFound, type RoundContext } from './common.js';
import { checkRoundInput, type RoundInput } from './create-round.js';

async function loadDraft(tx: Writer, ctx: RoundContext, roundId: string) {
  const round = await lockRound(tx, ctx.municipality.id, roundId);
  if (!round) throw roundNotFound();
  const areas = await listRoundAreas(tx, ctx.municipality.id, [round.id]);
  await authorizeManage(
    tx,
    ctx.actor,
    ctx.municipality.id,
    areas.map((a) => a.areaId),
  );
  if (round.publishedAt !== null || round.source !== 'wijkwijs') {
    throw conflict('round_not_draft', { nl: 'Een gepubliceerde ronde kan niet meer worden gewijzigd.', en: 'A published round can no longer be changed.' });
  }
  return { round, areas };
}

export async function updateRound(tx: Writer, ctx: RoundContext, roundId: string, patch: Partial<RoundInput>): Promise<void> {
  const { round, areas } = await loadDraft(tx, ctx, roundId);
  const merged: RoundInput = {
    name: patch.name ?? round.name,
    description: patch.description ?? round.description,
    areas: patch.areas ?? areas.map((a) => ({ areaId: a.areaId, budgetCents: a.budgetCents })),
    phases: patch.phases ?? {
      ideasFrom: round.ideasFrom,
      ideasTo: round.ideasTo,
      checkTo: round.checkTo,
      votingFrom: round.votingFrom,
      votingTo: round.votingTo,
      resultsFrom: round.resultsFrom,
    },
    ballot: patch.ballot ?? round.ballot,
    rule: patch.rule ?? round.rule,
    threshold: patch.threshold !== undefined ? patch.threshold : round.threshold,
    voting: patch.voting ?? round.voting,
  };
  if (patch.areas)
    await authorizeManage(
      tx,
      ctx.actor,
      ctx.municipality.id,
      patch.areas.map((a) => a.areaId),
    );
  checkRoundInput(merged);
  await updateRoundRow(tx, ctx.municipality.id, round.id, {
    name: merged.name.trim(),
    description: merged.description?.trim() ?? '',
    ...merged.phases,
    ballot: merged.ballot,
    rule: merged.rule,
    threshold: merged.threshold ?? null,
    voting: merged.voting,
    updatedAt: nowIso(),
  });
  if (patch.areas) await replaceRoundAreas(tx, ctx.municipality.id, round.id, patch.areas);
  await recordAudit(tx, { ...ctx.audit, action: 'round.update', entityType: 'round', entityId: round.id, after: patch });
}

export async function publishRound(tx: Writer, ctx: RoundContext, roundId: string): Promise<void> {
  const { round } = await loadDraft(tx, ctx, roundId);
  await updateRoundRow(tx, ctx.municipality.id, round.id, { publishedAt: nowIso(), updatedAt: nowIso() });
  await recordAudit(tx, { ...ctx.audit, action: 'round.publish', entityType: 'round', entityId: round.id });
}
