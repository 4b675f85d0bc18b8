// SPDX-License-Identifier: EUPL-1.2
// The answer tables, read from the database catalogue: no column can point at an invitation, an
// address or a code, and none holds a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engineName, openTestDatabase } from '../testing/harness.js';
import type { Database } from '../db/client.js';

const answerTables = ['survey_responses', 'survey_answers', 'survey_open_answers'];

describe(`survey answer tables carry no link to invitations (${engineName})`, () => {
  let database: Database;
  let close: () => Promise<void>;
  let columns: { table_name: string; column_name: string; data_type: string }[];
  let foreignKeys: { table_name: string; references: string }[];

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase());
    columns = (
      await database.db.execute<{ table_name: string; column_name: string; data_type: string }>(sql`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name like 'survey%' order by table_name, ordinal_position`)
    ).rows;
    foreignKeys = (
      await database.db.execute<{ table_name: string; references: string }>(sql`
        select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as references
        from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text like 'survey%'`)
    ).rows;
  });
  afterAll(async () => close());

  it('the answer tables exist with their columns', () => {
    const of = (t: string) => columns.filter((c) => c.table_name === t).map((c) => c.column_name);
    expect(of('survey_responses')).toEqual(['id', 'municipality_id', 'wave_id', 'area_id', 'cell']);
    expect(of('survey_answers')).toEqual(['id', 'municipality_id', 'wave_id', 'area_id', 'response_id', 'cell', 'question_id', 'option_id', 'value']);
    expect(of('survey_open_answers')).toEqual([
      'id',
      'municipality_id',
      'wave_id',
      'area_id',
      'question_id',
      'text',
      'redacted_text',
      'status',
      'redacted_by_id',
      'redacted_at',
    ]);
  });

  it('no answer column names an invitation, address or code, and none but the redaction time is a time', () => {
    for (const c of columns.filter((c) => answerTables.includes(c.table_name))) {
      expect(c.column_name).not.toMatch(/invitation|address|code|hash|created|submitted|responded/);
      const isTime = /timestamp|date|time/.test(c.data_type);
      // The redaction time is when a staff member acted, long after and unrelated to answering.
      expect(isTime && c.column_name !== 'redacted_at').toBe(false);
    }
  });

  it('no foreign key from the answer tables reaches invitations or addresses', () => {
    const fromAnswers = foreignKeys.filter((f) => answerTables.includes(f.table_name)).map((f) => f.references);
    expect(fromAnswers.length).toBeGreaterThan(0);
    expect(fromAnswers).not.toContain('survey_invitations');
    expect(fromAnswers).not.toContain('survey_addresses');
  });

  it('answer ids are random (gen_random_uuid), not a sequence', () => {
    const defaults = columns.filter((c) => answerTables.includes(c.table_name) && c.column_name === 'id');
    expect(defaults.every((c) => c.data_type === 'uuid')).toBe(true);
  });
});
