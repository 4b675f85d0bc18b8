// SPDX-License-Identifier: EUPL-1.2
// Session cookies and CSRF. The session cookie is http-only, SameSite=Lax, Secure when served over
// https, and holds a random token of which only the hash is stored. Every state-changing request
// made with a session must carry the session's CSRF token in the X-CSRF-Token header (the web app
// reads it from GET /api/auth/session); SameSite alone is not relied on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newToken, hashToken, safeEqual } from './tokens.js';
import { deleteSession, insertSession, loadActorBySession } from './queries.js';
import { AppError } from '../errors.js';
import type { SignedInActor } from '../http/context.js';

export const SESSION_COOKIE = 'wijkwijs_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function startSession(
  app: FastifyInstance,
  reply: FastifyReply,
  session: { municipalityId: string; personId: string; method: SignedInActor['sessionMethod'] },
): Promise<{ csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + app.services.config.sessionTtlHours * 3_600_000);
  await insertSession(app.services.db, { tokenHash: hashToken(token), csrfToken, expiresAt: expiresAt.toISOString(), ...session });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.services.config.cookieSecure,
    expires: expiresAt,
  });
  return { csrfToken };
}

export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(app.services.db, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** onRequest: who is calling (or null), and for a session-authenticated mutation, the CSRF check. */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await loadActorBySession(app.services.db, hashToken(token), new Date()) : null;
    if (request.actor && !SAFE_METHODS.has(request.method) && request.routeOptions.config.skipCsrf !== true) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.actor.csrfToken)) {
        throw new AppError('csrf_failed', 403, {
          nl: 'Dit verzoek mist een geldige beveiligingscode (CSRF). Vernieuw de pagina en probeer het opnieuw.',
          en: 'This request lacks a valid security token (CSRF). Reload the page and try again.',
        });
      }
    }
  });
}
