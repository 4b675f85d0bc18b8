// SPDX-License-Identifier: EUPL-1.2
// Staff put a project on the ballot directly (before voting starts), and after the vote link a
// project to the initiative that carries it out, so its progress stays visible.
import { recordAudit } from '../../audit/audit.js';
import { nowIso } from '../../budgets/time.js';
import { invalid } from '../../errors.js';
import { findInitiative } from '../../initiatives/queries.js';
import { findProject, insertProjects, listProjects, setProjectInitiative, type ProjectRow, type Writer } from '../queries.js';
import { loadManagedRound, requireRoundArea, roundNotFound, type RoundContext } from './common.js';
import { ballotFrozen } from './check-idea.js';

export interface ProjectInput {
  areaId: string;
  title: string;
  description?: string;
  costCents: number;
  initiativeId?: string | null;
}

async function initiativeOrFail(tx: Writer, municipalityId: string, initiativeId: string | null | undefined): Promise<string | null> {
  if (!initiativeId) return null;
  const initiative = await findInitiative(tx, municipalityId, initiativeId);
  if (!initiative) throw invalid('initiative_unknown', { nl: 'Dit initiatief bestaat niet.', en: 'This initiative does not exist.' });
  return initiative.id;
}

export async function addProject(tx: Writer, ctx: RoundContext, roundId: string, input: ProjectInput): Promise<ProjectRow> {
  const { round, areas } = await loadManagedRound(tx, ctx, roundId);
  requireRoundArea(areas, input.areaId);
  const frozen = ballotFrozen(round.votingFrom);
  if (frozen && round.publishedAt !== null) throw frozen;
  const initiativeId = await initiativeOrFail(tx, ctx.municipality.id, input.initiativeId);
  const position = (await listProjects(tx, ctx.municipality.id, round.id)).length;
  const [project] = await insertProjects(tx, [
    {
      municipalityId: ctx.municipality.id,
      roundId: round.id,
      areaId: input.areaId,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      costCents: input.costCents,
      initiativeId,
      position,
      createdAt: nowIso(),
    },
  ]);
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.project_add',
    entityType: 'round_project',
    entityId: project!.id,
    after: { roundId: round.id, areaId: input.areaId, title: project!.title, costCents: input.costCents },
  });
  return project!;
}

export async function linkProject(tx: Writer, ctx: RoundContext, roundId: string, projectId: string, initiativeId: string | null): Promise<void> {
  const { round } = await loadManagedRound(tx, ctx, roundId);
  const project = await findProject(tx, ctx.municipality.id, round.id, projectId);
  if (!project) throw roundNotFound();
  const linked = await initiativeOrFail(tx, ctx.municipality.id, initiativeId);
  await setProjectInitiative(tx, ctx.municipality.id, project.id, linked);
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.project_link',
    entityType: 'round_project',
    entityId: project.id,
    before: { initiativeId: project.initiativeId },
    after: { initiativeId: linked },
  });
}
