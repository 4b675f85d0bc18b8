// SPDX-License-Identifier: EUPL-1.2
// The last step of every sign-in that ends in a browser redirect (OIDC, email link): drop the
// session the browser had (no session fixation), start a new one and record `session.start`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type.js';
import { recordAudit } from '../../audit/audit.js';
import { deleteSession } from '../queries.js';
import { SESSION_COOKIE, startSession } from '../session.js';
import { hashToken } from '../tokens.js';
import type { SignedInActor } from '../../http/context.js';

export async function startSignedInSession(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { municipalityId: string; person: { id: string; name: string }; method: SignedInActor['sessionMethod']; details?: Record<string, unknown> },
): Promise<void> {
  const db = app.services.db;
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await deleteSession(db, hashToken(previous));
  await startSession(app, reply, { municipalityId: input.municipalityId, personId: input.person.id, method: input.method });
  await db.transaction((tx) =>
    recordAudit(tx, {
      municipalityId: input.municipalityId,
      actor: { personId: input.person.id, label: input.person.name },
      action: 'session.start',
      entityType: 'person',
      entityId: input.person.id,
      after: { method: input.method, ...input.details },
      requestId: String(request.id),
    }),
  );
}
