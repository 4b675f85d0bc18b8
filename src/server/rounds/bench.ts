// SPDX-License-Identifier: EUPL-1.2
// Bench for budget rounds, one JSON object per line on stdout (progress on stderr):
//   ballots_per_second  ballots cast through POST …/public/rounds/:id/ballots by 50 concurrent
//                       voters, each with their own voting code (in-process requests: the whole
//                       route chain, ballot validation, the code's conditional UPDATE and the
//                       ballot INSERT in one transaction; no network), with p50/p99 latency, in two
//                       shapes: `spread` (three random projects of 20 per ballot) and `hot` (every
//                       voter chooses the same project, the hot spot where a per-project counter
//                       row would serialise everything; here there is none)
//   results_ms          GET …/rounds/:id/results over all those ballots (equal shares with add1)
// Engine: PostgreSQL when DATABASE_URL is set (a scratch database is created and dropped), else
// PGlite. Run: `npx tsx src/server/rounds/bench.ts [--ballots 4000] [--clients 50]`.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addDays } from '../../core/calendar/index.js';
import { createTestApp, engineName, givenMunicipality, givenPerson } from '../testing/harness.js';
import { businessDate } from '../budgets/time.js';
import { Client } from '../initiatives/testing.js';
import { codesFrom } from './testing.js';

const { values } = parseArgs({
  options: {
    ballots: { type: 'string', default: engineName === 'postgres' ? '4000' : '1000' },
    clients: { type: 'string', default: '50' },
  },
});
const BALLOTS = Number(values.ballots);
const CLIENTS = Number(values.clients);
const log = (message: string) => process.stderr.write(`[bench rounds] ${message}\n`);
const emit = (figures: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ engine: engineName, ...figures, load_1m: loadavg()[0], cores: cpus().length })}\n`);
const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

// Room for the bench's ballots under the per-IP limit on the voting routes (6 x this per minute).
const t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
try {
  const m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098321', name: 'Blerick-Midden', level: 'wijk' }]);
  await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
  const regisseur = new Client(t, 'GM0983', 'rita.regisseur@gm0983.test');
  const areaId = m.areas.WK098321!;
  const today = businessDate();

  async function openRound(name: string): Promise<{ id: string; projects: string[] }> {
    const round = await regisseur.ok('/rounds', {
      name,
      areas: [{ areaId, budgetCents: 100_000_00 }],
      phases: {
        ideasFrom: addDays(today, -30),
        ideasTo: addDays(today, -20),
        checkTo: addDays(today, -10),
        votingFrom: today,
        votingTo: addDays(today, 10),
        resultsFrom: addDays(today, 11),
      },
      ballot: { type: 'approval', minProjects: 1, maxProjects: 3 },
      rule: 'equalshares/add1',
      voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
    });
    const projects: string[] = [];
    for (let i = 0; i < 20; i++) {
      projects.push(
        (await regisseur.ok(`/rounds/${round.id}/projects`, { areaId, title: `Project ${i + 1}`, costCents: (2_000 + 500 * i) * 100 })).id as string,
      );
    }
    await regisseur.ok(`/rounds/${round.id}/publish`);
    return { id: round.id as string, projects };
  }

  for (const shape of ['spread', 'hot'] as const) {
    const round = await openRound(`Bench ${shape}`);
    log(`${shape}: ${BALLOTS} codes`);
    const codes = codesFrom(await regisseur.post(`/rounds/${round.id}/codes`, { areaId, count: BALLOTS }));
    const choose = (i: number): string[] => {
      if (shape === 'hot') return [round.projects[0]!];
      const a = (i * 7) % 20;
      return [round.projects[a]!, round.projects[(a + 3) % 20]!, round.projects[(a + 11) % 20]!];
    };
    // Warm-up: the route, the voting snapshot and the connection pool (not counted).
    const warm = codesFrom(await regisseur.post(`/rounds/${round.id}/codes`, { areaId, count: CLIENTS }));
    await Promise.all(
      warm.map((code, i) =>
        t.app.inject({ method: 'POST', url: `/api/municipalities/GM0983/public/rounds/${round.id}/ballots`, payload: { code, areaId, projects: choose(i) } }),
      ),
    );
    log(`${shape}: ${BALLOTS} ballots by ${CLIENTS} voters at once`);
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < BALLOTS; i = next++) {
          const start = performance.now();
          const reply = await t.app.inject({
            method: 'POST',
            url: `/api/municipalities/GM0983/public/rounds/${round.id}/ballots`,
            payload: { code: codes[i], areaId, projects: choose(i) },
          });
          latencies.push(performance.now() - start);
          if (reply.statusCode !== 201) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    emit({
      bench: 'ballots_per_second',
      shape,
      value: Math.round(BALLOTS / seconds),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      ballots: BALLOTS,
      clients: CLIENTS,
      failures,
      // CPU this process spent per ballot (with the PGlite worker thread; without PostgreSQL's own
      // processes): unlike ballots/s, hardly affected by other work on the machine.
      process_cpu_ms_per_ballot: Math.round(((cpu.user + cpu.system) / 1000 / BALLOTS) * 100) / 100,
    });
    const start = performance.now();
    const results = await regisseur.get(`/rounds/${round.id}/results`);
    if (results.status !== 200) throw new Error(results.text);
    emit({ bench: 'round_results_ms', shape, value: Math.round(performance.now() - start), ballots: BALLOTS + CLIENTS, rule: 'equalshares/add1' });
  }
} finally {
  await t.close();
}
