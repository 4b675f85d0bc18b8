// SPDX-License-Identifier: EUPL-1.2
// One edit per area, period and section: a second insert for the same section is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, givenMunicipality, type TestContext } from '../../testing/harness.js';
import { areaAnalysisEdits } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('area_analysis_edits', () => {
  it('keeps one text per area, period and section', async () => {
    const m = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098311', name: 'Centrum', level: 'wijk' }]);
    const row = { municipalityId: m.id, areaId: m.areas.WK098311!, period: '2024', sectionKey: 'housing', text: 'Eigen tekst', editedByName: 'Bram' };
    await t.db.insert(areaAnalysisEdits).values(row);
    await expect(t.db.insert(areaAnalysisEdits).values({ ...row, text: 'Nog een' })).rejects.toThrow();
    await t.db.insert(areaAnalysisEdits).values({ ...row, sectionKey: 'income' });
    expect((await t.db.select().from(areaAnalysisEdits)).map((r) => r.sectionKey).sort()).toEqual(['housing', 'income']);
  });
});
