// SPDX-License-Identifier: EUPL-1.2
// Proof that answers cannot be joined back to invitations: after a wave with 60 respondents, no
// value of an invitation (id, address, code hash) occurs in any answer row; the answers carry no
// time; each answer's transaction also rewrote earlier answers, so a row version does not single one
// out; and after closing, neither the physical order, nor the ids, nor the row versions of the
// answers follow the order in which the invitations were used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engineName, type TestContext } from '../testing/harness.js';
import { MIXING_RESPONSES } from './commands/submit-response.js';
import { addressCsv, givenSurveyWorld, parseLetters, type SurveyWorld } from './testing.js';

const RESPONDENTS = 60;

/** Spearman's rank correlation of two permutations of 0..n−1 given as paired ranks. */
function spearman(ranks: readonly [number, number][]): number {
  const n = ranks.length;
  const d2 = ranks.reduce((s, [a, b]) => s + (a - b) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** Respondent i answers a unique combination, so the test (not an attacker) can recognise them. */
function answersOf(i: number) {
  return { overall_grade: (i % 10) + 1, physical_green: (Math.floor(i / 10) % 5) + 1, social_help: (Math.floor(i / 50) % 5) + 1, improve: `antwoord ${i}` };
}

describe(`answers cannot be joined back to invitations (${engineName})`, () => {
  let t: TestContext;
  let w: SurveyWorld;
  let waveId: string;
  /** Invitation ids in the order they were used. */
  const usedInOrder: string[] = [];

  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => (await t.db.execute(query)).rows as T[];

  /** Response id → respondent number i, read from the answers' content. */
  async function respondentOf(): Promise<Map<string, number>> {
    const answers = await rows<{ response_id: string; question_id: string; value: number }>(
      sql`select response_id, question_id, value from survey_answers where option_id is null`,
    );
    const parts = new Map<string, Record<string, number>>();
    for (const a of answers) parts.set(a.response_id, { ...parts.get(a.response_id), [a.question_id]: a.value });
    const out = new Map<string, number>();
    for (const [id, p] of parts) out.set(id, (p.overall_grade ?? 1) - 1 + 10 * ((p.physical_green ?? 1) - 1) + 50 * ((p.social_help ?? 1) - 1));
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await givenSurveyWorld(t);
    const survey = await w.onderzoeker.ok('POST', '/surveys', { template: 'lemon' });
    const wave = await w.onderzoeker.ok('POST', `/surveys/${survey.body.id}/waves`, {
      name: 'Anoniem',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      targetPerArea: RESPONDENTS,
      areaIds: [w.m.areas.WK098301],
    });
    waveId = wave.body.id as string;
    await w.onderzoeker.ok('POST', `/waves/${waveId}/addresses`, { csv: addressCsv({ WK098301: RESPONDENTS + 5 }) });
    await w.onderzoeker.ok('POST', `/waves/${waveId}/sample`, { seed: 'anoniem' });
    const letters = parseLetters((await w.onderzoeker.ok('POST', `/waves/${waveId}/invitations`)).text);
    for (let i = 0; i < RESPONDENTS; i++) {
      const code = letters[i]?.code as string;
      const reply = await w.anonymous.post(`/api/public/survey/${code}`, { answers: answersOf(i) });
      expect(reply.status).toBe(201);
      const [used] = await rows<{ id: string }>(
        sql`select id from survey_invitations where responded_on is not null and not (id = any(${`{${usedInOrder.join(',')}}`}::uuid[]))`,
      );
      usedInOrder.push(used?.id as string);
    }
  });
  afterAll(async () => t.close());

  it('no value of an invitation occurs in any answer row', async () => {
    const invitations = await rows<{ id: string; address_id: string; code_hash: string; reminder_code_hash: string | null }>(
      sql`select id, address_id, code_hash, reminder_code_hash from survey_invitations`,
    );
    const addresses = await rows<{ address: string; postcode: string }>(sql`select address, postcode from survey_addresses`);
    const answerRows = JSON.stringify([
      ...(await rows(sql`select * from survey_responses`)),
      ...(await rows(sql`select * from survey_answers`)),
      ...(await rows(sql`select * from survey_open_answers`)),
    ]);
    expect(answerRows.length).toBeGreaterThan(1000);
    for (const inv of invitations) {
      for (const value of [inv.id, inv.address_id, inv.code_hash]) expect(answerRows).not.toContain(value);
    }
    for (const a of addresses) expect(answerRows).not.toContain(a.address);
  });

  it('an invitation keeps only the day it was used; answers keep no time at all', async () => {
    const [inv] = await rows<{ type: string }>(sql`select pg_typeof(responded_on)::text as type from survey_invitations limit 1`);
    expect(inv?.type).toBe('date');
    const timeColumns = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_name in ('survey_responses', 'survey_answers') and (data_type like '%time%' or data_type = 'date')`);
    expect(timeColumns).toEqual([]);
    // The audit event of an answer names the wave only.
    const events = await rows<{ entity_id: string; after: unknown }>(sql`select entity_id, after from audit_events where action = 'survey.respond'`);
    expect(events).toHaveLength(RESPONDENTS);
    expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set([waveId]));
  });

  it('the transaction of an answer also rewrote earlier answers, so its row version points at several', async () => {
    const last = usedInOrder[usedInOrder.length - 1] as string;
    const [shared] = await rows<{ n: number }>(sql`
      select count(*)::int as n from survey_responses r
      where r.xmin::text = (select xmin::text from survey_invitations where id = ${last})`);
    expect(shared?.n).toBe(1 + MIXING_RESPONSES);
  });

  it('after closing, no order, id or row version of the answers follows the order of use', async () => {
    await w.onderzoeker.ok('POST', `/waves/${waveId}/close`);
    const respondent = await respondentOf();
    expect(respondent.size).toBe(RESPONDENTS);
    // The invitations' own row versions give the order of use; no response shares one.
    const [linked] = await rows<{ n: number }>(sql`
      select count(*)::int as n from survey_responses r
      where r.xmin::text in (select xmin::text from survey_invitations)`);
    expect(linked?.n).toBe(0);
    const versions = await rows<{ x: string }>(sql`select distinct xmin::text as x from survey_responses`);
    expect(versions).toHaveLength(1);
    // Physical order and id order against the order of use (respondent i answered i-th).
    const physical = await rows<{ id: string }>(sql`select id from survey_responses order by ctid`);
    const byId = await rows<{ id: string }>(sql`select id from survey_responses order by id`);
    for (const order of [physical, byId]) {
      const ranks = order.map((r, position) => [position, respondent.get(r.id) as number] as [number, number]);
      expect(ranks.map(([, i]) => i).sort((a, b) => a - b)).toEqual([...Array(RESPONDENTS).keys()]);
      // For a random order |ρ| > 0.7 has probability below 1e-7 at n = 60.
      expect(Math.abs(spearman(ranks))).toBeLessThan(0.7);
    }
    // Open answers too: their physical order does not follow the order of use.
    const open = await rows<{ text: string }>(sql`select text from survey_open_answers order by ctid`);
    const openRanks = open.map((o, position) => [position, Number(o.text.replace('antwoord ', ''))] as [number, number]);
    expect(Math.abs(spearman(openRanks))).toBeLessThan(0.7);
  });
});
