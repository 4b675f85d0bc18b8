// SPDX-License-Identifier: EUPL-1.2
// Builds the HTTP application. main.ts (via the CLI's `serve`) and the tests both call buildApp.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { App } from './http/app-type.js';
import { registerProblemHandlers, routeNotFound, sendProblem } from './http/problem.js';
import { registerAuthentication } from './auth/session.js';
import { requestLogFields } from './http/log-redaction.js';
import { outboxMailer, type Mailer } from './mail/mailer.js';
import { webDistFolder } from './paths.js';
import { healthRoutes } from './health.js';
import { authRoutes } from './auth/routes.js';
import { oidcRoutes } from './auth/oidc.js';
import { emailLinkRoutes } from './auth/email-link.js';
import { municipalityRoutes } from './municipalities/routes.js';
import { areaRoutes } from './areas/routes.js';
import { peopleRoutes } from './people/routes.js';
import { auditRoutes } from './audit/routes.js';
import { outboxRoutes } from './mail/routes.js';
import { budgetRoutes } from './budgets/routes.js';
import { initiativeRoutes } from './initiatives/routes.js';
import { roundRoutes } from './rounds/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { analysisRoutes } from './indicators/analysis/routes.js';
import { surveyRoutes } from './surveys/routes.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Replace the outbox mailer (tests). */
  mailer?: Mailer;
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
      serializers: { req: requestLogFields },
    },
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,100}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, allowUnionTypes: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('services', { db: database.db, engine: database.engine, config, mailer: options.mailer ?? outboxMailer(app.log) });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerProblemHandlers(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  await app.register(cookie);
  // Uploads (initiative attachments): one file per request, its size capped by the route.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wijkwijs API',
        version: '0.1.0',
        description:
          'Wijkgericht werken: gebieden, mensen, budgetten, initiatieven, wijkkompas. Fouten als application/problem+json (RFC 9457) met een vaste `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wijkwijs_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthentication(app);
  healthRoutes(app);
  authRoutes(app);
  oidcRoutes(app);
  emailLinkRoutes(app);
  municipalityRoutes(app);
  areaRoutes(app);
  peopleRoutes(app);
  auditRoutes(app);
  outboxRoutes(app);
  budgetRoutes(app);
  initiativeRoutes(app);
  roundRoutes(app);
  indicatorRoutes(app);
  analysisRoutes(app);
  surveyRoutes(app);

  const serveWeb = options.serveWeb !== false && existsSync(join(webDistFolder, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDistFolder, prefix: '/', wildcard: false, index: false });
  // One not-found handler: the web app routes on the client, so any other GET outside /api gets
  // index.html; everything else is a problem+json 404.
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (serveWeb && isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return sendProblem(reply, request, routeNotFound(request));
  });
  return app;
}
