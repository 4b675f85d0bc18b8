// SPDX-License-Identifier: EUPL-1.2
// Voting codes in bulk for one area: random (80 bits, CSPRNG), stored only as HMAC-SHA-256 under the
// round's secret, returned once in plain text for the mail merge. The audit event records how many,
// never the codes.
import { randomBytes } from 'node:crypto';
import { newVotingCode, normaliseVotingCode } from '../../../core/voting/codes.js';
import { recordAudit } from '../../audit/audit.js';
import { nowIso } from '../../budgets/time.js';
import { conflict } from '../../errors.js';
import { insertCodes, type Writer } from '../queries.js';
import { codeHash, loadManagedRound, requireRoundArea, type RoundContext } from './common.js';

export const MAX_CODES_PER_REQUEST = 50_000;

export async function generateCodes(
  tx: Writer,
  ctx: RoundContext,
  roundId: string,
  input: { areaId: string; count: number },
): Promise<{ codes: string[]; areaName: string; roundName: string }> {
  const { round, areas } = await loadManagedRound(tx, ctx, roundId);
  const area = requireRoundArea(areas, input.areaId);
  if (!round.voting.codes || round.source !== 'wijkwijs') {
    throw conflict('voting_codes_disabled', { nl: 'In deze ronde wordt niet met stemcodes gestemd.', en: 'This round does not vote with codes.' });
  }
  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(newVotingCode((n) => new Uint8Array(randomBytes(n))));
  const now = nowIso();
  const list = [...codes];
  await insertCodes(
    tx,
    list.map((code) => ({
      municipalityId: ctx.municipality.id,
      roundId: round.id,
      areaId: area.areaId,
      codeHash: codeHash(round.codeSecret, normaliseVotingCode(code)!),
      createdAt: now,
    })),
  );
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'round.codes_generate',
    entityType: 'round',
    entityId: round.id,
    after: { areaId: area.areaId, count: list.length },
  });
  return { codes: list, areaName: area.areaName, roundName: round.name };
}
