// SPDX-License-Identifier: EUPL-1.2
// The status model is enforced by the database too: a suppressed figure cannot carry a number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, givenMunicipality, type TestContext } from '../testing/harness.js';
import { indicatorValues } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('indicator_values constraints', () => {
  it('rejects a number with status suppressed and a NULL with status ok, accepts NULL with suppressed', async () => {
    const m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098311', name: 'Centrum', level: 'wijk' }]);
    const row = { municipalityId: m.id, indicatorKey: 'population', areaId: m.areas.WK098311!, period: '2024', source: 'cbs' };
    await expect(t.db.insert(indicatorValues).values({ ...row, value: 0, status: 'suppressed' })).rejects.toThrow();
    await expect(t.db.insert(indicatorValues).values({ ...row, value: null, status: 'ok' })).rejects.toThrow();
    await t.db.insert(indicatorValues).values({ ...row, value: null, status: 'suppressed' });
    const rows = await t.db.execute(sql`select value, status from indicator_values`);
    expect(rows.rows).toEqual([{ value: null, status: 'suppressed' }]);
  });
});
