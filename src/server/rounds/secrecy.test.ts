// SPDX-License-Identifier: EUPL-1.2
// Ballot secrecy: no column, foreign key, export or audit event links a ballot to a voting code
// or a person. The ballots table has no code, person or time column and no foreign key; the codes
// and voters tables have no ballot column; the .pb export has fresh random voter ids on every
// export and contains no code and no receipt; the audit trail records neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engineName, signIn, type TestContext } from '../testing/harness.js';
import { setToday } from '../initiatives/testing.js';
import { parsePb } from '../../core/voting/pabulib.js';
import { auditEvents } from '../audit/schema.js';
import { roundBallots } from './schema.js';
import { addProjects, codesFrom, DAY, closeRoundWorld, openRoundWorld, roundBody, type RoundWorld } from './testing.js';

describe(`ballots cannot be linked to codes or people (${engineName})`, () => {
  let t: TestContext;
  let w: RoundWorld;
  let roundId: string;
  let projects: string[];
  let codes: string[];
  const receipts: string[] = [];
  let residentId: string;

  const columns = async (table: string) =>
    (
      await t.db.execute<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`)
    ).rows.map((r) => r.column_name);

  beforeAll(async () => {
    ({ t, w } = await openRoundWorld());
    const round = await w.regisseur.ok(
      '/rounds',
      roundBody(w, { voting: { codes: true, signIn: true, scope: 'own-area', changeable: true, minAge: 12, maxAge: 27 } }),
    );
    roundId = round.id as string;
    projects = await addProjects(w, roundId, w.areas.noord, [
      ['A', 1_000],
      ['B', 2_000],
      ['C', 3_000],
    ]);
    await w.regisseur.ok(`/rounds/${roundId}/publish`);
    setToday(DAY.voting);
    codes = codesFrom(await w.regisseur.post(`/rounds/${roundId}/codes`, { areaId: w.areas.noord, count: 6 }));
    for (let i = 0; i < codes.length; i++) {
      const reply = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, {
        code: codes[i],
        areaId: w.areas.noord,
        projects: [projects[i % 3]],
        birthYear: 2005,
      });
      expect(reply.status).toBe(201);
      receipts.push(reply.body.receipt as string);
    }
    const session = await signIn(t.app, 'GM0983', 'bert.bewoner@gm0983.test');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: `/api/municipalities/GM0983/public/rounds/${roundId}/ballots`,
      headers: session.headers,
      payload: { areaId: w.areas.noord, projects: [projects[0]], birthYear: 2000 },
    });
    expect(signedIn.statusCode).toBe(201);
    receipts.push(signedIn.json<{ receipt: string }>().receipt);
    residentId = (await t.db.execute<{ id: string }>(sql`select id from people where email = 'bert.bewoner@gm0983.test'`)).rows[0]!.id;
  }, 180_000);
  afterAll(() => closeRoundWorld(t));

  it('stores ballots without a code, person, time or sequence column', async () => {
    expect(await columns('round_ballots')).toEqual([
      'age_group',
      'area_id',
      'channel',
      'id',
      'municipality_id',
      'points',
      'projects',
      'receipt_hash',
      'round_id',
    ]);
    expect(await columns('round_codes')).toEqual(['area_id', 'code_hash', 'created_at', 'municipality_id', 'round_id', 'used_at']);
    expect(await columns('round_voters')).toEqual(['municipality_id', 'person_id', 'round_id', 'voted_at']);
    const fks = await t.db.execute<{ table_name: string }>(sql`
      select tc.table_name from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and (tc.table_name = 'round_ballots' or ccu.table_name = 'round_ballots')`);
    expect(fks.rows).toEqual([]);
    // Ids are random uuids, not a sequence that follows the order of the codes.
    const rows = await t.db.select().from(roundBallots);
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The stored receipt is a hash, not the receipt.
    const dump = JSON.stringify(rows);
    for (const r of receipts) expect(dump).not.toContain(r);
  });

  it('exports a .pb with fresh random voter ids, no codes, no receipts and no people', async () => {
    const get = () => w.regisseur.get(`/rounds/${roundId}/export.pb?areaId=${w.areas.noord}`);
    const first = await get();
    const second = await get();
    expect(first.status).toBe(200);
    const a = parsePb(first.text);
    const b = parsePb(second.text);
    expect(a.votes).toHaveLength(7);
    for (const v of a.votes) expect(v.voterId).toMatch(/^[0-9a-f]{32}$/);
    const idsA = new Set(a.votes.map((v) => v.voterId));
    expect(b.votes.some((v) => idsA.has(v.voterId))).toBe(false);
    expect(a.voteColumns).toEqual(['voter_id', 'vote']);
    for (const secret of [...codes, ...codes.map((c) => c.replaceAll('-', '')), ...receipts, residentId, 'bert']) {
      expect(first.text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    const rowIds = (await t.db.select({ id: roundBallots.id }).from(roundBallots)).map((r) => r.id);
    for (const id of rowIds) expect(first.text).not.toContain(id);
  });

  it('records no ballot, code or receipt in the audit trail', async () => {
    const trail = JSON.stringify(await t.db.select().from(auditEvents));
    for (const secret of [...codes, ...codes.map((c) => c.replaceAll('-', '')), ...receipts]) expect(trail).not.toContain(secret);
    for (const r of await t.db.select({ id: roundBallots.id }).from(roundBallots)) expect(trail).not.toContain(r.id);
  });

  it('lets a voter change the ballot with the receipt, and check it is counted, without a link', async () => {
    const again = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, {
      code: codes[0],
      areaId: w.areas.noord,
      projects: [projects[2]],
      birthYear: 2005,
    });
    expect(again.body.code).toBe('voting_code_used');
    const wrong = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, {
      code: codes[0],
      receipt: 'not-a-receipt',
      areaId: w.areas.noord,
      projects: [projects[2]],
      birthYear: 2005,
    });
    expect(wrong.body.code).toBe('receipt_unknown');
    const changed = await w.anonymous.post(`/public/rounds/${roundId}/ballots`, {
      code: codes[0],
      receipt: receipts[0],
      areaId: w.areas.noord,
      projects: [projects[2]],
      birthYear: 2005,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ receipt: receipts[0], replaced: true });
    expect(await t.db.select().from(roundBallots)).toHaveLength(7);
    expect((await w.anonymous.get(`/public/rounds/${roundId}/receipts/${receipts[0]}`)).body.counted).toBe(true);
    expect((await w.anonymous.get(`/public/rounds/${roundId}/receipts/unknown`)).body.counted).toBe(false);
  });

  it('counts turnout per age group without storing a birth year', async () => {
    const results = (await w.regisseur.get(`/rounds/${roundId}/results`)).body;
    expect(results.turnoutByAgeGroup).toEqual([{ group: '18-27', ballots: 7 }]);
    expect(results.areas[0]).toMatchObject({ ballots: 7 });
    // Codes and sign-in both vote here: codes issued are not the electorate.
    expect(results.areas[0]).not.toHaveProperty('eligible');
    // No column holds the birth year, only the age group. (Not a substring search over the rows:
    // ids and hashes are random hex, which contains "2005" now and then.)
    const rows = await t.db.select().from(roundBallots);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(Object.keys(row).filter((column) => /birth|year|age(?!Group)/i.test(column))).toEqual([]);
      expect(Object.values(row)).not.toContain(2005);
      expect(Object.values(row)).not.toContain('2005');
      expect(row.ageGroup).toBe('18-27');
    }
  });
});
