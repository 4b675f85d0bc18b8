// SPDX-License-Identifier: EUPL-1.2
// Sign-in with a local account (staff), sign-out, and "who am I" with the CSRF token.
// OpenID Connect lives in oidc.ts, one-time email links in email-link.ts.
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { people } from '../people/schema.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { verifyPassword } from './password.js';
import { endSession, startSession } from './session.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import { findAreasByIds } from '../areas/queries.js';

const badCredentials = new AppError('invalid_credentials', 401, {
  nl: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
  en: 'This email address and password do not match. Check them and try again.',
});

export function authRoutes(app: App): void {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: app.services.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a local staff account',
        body: Type.Object({
          municipality: Type.String({ pattern: '^GM[0-9]{4}$' }),
          email: Type.String({ minLength: 3, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
      },
    },
    async (request, reply) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.body.municipality);
      const [person] = await db
        .select({ id: people.id, name: people.name, passwordHash: people.passwordHash })
        .from(people)
        .where(and(eq(people.municipalityId, municipality.id), eq(people.email, request.body.email.trim().toLowerCase())));
      if (!(await verifyPassword(person?.passwordHash ?? null, request.body.password)) || !person) throw badCredentials;
      const { csrfToken } = await startSession(app, reply, { municipalityId: municipality.id, personId: person.id, method: 'password' });
      await db.transaction((tx) =>
        recordAudit(tx, {
          municipalityId: municipality.id,
          actor: { personId: person.id, label: person.name },
          action: 'session.start',
          entityType: 'person',
          entityId: person.id,
          after: { method: 'password' },
          requestId: String(request.id),
        }),
      );
      return { ok: true, csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    await endSession(app, request, reply);
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'The signed-in person, their roles and the CSRF token (null when signed out)' } },
    async (request) => {
      const actor = request.actor;
      if (!actor) return { actor: null };
      const roleAreas = await findAreasByIds(app.services.db, actor.municipalityId, [...new Set(actor.grants.map((g) => g.areaId))]);
      return {
        actor: {
          personId: actor.personId,
          name: actor.name,
          email: actor.email,
          municipality: actor.municipalityCode,
          method: actor.sessionMethod,
          roles: actor.grants.map((g) => ({ role: g.role, areaId: g.areaId, areaName: roleAreas.find((a) => a.id === g.areaId)?.name ?? null })),
        },
        csrfToken: actor.csrfToken,
      };
    },
  );
}
