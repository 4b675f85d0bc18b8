// SPDX-License-Identifier: EUPL-1.2
// Ways of voting: signed in with an age range (Assen: 12 to 27, the birth year asked and checked),
// one ballot per person, changeable until the close; own area plus N others; every ballot type
// through the API; and code guessing limited per IP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engineName, type TestContext } from '../testing/harness.js';
import { setToday, type Json } from '../initiatives/testing.js';
import { roundBallots } from './schema.js';
import { addProjects, codesFrom, DAY, closeRoundWorld, openRoundWorld, roundBody, type RoundWorld } from './testing.js';

describe(`voting rules (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld());
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  async function openRound(extra: Json, areas: Record<string, [string, number][]> = {}) {
    setToday(DAY.draft);
    const round = await w.regisseur.ok('/rounds', roundBody(w, extra));
    const ids: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(areas)) ids[key] = await addProjects(w, round.id as string, w.areas[key as 'noord' | 'zuid' | 'west'], list);
    await w.regisseur.ok(`/rounds/${round.id}/publish`);
    setToday(DAY.voting);
    return { id: round.id as string, ids };
  }
  const ballots = async (roundId: string) => (await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).length;

  it('signed in, aged 12 to 27: birth year required and checked, one ballot, changeable with the receipt', async () => {
    const { id, ids } = await openRound(
      { voting: { codes: false, signIn: true, scope: 'own-area', changeable: true, minAge: 12, maxAge: 27 } },
      {
        noord: [
          ['A', 1_000],
          ['B', 2_000],
        ],
      },
    );
    const url = `/public/rounds/${id}/ballots`;
    expect((await w.anonymous.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]], birthYear: 2005 })).status).toBe(401);
    expect((await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]] })).body.code).toBe('birth_year_required');
    // Voting closes in 2026: born 2015 is 11 that year, born 1998 is 28.
    const young = await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]], birthYear: 2015 });
    expect(young.body.code).toBe('age_not_eligible');
    expect(young.body.detail).toContain('van 12 tot en met 27 jaar');
    expect((await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]], birthYear: 1998 })).body.code).toBe('age_not_eligible');
    expect(await ballots(id)).toBe(0);
    const first = await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]], birthYear: 2014 });
    expect(first.status).toBe(201);
    expect((await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![1]], birthYear: 2014 })).body.code).toBe('ballot_exists');
    const changed = await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![1]], birthYear: 2014, receipt: first.body.receipt });
    expect(changed.status).toBe(200);
    expect(await ballots(id)).toBe(1);
    const results = (await w.regisseur.get(`/rounds/${id}/results`)).body;
    expect(results.areas[0].projects.find((p: Json) => p.projectId === ids.noord![1]).score).toBe(1);
    expect(results.turnoutByAgeGroup).toEqual([{ group: '12-17', ballots: 1 }]);
    setToday('2026-05-11');
    const late = await w.resident.post(url, { areaId: w.areas.noord, projects: [ids.noord![0]], birthYear: 2014, receipt: first.body.receipt });
    expect(late.body.code).toBe('voting_closed');
  });

  it('own area plus one other: each part is checked with its own area and counted there', async () => {
    const { id, ids } = await openRound(
      {
        areas: [
          { areaId: w.areas.noord, budgetCents: 10_000_00 },
          { areaId: w.areas.zuid, budgetCents: 5_000_00 },
          { areaId: w.areas.west, budgetCents: 5_000_00 },
        ],
        ballot: { type: 'knapsack' },
        voting: { codes: true, signIn: false, scope: 'own-area-plus', extraAreas: 1, changeable: false },
      },
      {
        noord: [['N1', 6_000]],
        zuid: [
          ['Z1', 4_000],
          ['Z2', 3_000],
        ],
        west: [['W1', 1_000]],
      },
    );
    const codes = codesFrom(await w.regisseur.post(`/rounds/${id}/codes`, { areaId: w.areas.noord, count: 3 }));
    const url = `/public/rounds/${id}/ballots`;
    const three = await w.anonymous.post(url, { code: codes[0], areaId: w.areas.noord, projects: [ids.noord![0], ids.zuid![0], ids.west![0]] });
    expect(three.body.code).toBe('ballot_too_many_areas');
    const overZuid = await w.anonymous.post(url, { code: codes[0], areaId: w.areas.noord, projects: [ids.noord![0], ids.zuid![0], ids.zuid![1]] });
    expect(overZuid.body.code).toBe('ballot_over_budget');
    expect(overZuid.body.detail).toContain('Blerick-Zuid');
    const ok = await w.anonymous.post(url, { code: codes[0], areaId: w.areas.noord, projects: [ids.noord![0], ids.zuid![0]] });
    expect(ok.status).toBe(201);
    expect(ok.body.areas).toEqual([w.areas.noord, w.areas.zuid]);
    const results = (await w.regisseur.get(`/rounds/${id}/results`)).body;
    expect(results.areas.map((a: Json) => a.ballots)).toEqual([1, 1, 0]);
    const checked = await w.anonymous.post(`/public/rounds/${id}/code-check`, { code: codes[1] });
    expect(checked.body.projects).toHaveLength(4);
  });

  it.each([
    [
      'cumulative',
      { type: 'cumulative', totalPoints: 5, maxPointsPerProject: 3 },
      { points: [3, 2] },
      { points: [4, 1] },
      'ballot_too_many_points_for_project',
    ],
    ['choose-one', { type: 'choose-one' }, {}, {}, 'ballot_not_exactly_one'],
    ['ranked', { type: 'ranked', minLength: 2, maxLength: 2 }, {}, {}, 'ballot_ranking_too_short'],
  ] as const)('%s ballots: a valid one counts, an invalid one is refused', async (_type, ballot, goodExtra, badExtra, badCode) => {
    const { id, ids } = await openRound(
      { ballot, rule: 'greedy' },
      {
        noord: [
          ['A', 1_000],
          ['B', 2_000],
          ['C', 3_000],
        ],
      },
    );
    const codes = codesFrom(await w.regisseur.post(`/rounds/${id}/codes`, { areaId: w.areas.noord, count: 2 }));
    const url = `/public/rounds/${id}/ballots`;
    const good = ballot.type === 'choose-one' ? [ids.noord![1]] : [ids.noord![1], ids.noord![0]];
    const bad = ballot.type === 'ranked' ? [ids.noord![1]] : [ids.noord![1], ids.noord![0]];
    const refused = await w.anonymous.post(url, { code: codes[0], areaId: w.areas.noord, projects: bad, ...badExtra });
    expect(refused.body.code).toBe(badCode);
    expect((await w.anonymous.post(url, { code: codes[0], areaId: w.areas.noord, projects: good, ...goodExtra })).status).toBe(201);
    const scores = Object.fromEntries((await w.regisseur.get(`/rounds/${id}/results`)).body.areas[0].projects.map((p: Json) => [p.title, p.score]));
    if (ballot.type === 'cumulative') expect(scores).toMatchObject({ B: 3, A: 2, C: 0 });
    if (ballot.type === 'choose-one') expect(scores).toMatchObject({ B: 1, A: 0 });
    // Ranked: 2 points for the first choice, 1 for the second (a Borda-like count).
    if (ballot.type === 'ranked') expect(scores).toMatchObject({ B: 2, A: 1, C: 0 });
  });
});

describe(`code guessing is limited per IP (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }));
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  it('after three unknown codes even a valid code gets 429 too_many_attempts, and nothing is stored', async () => {
    const round = await w.regisseur.ok('/rounds', roundBody(w));
    const [a] = await addProjects(w, round.id as string, w.areas.noord, [['A', 1_000]]);
    await w.regisseur.ok(`/rounds/${round.id}/publish`);
    setToday(DAY.voting);
    const [code] = codesFrom(await w.regisseur.post(`/rounds/${round.id}/codes`, { areaId: w.areas.noord, count: 1 }));
    for (const guess of ['AAAA-AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB-BBBB', 'CCCC-CCCC-CCCC-CCCC']) {
      expect((await w.anonymous.post(`/public/rounds/${round.id}/code-check`, { code: guess })).body.code).toBe('voting_code_unknown');
    }
    const blocked = await w.anonymous.post(`/public/rounds/${round.id}/ballots`, { code, areaId: w.areas.noord, projects: [a] });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect((await w.anonymous.post(`/public/rounds/${round.id}/code-check`, { code })).status).toBe(429);
    expect(await t.db.select().from(roundBallots)).toHaveLength(0);
  });
});
