// SPDX-License-Identifier: EUPL-1.2
// The context every initiative command runs with, from a request: the municipality, the signed-in
// actor (401/404 otherwise), the audit context, the mailer and the public address for links.
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.js';
import { requireActor } from '../http/authorize.js';
import { auditContext } from '../http/context.js';
import type { Municipality } from '../municipalities/queries.js';
import type { InitiativeContext } from './commands/common.js';

export function contextOf(app: App, request: FastifyRequest, municipality: Municipality): InitiativeContext {
  const actor = requireActor(request, municipality.id);
  return {
    municipality,
    actor,
    audit: { municipalityId: municipality.id, ...auditContext(request) },
    mailer: app.services.mailer,
    publicUrl: app.services.config.publicUrl,
  };
}
