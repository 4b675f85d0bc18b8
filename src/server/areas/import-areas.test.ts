// SPDX-License-Identifier: EUPL-1.2
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import {
  createTestApp,
  engineName,
  givenMunicipality,
  givenPerson,
  signIn,
  type Session,
  type TestContext,
  type TestMunicipality,
} from '../testing/harness.js';
import { sharedFolder } from '../paths.js';
import { demoFile } from '../demo/data-files.js';
import { areas } from './schema.js';
import { auditEvents } from '../audit/schema.js';
import { importAreas } from './commands/import-areas.js';
import type { Db } from '../db/client.js';

type Json = Record<string, unknown> & { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

async function countAreas(db: Db, municipalityId: string, level?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(areas)
    .where(level ? and(eq(areas.municipalityId, municipalityId), eq(areas.level, level as 'wijk')) : eq(areas.municipalityId, municipalityId));
  return Number(row?.n ?? 0);
}

describe(`importing the repo's Venlo boundaries through the API (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  let admin: Session;
  const wijken = readJson(demoFile('wijken'));
  const buurten = JSON.parse(readFileSync(demoFile('buurten'), 'utf8')) as { objects: { buurten: { geometries: unknown[] } } };
  const kerncijfers = JSON.parse(readFileSync(demoFile('kerncijfers'), 'utf8')) as Record<string, { AantalInwoners_5: number }>;

  beforeAll(async () => {
    t = await createTestApp();
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo');
    await givenMunicipality(t.db, 'GM0141', 'Almelo');
    const beheerder = await givenPerson(t.db, venlo, 'Bea Beheerder', [['beheerder', 'GM0983']]);
    admin = await signIn(t.app, 'GM0983', beheerder.email);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('imports the 21 wijken of the 2024 GeoJSON with name, population and bbox', async () => {
    const r = await post('/api/municipalities/GM0983/areas/import?validFrom=2024-01-01', wijken);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ created: 21, updated: 0, unchanged: 0, closed: 0, skipped: 0 });
    expect(await countAreas(t.db, venlo.id, 'wijk')).toBe(21);

    const [klingerberg] = await t.db
      .select()
      .from(areas)
      .where(and(eq(areas.municipalityId, venlo.id), eq(areas.code, 'WK098325')));
    expect(klingerberg).toMatchObject({
      name: 'Wijk 25 Klingerberg',
      level: 'wijk',
      parentId: venlo.rootAreaId,
      population: 3845,
      populationYear: 2024,
      validFrom: '2024-01-01',
      validTo: null,
    });
    // The population is CBS 85984NED's, reached by a second route (StatLine OData).
    expect(klingerberg?.population).toBe(kerncijfers.WK098325?.AantalInwoners_5);
    expect([klingerberg?.minLon, klingerberg?.minLat, klingerberg?.maxLon, klingerberg?.maxLat]).toEqual([6.1227, 51.37079, 6.13855, 51.38332]);
  });

  it('imports the 114 buurten of the 2019 TopoJSON under their wijken', async () => {
    const r = await post('/api/municipalities/GM0983/areas/import?level=buurt', buurten);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ created: 114, warnings: [] });
    const rows = await t.db
      .select({ code: areas.code, name: areas.name, parentId: areas.parentId, minLon: areas.minLon })
      .from(areas)
      .where(and(eq(areas.municipalityId, venlo.id), eq(areas.level, 'buurt')));
    const wijkRows = await t.db
      .select({ id: areas.id, code: areas.code })
      .from(areas)
      .where(and(eq(areas.municipalityId, venlo.id), eq(areas.level, 'wijk')));
    expect(rows).toHaveLength(114);
    for (const b of rows) {
      expect(wijkRows.find((w) => w.id === b.parentId)?.code).toBe(`WK${b.code.slice(2, 8)}`);
      expect(b.name).toBe(b.code); // the TopoJSON has no names
      expect(b.minLon).toBeGreaterThan(6.07);
    }
  });

  it('updates in place on re-import, counts unchanged areas, and audits once per import plus per changed area', async () => {
    const again = await post('/api/municipalities/GM0983/areas/import', wijken);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 21 });

    const changed = structuredClone(wijken);
    const f = changed.features.find((x) => x.properties.wijkcode === 'WK098311')!;
    f.properties.aantal_inwoners = 5400;
    f.properties.wijknaam = 'Wijk 11 Venlo-Binnenstad';
    (f.geometry.coordinates as number[][][])[0]!.forEach((p) => (p[0] = p[0]! + 0.001));
    const [before] = await t.db
      .select({ id: areas.id, minLon: areas.minLon })
      .from(areas)
      .where(and(eq(areas.municipalityId, venlo.id), eq(areas.code, 'WK098311')));
    const r = await post('/api/municipalities/GM0983/areas/import', changed);
    expect(r.json()).toMatchObject({ created: 0, updated: 1, unchanged: 20 });
    const [after] = await t.db.select().from(areas).where(eq(areas.id, before!.id));
    expect(after).toMatchObject({ name: 'Wijk 11 Venlo-Binnenstad', population: 5400 });
    expect(after?.minLon).toBeCloseTo(before!.minLon! + 0.001, 6);

    const events = await t.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.municipalityId, venlo.id));
    expect(events.filter((e) => e.action === 'areas.import')).toHaveLength(4);
    const update = events.find((e) => e.action === 'area.update');
    expect(update?.after).toMatchObject({ code: 'WK098311', population: 5400, name: 'Wijk 11 Venlo-Binnenstad', geometryChanged: true });
  });

  it('keeps an area that a newer file lacks, and ends it only with closeMissing', async () => {
    const fewer = { ...wijken, features: wijken.features.filter((x) => x.properties.wijkcode !== 'WK098328') };
    const kept = await post('/api/municipalities/GM0983/areas/import', fewer);
    expect(kept.json()).toMatchObject({ closed: 0 });
    expect(await countAreas(t.db, venlo.id, 'wijk')).toBe(21);
    const listed = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=wijk' });
    expect(listed.json()).toHaveLength(21);

    const closed = await post('/api/municipalities/GM0983/areas/import?closeMissing=2025-01-01', fewer);
    expect(closed.json()).toMatchObject({ closed: 1 });
    const current = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=wijk' });
    expect(current.json().map((a: { code: string }) => a.code)).not.toContain('WK098328');
    const history = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=wijk&includeHistory=true' });
    expect(history.json().find((a: { code: string }) => a.code === 'WK098328')).toMatchObject({ validTo: '2025-01-01' });
  });

  it('rejects a malformed file with every error numbered by feature and imports nothing', async () => {
    const before = await countAreas(t.db, venlo.id);
    const auditBefore = (await t.db.select({ n: count() }).from(auditEvents))[0]?.n;
    const r = await post('/api/municipalities/GM0983/areas/import', readJson(fixture('malformed-wijken.geojson')));
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const body = r.json();
    expect(body.code).toBe('areas_import_invalid');
    expect(body.detail).toMatch(/niets geïmporteerd/);
    expect(body.errors.map((e: { feature: number }) => e.feature)).toEqual([3, 5]);
    expect(body.errors[0]).toMatchObject({ feature: 3, code: 'WK098313', rule: 'ring_not_closed' });
    expect(body.errors[0].message).toMatch(/niet gesloten/);
    expect(body.errors[1]).toMatchObject({ feature: 5, rule: 'code_invalid' });
    expect(await countAreas(t.db, venlo.id)).toBe(before);
    expect((await t.db.select({ n: count() }).from(auditEvents))[0]?.n).toBe(auditBefore);
  });

  it('imports only the features of the municipality in the URL', async () => {
    const almelo = await t.db.select({ id: areas.id }).from(areas).where(eq(areas.code, 'GM0141'));
    const mixed = {
      ...wijken,
      features: [
        ...wijken.features,
        {
          type: 'Feature',
          properties: { wijkcode: 'WK014110', wijknaam: 'Binnenstad' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [6.66, 52.35],
                [6.67, 52.35],
                [6.67, 52.36],
                [6.66, 52.35],
              ],
            ],
          },
        },
      ],
    };
    const r = await post('/api/municipalities/GM0983/areas/import', mixed);
    expect(r.json()).toMatchObject({ skipped: 1 });
    expect(almelo).toHaveLength(1);
    expect(await t.db.select().from(areas).where(eq(areas.code, 'WK014110'))).toHaveLength(0);
  });

  it('refuses a file without areas of the municipality, a non-GeoJSON body, and callers without area.manage', async () => {
    const otherOnly = await post('/api/municipalities/GM0983/areas/import', { type: 'FeatureCollection', features: [] });
    expect(otherOnly.statusCode).toBe(422);
    expect(otherOnly.json().code).toBe('areas_import_empty');
    const notGeo = await post('/api/municipalities/GM0983/areas/import', { type: 'Point', coordinates: [6, 51] });
    expect(notGeo.json().code).toBe('areas_document_invalid');

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/municipalities/GM0983/areas/import', payload: wijken });
    expect(anonymous.statusCode).toBe(401);
    const regisseur = await givenPerson(t.db, venlo, 'Rik Regisseur', [['wijkregisseur', 'GM0983']]);
    const s = await signIn(t.app, 'GM0983', regisseur.email);
    const forbidden = await post('/api/municipalities/GM0983/areas/import', wijken, s.headers);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().rule).toBe('area.manage');
    const elsewhere = await post('/api/municipalities/GM0141/areas/import', wijken);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('refuses (as the CLI does) a municipality that does not exist and a malformed date', async () => {
    const actor = { personId: null, label: 'test' };
    await expect(t.db.transaction((tx) => importAreas(tx, { document: wijken, municipalityCode: 'GM9999' }, { actor }))).rejects.toMatchObject({
      code: 'municipality_unknown',
      status: 422,
    });
    await expect(t.db.transaction((tx) => importAreas(tx, { document: wijken, validFrom: '2024-13-45' }, { actor }))).rejects.toMatchObject({
      code: 'date_invalid',
    });
  });
});

const cbsFolder = join(sharedFolder, 'data', 'cbs');
const haveShared = existsSync(join(cbsFolder, 'wijken_2024_5gm.geojson'));
if (!haveShared) console.warn(`[areas] ${cbsFolder} ontbreekt: de import van de vijf seed-gemeenten uit de gedeelde CBS-data wordt overgeslagen.`);

describe.skipIf(!haveShared)(`importing the five seed municipalities from the shared CBS data (${engineName})`, () => {
  let t: TestContext;
  const municipalities = { GM0983: 'Venlo', GM0141: 'Almelo', GM0826: 'Oosterhout', GM0626: 'Voorschoten', GM1509: 'Oude IJsselstreek' } as const;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const [code, name] of Object.entries(municipalities)) ids[code] = (await givenMunicipality(t.db, code, name)).id;
  });
  afterAll(() => t.close());

  const actor = { personId: null, label: 'test' };

  it('imports the wijken 2024 of every municipality present, as many as the file has', async () => {
    const doc = readJson(join(cbsFolder, 'wijken_2024_5gm.geojson'));
    const result = await t.db.transaction((tx) => importAreas(tx, { document: doc, validFrom: '2024-01-01' }, { actor }));
    expect(result.created).toBe(52);
    const expected = { GM0983: 21, GM0826: 14, GM0141: 12, GM1509: 4, GM0626: 1 };
    for (const [code, n] of Object.entries(expected)) {
      expect(doc.features.filter((f) => f.properties.gemeentecode === code)).toHaveLength(n);
      expect(await countAreas(t.db, ids[code]!, 'wijk')).toBe(n);
    }
  });

  it('imports the buurten 2019 of the five from the national TopoJSON, skipping the rest of the country', async () => {
    const doc = JSON.parse(readFileSync(join(cbsFolder, 'cbs_buurten_2019_gegeneraliseerd_nl.topojson.json'), 'utf8')) as {
      objects: { buurten: { geometries: { properties: { statcode: string } }[] } };
    };
    const result = await t.db.transaction((tx) => importAreas(tx, { document: doc, level: 'buurt', validFrom: '2019-01-01' }, { actor }));
    expect(result.created + result.skipped).toBe(13_594);
    const expected = { GM0983: 114, GM0141: 68, GM0826: 44, GM1509: 32, GM0626: 12 };
    for (const [code, n] of Object.entries(expected)) {
      expect(doc.objects.buurten.geometries.filter((g) => g.properties.statcode.startsWith(`BU${code.slice(2)}`))).toHaveLength(n);
      expect(await countAreas(t.db, ids[code]!, 'buurt')).toBe(n);
    }
    expect(result.warnings).toEqual([]);
  });

  it('leaves the decoded 5gm GeoJSON of the same buurten unchanged (same geometry at 6 decimals)', async () => {
    const doc = readJson(join(cbsFolder, 'buurten_2019_5gm.geojson'));
    const result = await t.db.transaction((tx) => importAreas(tx, { document: doc }, { actor }));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 270 });
  });
});
