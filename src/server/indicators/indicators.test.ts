// SPDX-License-Identifier: EUPL-1.2
// The indicator API end to end on a real database: imports (all or nothing, dry run, line numbers,
// unknown area codes), the catalogue and who may change it, values for the choropleth and as CSV,
// trends, and the area profile's comparison with the municipality excluding the area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, engineName, givenPerson, signIn, type Session, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { auditEvents } from '../audit/schema.js';
import { areas } from '../areas/schema.js';
import { indicatorValues } from './schema.js';
import { fixture, givenMunicipalitiesWithWijken } from './testing.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe(`indicators API (${engineName})`, () => {
  let t: TestContext;
  let m: TestMunicipality;
  let onderzoeker: Session;
  let regisseur: Session;
  let werker: Session;
  const base = '/api/municipalities/GM0983';

  const post = (session: Session | null, url: string, payload: string | object, contentType = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: base + url,
      headers: { ...(session?.headers ?? {}), 'content-type': typeof payload === 'string' ? contentType : 'application/json' },
      payload,
    });
  const get = (session: Session | null, url: string) => t.app.inject({ method: 'GET', url: base + url, headers: session ? { cookie: session.cookie } : {} });
  const countValues = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(indicatorValues))[0]!.n;
  const areaId = async (code: string) => (await t.db.select({ id: areas.id }).from(areas).where(eq(areas.code, code)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    const ids = await givenMunicipalitiesWithWijken(t.db, [{ code: 'GM0983', name: 'Venlo' }]);
    const rows = await t.db.select({ id: areas.id, code: areas.code }).from(areas);
    m = {
      id: ids.get('GM0983')!,
      code: 'GM0983',
      rootAreaId: rows.find((r) => r.code === 'GM0983')!.id,
      areas: Object.fromEntries(rows.map((r) => [r.code, r.id])),
    };
    await givenPerson(t.db, m, 'Olga Onderzoeker', [['onderzoeker', 'GM0983']]);
    await givenPerson(t.db, m, 'Rita Regisseur', [['wijkregisseur', 'GM0983']]);
    await givenPerson(t.db, m, 'Wim Werker', [['wijkwerker', 'WK098325']]);
    onderzoeker = await signIn(t.app, 'GM0983', 'olga.onderzoeker@gm0983.test');
    regisseur = await signIn(t.app, 'GM0983', 'rita.regisseur@gm0983.test');
    werker = await signIn(t.app, 'GM0983', 'wim.werker@gm0983.test');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses imports without monitor.manage (401 signed out, 403 for a wijkregisseur) and writes nothing', async () => {
    const csv = fixture('kwb2024-venlo-statline.csv');
    expect((await post(null, '/imports/cbs', csv)).statusCode).toBe(401);
    const refused = await post(regisseur, '/imports/cbs', csv);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Json>().rule).toBe('monitor.manage');
    expect(await countValues()).toBe(0);
  });

  it('dry run reports what would be imported and writes nothing', async () => {
    const response = await post(onderzoeker, '/imports/cbs?dryRun=true&fileName=kwb2024-venlo-statline.csv', fixture('kwb2024-venlo-statline.csv'));
    expect(response.statusCode).toBe(200);
    const body = response.json<Json>();
    expect(body).toMatchObject({ format: 'cbs-csv', dryRun: true, imported: 22 * 5, periods: ['2024'], unknownAreaCodes: [] });
    expect(body.indicators).toEqual(['housing_stock', 'men', 'population', 'population_density', 'women']);
    expect(await countValues()).toBe(0);
  });

  it('imports a CBS StatLine CSV (BOM, ;, quoted, padded codes; CBS keys by base name) with rounded wijk counts, audited', async () => {
    const response = await post(onderzoeker, '/imports/cbs?fileName=kwb2024-venlo-statline.csv', fixture('kwb2024-venlo-statline.csv'));
    expect(response.statusCode).toBe(200);
    expect(response.json<Json>()).toMatchObject({ imported: 110, byStatus: { ok: 22 + 22 + 3, rounded: 21 * 3 } });
    const [centrum] = await t.db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.areaId, m.areas.WK098311!), eq(indicatorValues.indicatorKey, 'population')));
    expect(centrum).toMatchObject({ value: 5310, status: 'rounded', period: '2024', source: 'cbs', sourceYear: 2024 });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'indicators.import'));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ imported: 110, file: 'kwb2024-venlo-statline.csv', format: 'cbs-csv' });
  });

  it('stops the whole import at one bad line, naming the line, and keeps what was there', async () => {
    const before = await countValues();
    const csv = '\uFEFF"WijkenEnBuurten";"AantalInwoners_5";"Mannen_6"\r\n"WK098311";9999;1\r\n"WK098312";12 345;x\r\n"WK098313";abc;1\r\n';
    const response = await post(onderzoeker, '/imports/cbs?period=2024', csv);
    expect(response.statusCode).toBe(422);
    const problem = response.json<Json>();
    expect(problem.code).toBe('indicators_import_invalid');
    expect(problem.errors).toEqual([expect.objectContaining({ line: 4, code: 'WK098313', unit: 'line' })]);
    expect(problem.detail).toContain('Regel 4');
    expect(await countValues()).toBe(before);
    const [centrum] = await t.db
      .select({ value: indicatorValues.value })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.areaId, m.areas.WK098311!), eq(indicatorValues.indicatorKey, 'population'), eq(indicatorValues.period, '2024')));
    expect(centrum!.value).toBe(5310);
  });

  it('reports area codes that do not exist with their line, stores "." as suppressed NULL, never 0', async () => {
    const csv = 'WijkenEnBuurten;AantalInwoners_4;GemiddeldInkomenPerInwoner_66\r\nWK098311;5300;28,3\r\nWK098399;10;1,0\r\nWK098312;.;.\r\n';
    const response = await post(onderzoeker, '/imports/cbs?period=2023', csv);
    expect(response.statusCode).toBe(200);
    const body = response.json<Json>();
    expect(body.unknownAreaCodes).toEqual([{ code: 'WK098399', line: 3 }]);
    expect(body.warnings.join(' ')).toContain('bestaan niet');
    expect(body.byStatus).toMatchObject({ suppressed: 2 });
    const rows = await t.db
      .select({ key: indicatorValues.indicatorKey, value: indicatorValues.value, status: indicatorValues.status })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.areaId, m.areas.WK098312!), eq(indicatorValues.period, '2023')));
    expect(rows.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'avg_income_per_resident', value: null, status: 'suppressed' },
      { key: 'population', value: null, status: 'suppressed' },
    ]);
  });

  it('imports GeoJSON with figures as properties, the trend CSV (2012-2024) and CBS custom tables', async () => {
    const geo = await post(onderzoeker, '/imports/cbs', fixture('wijken-2024-5gm.geojson'), 'application/geo+json');
    expect(geo.statusCode).toBe(200);
    expect(geo.json<Json>()).toMatchObject({ format: 'geojson', municipalities: [{ code: 'GM0983' }], periods: ['2024'] });
    expect(geo.json<Json>().skipped).toBeGreaterThan(0); // the other four municipalities' wijken
    const trend = await post(onderzoeker, '/imports/cbs', fixture('gemeenten-trend-5gm-2012-2024.csv'));
    expect(trend.statusCode).toBe(200);
    expect(trend.json<Json>()).toMatchObject({ format: 'geo-csv', periods: ['2012', '2017', '2018', '2019', '2022', '2023', '2024'] });
    const income = await post(onderzoeker, '/imports/cbs', fixture('inkomen2020-venlo.csv'));
    expect(income.json<Json>()).toMatchObject({ format: 'cbs-csv', periods: ['2020'], imported: 22 * 3, unknownAreaCodes: [] });
    const cars = await post(onderzoeker, '/imports/cbs', fixture('autobezit2023-wijk-venlo.csv'));
    expect(cars.json<Json>()).toMatchObject({ periods: ['2023'], imported: 21, indicators: ['cars_per_household'] });
  });

  it('takes CBS OData JSON as an application/json body', async () => {
    const body = { value: [{ WijkenEnBuurten: 'WK098311  ', Perioden: '2022JJ00', AantalInwoners_5: 5290 }] };
    const response = await post(onderzoeker, '/imports/cbs?dryRun=true', body);
    expect(response.statusCode).toBe(200);
    expect(response.json<Json>()).toMatchObject({ format: 'cbs-odata-json', imported: 1, periods: ['2022'], byStatus: { rounded: 1 } });
  });

  it('gives a trend 2012-2024 for the municipality, with source and year on every point', async () => {
    const response = await get(null, '/indicators/population/trend');
    expect(response.statusCode).toBe(200);
    const body = response.json<Json>();
    expect(body.area.code).toBe('GM0983');
    expect(body.points.map((p: Json) => p.period)).toEqual(['2012', '2017', '2018', '2019', '2022', '2023', '2024']);
    expect(body.points[0]).toEqual({ period: '2012', value: 100025, status: 'ok', source: 'cbs', sourceYear: 2012 });
    expect(body.points.at(-1).value).toBe(103789);
    expect(body.attribution).toContain('CBS');
  });

  it('lists values of a level for the choropleth, districts aggregated from wijken, and the same as CSV', async () => {
    const wijk = await get(null, '/indicators/population/values?period=2024&level=wijk');
    expect(wijk.statusCode).toBe(200);
    const body = wijk.json<Json>();
    expect(body.values).toHaveLength(21);
    expect(body.values.reduce((s: number, v: Json) => s + v.value, 0)).toBe(103780);
    expect(body.values.find((v: Json) => v.areaCode === 'WK098311')).toMatchObject({
      areaName: 'Wijk 11 Venlo-Centrum',
      value: 5310,
      status: 'rounded',
      sourceYear: 2024,
    });
    expect(body.periods).toContain('2012');

    const csv = await get(null, '/indicators/avg_income_per_resident/values.csv?period=2020&level=wijk');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('gebiedscode;gebied;indicator;periode;waarde;status;bron;bronjaar');
    expect(lines.find((l) => l.startsWith('WK098311;'))).toBe(
      'WK098311;Wijk 11 Venlo-Centrum;avg_income_per_resident;2020;28,3;ok;Bron: CBS, Kerncijfers wijken en buurten;2020',
    );
  });

  it('aggregates to districts with the indicator method: sums add up, a suppressed part suppresses', async () => {
    const members = ['WK098311', 'WK098312'].map((c) => m.areas[c]!);
    const [row] = await t.db
      .insert(areas)
      .values({ municipalityId: m.id, code: 'SD-TEST', name: 'Stadsdeel Test', level: 'district', parentId: m.rootAreaId, validFrom: '2016-01-01' })
      .returning({ id: areas.id });
    await t.db.execute(sql`insert into area_members (area_id, member_id) values (${row!.id}, ${members[0]}), (${row!.id}, ${members[1]})`);
    const wijken = (await get(null, '/indicators/population/values?period=2024&level=wijk')).json<Json>().values as Json[];
    const expected = wijken.filter((v) => v.areaCode === 'WK098311' || v.areaCode === 'WK098312').reduce((sum, v) => sum + (v.value as number), 0);
    const pop = (await get(null, '/indicators/population/values?period=2024&level=district')).json<Json>();
    expect(pop.values).toEqual([expect.objectContaining({ areaCode: 'SD-TEST', value: expected, status: 'rounded' })]);
    const suppressed = (await get(null, '/indicators/population/values?period=2023&level=district')).json<Json>();
    expect(suppressed.values[0]).toMatchObject({ value: null, status: 'suppressed' });
  });

  it('builds the area profile with the municipality excluding the area, and says when that is not meaningful', async () => {
    const response = await get(null, `/areas/${m.areas.WK098311}/profile?period=2024`);
    expect(response.statusCode).toBe(200);
    const body = response.json<Json>();
    const tile = (id: string) => body.tiles.find((x: Json) => x.indicator.id === id);
    // Sum: Venlo 103,789 minus Venlo-Centrum 5,310.
    expect(tile('population')).toMatchObject({
      value: { value: 5310, period: '2024' },
      previous: { period: '2023', value: 5300, status: 'rounded' },
      municipalityValue: 103789 - 5310,
    });
    expect(tile('population').difference.value).toBe(5310 - (103789 - 5310));
    // Population-weighted mean, income 2020 (the latest up to 2022): weights from the nearest year with a population
    // figure (wijk: 2023, 5,300; Venlo: 2019, 101,603): (25.0·101603 − 28.3·5300) / (101603 − 5300).
    const income = (await get(null, `/areas/${m.areas.WK098311}/profile?period=2022`))
      .json<Json>()
      .tiles.find((x: Json) => x.indicator.id === 'avg_income_per_resident');
    expect(income.value).toMatchObject({ value: 28.3, period: '2020', sourceYear: 2020 });
    expect(income.municipalityTotal).toMatchObject({ areaCode: 'GM0983', value: 25 });
    expect(income.municipalityValue).toBeCloseTo((25 * 101603 - 28.3 * 5300) / (101603 - 5300), 6);
    expect(income.difference.value).toBeCloseTo(28.3 - income.municipalityValue, 6);
    // Not aggregatable: no comparison, with the reason.
    const cars = tile('cars_per_household');
    expect(cars.municipalityValue).toBeNull();
    expect(cars.comparisonNote.nl).toContain('Geen vergelijking');
    expect(body.sources).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2024, attribution: 'Bron: CBS, Kerncijfers wijken en buurten' })]));
  });

  it('builds the rest of the municipality from the other wijken when the municipality has no figure of its own', async () => {
    // An own indicator with figures for three wijken and none for Venlo as a whole.
    const own = await post(onderzoeker, '/indicators', {
      id: 'benches',
      name: { nl: 'Bankjes', en: 'Benches' },
      theme: 'physical',
      unit: 'count',
      polarity: 'higher_better',
      source: 'own',
      licence: 'CC0',
      attribution: 'Bron: gemeente Venlo',
      aggregation: 'sum',
      decimals: 0,
      public: true,
    });
    expect(own.statusCode).toBe(201);
    const csv = 'gebiedscode;indicator;periode;waarde\nWK098311;benches;2024;10\nWK098312;benches;2024;7\nWK098313;benches;2024;5\n';
    expect((await post(onderzoeker, '/imports/own', csv)).statusCode).toBe(200);
    const tile = (await get(null, `/areas/${m.areas.WK098311}/profile`)).json<Json>().tiles.find((x: Json) => x.indicator.id === 'benches');
    expect(tile.municipalityTotal).toBeUndefined();
    expect(tile.municipalityValue).toBe(12);
    expect(tile.difference.value).toBe(-2);
    // One other wijk suppressed: the rest is suppressed too, so no comparison (never a smaller sum).
    expect((await post(onderzoeker, '/imports/own', 'gebiedscode;indicator;periode;waarde\nWK098313;benches;2024;.\n')).statusCode).toBe(200);
    const hidden = (await get(null, `/areas/${m.areas.WK098311}/profile`)).json<Json>().tiles.find((x: Json) => x.indicator.id === 'benches');
    expect(hidden.municipalityValue).toBeNull();
    expect(hidden.comparisonNote.en).toContain('rest of the municipality');
  });

  it('weights means by population when the municipality figure and populations are known', async () => {
    // share_65_plus 2024 (GeoJSON wijken, trend file for the municipality).
    const body = (await get(null, `/areas/${m.areas.WK098311}/profile`)).json<Json>();
    const tile = body.tiles.find((x: Json) => x.indicator.id === 'share_65_plus');
    const m65 = tile.municipalityTotal.value;
    const a65 = tile.value.value;
    expect(tile.municipalityValue).toBeCloseTo((m65 * 103789 - a65 * 5310) / (103789 - 5310), 6);
  });

  it('keeps own non-public indicators from the public and from roles without report.read', async () => {
    const created = await post(onderzoeker, '/indicators', {
      id: 'complaints_per_1000',
      name: { nl: 'Meldingen openbare ruimte per 1.000 inwoners', en: 'Public space reports per 1,000 residents' },
      theme: 'physical',
      unit: 'per_1000',
      polarity: 'higher_worse',
      source: 'own',
      licence: 'intern',
      attribution: 'Bron: gemeente Venlo, meldingen',
      aggregation: 'population_weighted_mean',
      decimals: 1,
      public: false,
    });
    expect(created.statusCode).toBe(201);
    expect((await post(onderzoeker, '/indicators', { ...created.json<Json>(), baseSet: undefined })).json<Json>().code).toBe('indicator_exists');
    const own = await post(
      onderzoeker,
      '/imports/own',
      'gebiedscode;indicator;periode;waarde\nWK098325;complaints_per_1000;2024;12,5\nWK098311;complaints_per_1000;2024;\n',
    );
    expect(own.statusCode).toBe(200);
    expect(own.json<Json>().byStatus).toMatchObject({ ok: 1, missing: 1 });

    expect((await get(null, '/indicators/complaints_per_1000/trend?areaId=' + m.areas.WK098325)).statusCode).toBe(401);
    // A wijkwerker reads figures of her own wijk (area.view_internal there), another wijk's not even exist for her.
    expect((await get(werker, '/indicators/complaints_per_1000/trend?areaId=' + m.areas.WK098325)).statusCode).toBe(200);
    expect((await get(werker, '/indicators/complaints_per_1000/trend?areaId=' + m.areas.WK098311)).statusCode).toBe(404);
    const allowed = await get(regisseur, '/indicators/complaints_per_1000/trend?areaId=' + m.areas.WK098325);
    expect(allowed.json<Json>().points).toEqual([{ period: '2024', value: 12.5, status: 'ok', source: 'own', sourceYear: 2024 }]);
    expect((await get(null, '/indicators')).json<Json[]>().some((i) => i.id === 'complaints_per_1000')).toBe(false);
    expect((await get(regisseur, '/indicators')).json<Json[]>().some((i) => i.id === 'complaints_per_1000')).toBe(true);
    const publicProfile = (await get(null, `/areas/${m.areas.WK098325}/profile`)).json<Json>();
    expect(publicProfile.tiles.some((x: Json) => x.indicator.id === 'complaints_per_1000')).toBe(false);
  });

  it('refuses own figures for an unknown indicator or a number with status suppressed, naming the line', async () => {
    const response = await post(
      onderzoeker,
      '/imports/own',
      'gebiedscode;indicator;periode;waarde;status\nWK098325;population;2024;5;ok\nWK098325;no_such_thing;2024;1;\nWK098311;population;2024;0;suppressed\n',
    );
    expect(response.statusCode).toBe(422);
    const lines = response
      .json<Json>()
      .errors.map((e: Json) => e.line)
      .sort();
    expect(lines).toEqual([3, 4]);
  });

  it('lets monitor.manage change a base-set entry (an override, audited) but not a wijkregisseur', async () => {
    const url = `${base}/indicators/crimes_total`;
    const refused = await t.app.inject({ method: 'PATCH', url, headers: regisseur.headers, payload: { public: false } });
    expect(refused.statusCode).toBe(403);
    const changed = await t.app.inject({ method: 'PATCH', url, headers: onderzoeker.headers, payload: { attribution: 'Bron: Politie Limburg' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Json>()).toMatchObject({ id: 'crimes_total', baseSet: true, attribution: 'Bron: Politie Limburg', source: 'police' });
    const catalogue = (await get(null, '/indicators')).json<Json[]>();
    expect(catalogue.find((i) => i.id === 'crimes_total')!.attribution).toBe('Bron: Politie Limburg');
    expect(catalogue.filter((i) => i.id === 'crimes_total')).toHaveLength(1);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'indicator.update'))).toHaveLength(1);
  });

  it('answers 404 for an unknown indicator or area', async () => {
    expect((await get(null, '/indicators/nope/values')).statusCode).toBe(404);
    expect((await get(null, `/areas/${await areaId('GM0983')}x/profile`)).statusCode).toBe(404);
  });
});
