// SPDX-License-Identifier: EUPL-1.2
// Invitations for the sampled addresses: a random code each, only its hash stored; the codes are in
// the returned CSV for the mail merge and nowhere else. Opens the wave for answers.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/audit.js';
import { hashCode, newInvitationCode, normalizeCode } from '../codes.js';
import { insertInvitations, listInvitationLetters, listSampledAddresses, setWaveStatus, type WaveRow, type Writer } from '../queries.js';
import { requireWaveStatus, type SurveyContext } from './common.js';

export interface Letter {
  code: string;
  address: string;
  postcode: string;
  place: string;
  areaCode: string;
  areaName: string;
}

/** A fresh code and its hash. */
export function freshCode(): { code: string; codeHash: string } {
  const code = newInvitationCode();
  return { code, codeHash: hashCode(normalizeCode(code) as string) };
}

export async function issueInvitations(tx: Writer, ctx: SurveyContext, wave: WaveRow): Promise<Letter[]> {
  requireWaveStatus(wave.status, ['sampled'], {
    nl: 'uitnodigingen maken (dat kan één keer, na de steekproef; gebruik daarna herinneringen)',
    en: 'issue invitations (once, after the sample; then use reminders)',
  });
  const sampled = await listSampledAddresses(tx, ctx.municipalityId, wave.id);
  const codes = new Map<string, string>();
  const rows = sampled.map((a) => {
    const { code, codeHash } = freshCode();
    const id = randomUUID();
    codes.set(id, code);
    return { id, areaId: a.areaId, addressId: a.id, codeHash };
  });
  await insertInvitations(tx, ctx.municipalityId, wave.id, rows);
  await setWaveStatus(tx, ctx.municipalityId, wave.id, 'open');
  await recordAudit(tx, { ...ctx, action: 'survey_wave.issue_invitations', entityType: 'survey_wave', entityId: wave.id, after: { invitations: rows.length } });
  const letters = await listInvitationLetters(tx, ctx.municipalityId, wave.id, false);
  return letters.map((l) => ({
    code: codes.get(l.id) ?? '',
    address: l.address,
    postcode: l.postcode,
    place: l.place,
    areaCode: l.areaCode,
    areaName: l.areaName,
  }));
}
