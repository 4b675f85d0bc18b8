// SPDX-License-Identifier: EUPL-1.2
// JSON views of rounds, ideas, projects and paper ballots. The code secret never leaves the
// server; a public idea carries no personal data.
import type { IdeaRow, PaperBallotRow, ProjectRow, RoundAreaRow, RoundRow } from './queries.js';
import { roundStatus } from './commands/common.js';

export interface RoundAbilities {
  manage: boolean;
  vote: boolean;
  submitIdea: boolean;
}

export function presentRound(
  round: RoundRow,
  areas: readonly RoundAreaRow[],
  counts: { ideas: number; projects: number; ballots: number; linked?: number },
  abilities: RoundAbilities,
  today: string,
) {
  return {
    id: round.id,
    name: round.name,
    description: round.description,
    status: roundStatus(round, today, counts.linked ?? 0),
    published: round.publishedAt !== null,
    source: round.source,
    areas: areas.map((a) => ({ areaId: a.areaId, areaName: a.areaName, areaCode: a.areaCode, budgetCents: a.budgetCents })),
    phases: {
      ideasFrom: round.ideasFrom,
      ideasTo: round.ideasTo,
      checkTo: round.checkTo,
      votingFrom: round.votingFrom,
      votingTo: round.votingTo,
      resultsFrom: round.resultsFrom,
    },
    ballot: round.ballot,
    rule: round.rule,
    ...(round.threshold !== null ? { threshold: round.threshold } : {}),
    voting: round.voting,
    counts: { ideas: counts.ideas, projects: counts.projects, ballots: counts.ballots },
    abilities,
  };
}

export function presentIdea(idea: IdeaRow, areaName: string, staff: boolean) {
  return {
    id: idea.id,
    roundId: idea.roundId,
    areaId: idea.areaId,
    areaName,
    title: idea.title,
    description: idea.description,
    location: idea.location,
    estimatedCostCents: idea.estimatedCostCents,
    status: idea.status,
    checkedCostCents: idea.checkedCostCents,
    rejectionReason: idea.rejectionReason,
    createdAt: idea.createdAt,
    ...(staff ? { submittedById: idea.submittedById, checkedById: idea.checkedById, checkedAt: idea.checkedAt } : {}),
  };
}

export function presentProject(p: ProjectRow) {
  return {
    id: p.id,
    roundId: p.roundId,
    areaId: p.areaId,
    title: p.title,
    description: p.description,
    costCents: p.costCents,
    ideaId: p.ideaId,
    initiativeId: p.initiativeId,
  };
}

/** Unconfirmed ballots are listed without their choices: the second person re-enters them blind. */
export function presentPaperBallot(p: PaperBallotRow, showChoices = p.confirmed) {
  return {
    id: p.id,
    roundId: p.roundId,
    areaId: p.areaId,
    ...(showChoices ? { projects: p.projects, points: p.points } : {}),
    confirmed: p.confirmed,
    enteredById: p.enteredById,
    confirmedById: p.confirmedById,
    createdAt: p.createdAt,
  };
}
