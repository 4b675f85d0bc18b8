// SPDX-License-Identifier: EUPL-1.2
// The Venlo demo comes with its wijkkompas figures: profile tiles with comparisons, the map's
// values per wijk and stadsdeel, trends 2012-2024, every number with its source and year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, engineName, type TestContext } from '../testing/harness.js';
import { seedDemo } from '../demo/seed-demo.js';
import { areas } from '../areas/schema.js';
import { auditEvents } from '../audit/schema.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe(`demo indicators for Venlo (${engineName})`, () => {
  let t: TestContext;
  let klingerberg: string;
  const get = async (url: string) => (await t.app.inject({ method: 'GET', url: `/api/municipalities/GM0983${url}` })).json<Json>();

  beforeAll(async () => {
    t = await createTestApp();
    const { municipalityId } = await seedDemo(t.db);
    klingerberg = (
      await t.db
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.municipalityId, municipalityId), eq(areas.code, 'WK098325')))
    )[0]!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows Klingerberg’s profile with population, income and cars, compared with the rest of Venlo', async () => {
    const profile = await get(`/areas/${klingerberg}/profile`);
    const ids = profile.tiles.map((x: Json) => x.indicator.id);
    expect(ids).toEqual(expect.arrayContaining(['population', 'share_65_plus', 'households', 'avg_income_per_resident', 'cars_per_household']));
    const population = profile.tiles.find((x: Json) => x.indicator.id === 'population');
    expect(population.value).toMatchObject({ areaCode: 'WK098325', period: '2024', status: 'rounded', source: 'cbs', sourceYear: 2024 });
    expect(population.municipalityValue).toBe(103789 - population.value.value);
    expect(profile.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('maps the wijken and the stadsdelen, and gives Venlo’s trend 2012-2024', async () => {
    const wijken = await get('/indicators/population/values?level=wijk&period=2024');
    expect(wijken.values.reduce((s: number, v: Json) => s + v.value, 0)).toBe(103780);
    const stadsdelen = await get('/indicators/population/values?level=district&period=2024');
    expect(stadsdelen.values).toHaveLength(5);
    expect(stadsdelen.values.reduce((s: number, v: Json) => s + v.value, 0)).toBe(103780);
    const trend = await get('/indicators/population/trend');
    expect(trend.points.map((p: Json) => p.period)).toEqual(['2012', '2017', '2018', '2019', '2022', '2023', '2024']);
  });

  it('records one audit event per imported file', async () => {
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'indicators.import'))).toHaveLength(5);
  });
});
