// SPDX-License-Identifier: EUPL-1.2
// What every route handler can reach: the services (database, configuration, mail) on the app, and
// the signed-in actor (or null) on the request. Route order on every route:
//   authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/policy.js';
import type { Config } from '../config.js';
import type { Db, Engine } from '../db/client.js';
import type { AuditActor } from '../audit/audit.js';
import type { Mailer } from '../mail/mailer.js';

export interface Services {
  db: Db;
  engine: Engine;
  config: Config;
  mailer: Mailer;
}

export interface SignedInActor extends Actor {
  name: string;
  email: string;
  municipalityCode: string;
  sessionMethod: 'password' | 'oidc' | 'email_link';
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: SignedInActor | null;
  }
  interface FastifyContextConfig {
    /**
     * The route proves itself without the session (a one-time sign-in token in the URL), so the
     * CSRF header check for session-authenticated mutations does not apply to it.
     */
    skipCsrf?: boolean;
  }
}

export function auditActorOf(request: FastifyRequest): AuditActor {
  return request.actor ? { personId: request.actor.personId, label: request.actor.name } : { personId: null, label: 'anoniem' };
}

/** The audit fields every mutation takes from its request. */
export function auditContext(request: FastifyRequest): { actor: AuditActor; requestId: string } {
  return { actor: auditActorOf(request), requestId: String(request.id) };
}
