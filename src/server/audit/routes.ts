// SPDX-License-Identifier: EUPL-1.2
// The audit trail of one municipality, newest first, for roles with audit.read on the municipality.
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { listAuditEvents } from './queries.js';
import { authorize, requireActor } from '../http/authorize.js';
import { rootLineage } from '../areas/queries.js';

export function auditRoutes(app: App): void {
  app.get(
    '/api/municipalities/:code/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail (newest first, paged by `before`)',
        params: Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) }),
        querystring: Type.Object({
          entityType: Type.Optional(Type.String()),
          entityId: Type.Optional(Type.String()),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      authorize(actor, 'audit.read', await rootLineage(db, municipality.id));
      return listAuditEvents(db, municipality.id, { ...request.query, limit: request.query.limit ?? 100 });
    },
  );
}
