// SPDX-License-Identifier: EUPL-1.2
// Browser tests run the real server in-process: buildApp on an in-memory database (or a fresh
// PostgreSQL database when DATABASE_URL is set), seeded with the Venlo demo, serving the built web app.
// The web app is built first when dist/web is missing or older than its sources (`vite build`:
// about 5 s on an idle two-core machine, 15–20 s when other tests run beside it); test files share
// one build through a lock file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/app.js';
import { openTestDatabase } from '../../src/server/testing/harness.js';
import { projectRoot, webDistFolder } from '../../src/server/paths.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import type { App } from '../../src/server/http/app-type.js';
import type { Db } from '../../src/server/db/client.js';

export const demoPassword = 'wijkwijs-demo';
export const demoMunicipality = 'GM0983';

/** The newest modification time under the given paths (files or folders), tests aside. */
function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (!/\.test\.tsx?$/.test(path)) newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** What the web build depends on besides node_modules. */
const webSources = ['src/web', 'src/core/access', 'vite.config.ts'].map((p) => join(projectRoot, p));

function webBuildIsCurrent(): boolean {
  const index = join(webDistFolder, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= newestChange(webSources);
}

/** Builds dist/web when it is missing or stale; concurrent test files wait for one build. */
export async function ensureWebBuilt(): Promise<void> {
  if (webBuildIsCurrent()) return;
  const lockTarget = join(projectRoot, 'dist');
  mkdirSync(lockTarget, { recursive: true });
  const marker = join(lockTarget, '.web-build');
  if (!existsSync(marker)) writeFileSync(marker, '');
  const release = await lockfile.lock(marker, { retries: { retries: 120, minTimeout: 500, maxTimeout: 2000 }, stale: 180_000 });
  try {
    if (webBuildIsCurrent()) return;
    const started = Date.now();
    execFileSync(process.execPath, [join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: projectRoot,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would give a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    console.info(`[e2e] built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await release();
  }
}

export interface RunningServer {
  url: string;
  app: App;
  db: Db;
  close(): Promise<void>;
}

/** The server on 127.0.0.1 and a free port, with the Venlo demo loaded. */
export async function startServer(): Promise<RunningServer> {
  await ensureWebBuilt();
  const { database, close } = await openTestDatabase();
  await seedDemo(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', WIJKWIJS_SEED_DEMO: 'false' });
  const app = await buildApp({ config, database, serveWeb: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  // Links in mail (the residents' sign-in link) point at the address the browser uses.
  config.publicUrl = url;
  return {
    url,
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
