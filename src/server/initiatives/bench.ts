// SPDX-License-Identifier: EUPL-1.2
// Bench for budgets and initiatives, one JSON object per line on stdout (progress on stderr):
//   decisions_per_second  grants through POST …/decide by 50 concurrent clients (in-process
//                         requests: the whole route chain, transaction, budget lock, ledger,
//                         letter, audit and mail — no network), on a budget with room for all
//   dashboard_ms          GET …/dashboard for the municipality with 10,000 initiatives: p50, p95
// Engine: PostgreSQL when DATABASE_URL is set (a scratch database is created and dropped), else
// PGlite. Run: `npx tsx src/server/initiatives/bench.ts [--decisions 500] [--clients 50]
// [--initiatives 10000] [--dashboard-runs 100]`.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createTestApp, engineName, givenMunicipality, givenPerson } from '../testing/harness.js';
import { defineRules } from '../../core/mandates/index.js';
import { decisionDeadline, addDays } from '../../core/calendar/index.js';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../core/initiatives/index.js';
import { euros } from '../../core/money.js';
import { Client, rulesBody } from './testing.js';
import { initiatives } from './schema.js';
import { budgetRules } from '../budgets/schema.js';
import { businessDate } from '../budgets/time.js';

const { values } = parseArgs({
  options: {
    decisions: { type: 'string', default: '500' },
    clients: { type: 'string', default: '50' },
    initiatives: { type: 'string', default: '10000' },
    'dashboard-runs': { type: 'string', default: '100' },
  },
});
const DECISIONS = Number(values.decisions);
const CLIENTS = Number(values.clients);
const INITIATIVES = Number(values.initiatives);
const DASHBOARD_RUNS = Number(values['dashboard-runs']);
const log = (message: string) => process.stderr.write(`[bench budgets] ${message}\n`);
const emit = (figures: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ engine: engineName, ...figures, load_1m: loadavg()[0], cores: cpus().length })}\n`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};

const t = await createTestApp();
try {
  const wijken = Array.from({ length: 10 }, (_, i) => ({ code: `WK0983${String(i + 1).padStart(2, '0')}`, name: `Wijk ${i + 1}`, level: 'wijk' as const }));
  const m = await givenMunicipality(t.db, 'GM0983', 'Venlo', wijken);
  await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
  const applicant = await givenPerson(t.db, m, 'Bert Bewoner');
  const regisseur = new Client(t, 'GM0983', 'rita.regisseur@gm0983.test');
  await regisseur.ok(
    '/rules',
    rulesBody(
      defineRules({
        budgetKey: 'bench',
        version: 1,
        name: 'Bench',
        validFrom: '2000-01-01',
        eligiblePurposes: 'any',
        applicantTypes: ['resident', 'residents_group'],
        maxAmount: euros(5_000),
        mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: null }],
      }),
    ),
  );
  const today = businessDate();
  const year = Number(today.slice(0, 4));
  const budget = await regisseur.ok('/budgets', {
    areaId: m.rootAreaId,
    rulesKey: 'bench',
    name: 'Bench',
    year,
    fundingSources: [{ kind: 'municipal_programme', name: 'Bench', amount: euros(100) * (DECISIONS + INITIATIVES) }],
  });
  const [rules] = await t.db.select().from(budgetRules);
  const now = new Date().toISOString();
  const row = (status: InitiativeStatus, areaId: string, submittedOn: string) => {
    const id = randomUUID();
    return {
      id,
      municipalityId: m.id,
      reference: `BI-${year}-${id.slice(0, 8).toUpperCase()}`,
      areaId,
      budgetId: budget.id as string,
      title: 'Bench-initiatief',
      description: 'Bench',
      purpose: 'liveability',
      applicantType: 'resident' as const,
      applicantPersonId: applicant.id,
      contactName: 'Bert Bewoner',
      contactEmail: applicant.email,
      createdById: applicant.id,
      totalCostCents: euros(100),
      ownContributionCents: 0,
      cofundingCents: 0,
      requestedCents: euros(100),
      status,
      rulesId: rules!.id,
      submittedOn,
      decisionDeadline: decisionDeadline(submittedOn, 8),
      createdAt: now,
      updatedAt: now,
    };
  };
  const insert = async (rows: ReturnType<typeof row>[]) => {
    for (let i = 0; i < rows.length; i += 1000) await t.db.insert(initiatives).values(rows.slice(i, i + 1000));
  };

  // ---- Decisions under 50 concurrent clients ----
  log(`${DECISIONS} admissible applications, ${CLIENTS} clients`);
  const pending = Array.from({ length: DECISIONS }, (_, i) => row('admissible', m.areas[wijken[i % wijken.length]!.code]!, today));
  await insert(pending);
  const clients = Array.from({ length: CLIENTS }, () => new Client(t, 'GM0983', 'rita.regisseur@gm0983.test'));
  for (const c of clients) await c.get('/budgets');
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < pending.length; i = next++) {
        const reply = await client.post(`/initiatives/${pending[i]!.id}/decide`, { grantedAmount: euros(100), motivation: 'Bench' });
        if (reply.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  emit({ bench: 'decisions_per_second', value: Math.round((DECISIONS / seconds) * 10) / 10, decisions: DECISIONS, clients: CLIENTS, failures });

  // ---- Dashboard with 10,000 initiatives ----
  log(`${INITIATIVES} initiatives for the dashboard`);
  const statuses = INITIATIVE_STATUSES.filter((s) => s !== 'draft');
  await insert(
    Array.from({ length: INITIATIVES - DECISIONS }, (_, i) =>
      row(statuses[i % statuses.length]!, m.areas[wijken[i % wijken.length]!.code]!, addDays(today, -(i % 90))),
    ),
  );
  const timings: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS + 5; i++) {
    const start = performance.now();
    const reply = await regisseur.get('/dashboard');
    if (reply.status !== 200) throw new Error(reply.text);
    if (i >= 5) timings.push(performance.now() - start); // 5 warm-up runs
  }
  emit({ bench: 'dashboard_ms', p50: percentile(timings, 50), p95: percentile(timings, 95), runs: DASHBOARD_RUNS, initiatives: INITIATIVES });
} finally {
  await t.close();
}
