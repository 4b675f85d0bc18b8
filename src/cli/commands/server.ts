// SPDX-License-Identifier: EUPL-1.2
import { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase, runMigrations, migrationStatus } from '../../server/db/client.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the web server (HOST, PORT, DATABASE_URL and the rest from the environment; see the README)')
    .action(async () => {
      const { startServer } = await import('../../server/main.js');
      await startServer(loadConfig());
    });
}

export function migrateCommand(): Command {
  return new Command('migrate').description('Apply database migrations and exit').action(async () => {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await runMigrations(database.db);
      const status = await migrationStatus(database.db);
      console.log(`Migraties toegepast / migrations applied: ${status.applied} of ${status.known} (${database.engine})`);
    } finally {
      await database.close();
    }
  });
}
