// SPDX-License-Identifier: EUPL-1.2
// What every round command shares: its context, the manage check on every area of a round, the
// derived status (from the phase dates and the published flag), the ballot settings per area, and
// the keyed hash under which voting codes are stored.
import { createHash, createHmac } from 'node:crypto';
import type { BallotSettings } from '../../../core/voting/ballot-validation.js';
import type { AuditActor } from '../../audit/audit.js';
import { areaLineage } from '../../areas/queries.js';
import type { Municipality } from '../../municipalities/queries.js';
import type { SignedInActor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';
import { can } from '../../../core/access/policy.js';
import { type AppError, conflict, invalid, notFound } from '../../errors.js';
import type { BallotConfig } from '../schema.js';
import { findRound, listRoundAreas, type Q, type RoundAreaRow, type RoundRow } from '../queries.js';

export interface RoundContext {
  municipality: Municipality;
  actor: SignedInActor;
  audit: { municipalityId: string; actor: AuditActor; requestId: string | null };
}

export const ROUND_STATUSES = ['draft', 'ideas', 'checking', 'voting', 'closed', 'results', 'execution'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export function roundNotFound(): AppError {
  return notFound({ nl: 'Deze ronde bestaat niet of is (nog) niet openbaar.', en: 'This round does not exist or is not public (yet).' });
}

/**
 * The round's status on `today` (Europe/Amsterdam). Phase dates are inclusive calendar days.
 * After the results date a round is in execution once a funded project is linked to an initiative.
 */
export function roundStatus(
  round: Pick<RoundRow, 'publishedAt' | 'source' | 'ideasTo' | 'votingFrom' | 'votingTo' | 'resultsFrom'>,
  today: string,
  linkedProjects = 0,
): RoundStatus {
  if (round.source === 'pabulib') return 'results';
  if (round.publishedAt === null) return 'draft';
  if (today <= round.ideasTo) return 'ideas';
  if (today < round.votingFrom) return 'checking';
  if (today <= round.votingTo) return 'voting';
  if (today < round.resultsFrom) return 'closed';
  return linkedProjects > 0 ? 'execution' : 'results';
}

/** Whether voting is open on `today`; otherwise the problem to answer with. */
export function votingProblem(round: RoundRow, today: string): AppError | null {
  if (round.publishedAt === null || round.source !== 'wijkwijs' || today < round.votingFrom) {
    return conflict('voting_not_open', { nl: 'Het stemmen is nog niet begonnen.', en: 'Voting has not started yet.' });
  }
  if (today > round.votingTo) {
    return conflict('voting_closed', { nl: `Het stemmen is gesloten (tot en met ${round.votingTo}).`, en: `Voting closed (last day ${round.votingTo}).` });
  }
  return null;
}

/** round.manage on every area of the round (404 when the caller sees none of them). */
export async function authorizeManage(q: Q, actor: SignedInActor, municipalityId: string, areaIds: readonly string[]): Promise<void> {
  for (const areaId of areaIds) authorize(actor, 'round.manage', await areaLineage(q, municipalityId, areaId));
}

/** The round and its areas, for a caller holding round.manage on every area (404 when absent). */
export async function loadManagedRound(q: Q, ctx: RoundContext, roundId: string): Promise<{ round: RoundRow; areas: RoundAreaRow[] }> {
  const round = await findRound(q, ctx.municipality.id, roundId);
  if (!round) throw roundNotFound();
  const areas = await listRoundAreas(q, ctx.municipality.id, [round.id]);
  await authorizeManage(
    q,
    ctx.actor,
    ctx.municipality.id,
    areas.map((a) => a.areaId),
  );
  return { round, areas };
}

/** Whether the actor holds round.manage on every area (for `abilities`). */
export async function mayManage(q: Q, actor: SignedInActor | null, municipalityId: string, areaIds: readonly string[]): Promise<boolean> {
  if (!actor || actor.municipalityId !== municipalityId || areaIds.length === 0) return false;
  for (const areaId of areaIds) if (!can(actor, 'round.manage', await areaLineage(q, municipalityId, areaId))) return false;
  return true;
}

/** The core's ballot settings for one area of the round (a knapsack's budget is the area's budget). */
export function ballotSettings(config: BallotConfig, budgetCents: number): BallotSettings {
  switch (config.type) {
    case 'approval':
      return { type: 'approval', minProjects: config.minProjects, maxProjects: config.maxProjects };
    case 'knapsack':
      return {
        type: 'knapsack',
        budget: BigInt(budgetCents),
        minSpendPercent: config.minSpendPercent,
        minProjects: config.minProjects,
        maxProjects: config.maxProjects,
      };
    case 'cumulative':
      return { type: 'cumulative', totalPoints: config.totalPoints ?? 0, maxPointsPerProject: config.maxPointsPerProject };
    case 'choose-one':
      return { type: 'choose-one' };
    case 'ranked':
      return { type: 'ranked', minLength: config.minLength, maxLength: config.maxLength };
  }
}

export function requireRoundArea(areas: readonly RoundAreaRow[], areaId: string): RoundAreaRow {
  const area = areas.find((a) => a.areaId === areaId);
  if (!area) {
    throw invalid('area_not_in_round', { nl: 'Dit gebied hoort niet bij deze ronde.', en: 'This area is not part of this round.' }, { areaId });
  }
  return area;
}

/** HMAC-SHA-256 of a normalised code under the round's secret: indexable, useless without the secret. */
export function codeHash(secretHex: string, normalisedCode: string): string {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(normalisedCode).digest('hex');
}

/** What a ballot stores of its receipt, per area (a ballot over several areas stores one row per area). */
export function receiptHash(receipt: string, areaId: string): string {
  return createHash('sha256').update(`${receipt}:${areaId}`).digest('hex');
}
