// SPDX-License-Identifier: EUPL-1.2
// 200 submissions with the same voting code at the same instant store exactly one ballot: the
// code row's used_at is set by one conditional UPDATE, so the database decides, not a read before
// a write. The same for 50 at once by one signed-in resident (the voters table's primary key).
// On PostgreSQL the requests really run concurrently (pool of 30); on PGlite the pool serialises them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engineName, signIn, type TestContext } from '../testing/harness.js';
import { setToday } from '../initiatives/testing.js';
import { roundBallots, roundCodes, roundVoters } from './schema.js';
import { addProjects, codesFrom, DAY, closeRoundWorld, openRoundWorld, roundBody, type RoundWorld } from './testing.js';

describe(`concurrent submissions (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;
  let roundId: string;
  let projects: string[];

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld());
    const round = await w.regisseur.ok('/rounds', roundBody(w, { voting: { codes: true, signIn: true, scope: 'own-area', changeable: false } }));
    roundId = round.id as string;
    projects = await addProjects(w, roundId, w.areas.noord, [
      ['A', 1_000],
      ['B', 2_000],
    ]);
    await w.regisseur.ok(`/rounds/${roundId}/publish`);
    setToday(DAY.voting);
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  it('200 submissions with one code: one 201, 199 voting_code_used, one ballot stored', async () => {
    const [code] = codesFrom(await w.regisseur.post(`/rounds/${roundId}/codes`, { areaId: w.areas.noord, count: 1 }));
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/municipalities/GM0983/public/rounds/${roundId}/ballots`,
          payload: { code, areaId: w.areas.noord, projects: [projects[i % 2]] },
        }),
      ),
    );
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(new Set(replies.filter((r) => r.statusCode === 409).map((r) => r.json<{ code: string }>().code))).toEqual(new Set(['voting_code_used']));
    expect(await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).toHaveLength(1);
    const [row] = await t.db.select().from(roundCodes).where(eq(roundCodes.roundId, roundId));
    expect(row!.usedAt).not.toBeNull();
  }, 120_000);

  it('many codes at once, each sent three times, with invented codes among them: one ballot per real code (group commit)', async () => {
    const codes = codesFrom(await w.regisseur.post(`/rounds/${roundId}/codes`, { areaId: w.areas.noord, count: 40 }));
    expect(codes).toHaveLength(40);
    const before = (await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).length;
    const sent = [...codes, ...codes, ...codes, 'AAAA-AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB-BBBB'];
    const replies = await Promise.all(
      sent.map((code, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/municipalities/GM0983/public/rounds/${roundId}/ballots`,
          remoteAddress: `10.9.${Math.floor(i / 200)}.${i % 200}`,
          payload: { code, areaId: w.areas.noord, projects: [projects[i % 2]] },
        }),
      ),
    );
    const byCode = new Map<string, number[]>();
    replies.forEach((r, i) => byCode.set(sent[i]!, [...(byCode.get(sent[i]!) ?? []), r.statusCode]));
    for (const code of codes) expect(byCode.get(code)!.sort()).toEqual([201, 409, 409]);
    expect(byCode.get('AAAA-AAAA-AAAA-AAAA')).toEqual([404]);
    expect((await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).length).toBe(before + 40);
    const used = await t.db.select().from(roundCodes).where(eq(roundCodes.roundId, roundId));
    expect(used.filter((c) => c.usedAt !== null)).toHaveLength(41);
  }, 120_000);

  it('50 submissions by one signed-in resident: one ballot', async () => {
    const session = await signIn(t.app, 'GM0983', 'bert.bewoner@gm0983.test');
    const before = (await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).length;
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/municipalities/GM0983/public/rounds/${roundId}/ballots`,
          headers: session.headers,
          payload: { areaId: w.areas.noord, projects: [projects[0]] },
        }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.statusCode === 409 && r.json<{ code: string }>().code === 'ballot_exists')).toHaveLength(49);
    expect((await t.db.select().from(roundBallots).where(eq(roundBallots.roundId, roundId))).length).toBe(before + 1);
    expect(await t.db.select().from(roundVoters).where(eq(roundVoters.roundId, roundId))).toHaveLength(1);
  }, 120_000);
});
