// SPDX-License-Identifier: EUPL-1.2
// Casting a ballot with a voting code or as a signed-in resident. One ballot per voter is enforced
// by the database in the same statement as the ballot: the code row's `used_at` is set by a
// conditional UPDATE (of concurrent requests with one code exactly one succeeds), a signed-in
// voter's row in round_voters by its primary key, and the ballot rows are inserted only after that. The ballot rows carry neither; the
// voter gets a random receipt, of which only a hash is stored. When the round allows it, a voter
// changes the ballot by sending the receipt again.
//
// Not audited per ballot on purpose (ADR 0015): an audit event would tie the ballot to a time and
// a request; the code's used_at and the voters table are the record that someone voted.
import { randomBytes } from 'node:crypto';
import { normaliseVotingCode } from '../../../core/voting/codes.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, invalid, unauthenticated } from '../../errors.js';
import type { SignedInActor } from '../../http/context.js';
import { nowIso } from '../../budgets/time.js';
import { castFirstBallot, deleteBallotsByReceipt, findCode, insertBallots, type ProjectRow, type RoundAreaRow, type RoundRow } from '../queries.js';
import { checkBallot, type BallotChoices, type CheckedBallot } from '../ballot-input.js';
import { codeHash, receiptHash } from './common.js';
import type { BallotBatcher } from '../ballot-batcher.js';

export interface BallotSubmission extends BallotChoices {
  code?: string | undefined;
  receipt?: string | undefined;
}

/** Everything casting needs that does not change while voting is open (cached by the routes). */
export interface VotingSnapshot {
  round: RoundRow;
  areas: RoundAreaRow[];
  projects: ProjectRow[];
}

export function codeUnknown(): AppError {
  return new AppError('voting_code_unknown', 404, {
    nl: 'Deze stemcode kennen we niet. Controleer de code op uw brief.',
    en: 'We do not know this voting code. Check the code in your letter.',
  });
}

export interface CastResult {
  receipt: string;
  areas: string[];
  replaced: boolean;
}

/**
 * `onUnknownCode` is called for a code that does not exist (the routes count these per IP).
 * Validation happens before the transaction; the transaction writes the voter mark and the ballot
 * rows or nothing.
 */
export async function castBallot(
  db: Db,
  snapshot: VotingSnapshot,
  actor: SignedInActor | null,
  input: BallotSubmission,
  onUnknownCode: () => void,
  batcher?: BallotBatcher,
): Promise<CastResult> {
  const { round, areas, projects } = snapshot;
  let voter: { kind: 'code'; hash: string } | { kind: 'person'; personId: string };
  if (input.code !== undefined) {
    if (!round.voting.codes)
      throw conflict('voting_codes_disabled', { nl: 'In deze ronde wordt niet met stemcodes gestemd.', en: 'This round does not vote with codes.' });
    const normalised = normaliseVotingCode(input.code);
    if (normalised === null) {
      onUnknownCode();
      throw codeUnknown();
    }
    voter = { kind: 'code', hash: codeHash(round.codeSecret, normalised) };
  } else if (round.voting.signIn) {
    if (!actor || actor.municipalityId !== round.municipalityId) throw unauthenticated();
    voter = { kind: 'person', personId: actor.personId };
  } else {
    throw invalid('voting_code_required', { nl: 'Vul uw stemcode in.', en: 'Enter your voting code.' });
  }
  const checked = checkBallot(round, areas, projects, input);
  const receiptHashes = (receipt: string) => areas.map((a) => receiptHash(receipt, a.areaId));

  // The usual case, a first ballot: one statement marks the voter and stores the ballot (for code
  // voters together with the other ballots arriving at the same moment: group commit).
  const receipt = randomBytes(16).toString('base64url');
  const rows = ballotRows(round, checked, receipt, 'online');
  const stored =
    voter.kind === 'code' && batcher
      ? await batcher.cast({ municipalityId: round.municipalityId, roundId: round.id, codeHash: voter.hash, areaId: input.areaId, rows })
      : await castFirstBallot(db, voter.kind === 'code' ? { kind: 'code', codeHash: voter.hash, areaId: input.areaId } : voter, round, rows, nowIso());
  if (stored) {
    return { receipt, areas: checked.parts.map((p) => p.areaId), replaced: false };
  }
  // Nothing was written: say why, or replace the ballot when the round allows it and the receipt fits.
  if (voter.kind === 'code') {
    const row = await findCode(db, round.municipalityId, round.id, voter.hash);
    if (!row) {
      onUnknownCode();
      throw codeUnknown();
    }
    if (row.areaId !== input.areaId) {
      throw invalid(
        'voting_wrong_area',
        { nl: 'Met deze stemcode stemt u in een ander gebied.', en: 'This voting code is for another area.' },
        { areaId: row.areaId },
      );
    }
    if (row.usedAt === null) {
      // Used and released in between cannot happen (codes are never released): treat as a conflict.
      throw conflict('voting_code_used', { nl: 'Met deze stemcode is al gestemd.', en: 'This voting code has already been used.' });
    }
    if (!round.voting.changeable || input.receipt === undefined) {
      throw conflict('voting_code_used', { nl: 'Met deze stemcode is al gestemd.', en: 'This voting code has already been used.' });
    }
  } else if (!round.voting.changeable || input.receipt === undefined) {
    throw conflict('ballot_exists', { nl: 'U heeft in deze ronde al gestemd.', en: 'You have already voted in this round.' });
  }
  const kept = input.receipt;
  return db.transaction(async (tx) => {
    const removed = await deleteBallotsByReceipt(tx, round.municipalityId, round.id, receiptHashes(kept));
    if (removed.length === 0) {
      throw conflict('receipt_unknown', { nl: 'Bij dit ontvangstbewijs hoort geen stem in deze ronde.', en: 'No ballot in this round has this receipt.' });
    }
    await insertBallots(tx, ballotRows(round, checked, kept, 'online'));
    return { receipt: kept, areas: checked.parts.map((p) => p.areaId), replaced: true };
  });
}

export function ballotRows(round: RoundRow, checked: CheckedBallot, receipt: string, channel: 'online' | 'paper') {
  return checked.parts.map((part) => ({
    municipalityId: round.municipalityId,
    roundId: round.id,
    areaId: part.areaId,
    projects: part.projects,
    points: part.points,
    ageGroup: checked.ageGroup,
    channel,
    receiptHash: receiptHash(receipt, part.areaId),
  }));
}
