// SPDX-License-Identifier: EUPL-1.2
// Test helpers for budget rounds: a municipality with three wijken, staff and residents, a round
// body with phases in 2026, codes from the CSV the API returns, and ballots through the public API.
import type { TestContext, TestMunicipality } from '../testing/harness.js';
import { createTestApp, givenMunicipality, givenPerson } from '../testing/harness.js';
import { Client, realTime, setToday, type Json, type Reply } from '../initiatives/testing.js';

export const PHASES = {
  ideasFrom: '2026-03-01',
  ideasTo: '2026-03-31',
  checkTo: '2026-04-15',
  votingFrom: '2026-04-20',
  votingTo: '2026-05-10',
  resultsFrom: '2026-05-11',
};
/** A day in each phase. */
export const DAY = {
  draft: '2026-02-20',
  ideas: '2026-03-05',
  checking: '2026-04-01',
  voting: '2026-04-25',
  closed: '2026-05-10',
  results: '2026-05-12',
} as const;

export interface RoundWorld {
  m: TestMunicipality;
  /** wijkregisseur on the whole municipality (round.manage everywhere). */
  regisseur: Client;
  /** A second wijkregisseur (for paper-ballot confirmation). */
  regisseur2: Client;
  /** A resident without roles. */
  resident: Client;
  anonymous: Client;
  areas: { noord: string; zuid: string; west: string };
}

export async function givenRoundWorld(t: TestContext, code = 'GM0983'): Promise<RoundWorld> {
  const m = await givenMunicipality(t.db, code, 'Venlo', [
    { code: 'WK098321', name: 'Blerick-Noord', level: 'wijk' },
    { code: 'WK098322', name: 'Blerick-Zuid', level: 'wijk' },
    { code: 'WK098323', name: 'Blerick-West', level: 'wijk' },
  ]);
  await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', code]]);
  await givenPerson(t.db, m, 'Rob Regisseur', [['wijkregisseur', code]]);
  await givenPerson(t.db, m, 'Bert Bewoner');
  const mail = (name: string) => `${name}@${code.toLowerCase()}.test`;
  return {
    m,
    regisseur: new Client(t, code, mail('rita.regisseur')),
    regisseur2: new Client(t, code, mail('rob.regisseur')),
    resident: new Client(t, code, mail('bert.bewoner')),
    anonymous: new Client(t, code, null),
    areas: { noord: m.areas.WK098321!, zuid: m.areas.WK098322!, west: m.areas.WK098323! },
  };
}

/** A test app on the draft day with the round world in it (pair with closeRoundWorld in afterAll). */
export async function openRoundWorld(env: Record<string, string> = {}): Promise<{ t: TestContext; w: RoundWorld }> {
  setToday(DAY.draft);
  const t = await createTestApp(env);
  return { t, w: await givenRoundWorld(t) };
}

export async function closeRoundWorld(t: TestContext): Promise<void> {
  realTime();
  await t.close();
}

export function roundBody(w: RoundWorld, extra: Json = {}): Json {
  return {
    name: 'Buurt Bestuurt Blerick',
    description: 'Bewoners beslissen over het wijkbudget.',
    areas: [
      { areaId: w.areas.noord, budgetCents: 10_000_00 },
      { areaId: w.areas.zuid, budgetCents: 8_000_00 },
    ],
    phases: PHASES,
    ballot: { type: 'approval', minProjects: 1, maxProjects: 3 },
    rule: 'greedy',
    voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
    ...extra,
  };
}

/** The codes from a codes CSV (BOM, `;`, header `code;gebied;ronde`). */
export function codesFrom(reply: Reply): string[] {
  if (reply.status !== 201) throw new Error(`codes: ${reply.status} ${reply.text}`);
  return reply.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(';')[0]!);
}

/** Adds projects (title, cost in euros) to an area before voting; returns their ids. */
export async function addProjects(w: RoundWorld, roundId: string, areaId: string, projects: [string, number][]): Promise<string[]> {
  const ids: string[] = [];
  for (const [title, euros] of projects) {
    const p = await w.regisseur.ok(`/rounds/${roundId}/projects`, { areaId, title, description: `${title} in de wijk`, costCents: euros * 100 });
    ids.push(p.id as string);
  }
  return ids;
}
