// SPDX-License-Identifier: EUPL-1.2
// SQL for signing in with OpenID Connect and with one-time email links: OIDC requests in flight,
// sign-in tokens, and finding the person who signs in. Every query is scoped to one municipality
// (the OIDC state and the sign-in token are the keys that tell which one).
import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { oidcRequests, signInTokens } from './schema.js';
import { people, roleAssignments } from '../people/schema.js';
import { municipalities } from '../municipalities/schema.js';
import type { Municipality } from '../municipalities/queries.js';

type Q = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

// ---- OIDC requests ------------------------------------------------------------------------------

export type OidcRequest = typeof oidcRequests.$inferSelect;

export async function insertOidcRequest(
  q: Q,
  row: { state: string; municipalityId: string; nonce: string; codeVerifier: string; returnTo: string },
): Promise<void> {
  await q.insert(oidcRequests).values(row);
}

/**
 * Takes a request by its state: the row is deleted in the same statement, so a state works once
 * (of two concurrent callbacks with the same state, one gets the row). `fresh` tells whether it was
 * made after `notBefore`.
 */
export async function takeOidcRequest(q: Q, state: string, notBefore: Date): Promise<(OidcRequest & { fresh: boolean }) | undefined> {
  const [row] = await q
    .delete(oidcRequests)
    .where(eq(oidcRequests.state, state))
    .returning({
      state: oidcRequests.state,
      municipalityId: oidcRequests.municipalityId,
      nonce: oidcRequests.nonce,
      codeVerifier: oidcRequests.codeVerifier,
      returnTo: oidcRequests.returnTo,
      createdAt: oidcRequests.createdAt,
      fresh: sql<boolean>`${oidcRequests.createdAt} > ${notBefore.toISOString()}::timestamptz`,
    });
  return row;
}

/** Requests that were never completed, older than `before`. */
export async function deleteStaleOidcRequests(q: Q, before: Date): Promise<void> {
  await q.delete(oidcRequests).where(lt(oidcRequests.createdAt, before.toISOString()));
}

// ---- Sign-in tokens -----------------------------------------------------------------------------

/** Serialises link requests for one address, so the hourly limit holds under concurrent requests. */
export async function lockEmailForLinkRequest(q: Q, municipalityId: string, email: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign_in_token:${municipalityId}:${email}`}))`);
}

/** Tokens issued for this address since `since`, and when the oldest of them was issued. */
export async function countRecentSignInTokens(q: Q, municipalityId: string, email: string, since: Date): Promise<{ count: number; oldest: string | null }> {
  const [row] = await q
    .select({ count: count(), oldest: sql<string | null>`min(${signInTokens.createdAt})` })
    .from(signInTokens)
    .where(and(eq(signInTokens.municipalityId, municipalityId), eq(signInTokens.email, email), gt(signInTokens.createdAt, since.toISOString())));
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

export async function insertSignInToken(
  q: Q,
  row: { tokenHash: string; municipalityId: string; email: string; createdAt: string; expiresAt: string; usedAt?: string | null },
): Promise<void> {
  await q.insert(signInTokens).values(row);
}

/**
 * Marks an unused, unexpired token as used and returns it, in one statement: of two concurrent
 * uses of the same link exactly one gets the row back.
 */
export async function redeemSignInToken(q: Q, tokenHash: string, now: Date): Promise<{ municipalityId: string; email: string } | undefined> {
  const at = now.toISOString();
  const [row] = await q
    .update(signInTokens)
    .set({ usedAt: at })
    .where(and(eq(signInTokens.tokenHash, tokenHash), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, at)))
    .returning({ municipalityId: signInTokens.municipalityId, email: signInTokens.email });
  return row;
}

/** Whether a sign-in token could still be used, without using it (the confirmation page). */
export async function isSignInTokenUsable(q: Q, tokenHash: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const rows = await q
    .select({ municipalityId: signInTokens.municipalityId })
    .from(signInTokens)
    .where(and(eq(signInTokens.tokenHash, tokenHash), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, at)))
    .limit(1);
  return rows.length === 1;
}

/** Tokens that can no longer be used nor count towards the hourly limit. */
export async function deleteOldSignInTokens(q: Q, municipalityId: string, before: Date): Promise<void> {
  await q.delete(signInTokens).where(and(eq(signInTokens.municipalityId, municipalityId), lt(signInTokens.expiresAt, before.toISOString())));
}

// ---- People who sign in -------------------------------------------------------------------------

export interface SigningInPerson {
  id: string;
  name: string;
  email: string;
  oidcSubject: string | null;
}

const personColumns = { id: people.id, name: people.name, email: people.email, oidcSubject: people.oidcSubject };

export async function findPersonByOidcSubject(q: Q, municipalityId: string, subject: string): Promise<SigningInPerson | undefined> {
  const [row] = await q
    .select(personColumns)
    .from(people)
    .where(and(eq(people.municipalityId, municipalityId), eq(people.oidcSubject, subject)));
  return row;
}

export async function findPersonByEmail(q: Q, municipalityId: string, email: string): Promise<SigningInPerson | undefined> {
  const [row] = await q
    .select(personColumns)
    .from(people)
    .where(and(eq(people.municipalityId, municipalityId), eq(people.email, email)));
  return row;
}

/** Stores the subject only when the person has none yet; false when another subject got there first. */
export async function setOidcSubject(q: Q, municipalityId: string, personId: string, subject: string): Promise<boolean> {
  const rows = await q
    .update(people)
    .set({ oidcSubject: subject })
    .where(and(eq(people.municipalityId, municipalityId), eq(people.id, personId), isNull(people.oidcSubject)))
    .returning({ id: people.id });
  return rows.length === 1;
}

/**
 * A staff account: a local password, an OIDC subject or any role assignment (past, present or
 * future). Staff do not sign in with email links; those are for residents.
 */
export async function isStaffAccount(q: Q, municipalityId: string, personId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.municipalityId, municipalityId),
        eq(people.id, personId),
        or(
          isNotNull(people.passwordHash),
          isNotNull(people.oidcSubject),
          sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.personId} = ${people.id} and ${roleAssignments.municipalityId} = ${municipalityId})`,
        ),
      ),
    );
  return row !== undefined;
}

/** A resident's person row; when two first sign-ins race, both end up with the same row. */
export async function insertResidentIfAbsent(
  q: Q,
  municipalityId: string,
  email: string,
  name: string,
): Promise<{ person: SigningInPerson; created: boolean }> {
  const [inserted] = await q.insert(people).values({ municipalityId, email, name }).onConflictDoNothing().returning(personColumns);
  if (inserted) return { person: inserted, created: true };
  const existing = await findPersonByEmail(q, municipalityId, email);
  if (!existing) throw new Error('resident row vanished after a conflicting insert');
  return { person: existing, created: false };
}

// ---- Municipality -------------------------------------------------------------------------------

/** The settings that decide how people of a municipality may sign in. */
export async function findMunicipalityForSignIn(q: Q, municipalityId: string): Promise<Pick<Municipality, 'id' | 'code' | 'name' | 'settings'> | undefined> {
  const [row] = await q
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name, settings: municipalities.settings })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}
