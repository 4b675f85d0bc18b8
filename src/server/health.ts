// SPDX-License-Identifier: EUPL-1.2
import { sql } from 'drizzle-orm';
import type { App } from './http/app-type.js';
import { migrationStatus } from './db/client.js';

export function healthRoutes(app: App): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Database reachable and migrations current', security: [] } }, async (_request, reply) => {
    const started = performance.now();
    let database = false;
    let migrations = { applied: 0, known: 0 };
    try {
      await app.services.db.execute(sql`select 1`);
      database = true;
      migrations = await migrationStatus(app.services.db);
    } catch (error) {
      app.log.error({ err: error }, 'health check failed');
    }
    const ok = database && migrations.applied === migrations.known;
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', engine: app.services.engine, database, migrations, ms: Math.round(performance.now() - started) };
  });
}
