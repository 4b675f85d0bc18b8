// SPDX-License-Identifier: EUPL-1.2
// SQL for sessions and the signed-in actor.
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions } from './schema.js';
import { people, roleAssignments } from '../people/schema.js';
import { municipalities } from '../municipalities/schema.js';
import type { SignedInActor } from '../http/context.js';

type Q = Pick<Db, 'select' | 'insert' | 'delete' | 'update'>;

export async function insertSession(
  q: Q,
  row: { tokenHash: string; municipalityId: string; personId: string; csrfToken: string; method: SignedInActor['sessionMethod']; expiresAt: string },
): Promise<void> {
  await q.insert(sessions).values(row);
}

export async function deleteSession(q: Q, tokenHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The actor behind a session token hash, with the roles valid today; null when absent or expired. */
export async function loadActorBySession(q: Q, tokenHash: string, now: Date): Promise<SignedInActor | null> {
  const [row] = await q
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      municipalityId: municipalities.id,
      municipalityCode: municipalities.code,
      csrfToken: sessions.csrfToken,
      method: sessions.method,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .innerJoin(municipalities, eq(municipalities.id, sessions.municipalityId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now.toISOString())));
  if (!row) return null;
  const today = now.toISOString().slice(0, 10);
  const grants = await q
    .select({ role: roleAssignments.role, areaId: roleAssignments.areaId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.personId, row.personId),
        eq(roleAssignments.municipalityId, row.municipalityId),
        lte(roleAssignments.validFrom, today),
        or(isNull(roleAssignments.validTo), gt(roleAssignments.validTo, today)),
      ),
    );
  return {
    personId: row.personId,
    name: row.name,
    email: row.email,
    municipalityId: row.municipalityId,
    municipalityCode: row.municipalityCode,
    sessionMethod: row.method,
    csrfToken: row.csrfToken,
    grants,
  };
}

export async function deleteExpiredSessions(q: Q, now: Date): Promise<void> {
  await q.delete(sessions).where(sql`${sessions.expiresAt} <= ${now.toISOString()}`);
}
