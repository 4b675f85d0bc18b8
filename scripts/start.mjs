#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// `npm start`: builds when dist/ is missing or older than the sources, then runs
// `node dist/src/cli/main.js serve` (extra arguments are passed on). The server opens the embedded
// database in ./data/pglite (or DATABASE_URL), migrates it and loads the Venlo demo when it is empty.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { build, root, staleReason } from './build.mjs';

const stale = staleReason();
if (stale !== undefined) {
  console.log(
    stale === 'missing' ? '[start] no complete build in dist/: building (once, about a minute)…' : `[start] ${stale} changed since the last build: rebuilding…`,
  );
  try {
    build();
  } catch (error) {
    console.error(`[start] build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// The server runs in its own process group, so a Ctrl-C in the terminal reaches it once, through
// the forwarding below, and it can close the database cleanly.
const server = spawn(process.execPath, [join(root, 'dist/src/cli/main.js'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('error', (error) => {
  console.error(`[start] could not run the server: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
