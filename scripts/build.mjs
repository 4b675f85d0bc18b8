#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Builds what `npm start` runs: the server (tsc → dist/src, plus the non-TypeScript files beside the
// sources, such as the PGlite worker) and the web app (vite → dist/web). Writes dist/.build-stamp
// last, so start.mjs can tell a complete build from an interrupted one.
//   node scripts/build.mjs            server and web
//   node scripts/build.mjs --server   server only
//   node scripts/build.mjs --web      web only
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distFolder = join(root, 'dist');
export const stampFile = join(distFolder, '.build-stamp');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args) {
  // Progress and compiler output go to stderr, so stdout stays clean for callers (bench.mjs prints JSON).
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${relative(root, command)} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/** Files under src/ (outside src/web) that tsc does not emit but the server needs at run time. */
function copyAssets(from = join(root, 'src'), to = join(distFolder, 'src')) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) {
      if (source !== join(root, 'src/web')) copyAssets(source, join(to, entry.name));
    } else if (!/\.(ts|tsx)$/.test(entry.name)) {
      mkdirSync(to, { recursive: true });
      cpSync(source, join(to, entry.name));
    }
  }
}

export function buildServer() {
  rmSync(join(distFolder, 'src'), { recursive: true, force: true });
  console.error('[build] server: tsc -p tsconfig.build.json → dist/src');
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  copyAssets();
}

export function buildWeb() {
  if (!existsSync(join(root, 'vite.config.ts')) || !existsSync(join(root, 'src/web/index.html'))) {
    console.error('[build] web: no vite.config.ts or src/web/index.html yet; skipping the web app (the API still runs).');
    return;
  }
  console.error('[build] web: vite build → dist/web');
  run(bin('vite'), ['build', '--logLevel', 'warn']);
}

/** Newest modification time (ms) of a file, or of any file below a folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const inputs = ['src', 'package-lock.json', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];

/** Why dist/ needs a (re)build: 'missing', the first input changed since the last complete build, or undefined. */
export function staleReason() {
  if (!existsSync(stampFile)) return 'missing';
  const builtAt = statSync(stampFile).mtimeMs;
  return inputs.find((input) => newest(join(root, input)) > builtAt);
}

export function build({ server = true, web = true } = {}) {
  rmSync(stampFile, { force: true });
  if (server) buildServer();
  if (web) buildWeb();
  if (server && web) writeFileSync(stampFile, new Date().toISOString() + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.slice(2);
  try {
    build({ server: only.length === 0 || only.includes('--server'), web: only.length === 0 || only.includes('--web') });
  } catch (error) {
    console.error(`[build] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
