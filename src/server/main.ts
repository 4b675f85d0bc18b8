// SPDX-License-Identifier: EUPL-1.2
// Starting the server: read configuration, open the database, migrate, seed the demo when empty,
// listen. Used by `wijkwijs serve` and `npm start`.
import { loadConfig, type Config } from './config.js';
import { openDatabase, runMigrations } from './db/client.js';
import { buildApp } from './app.js';
import { listMunicipalities } from './municipalities/queries.js';
import type { App } from './http/app-type.js';

export interface Started {
  app: App;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<Started> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database.db);
  let demoSignIns: string[] = [];
  if (config.seedDemo && (await listMunicipalities(database.db)).length === 0) {
    const { seedDemo } = await import('./demo/seed-demo.js');
    demoSignIns = (await seedDemo(database.db)).signIns;
  }
  const app = await buildApp({ config, database });
  const close = async () => {
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    ``,
    `  Wijkwijs draait op / is running at ${url}`,
    `  Database: ${database.engine === 'pglite' ? `ingebouwd / embedded (${config.dataDir})` : 'PostgreSQL'}`,
    `  API-documentatie / API docs: ${url}/api/docs`,
  ];
  if (demoSignIns.length > 0) lines.push('', '  Demo-accounts (gemeente Venlo, GM0983):', ...demoSignIns.map((s) => `    ${s}`));
  console.log(lines.join('\n') + '\n');
  return { app, url, close };
}
