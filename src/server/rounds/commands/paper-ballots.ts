// SPDX-License-Identifier: EUPL-1.2
// Paper ballots: one staff member enters a ballot; it counts only once a different staff member
// has entered the same choices again (the four-eyes check). Possible from the start of voting
// until the results are published.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/audit.js';
import { businessDate, nowIso } from '../../budgets/time.js';
import { AppError, conflict } from '../../errors.js';
import {
  confirmPaperBallotRow,
  insertBallots,
  insertPaperBallot,
  listProjects,
  lockPaperBallot,
  type PaperBallotRow,
  type RoundRow,
  type Writer,
} from '../queries.js';
import { checkBallot, type BallotChoices } from '../ballot-input.js';
import { loadManagedRound, roundNotFound, type RoundContext } from './common.js';
import { ballotRows } from './cast-ballot.js';

async function loadForPaper(tx: Writer, ctx: RoundContext, roundId: string) {
  const { round, areas } = await loadManagedRound(tx, ctx, roundId);
  const today = businessDate();
  if (round.publishedAt === null || round.source !== 'wijkwijs' || today < round.votingFrom || today >= round.resultsFrom) {
    throw conflict('paper_ballots_closed', {
      nl: `Papieren stemmen invoeren kan van ${round.votingFrom} tot de uitslag (${round.resultsFrom}).`,
      en: `Paper ballots can be entered from ${round.votingFrom} until the results (${round.resultsFrom}).`,
    });
  }
  const projects = await listProjects(tx, ctx.municipality.id, round.id);
  return { round, areas, projects };
}

export async function enterPaperBallot(tx: Writer, ctx: RoundContext, roundId: string, input: BallotChoices): Promise<PaperBallotRow> {
  const { round, areas, projects } = await loadForPaper(tx, ctx, roundId);
  const checked = checkBallot(round, areas, projects, input);
  const row = await insertPaperBallot(tx, {
    municipalityId: ctx.municipality.id,
    roundId: round.id,
    areaId: input.areaId,
    projects: input.projects,
    points: input.points ?? null,
    ageGroup: checked.ageGroup,
    enteredById: ctx.actor.personId,
    createdAt: nowIso(),
  });
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.paper_ballot_enter',
    entityType: 'round_paper_ballot',
    entityId: row.id,
    after: { roundId: round.id, areaId: input.areaId },
  });
  return row;
}

/** The same choices: in the same order for a ranked ballot, otherwise as a set (with the same points). */
function sameChoices(round: RoundRow, a: { projects: string[]; points: number[] | null }, b: { projects: string[]; points: number[] | null }): boolean {
  const pairs = (x: { projects: string[]; points: number[] | null }) => x.projects.map((p, i) => `${p}:${x.points?.[i] ?? ''}`);
  const pa = pairs(a);
  const pb = pairs(b);
  if (round.ballot.type !== 'ranked') {
    pa.sort();
    pb.sort();
  }
  return pa.length === pb.length && pa.every((v, i) => v === pb[i]);
}

export async function confirmPaperBallot(
  tx: Writer,
  ctx: RoundContext,
  roundId: string,
  paperId: string,
  input: { projects: string[]; points?: number[] | undefined },
): Promise<PaperBallotRow> {
  const { round, areas, projects } = await loadForPaper(tx, ctx, roundId);
  const paper = await lockPaperBallot(tx, ctx.municipality.id, round.id, paperId);
  if (!paper) throw roundNotFound();
  if (paper.confirmed)
    throw conflict('paper_ballot_confirmed', { nl: 'Dit papieren stembiljet is al bevestigd.', en: 'This paper ballot has already been confirmed.' });
  if (paper.enteredById === ctx.actor.personId) {
    throw new AppError(
      'paper_ballot_same_person',
      403,
      {
        nl: 'Een andere medewerker moet het stembiljet bevestigen (vier-ogenprincipe).',
        en: 'A different staff member must confirm the ballot (four-eyes principle).',
      },
      { rule: 'paper_ballot_same_person' },
    );
  }
  if (!sameChoices(round, { projects: paper.projects, points: paper.points }, { projects: input.projects, points: input.points ?? null })) {
    throw conflict('paper_ballot_mismatch', {
      nl: 'De keuzes wijken af van de eerste invoer. Controleer het papieren stembiljet opnieuw.',
      en: 'The choices differ from the first entry. Check the paper ballot again.',
    });
  }
  // The age was checked at entry; the age group is kept from there.
  const noAgeLimit = { ...round, voting: { ...round.voting, minAge: undefined, maxAge: undefined } };
  const checked = checkBallot(noAgeLimit, areas, projects, { areaId: paper.areaId, projects: paper.projects, points: paper.points ?? undefined });
  const now = nowIso();
  await confirmPaperBallotRow(tx, ctx.municipality.id, paper.id, ctx.actor.personId, now);
  await insertBallots(tx, ballotRows(round, { ...checked, ageGroup: paper.ageGroup }, randomBytes(16).toString('base64url'), 'paper'));
  await recordAudit(tx, { ...ctx.audit, action: 'round.paper_ballot_confirm', entityType: 'round_paper_ballot', entityId: paper.id });
  return { ...paper, confirmed: true, confirmedById: ctx.actor.personId, confirmedAt: now };
}
