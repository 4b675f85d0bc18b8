// SPDX-License-Identifier: EUPL-1.2
// The development outbox: mail that Wijkwijs would send. Shown to anyone outside production (so the
// demo's residents can follow their sign-in link) and to a beheerder in production.
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { listOutbox } from './queries.js';
import { requireActor } from '../http/authorize.js';
import { can } from '../../core/access/policy.js';
import { notFound } from '../errors.js';

export function outboxRoutes(app: App): void {
  app.get(
    '/api/municipalities/:code/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Mail sent by Wijkwijs (development outbox)',
        params: Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) }),
      },
    },
    async (request) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      if (app.services.config.production) {
        const actor = requireActor(request, municipality.id);
        const rootGrant = actor.grants.some((g) => g.role === 'beheerder');
        if (
          !rootGrant ||
          !can(
            actor,
            'people.manage',
            actor.grants.map((g) => g.areaId),
          )
        )
          throw notFound();
      }
      return listOutbox(db, municipality.id);
    },
  );
}
