// SPDX-License-Identifier: EUPL-1.2
// The role × area table of who may assign which role where, through the HTTP API: a beheerder
// assigns anything; a wijkregisseur assigns team roles in their own wijk and below, gets 403 naming
// the rule for other roles there, and 404 for any other area. Every success is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { roleKeys, teamRoles, type RoleKey } from '../../core/access/roles.js';
import { auditEvents } from '../audit/schema.js';
import { roleAssignments } from './schema.js';
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

describe(`role assignment policy through the API (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  let beheerder: Session;
  let regisseur: Session;
  let raadslid: Session;
  let regisseurId: string;
  let targetOfBeheerder: string;
  let targetOfRegisseur: string;
  const url = '/api/municipalities/GM0983/role-assignments';

  beforeAll(async () => {
    t = await createTestApp();
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'BU09830101', name: 'Binnenstad', level: 'buurt', parent: 'WK098301' },
      { code: 'WK098302', name: 'Blerick', level: 'wijk' },
      { code: 'BU09830201', name: 'Blerick-Centrum', level: 'buurt', parent: 'WK098302' },
    ]);
    const bea = await givenPerson(t.db, venlo, 'Bea Beheerder', [['beheerder', 'GM0983']]);
    const rita = await givenPerson(t.db, venlo, 'Rita Regisseur', [['wijkregisseur', 'WK098301']]);
    const raoul = await givenPerson(t.db, venlo, 'Raoul Raadslid', [['raadslid', 'GM0983']]);
    regisseurId = rita.id;
    targetOfBeheerder = (await givenPerson(t.db, venlo, 'Tineke Doel')).id;
    targetOfRegisseur = (await givenPerson(t.db, venlo, 'Tom Doel')).id;
    beheerder = await signIn(t.app, 'GM0983', bea.email);
    regisseur = await signIn(t.app, 'GM0983', rita.email);
    raadslid = await signIn(t.app, 'GM0983', raoul.email);
  });
  afterAll(() => t.close());

  const assign = (s: Session, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: body });

  const areaCases = [
    { code: 'GM0983', where: 'the municipality' },
    { code: 'WK098301', where: 'own wijk A' },
    { code: 'BU09830101', where: 'a buurt of A' },
    { code: 'WK098302', where: 'wijk B' },
  ] as const;

  /** What a wijkregisseur of wijk A gets when assigning `role` on the area. */
  function expectedForRegisseur(role: RoleKey, code: string): number {
    if (code === 'WK098301' || code === 'BU09830101') return teamRoles.includes(role) ? 201 : 403;
    return 404;
  }

  it('lets a beheerder assign every role on every area', async () => {
    for (const { code } of areaCases) {
      for (const role of roleKeys) {
        const response = await assign(beheerder, { personId: targetOfBeheerder, role, areaId: venlo.areas[code] });
        expect({ role, code, status: response.statusCode }).toEqual({ role, code, status: 201 });
      }
    }
  });

  it('lets a wijkregisseur of A assign team roles in A and below only: 403 for other roles there, 404 elsewhere', async () => {
    const seen: { role: RoleKey; code: string; status: number; rule?: string }[] = [];
    const expected: typeof seen = [];
    for (const { code } of areaCases) {
      for (const role of roleKeys) {
        const response = await assign(regisseur, { personId: targetOfRegisseur, role, areaId: venlo.areas[code] });
        const status = expectedForRegisseur(role, code);
        seen.push({ role, code, status: response.statusCode, ...(response.statusCode === 403 ? { rule: response.json().rule } : {}) });
        expected.push({ role, code, status, ...(status === 403 ? { rule: 'roles.assign' } : {}) });
        if (response.statusCode >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(seen).toEqual(expected);
    const stored = await t.db.select().from(roleAssignments).where(eq(roleAssignments.personId, targetOfRegisseur));
    expect(stored).toHaveLength(teamRoles.length * 2);
  });

  it('answers the spelled-out cases: wijkwerker in A and in a buurt of A, wijkwethouder in A, anything in B', async () => {
    const person = (await givenPerson(t.db, venlo, 'Wim Werker')).id;
    const inA = await assign(regisseur, { personId: person, role: 'wijkwerker', areaId: venlo.areas.WK098301 });
    expect(inA.statusCode).toBe(201);
    expect(inA.json()).toMatchObject({ personId: person, role: 'wijkwerker', areaId: venlo.areas.WK098301, areaName: 'Venlo-Centrum', validTo: null });
    expect(inA.json().id).toMatch(/^[0-9a-f-]{36}$/);
    const inBuurt = await assign(regisseur, {
      personId: person,
      role: 'wijkwerker',
      areaId: venlo.areas.BU09830101,
      validFrom: '2030-01-01',
      validTo: '2031-01-01',
    });
    expect(inBuurt.statusCode).toBe(201);
    expect(inBuurt.json()).toMatchObject({ validFrom: '2030-01-01', validTo: '2031-01-01' });

    const wethouder = await assign(regisseur, { personId: person, role: 'wijkwethouder', areaId: venlo.areas.WK098301 });
    expect(wethouder.statusCode).toBe(403);
    expect(wethouder.json()).toMatchObject({ code: 'forbidden', rule: 'roles.assign', role: 'wijkwethouder' });
    expect(wethouder.json().detail).toMatch(/wijkwethouder/);

    for (const role of ['wijkwerker', 'wijkregisseur'] as const) {
      const inB = await assign(regisseur, { personId: person, role, areaId: venlo.areas.WK098302 });
      expect(inB.statusCode).toBe(404);
      expect(inB.json().code).toBe('not_found');
    }
    const stored = await t.db.select().from(roleAssignments).where(eq(roleAssignments.personId, person));
    expect(stored.map((r) => r.areaId).sort()).toEqual([venlo.areas.WK098301, venlo.areas.BU09830101].sort());
  });

  it('refuses a read-only raadslid: 403 naming the rule for creating a person, an organisation or assigning a role', async () => {
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/municipalities/GM0983/people',
      headers: raadslid.headers,
      payload: { name: 'Nieuw', email: 'nieuw@venlo.test' },
    });
    expect(person.statusCode).toBe(403);
    expect(person.json()).toMatchObject({ code: 'forbidden', rule: 'people.manage' });
    expect(person.json().detail).toMatch(/personen en organisaties beheren/);
    const organisation = await t.app.inject({
      method: 'POST',
      url: '/api/municipalities/GM0983/organisations',
      headers: raadslid.headers,
      payload: { name: 'Wonion', kind: 'housing_corporation' },
    });
    expect(organisation.statusCode).toBe(403);
    const role = await assign(raadslid, { personId: targetOfRegisseur, role: 'wijkwerker', areaId: venlo.areas.WK098301 });
    expect(role.statusCode).toBe(403);
    expect(role.json().rule).toBe('team.assign');
    const list = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0983/people', headers: { cookie: raadslid.cookie } });
    expect(list.statusCode).toBe(403);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.actorLabel, 'Raoul Raadslid'));
    expect(audit.filter((e) => e.action !== 'session.start')).toEqual([]);
  });

  it('ends a role with the same rule as assigning it, and keeps the history', async () => {
    const person = (await givenPerson(t.db, venlo, 'Eva Einde')).id;
    const werker = (await assign(regisseur, { personId: person, role: 'wijkwerker', areaId: venlo.areas.BU09830101 })).json();
    const wethouder = (await assign(beheerder, { personId: person, role: 'wijkwethouder', areaId: venlo.areas.WK098301 })).json();
    const inB = (await assign(beheerder, { personId: person, role: 'partner', areaId: venlo.areas.WK098302 })).json();
    const end = (id: string, s: Session, body: Record<string, unknown> = {}) =>
      t.app.inject({ method: 'POST', url: `${url}/${id}/end`, headers: s.headers, payload: body });

    const forbiddenEnd = await end(wethouder.id, regisseur);
    expect(forbiddenEnd.statusCode).toBe(403);
    expect(forbiddenEnd.json().rule).toBe('roles.assign');
    expect((await end(inB.id, regisseur)).statusCode).toBe(404);

    const ended = await end(werker.id, regisseur, { reason: 'Andere werkplek' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: werker.id, role: 'wijkwerker', validTo: new Date().toISOString().slice(0, 10) });
    const again = await end(werker.id, regisseur);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('role_assignment_ended');

    const [row] = await t.db.select().from(roleAssignments).where(eq(roleAssignments.id, werker.id));
    expect(row?.validTo).toBe(new Date().toISOString().slice(0, 10));
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, werker.id)).orderBy(auditEvents.seq).offset(1);
    expect(event).toMatchObject({ action: 'role.end', reason: 'Andere werkplek', actorId: regisseurId });
    expect((event?.before as { validTo: unknown }).validTo).toBeNull();
  });

  it('writes an audit event for each successful assignment, readable by the beheerder', async () => {
    const stored = await t.db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.municipalityId, venlo.id));
    const seeded = 3; // the roles of the beheerder, wijkregisseur and raadslid fixtures, not made through the API
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/municipalities/GM0983/audit?entityType=role_assignment&limit=500',
      headers: { cookie: beheerder.cookie },
    });
    expect(response.statusCode).toBe(200);
    const events = response.json<{ action: string; entityId: string; actorId: string; after: { role: string; areaId: string; personId: string } }[]>();
    const assigned = events.filter((e) => e.action === 'role.assign');
    expect(assigned).toHaveLength(stored.length - seeded);
    const storedIds = new Set(stored.map((r) => r.id));
    for (const e of assigned) expect(storedIds.has(e.entityId)).toBe(true);
    const byRegisseur = assigned.filter((e) => e.actorId === regisseurId);
    expect(byRegisseur.length).toBeGreaterThanOrEqual(teamRoles.length * 2);
    for (const e of byRegisseur) expect(teamRoles).toContain(e.after.role);
  });
});
