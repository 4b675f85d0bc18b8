#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// `npm run bench`: measures what a municipality notices, and prints one JSON object per line on
// stdout (progress goes to stderr):
//   start_to_health  `npm start` until GET /api/health answers 200: a fresh data folder (migrate and
//                    load the demo) and the same folder again (already seeded); built dist/ assumed
//   areas_list       GET /api/municipalities/GM0983/areas signed in as the demo administrator,
//                    autocannon with 50 connections for 10 s, on PGlite and on PostgreSQL
//   pb_*             whatever bench/pb-tally.ts prints (voting rules on real pabulib elections)
//   indicators       whatever src/server/indicators/bench.ts prints (area profile p95 at 50 clients, import of
//                    the all-NL wijk and buurt files from ../shared/data/cbs), on PGlite and on PostgreSQL
//   budgets          whatever src/server/initiatives/bench.ts prints (decisions per second at 50
//                    clients, the dashboard with 10,000 initiatives), on PGlite and on PostgreSQL
//   surveys          whatever src/server/surveys/bench.ts prints (results from 1,000,000 survey
//                    answers: SQL GROUP BY + weighting, CIs, comparisons), on PGlite and on PostgreSQL
//   rounds           whatever src/server/rounds/bench.ts prints (ballots per second and p50/p99 at 50
//                    concurrent voters, spread over 20 projects and all on one; results time), on
//                    PGlite and on PostgreSQL
// Options: --only start,areas,pb,budgets,indicators,surveys,rounds   --connections 50   --seconds 10   --runs 3
// PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is the server on which
// a scratch database wijkwijs_bench is created and dropped.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { build, root, staleReason } from './build.mjs';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string', default: 'start,areas,pb,budgets,indicators,surveys,rounds' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
  },
});
const only = new Set(options.only.split(','));
const connections = Number(options.connections);
const seconds = Number(options.seconds);
const runs = Number(options.runs);
const postgresBase = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DEMO = { municipality: 'GM0983', email: 'beheerder@venlo.demo', password: 'wijkwijs-demo' };
const AREAS_PATH = `/api/municipalities/${DEMO.municipality}/areas`;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
// Every figure carries the machine's 1-minute load average from just before its bench started: on
// a busy machine (load above the core count) the figures say more about the neighbours than about
// Wijkwijs.
let loadBefore = 0;
const emit = (figures) => process.stdout.write(JSON.stringify({ ...figures, load_1m_before: loadBefore, cores: cpus().length }) + '\n');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function healthy(url) {
  try {
    return (await fetch(`${url}/api/health`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts `command` in its own process group with the given environment and resolves once
 * /api/health answers 200, with the milliseconds that took and a stop() that ends the whole group
 * and waits until the server has let go of its database.
 */
async function startServer(command, args, env, timeoutMs = 180_000) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  void exit.then(() => (exited = true));
  while (!(await healthy(url))) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited before /api/health answered`);
    if (performance.now() - started > timeoutMs) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`/api/health did not answer within ${timeoutMs} ms`);
    }
    await sleep(25);
  }
  const ms = Math.round(performance.now() - started);
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exit;
    // start.mjs runs the server in a group of its own: wait until it has stopped listening and has
    // released the embedded database's lock (proper-lockfile's <folder>.lock).
    const lock = env.WIJKWIJS_DATA_DIR ? `${env.WIJKWIJS_DATA_DIR}.lock` : undefined;
    for (let i = 0; i < 800 && ((await healthy(url)) || (lock && existsSync(lock))); i++) await sleep(25);
  };
  return { url, ms, stop, pid: child.pid };
}

async function benchStart() {
  const fresh = [];
  const seeded = [];
  for (let i = 0; i < runs; i++) {
    const folder = mkdtempSync(join(tmpdir(), 'wijkwijs-bench-'));
    const env = { WIJKWIJS_DATA_DIR: join(folder, 'pglite'), DATABASE_URL: '', WIJKWIJS_SEED_DEMO: 'true' };
    try {
      ensureBuilt(); // sources edited meanwhile would make npm start rebuild inside the measurement
      const first = await startServer('npm', ['start', '--silent'], env);
      await first.stop();
      fresh.push(first.ms);
      ensureBuilt();
      const again = await startServer('npm', ['start', '--silent'], env);
      await again.stop();
      seeded.push(again.ms);
      log(`npm start → /api/health 200: fresh ${first.ms} ms, seeded ${again.ms} ms`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  emit({ bench: 'start_to_health', engine: 'pglite', data_dir: 'fresh', ms: median(fresh), samples_ms: fresh });
  emit({ bench: 'start_to_health', engine: 'pglite', data_dir: 'seeded', ms: median(seeded), samples_ms: seeded });
}

async function signIn(url) {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO) });
  if (response.status !== 200) throw new Error(`sign-in as ${DEMO.email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const areas = await (await fetch(url + AREAS_PATH, { headers: { cookie } })).json();
  if (!Array.isArray(areas) || areas.length === 0) throw new Error(`GET ${AREAS_PATH} returned no areas: is the demo loaded?`);
  return { cookie, areas: areas.length };
}

function cannon(url, cookie, duration) {
  return autocannon({ url: url + AREAS_PATH, connections, duration, headers: { cookie } });
}

const round1 = (value) => Math.round(value * 10) / 10;
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process in ms (Linux /proc), or null elsewhere. */
function processCpuMs(pid) {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

async function benchAreas(engine, env) {
  log(`areas_list on ${engine}: starting the server`);
  const server = await startServer(process.execPath, [join(root, 'dist/src/cli/main.js'), 'serve'], env);
  try {
    const { cookie, areas } = await signIn(server.url);
    await cannon(server.url, cookie, 2); // warm-up: JIT, caches, connection pool
    const cpuBefore = processCpuMs(server.pid);
    const result = await cannon(server.url, cookie, seconds);
    const cpuAfter = processCpuMs(server.pid);
    emit({
      bench: 'areas_list',
      engine,
      route: `GET ${AREAS_PATH}`,
      areas,
      connections,
      seconds,
      requests_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      requests: result.requests.total,
      non_2xx: result.non2xx,
      errors: result.errors,
      // CPU the server process (with the PGlite worker thread, without PostgreSQL's own processes)
      // spent per request: unlike requests/s, hardly affected by other work on the machine.
      server_cpu_ms_per_request:
        cpuBefore === null || cpuAfter === null || result.requests.total === 0 ? null : round1((cpuAfter - cpuBefore) / result.requests.total),
      log_level: 'warn',
    });
  } finally {
    await server.stop();
  }
}

async function withScratchPostgres(run) {
  const name = 'wijkwijs_bench';
  const admin = new pg.Client({ connectionString: postgresBase });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(postgresBase);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Runs a TypeScript bench program with tsx and passes its JSON lines through. */
async function benchScript(relativePath, env = {}) {
  const script = join(root, relativePath);
  if (!existsSync(script)) {
    log(`${relativePath} not present: no figures`);
    return;
  }
  log(`npx tsx ${relativePath}`);
  const child = spawn('npx', ['tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) passThrough(line);
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  passThrough(buffer);
  if (code !== 0) throw new Error(`${relativePath} exited with ${code}`);
}

/** JSON objects go to stdout unchanged; anything else is progress and goes to stderr. */
function passThrough(line) {
  if (line.trim() === '') return;
  try {
    const value = JSON.parse(line);
    if (value && typeof value === 'object' && !Array.isArray(value)) return void process.stdout.write(line.trim() + '\n');
  } catch {
    // not JSON
  }
  process.stderr.write(line + '\n');
}

function ensureBuilt() {
  const stale = staleReason();
  if (stale === undefined) return;
  log(`dist/ is ${stale === 'missing' ? 'missing' : `older than ${stale}`}: building first (not measured)`);
  build();
}

ensureBuilt();
log(`node ${process.version}, ${cpus().length} cores`);
let failures = 0;
const attempt = async (name, run) => {
  loadBefore = Math.round(loadavg()[0] * 10) / 10;
  try {
    await run();
  } catch (error) {
    failures++;
    log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};
if (only.has('start')) await attempt('start_to_health', benchStart);
if (only.has('areas')) {
  const folder = mkdtempSync(join(tmpdir(), 'wijkwijs-bench-'));
  try {
    await attempt('areas_list pglite', () => benchAreas('pglite', { WIJKWIJS_DATA_DIR: join(folder, 'pglite'), DATABASE_URL: '', WIJKWIJS_SEED_DEMO: 'true' }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await attempt('areas_list postgres', () => withScratchPostgres((url) => benchAreas('postgres', { DATABASE_URL: url, WIJKWIJS_SEED_DEMO: 'true' })));
}
if (only.has('pb')) await attempt('pb-tally', () => benchScript('bench/pb-tally.ts'));
if (only.has('budgets')) {
  await attempt('budgets pglite', () => benchScript('src/server/initiatives/bench.ts', { DATABASE_URL: '' }));
  await attempt('budgets postgres', () => benchScript('src/server/initiatives/bench.ts', { DATABASE_URL: postgresBase }));
}
if (only.has('surveys')) {
  await attempt('surveys pglite', () => benchScript('src/server/surveys/bench.ts', { DATABASE_URL: '' }));
  await attempt('surveys postgres', () => benchScript('src/server/surveys/bench.ts', { DATABASE_URL: postgresBase }));
}
if (only.has('indicators')) {
  await attempt('indicators pglite', () => benchScript('src/server/indicators/bench.ts', { DATABASE_URL: '' }));
  await attempt('indicators postgres', () => benchScript('src/server/indicators/bench.ts', { DATABASE_URL: postgresBase }));
}
if (only.has('rounds')) {
  await attempt('rounds pglite', () => benchScript('src/server/rounds/bench.ts', { DATABASE_URL: '' }));
  await attempt('rounds postgres', () => benchScript('src/server/rounds/bench.ts', { DATABASE_URL: postgresBase }));
}
process.exitCode = failures > 0 ? 1 : 0;
