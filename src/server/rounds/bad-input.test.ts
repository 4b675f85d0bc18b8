// SPDX-License-Identifier: EUPL-1.2
// Bad ballots and attacks: over the limits, over budget, unknown projects, after the close, with
// a used or invented code, in the wrong area. Each answers a problem+json with a stable code and
// stores nothing: no ballot row and no code marked used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { engineName, type TestContext } from '../testing/harness.js';
import { setToday, type Json } from '../initiatives/testing.js';
import { roundBallots, roundCodes } from './schema.js';
import { addProjects, codesFrom, DAY, closeRoundWorld, openRoundWorld, roundBody, type RoundWorld } from './testing.js';

describe(`bad ballots store nothing (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;
  let roundId: string;
  let noord: string[];
  let zuid: string[];
  let codes: string[];
  let zuidCode: string;

  const stored = async () => ({
    ballots: (await t.db.select().from(roundBallots)).length,
    used: (
      await t.db
        .select()
        .from(roundCodes)
        .where(and(eq(roundCodes.roundId, roundId), isNotNull(roundCodes.usedAt)))
    ).length,
  });

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld());
    const round = await w.regisseur.ok('/rounds', roundBody(w, { ballot: { type: 'knapsack', maxProjects: 3 } }));
    roundId = round.id as string;
    noord = await addProjects(w, roundId, w.areas.noord, [
      ['A', 6_000],
      ['B', 3_000],
      ['C', 2_000],
      ['D', 1_000],
      ['E', 500],
    ]);
    zuid = await addProjects(w, roundId, w.areas.zuid, [['Z', 1_000]]);
    await w.regisseur.ok(`/rounds/${roundId}/publish`);
    setToday(DAY.voting);
    codes = codesFrom(await w.regisseur.post(`/rounds/${roundId}/codes`, { areaId: w.areas.noord, count: 5 }));
    zuidCode = codesFrom(await w.regisseur.post(`/rounds/${roundId}/codes`, { areaId: w.areas.zuid, count: 1 }))[0]!;
    // One valid ballot, so that "used code" has a used code.
    const first = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, { code: codes[0], areaId: w.areas.noord, projects: [noord[0], noord[1]] });
    expect(first.status).toBe(201);
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  const cases: [string, () => Json, number, string][] = [
    [
      'more projects than the maximum',
      () => ({ code: codes[1], areaId: w.areas.noord, projects: [noord[2], noord[3], noord[4], noord[1]] }),
      422,
      'ballot_too_many_projects',
    ],
    ['over the budget (knapsack)', () => ({ code: codes[1], areaId: w.areas.noord, projects: [noord[0], noord[1], noord[2]] }), 422, 'ballot_over_budget'],
    [
      'an unknown project',
      () => ({ code: codes[1], areaId: w.areas.noord, projects: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'ballot_unknown_project',
    ],
    ['a project of another area', () => ({ code: codes[1], areaId: w.areas.noord, projects: [zuid[0]] }), 422, 'ballot_unknown_project'],
    ['the same project twice', () => ({ code: codes[1], areaId: w.areas.noord, projects: [noord[3], noord[3]] }), 422, 'ballot_duplicate_project'],
    ['no project at all', () => ({ code: codes[1], areaId: w.areas.noord, projects: [] }), 422, 'ballot_empty_ballot'],
    [
      'points on an approval-type ballot',
      () => ({ code: codes[1], areaId: w.areas.noord, projects: [noord[3]], points: [1] }),
      422,
      'ballot_points_not_allowed',
    ],
    ['an invented code', () => ({ code: 'ABCD-EFGH-JKLM-NPQR', areaId: w.areas.noord, projects: [noord[3]] }), 404, 'voting_code_unknown'],
    ['something that is no code', () => ({ code: 'hallo', areaId: w.areas.noord, projects: [noord[3]] }), 404, 'voting_code_unknown'],
    ['a used code', () => ({ code: codes[0], areaId: w.areas.noord, projects: [noord[3]] }), 409, 'voting_code_used'],
    ['a code of another area', () => ({ code: zuidCode, areaId: w.areas.noord, projects: [noord[3]] }), 422, 'voting_wrong_area'],
    ['an area outside the round', () => ({ code: codes[1], areaId: w.areas.west, projects: [] }), 422, 'area_not_in_round'],
    ['no code where only codes vote', () => ({ areaId: w.areas.noord, projects: [noord[3]] }), 422, 'voting_code_required'],
    ['projects that are not a list of ids', () => ({ code: codes[1], areaId: w.areas.noord, projects: { a: 1 } }), 400, 'validation_failed'],
  ];

  it.each(cases)('refuses %s', async (_name, body, status, code) => {
    const before = await stored();
    const reply = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, body());
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.body.code).toBe(code);
    expect(typeof reply.body.detail).toBe('string');
    expect(await stored()).toEqual(before);
  });

  it('names the limits in Dutch, in euros', async () => {
    const reply = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, {
      code: codes[1],
      areaId: w.areas.noord,
      projects: [noord[0], noord[1], noord[2], noord[3]],
    });
    expect(reply.body.code).toBe('ballot_too_many_projects');
    expect(reply.body.detail).toContain('Kies ten hoogste 3 projecten; u koos er 4.');
    expect(reply.body.detail).toContain('kosten samen € 12.000,00, meer dan het budget van € 10.000,00');
    expect(reply.body.violations.map((v: Json) => v.code)).toEqual(['too_many_projects', 'over_budget']);
  });

  it('refuses a valid ballot after the close, and the code stays unused', async () => {
    setToday('2026-05-11');
    const before = await stored();
    const reply = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, { code: codes[1], areaId: w.areas.noord, projects: [noord[3]] });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('voting_closed');
    expect(await stored()).toEqual(before);
    setToday(DAY.voting);
    const now = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, { code: codes[1], areaId: w.areas.noord, projects: [noord[3]] });
    expect(now.status).toBe(201);
  });
});
