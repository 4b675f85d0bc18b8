// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, signIn, type Session, type TestContext } from '../testing/harness.js';
import { seedDemo } from '../demo/seed-demo.js';
import { demoFile } from '../demo/data-files.js';
import { areas } from './schema.js';
import { auditEvents } from '../audit/schema.js';
import { areaLineage } from './queries.js';

// A point in buurt BU09832501 (wijk 25 Klingerberg, stadsdeel Blerick); one in Roermond, outside Venlo.
const inKlingerberg = { lon: 6.1259, lat: 51.3758 };
const inRoermond = { lon: 5.987, lat: 51.194 };

describe(`point-in-area lookup and custom areas on the Venlo demo (${engineName})`, () => {
  let t: TestContext;
  let admin: Session;
  let municipalityId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    ({ municipalityId } = await seedDemo(t.db));
    const rows = await t.db.select({ id: areas.id, code: areas.code }).from(areas).where(eq(areas.municipalityId, municipalityId));
    for (const r of rows) ids[r.code] = r.id;
    admin = await signIn(t.app, 'GM0983', 'beheerder@venlo.demo', 'wijkwijs-demo');
  });
  afterAll(() => t.close());

  const lookup = (p: { lon: number; lat: number }, code = 'GM0983') =>
    t.app.inject({ url: `/api/municipalities/${code}/areas/lookup?lon=${p.lon}&lat=${p.lat}` });
  const post = (url: string, payload: object, headers = admin.headers) => t.app.inject({ method: 'POST', url, payload, headers });

  it('finds buurt, wijk, district and municipality of a point in Klingerberg', async () => {
    const r = await lookup(inKlingerberg);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      buurt: { id: ids.BU09832501, code: 'BU09832501', name: 'Klingerberg, buurt 01' },
      wijk: { id: ids.WK098325, code: 'WK098325', name: 'Wijk 25 Klingerberg' },
      district: { id: ids['SD0983-BLERICK'], code: 'SD0983-BLERICK', name: 'Stadsdeel Blerick' },
      municipality: { id: ids.GM0983, code: 'GM0983', name: 'Venlo' },
      // Both pilot areas ended years ago: not valid today.
      custom: [],
    });
  });

  it('answers 404 with a Dutch problem for a point outside the municipality', async () => {
    const r = await lookup(inRoermond);
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().detail).toMatch(/buiten gemeente Venlo/);
    expect((await lookup(inKlingerberg, 'GM0141')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/municipalities/GM0983/areas/lookup?lon=abc&lat=51' })).statusCode).toBe(400);
  });

  it('creates a custom area from members, finds it by point, and keeps it in history after it ends', async () => {
    const created = await post('/api/municipalities/GM0983/areas', {
      code: 'AG-KLINGERBERG-VOSSENER',
      name: 'Aandachtsgebied Klingerberg en Vossener',
      kind: 'aandachtsgebied',
      memberIds: [ids.WK098325, ids.WK098324],
      validFrom: '2024-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const area = created.json();
    expect(area).toMatchObject({ code: 'AG-KLINGERBERG-VOSSENER', level: 'custom', kind: 'aandachtsgebied', population: 3845 + 3705, validTo: null });

    const detail = await t.app.inject({ url: `/api/municipalities/GM0983/areas/${area.id}` });
    expect(
      detail
        .json()
        .members.map((m: { code: string }) => m.code)
        .sort(),
    ).toEqual(['WK098324', 'WK098325']);
    expect(detail.json().bbox).not.toBeNull();
    const found = await lookup(inKlingerberg);
    expect(found.json().custom).toEqual([
      { id: area.id, code: 'AG-KLINGERBERG-VOSSENER', name: 'Aandachtsgebied Klingerberg en Vossener', kind: 'aandachtsgebied' },
    ]);

    const ended = await post(`/api/municipalities/GM0983/areas/${area.id}/end`, { validTo: '2025-01-01', reason: 'Doelen bereikt' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ validTo: '2025-01-01', replacedBy: null });
    expect((await lookup(inKlingerberg)).json().custom).toEqual([]);
    const current = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=custom' });
    expect(current.json()).toEqual([]);
    const history = await t.app.inject({ url: '/api/municipalities/GM0983/areas?level=custom&includeHistory=true' });
    expect(history.json().map((a: { code: string; validTo: string }) => [a.code, a.validTo])).toEqual([
      ['AG-KLINGERBERG-VOSSENER', '2025-01-01'],
      ['PILOT-BLERICK-STEYL', '2018-01-01'],
      ['PILOT-KLINGERBERG', '2017-01-01'],
    ]);
    const again = await post(`/api/municipalities/GM0983/areas/${area.id}/end`, { validTo: '2026-01-01' });
    expect(again.statusCode).toBe(409);
    // Nothing deleted: the members are still recorded.
    const kept = await t.app.inject({ url: `/api/municipalities/GM0983/areas/${area.id}` });
    expect(kept.json().members).toHaveLength(2);
  });

  it('ends an area with a successor and records it in the audit trail', async () => {
    const first = (
      await post('/api/municipalities/GM0983/areas', { code: 'PILOT-A', name: 'Pilot A', kind: 'pilot', memberIds: [ids.WK098311], validFrom: '2020-01-01' })
    ).json();
    const second = (
      await post('/api/municipalities/GM0983/areas', {
        code: 'PILOT-B',
        name: 'Pilot B',
        kind: 'pilot',
        memberIds: [ids['SD0983-VENLO']],
        validFrom: '2021-01-01',
      })
    ).json();
    const r = await post(`/api/municipalities/GM0983/areas/${first.id}/end`, { validTo: '2021-01-01', replacedBy: second.id });
    expect(r.json().replacedBy).toEqual({ id: second.id, code: 'PILOT-B', name: 'Pilot B' });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'area.end'), eq(auditEvents.entityId, first.id)));
    expect(event?.after).toMatchObject({ validTo: '2021-01-01', replacedBy: { code: 'PILOT-B' } });
    // A successor that does not exist yet on the end date is refused.
    const third = (
      await post('/api/municipalities/GM0983/areas', { code: 'PILOT-C', name: 'Pilot C', kind: 'pilot', memberIds: [ids.WK098312], validFrom: '2030-01-01' })
    ).json();
    const late = await post(`/api/municipalities/GM0983/areas/${second.id}/end`, { validTo: '2022-01-01', replacedBy: third.id });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('area_successor_invalid');
  });

  it('refuses bad custom areas with Dutch problems', async () => {
    const base = { name: 'X', kind: 'pilot', validFrom: '2024-01-01' };
    const cbsCode = await post('/api/municipalities/GM0983/areas', { ...base, code: 'WK098399', memberIds: [ids.WK098311] });
    expect(cbsCode.json()).toMatchObject({ status: 422, code: 'area_code_invalid' });
    const unknown = await post('/api/municipalities/GM0983/areas', { ...base, code: 'P1', memberIds: ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'] });
    expect(unknown.json()).toMatchObject({ status: 422, code: 'area_members_invalid', memberIds: ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'] });
    const badSuccessor = await post(`/api/municipalities/GM0983/areas/${ids['PILOT-BLERICK-STEYL']}/end`, { validTo: '2017-06-01', replacedBy: 'nope' });
    expect(badSuccessor.json()).toMatchObject({ status: 422, code: 'area_successor_invalid' });
    const taken = await post('/api/municipalities/GM0983/areas', { ...base, code: 'SD0983-BLERICK', memberIds: [ids.WK098311] });
    expect(taken.json()).toMatchObject({ status: 409, code: 'area_code_taken' });
    const districtOfBuurten = await post('/api/municipalities/GM0983/areas', { ...base, kind: 'district', code: 'SD-X', memberIds: [ids.BU09832501] });
    expect(districtOfBuurten.json()).toMatchObject({ status: 422, code: 'area_members_invalid' });
    expect(districtOfBuurten.json().detail).toMatch(/wijken/);
    const period = await post('/api/municipalities/GM0983/areas', { ...base, code: 'P2', memberIds: [ids.WK098311], validTo: '2023-01-01' });
    expect(period.json()).toMatchObject({ status: 422, code: 'area_period_invalid' });
    const endedMember = await post('/api/municipalities/GM0983/areas', { ...base, code: 'P3', memberIds: [ids['PILOT-KLINGERBERG']] });
    expect(endedMember.json()).toMatchObject({ status: 422, code: 'area_members_ended' });
    const root = await post(`/api/municipalities/GM0983/areas/${ids.GM0983}/end`, { validTo: '2030-01-01' });
    expect(root.json()).toMatchObject({ status: 422, code: 'area_root_cannot_end' });
  });

  it('needs area.manage: 403 for a wijkregisseur, 404 for another municipality, 401 signed out', async () => {
    const regisseur = await signIn(t.app, 'GM0983', 'regisseur@venlo.demo', 'wijkwijs-demo');
    const payload = { code: 'P9', name: 'P9', kind: 'pilot', memberIds: [ids.WK098325], validFrom: '2024-01-01' };
    const r = await post('/api/municipalities/GM0983/areas', payload, regisseur.headers);
    expect(r.statusCode).toBe(403);
    expect(r.json().rule).toBe('area.manage');
    const end = await post(`/api/municipalities/GM0983/areas/${ids['SD0983-VENLO']}/end`, { validTo: '2030-01-01' }, regisseur.headers);
    expect(end.statusCode).toBe(404); // no role on or above stadsdeel Venlo: looks missing

    const almelo = await givenMunicipality(t.db, 'GM0141', 'Almelo');
    const other = await givenPerson(t.db, almelo, 'Aad Almelo', [['beheerder', 'GM0141']]);
    const s = await signIn(t.app, 'GM0141', other.email);
    expect((await post('/api/municipalities/GM0983/areas', payload, s.headers)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/municipalities/GM0983/areas', payload })).statusCode).toBe(401);
  });

  it('keeps the district grouping when the wijken are imported again', async () => {
    const wijken = JSON.parse(readFileSync(demoFile('wijken'), 'utf8')) as object;
    const r = await post('/api/municipalities/GM0983/areas/import', wijken);
    expect(r.json()).toMatchObject({ created: 0, updated: 0, unchanged: 21 });
    const [klingerberg] = await t.db.select({ parentId: areas.parentId }).from(areas).where(eq(areas.id, ids.WK098325!));
    expect(klingerberg?.parentId).toBe(ids['SD0983-BLERICK']);
  });

  it('makes a district the parent of its wijken, so roles on it reach them, each area once in the lineage', async () => {
    const created = await post('/api/municipalities/GM0983/areas', {
      code: 'SD-NOORD',
      name: 'Noord',
      kind: 'district',
      memberIds: [ids.WK098314],
      validFrom: '2024-01-01',
    });
    expect(created.json()).toMatchObject({ level: 'district', kind: 'district' });
    const [wijk] = await t.db.select({ parentId: areas.parentId }).from(areas).where(eq(areas.id, ids.WK098314!));
    expect(wijk?.parentId).toBe(created.json().id);
    const lineage = await areaLineage(t.db, municipalityId, ids.BU09831401!);
    expect(lineage.slice(0, 4)).toEqual([ids.BU09831401, ids.WK098314, created.json().id, ids.GM0983]);
    expect(new Set(lineage).size).toBe(lineage.length);
  });
});
