// SPDX-License-Identifier: EUPL-1.2
// The administration API for roles, organisations and people: shapes, validation with stable codes
// and Dutch messages (nothing saved on bad input), and the people list a wijkregisseur sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { roleKeys } from '../../core/access/roles.js';
import { municipalities } from '../municipalities/schema.js';
import { areaMembers, areas } from '../areas/schema.js';
import { auditEvents } from '../audit/schema.js';
import { organisations, people, roleAssignments } from './schema.js';
import { visibleAreaIds } from './queries.js';
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

describe(`people administration API (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  let beheerder: Session;
  let regisseur: Session;
  let pilotRegisseur: Session;
  let werker: Session;
  let pilotAreaId: string;
  const base = '/api/municipalities/GM0983';

  beforeAll(async () => {
    t = await createTestApp();
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'BU09830101', name: 'Binnenstad', level: 'buurt', parent: 'WK098301' },
      { code: 'WK098302', name: 'Blerick', level: 'wijk' },
      { code: 'BU09830201', name: 'Blerick-Centrum', level: 'buurt', parent: 'WK098302' },
      { code: 'WK098303', name: 'Tegelen', level: 'wijk' },
    ]);
    // Pilot area Blerick: a custom area whose member is the wijk Blerick.
    const [pilot] = await t.db
      .insert(areas)
      .values({
        municipalityId: venlo.id,
        code: 'PILOT-BLERICK',
        name: 'Pilotgebied Blerick',
        level: 'custom',
        kind: 'pilot',
        parentId: venlo.rootAreaId,
        validFrom: '2016-01-01',
      })
      .returning({ id: areas.id });
    pilotAreaId = pilot!.id;
    await t.db.insert(areaMembers).values({ areaId: pilotAreaId, memberId: venlo.areas.WK098302! });

    const bea = await givenPerson(t.db, venlo, 'Bea Beheerder', [['beheerder', 'GM0983']]);
    const rita = await givenPerson(t.db, venlo, 'Rita Regisseur', [['wijkregisseur', 'WK098301']]);
    venlo.areas['PILOT-BLERICK'] = pilotAreaId;
    const piet = await givenPerson(t.db, venlo, 'Piet Pilot', [['wijkregisseur', 'PILOT-BLERICK']]);
    const wil = await givenPerson(t.db, venlo, 'Wil Werker', [['wijkwerker', 'WK098301']]);
    await givenPerson(t.db, venlo, 'Bram Buurt', [['wijkwerker', 'BU09830101']]);
    await givenPerson(t.db, venlo, 'Bo Blerick', [
      ['partner', 'BU09830201'],
      ['accounthouder', 'WK098303'],
    ]);
    await givenPerson(t.db, venlo, 'Tess Tegelen', [['wijkwerker', 'WK098303']]);
    await givenPerson(t.db, venlo, 'Zonder Rol');
    beheerder = await signIn(t.app, 'GM0983', bea.email);
    regisseur = await signIn(t.app, 'GM0983', rita.email);
    pilotRegisseur = await signIn(t.app, 'GM0983', piet.email);
    werker = await signIn(t.app, 'GM0983', wil.email);
  });
  afterAll(() => t.close());

  const get = (s: Session, path: string) => t.app.inject({ method: 'GET', url: `${base}${path}`, headers: { cookie: s.cookie } });
  const post = (s: Session, path: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `${base}${path}`, headers: s.headers, payload: payload as Record<string, unknown> });
  const patch = (s: Session, path: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: `${base}${path}`, headers: s.headers, payload: payload as Record<string, unknown> });
  const countOf = async (table: typeof people | typeof organisations | typeof roleAssignments) => (await t.db.select({ n: count() }).from(table))[0]!.n;

  it('documents its endpoints in the OpenAPI description', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/municipalities/{code}/roles',
        '/api/municipalities/{code}/organisations',
        '/api/municipalities/{code}/organisations/{id}',
        '/api/municipalities/{code}/people',
        '/api/municipalities/{code}/people/{id}',
        '/api/municipalities/{code}/role-assignments',
        '/api/municipalities/{code}/role-assignments/{id}/end',
      ]),
    );
  });

  describe('roles', () => {
    it('lists every role with Dutch and English defaults and its capabilities, for any staff member', async () => {
      const response = await get(werker, '/roles');
      expect(response.statusCode).toBe(200);
      const { items, abilities } = response.json();
      expect(items.map((r: { key: string }) => r.key)).toEqual([...roleKeys]);
      expect(items.find((r: { key: string }) => r.key === 'partner')).toMatchObject({ label: { nl: 'wijkteampartner', en: 'partner' } });
      expect(items.find((r: { key: string }) => r.key === 'wijkwethouder')).toMatchObject({ label: { nl: 'wijkwethouder', en: 'alderman for the area' } });
      expect(items.find((r: { key: string }) => r.key === 'beheerder').capabilities).toContain('people.manage');
      expect(abilities).toEqual([]);
    });

    it("uses the municipality's own words for roles", async () => {
      const [m] = await t.db.select().from(municipalities).where(eq(municipalities.id, venlo.id));
      await t.db
        .update(municipalities)
        .set({ settings: { ...m!.settings, roleLabels: { wijkregisseur: { nl: 'wijkmakelaar', en: 'neighbourhood broker' } } } })
        .where(eq(municipalities.id, venlo.id));
      try {
        const { items, abilities } = (await get(beheerder, '/roles')).json();
        expect(items.find((r: { key: string }) => r.key === 'wijkregisseur').label).toEqual({ nl: 'wijkmakelaar', en: 'neighbourhood broker' });
        expect(items.find((r: { key: string }) => r.key === 'wijkwerker').label).toEqual({ nl: 'wijkwerker', en: 'community worker' });
        expect(abilities).toEqual(expect.arrayContaining(['people.manage', 'roles.assign', 'team.assign', 'audit.read']));
        const denied = await post(regisseur, '/role-assignments', {
          personId: await personId('Tess Tegelen'),
          role: 'beheerder',
          areaId: venlo.areas.WK098301,
        });
        expect(denied.statusCode).toBe(403);
        expect(denied.json().detail).toMatch(/wijkwerker/);
      } finally {
        await t.db.update(municipalities).set({ settings: m!.settings }).where(eq(municipalities.id, venlo.id));
      }
    });

    it('needs a signed-in person', async () => {
      const response = await t.app.inject({ method: 'GET', url: `${base}/roles` });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });
  });

  async function personId(name: string): Promise<string> {
    const [row] = await t.db.select({ id: people.id }).from(people).where(eq(people.name, name));
    return row!.id;
  }

  describe('organisations', () => {
    let wonionId: string;

    it('creates an organisation (201), audited, and lists it for anyone with a role', async () => {
      const created = await post(beheerder, '/organisations', { name: '  Wonion ', kind: 'housing_corporation' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual({ id: expect.any(String), name: 'Wonion', kind: 'housing_corporation' });
      wonionId = created.json().id;
      const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, wonionId));
      expect(event).toMatchObject({
        action: 'organisation.create',
        entityType: 'organisation',
        before: null,
        after: { name: 'Wonion', kind: 'housing_corporation' },
      });

      const list = await get(werker, '/organisations');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual({ items: [{ id: wonionId, name: 'Wonion', kind: 'housing_corporation' }], abilities: [] });
    });

    it('updates name and kind (200) with before and after in the audit trail', async () => {
      const response = await patch(beheerder, `/organisations/${wonionId}`, { name: 'Wonion woningcorporatie', kind: 'other' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id: wonionId, name: 'Wonion woningcorporatie', kind: 'other' });
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, wonionId)).orderBy(auditEvents.seq);
      expect(events.at(-1)).toMatchObject({
        action: 'organisation.update',
        before: { name: 'Wonion', kind: 'housing_corporation' },
        after: { name: 'Wonion woningcorporatie', kind: 'other' },
      });
    });

    it('refuses bad input with stable codes and saves nothing', async () => {
      await post(beheerder, '/organisations', { name: 'Fidessa', kind: 'welfare' });
      const before = await countOf(organisations);
      const cases: [unknown, number, string][] = [
        [{ name: 'Politie', kind: 'army' }, 400, 'validation_failed'],
        [{ name: 'Politie' }, 400, 'validation_failed'],
        [{ name: '   ', kind: 'police' }, 422, 'name_required'],
        [{ name: 'fidessa', kind: 'welfare' }, 409, 'organisation_name_taken'],
        [{ name: 'Politie', kind: 'police', extra: 1 }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of cases) {
        const response = await post(beheerder, '/organisations', payload);
        expect({ payload, status: response.statusCode, code: response.json().code }).toEqual({ payload, status, code });
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().detail).toBeTruthy();
      }
      expect(await countOf(organisations)).toBe(before);
      const rename = await patch(beheerder, `/organisations/${wonionId}`, { name: 'Fidessa' });
      expect(rename.statusCode).toBe(409);
      expect((await patch(beheerder, `/organisations/${wonionId}`, {})).statusCode).toBe(400);
      expect((await patch(beheerder, '/organisations/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode).toBe(404);
      expect((await patch(beheerder, '/organisations/not-a-uuid', { name: 'X' })).statusCode).toBe(404);
    });

    it('needs people.manage to change organisations: a wijkregisseur gets 403', async () => {
      const response = await post(regisseur, '/organisations', { name: 'Politie Limburg', kind: 'police' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ rule: 'people.manage' });
      expect((await patch(regisseur, `/organisations/${wonionId}`, { name: 'X' })).statusCode).toBe(403);
    });
  });

  describe('people', () => {
    let orgId: string;
    let newId: string;
    beforeAll(async () => {
      orgId = (await post(beheerder, '/organisations', { name: 'Gemeente Venlo, Openbare Ruimte', kind: 'municipal_department' })).json().id;
    });

    it('creates a person with a lower-cased email and a hashed password that is never returned', async () => {
      const response = await post(beheerder, '/people', {
        name: 'Anna Accounthouder',
        email: '  Anna.A@Venlo.NL ',
        organisationId: orgId,
        password: 'een lang genoeg wachtwoord',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        id: expect.any(String),
        name: 'Anna Accounthouder',
        email: 'anna.a@venlo.nl',
        organisationId: orgId,
        organisationName: 'Gemeente Venlo, Openbare Ruimte',
        roles: [],
      });
      expect(response.body).not.toMatch(/argon2|wachtwoord|password/i);
      newId = response.json().id;
      const [row] = await t.db.select().from(people).where(eq(people.id, newId));
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, newId));
      expect(event).toMatchObject({ action: 'person.create', after: { email: 'anna.a@venlo.nl', hasPassword: true } });
      expect(JSON.stringify(event)).not.toMatch(/argon2/);
      // The new account can sign in.
      await signIn(t.app, 'GM0983', 'anna.a@venlo.nl', 'een lang genoeg wachtwoord');
    });

    it('refuses bad input with stable codes and Dutch detail, and saves nothing', async () => {
      const before = await countOf(people);
      const cases: [unknown, number, string][] = [
        [{ name: 'Dubbel', email: 'ANNA.A@venlo.nl' }, 409, 'person_email_taken'],
        [{ name: 'Kort', email: 'kort@venlo.nl', password: 'te kort' }, 422, 'password_too_short'],
        [{ name: 'Fout', email: 'geen-adres' }, 422, 'email_invalid'],
        [{ name: '  ', email: 'leeg@venlo.nl' }, 422, 'name_required'],
        [{ name: 'Org', email: 'org@venlo.nl', organisationId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
        [{ email: 'naamloos@venlo.nl' }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of cases) {
        const response = await post(beheerder, '/people', payload);
        expect({ payload, status: response.statusCode, code: response.json().code }).toEqual({ payload, status, code });
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      const taken = await post(beheerder, '/people', { name: 'Dubbel', email: 'anna.a@venlo.nl' });
      expect(taken.json().detail).toMatch(/al een persoon/);
      expect((await post(beheerder, '/people', { name: 'Kort', email: 'kort@venlo.nl', password: 'te kort' })).json().detail).toMatch(/minstens 12 tekens/);
      expect(await countOf(people)).toBe(before);
    });

    it('updates name, email and organisation; a taken email is 409', async () => {
      const response = await patch(beheerder, `/people/${newId}`, { name: 'Anna de Accounthouder', email: 'Anna@Venlo.nl', organisationId: null });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: newId,
        name: 'Anna de Accounthouder',
        email: 'anna@venlo.nl',
        organisationId: null,
        organisationName: null,
        roles: [],
      });
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, newId)).orderBy(auditEvents.seq);
      expect(events.at(-1)).toMatchObject({
        action: 'person.update',
        before: { email: 'anna.a@venlo.nl', organisationId: orgId },
        after: { email: 'anna@venlo.nl', organisationId: null },
      });
      const taken = await patch(beheerder, `/people/${newId}`, { email: 'bea.beheerder@gm0983.test' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('person_email_taken');
      expect((await patch(beheerder, '/people/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode).toBe(404);
      expect((await patch(regisseur, `/people/${newId}`, { name: 'X' })).statusCode).toBe(403);
    });

    it('sets a new password on request, never echoing it, and ties field errors to the field', async () => {
      const short = await patch(beheerder, `/people/${newId}`, { password: 'kort' });
      expect(short.statusCode).toBe(422);
      expect(short.json()).toMatchObject({
        code: 'password_too_short',
        field: 'password',
        errors: [{ path: '/password', message: expect.stringMatching(/minstens 12 tekens/) }],
      });
      const response = await patch(beheerder, `/people/${newId}`, { password: 'een nieuw en lang wachtwoord' });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/wachtwoord|argon2/);
      await signIn(t.app, 'GM0983', 'anna@venlo.nl', 'een nieuw en lang wachtwoord');
      await expect(signIn(t.app, 'GM0983', 'anna@venlo.nl', 'een lang genoeg wachtwoord')).rejects.toThrow(/401/);
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, newId)).orderBy(auditEvents.seq);
      const last = events.filter((e) => e.action === 'person.update').at(-1);
      expect(last?.after).toMatchObject({ passwordChanged: true });
      expect(JSON.stringify(last)).not.toMatch(/argon2|nieuw en lang/);
    });

    it('lists everyone with current and ended roles for a beheerder, searchable by name or email', async () => {
      const response = await get(beheerder, '/people');
      expect(response.statusCode).toBe(200);
      const { items, abilities } = response.json();
      expect(abilities).toContain('people.manage');
      expect(items.map((p: { name: string }) => p.name)).toContain('Zonder Rol');
      const bo = items.find((p: { name: string }) => p.name === 'Bo Blerick');
      expect(bo.roles).toHaveLength(2);
      expect(bo.roles[0]).toEqual({
        assignmentId: expect.any(String),
        role: expect.any(String),
        areaId: expect.any(String),
        areaName: expect.any(String),
        validFrom: '2000-01-01',
        validTo: null,
      });
      expect(Object.keys(bo)).not.toContain('passwordHash');

      const search = (await get(beheerder, '/people?q=BLERICK')).json().items.map((p: { name: string }) => p.name);
      expect(search).toEqual(['Bo Blerick']);
      const percent = (await get(beheerder, '/people?q=%25')).json().items;
      expect(percent).toEqual([]);
      const inWijk = (await get(beheerder, `/people?areaId=${venlo.areas.WK098301}`)).json().items.map((p: { name: string }) => p.name);
      expect(inWijk).toEqual(['Rita Regisseur', 'Wil Werker']);
      expect((await get(beheerder, '/people?areaId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });

    it('shows a wijkregisseur only the people with a role in their areas and below, with only those roles', async () => {
      const response = await get(regisseur, '/people');
      expect(response.statusCode).toBe(200);
      const { items, abilities } = response.json();
      expect(items.map((p: { name: string }) => p.name)).toEqual(['Bram Buurt', 'Rita Regisseur', 'Wil Werker']);
      expect(abilities).toEqual([]);
      expect((await get(regisseur, `/people?areaId=${venlo.areas.WK098302}`)).statusCode).toBe(404);
      expect((await get(regisseur, `/people?areaId=${venlo.areas.BU09830101}`)).json().items.map((p: { name: string }) => p.name)).toEqual(['Bram Buurt']);
    });

    it('counts custom areas through their members: the pilot area Blerick covers the wijk Blerick and its buurten', async () => {
      const visible = await visibleAreaIds(t.db, venlo.id, await personId('Piet Pilot'), new Date().toISOString().slice(0, 10));
      expect(new Set(visible)).toEqual(new Set([pilotAreaId, venlo.areas.WK098302, venlo.areas.BU09830201]));
      const { items } = (await get(pilotRegisseur, '/people')).json();
      expect(items.map((p: { name: string }) => p.name)).toEqual(['Bo Blerick', 'Piet Pilot']);
      const bo = items.find((p: { name: string }) => p.name === 'Bo Blerick');
      // Bo's role in Tegelen is outside the pilot area and not shown.
      expect(bo.roles.map((r: { areaName: string }) => r.areaName)).toEqual(['Blerick-Centrum']);
    });

    it('shows ended roles too, after they end', async () => {
      const tess = await personId('Tess Tegelen');
      const assigned = await post(beheerder, '/role-assignments', {
        personId: tess,
        role: 'partner',
        areaId: venlo.areas.WK098303,
        validFrom: '2020-01-01',
        validTo: '2021-01-01',
      });
      expect(assigned.statusCode).toBe(201);
      const { items } = (await get(beheerder, '/people?q=tess')).json();
      expect(items[0].roles.map((r: { role: string; validTo: string | null }) => [r.role, r.validTo])).toEqual([
        ['wijkwerker', null],
        ['partner', '2021-01-01'],
      ]);
    });

    it('refuses the list to staff without people.manage or team.assign (403)', async () => {
      const response = await get(werker, '/people');
      expect(response.statusCode).toBe(403);
      expect(response.json().rule).toBe('people.manage');
    });
  });

  describe('role assignment validation', () => {
    it('refuses bad assignments with stable codes and stores nothing', async () => {
      const tess = await personId('Tess Tegelen');
      const before = await countOf(roleAssignments);
      const cases: [unknown, number, string][] = [
        [{ personId: tess, role: 'burgemeester', areaId: venlo.areas.WK098303 }, 422, 'role_unknown'],
        [{ personId: tess, role: 'wijkwerker', areaId: venlo.areas.WK098303 }, 409, 'role_assignment_exists'],
        [{ personId: tess, role: 'wijkwerker', areaId: venlo.areas.WK098303, validFrom: '2030-01-01' }, 409, 'role_assignment_exists'],
        [{ personId: tess, role: 'partner', areaId: venlo.areas.WK098303, validFrom: '2020-06-01', validTo: '2020-09-01' }, 409, 'role_assignment_exists'],
        [{ personId: tess, role: 'controller', areaId: venlo.areas.WK098303, validFrom: '2025-01-01', validTo: '2025-01-01' }, 422, 'validity_invalid'],
        [{ personId: tess, role: 'controller', areaId: venlo.areas.WK098303, validFrom: '2025-02-30' }, 422, 'date_invalid'],
        [{ personId: tess, role: 'controller', areaId: venlo.areas.WK098303, validFrom: '1-1-2025' }, 400, 'validation_failed'],
        [{ personId: '00000000-0000-4000-8000-000000000000', role: 'controller', areaId: venlo.areas.WK098303 }, 404, 'not_found'],
        [{ personId: tess, role: 'controller', areaId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
        [{ personId: tess, role: 'controller' }, 400, 'validation_failed'],
      ];
      for (const [payload, status, code] of cases) {
        const response = await post(beheerder, '/role-assignments', payload);
        expect({ payload, status: response.statusCode, code: response.json().code }).toEqual({ payload, status, code });
        expect(response.json().detail).toBeTruthy();
      }
      expect(await countOf(roleAssignments)).toBe(before);
      // Adjacent periods do not overlap.
      const next = await post(beheerder, '/role-assignments', {
        personId: tess,
        role: 'partner',
        areaId: venlo.areas.WK098303,
        validFrom: '2021-01-01',
        validTo: '2022-01-01',
      });
      expect(next.statusCode).toBe(201);
    });

    it('ends a role that has not started yet on its start date, refuses an end before the start', async () => {
      const tess = await personId('Tess Tegelen');
      const future = (
        await post(beheerder, '/role-assignments', { personId: tess, role: 'onderzoeker', areaId: venlo.areas.WK098303, validFrom: '2099-01-01' })
      ).json();
      const tooEarly = await post(beheerder, `/role-assignments/${future.id}/end`, { validTo: '2098-12-31' });
      expect(tooEarly.statusCode).toBe(422);
      expect(tooEarly.json().code).toBe('validity_invalid');
      const ended = await post(beheerder, `/role-assignments/${future.id}/end`, {});
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ validFrom: '2099-01-01', validTo: '2099-01-01' });
      expect((await post(beheerder, '/role-assignments/00000000-0000-4000-8000-000000000000/end', {})).statusCode).toBe(404);
      // A request without a body ends the role today.
      const current = (await post(beheerder, '/role-assignments', { personId: tess, role: 'controller', areaId: venlo.areas.WK098303 })).json();
      const bare = await t.app.inject({ method: 'POST', url: `${base}/role-assignments/${current.id}/end`, headers: beheerder.headers });
      expect(bare.statusCode).toBe(200);
      expect(bare.json().validTo).toBe(new Date().toISOString().slice(0, 10));
    });
  });
});
