// SPDX-License-Identifier: EUPL-1.2
// The municipality checks an idea: feasible (with its checked cost; it becomes a project on the
// ballot) or not (with the reason, which is published). Possible until voting starts.
import { recordAudit } from '../../audit/audit.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { conflict, invalid } from '../../errors.js';
import { insertProjects, listProjects, lockIdea, updateIdeaRow, type ProjectRow, type Writer } from '../queries.js';
import { loadManagedRound, roundNotFound, type RoundContext } from './common.js';

export interface CheckInput {
  feasible: boolean;
  costCents?: number | null;
  reason?: string | null;
}

export function ballotFrozen(votingFrom: string): ReturnType<typeof conflict> | null {
  if (businessDate() < votingFrom) return null;
  return conflict('ballot_frozen', { nl: 'Het stemmen is begonnen: het stembiljet ligt vast.', en: 'Voting has started: the ballot is fixed.' });
}

export async function checkIdea(tx: Writer, ctx: RoundContext, roundId: string, ideaId: string, input: CheckInput): Promise<ProjectRow | null> {
  const { round } = await loadManagedRound(tx, ctx, roundId);
  const idea = await lockIdea(tx, ctx.municipality.id, round.id, ideaId);
  if (!idea) throw roundNotFound();
  const frozen = ballotFrozen(round.votingFrom);
  if (frozen) throw frozen;
  if (idea.status !== 'submitted') {
    throw conflict('idea_already_checked', { nl: 'Dit idee is al beoordeeld.', en: 'This idea has already been checked.' });
  }
  const now = nowIso();
  if (!input.feasible) {
    const reason = (input.reason ?? '').trim();
    if (reason === '') {
      throw invalid('rejection_reason_required', {
        nl: 'Geef de reden waarom het idee niet uitvoerbaar is; die wordt openbaar.',
        en: 'Give the reason why the idea is not feasible; it is published.',
      });
    }
    await updateIdeaRow(tx, ctx.municipality.id, idea.id, { status: 'rejected', rejectionReason: reason, checkedById: ctx.actor.personId, checkedAt: now });
    await recordAudit(tx, { ...ctx.audit, action: 'round.idea_reject', entityType: 'round_idea', entityId: idea.id, reason });
    return null;
  }
  const cost = input.costCents ?? idea.estimatedCostCents;
  if (cost === null || cost === undefined) {
    throw invalid('cost_required', { nl: 'Geef de geraamde kosten van het project.', en: 'Give the estimated cost of the project.' });
  }
  await updateIdeaRow(tx, ctx.municipality.id, idea.id, { status: 'feasible', checkedCostCents: cost, checkedById: ctx.actor.personId, checkedAt: now });
  const position = (await listProjects(tx, ctx.municipality.id, round.id)).length;
  const [project] = await insertProjects(tx, [
    {
      municipalityId: ctx.municipality.id,
      roundId: round.id,
      areaId: idea.areaId,
      title: idea.title,
      description: idea.description,
      costCents: cost,
      ideaId: idea.id,
      position,
      createdAt: now,
    },
  ]);
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.idea_accept',
    entityType: 'round_idea',
    entityId: idea.id,
    after: { costCents: cost, projectId: project!.id },
  });
  return project!;
}
