// SPDX-License-Identifier: EUPL-1.2
// Using a one-time sign-in link. The token is marked used in the same statement that checks it
// (UPDATE … WHERE used_at IS NULL … RETURNING), so a link signs in once even when it is opened
// twice at the same moment. A resident who signs in for the first time gets a person row (no
// roles; the name is the part of the address before @ until they choose one).
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../audit/audit.js';
import { hashToken } from '../tokens.js';
import {
  findMunicipalityForSignIn,
  findPersonByEmail,
  insertResidentIfAbsent,
  isSignInTokenUsable,
  isStaffAccount,
  redeemSignInToken,
  type SigningInPerson,
} from '../sign-in-queries.js';

export type RedeemEmailLinkResult =
  { ok: true; municipalityId: string; person: SigningInPerson; created: boolean } | { ok: false; reason: 'invalid' | 'disabled' | 'staff' };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Whether the link could still sign someone in; uses nothing (for the confirmation page). */
export async function isEmailLinkUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
  return TOKEN_SHAPE.test(token) && (await isSignInTokenUsable(db, hashToken(token), now));
}

export async function redeemEmailLink(db: Db, token: string, context: { requestId: string; now?: Date }): Promise<RedeemEmailLinkResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const now = context.now ?? new Date();
  return db.transaction(async (tx): Promise<RedeemEmailLinkResult> => {
    const redeemed = await redeemSignInToken(tx, hashToken(token), now);
    if (!redeemed) return { ok: false, reason: 'invalid' };
    const municipality = await findMunicipalityForSignIn(tx, redeemed.municipalityId);
    if (!municipality?.settings.residentEmailSignIn) return { ok: false, reason: 'disabled' };
    const existing = await findPersonByEmail(tx, municipality.id, redeemed.email);
    if (existing) {
      // Became staff after the link was sent: staff do not sign in with email links.
      if (await isStaffAccount(tx, municipality.id, existing.id)) return { ok: false, reason: 'staff' };
      return { ok: true, municipalityId: municipality.id, person: existing, created: false };
    }
    const name = (redeemed.email.split('@')[0] ?? redeemed.email).slice(0, 80) || redeemed.email;
    const { person, created } = await insertResidentIfAbsent(tx, municipality.id, redeemed.email, name);
    if (created) {
      await recordAudit(tx, {
        municipalityId: municipality.id,
        actor: { personId: person.id, label: person.name },
        action: 'person.create',
        entityType: 'person',
        entityId: person.id,
        after: { name: person.name, email: person.email, kind: 'resident' },
        reason: 'Eerste keer ingelogd met een e-maillink',
        requestId: context.requestId,
      });
    }
    return { ok: true, municipalityId: municipality.id, person, created };
  });
}
