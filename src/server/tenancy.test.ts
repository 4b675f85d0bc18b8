// SPDX-License-Identifier: EUPL-1.2
// Tenant isolation: one installation serves many municipalities. A beheerder of Venlo must not see
// or change anything of Oosterhout, and the answers must not even reveal that a record exists there:
// another municipality's records and routes answer 404 (never 403, never an empty list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents } from './audit/schema.js';
import { organisations, people, roleAssignments } from './people/schema.js';
import { createTestApp, engineName, givenMunicipality, givenPerson, signIn, type Session, type TestContext, type TestMunicipality } from './testing/harness.js';

describe(`tenant isolation between Venlo and Oosterhout (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  let oosterhout: TestMunicipality;
  let venloAdmin: Session;
  let oosterhoutAdmin: Session;
  let venloPerson: string;
  let oosterhoutPerson: string;
  let oosterhoutOrganisation: string;
  let oosterhoutAssignment: string;

  beforeAll(async () => {
    t = await createTestApp();
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [
      { code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' },
      { code: 'BU09830101', name: 'Binnenstad', level: 'buurt', parent: 'WK098301' },
    ]);
    oosterhout = await givenMunicipality(t.db, 'GM0826', 'Oosterhout', [
      { code: 'WK082601', name: 'Oosterhout-Centrum', level: 'wijk' },
      { code: 'BU08260101', name: 'Centrum', level: 'buurt', parent: 'WK082601' },
    ]);
    const venloBeheerder = await givenPerson(t.db, venlo, 'Vera Venlo', [['beheerder', 'GM0983']]);
    const oosterhoutBeheerder = await givenPerson(t.db, oosterhout, 'Otto Oosterhout', [['beheerder', 'GM0826']]);
    venloPerson = (await givenPerson(t.db, venlo, 'Victor Venlo', [['wijkwerker', 'WK098301']])).id;
    venloAdmin = await signIn(t.app, 'GM0983', venloBeheerder.email);
    oosterhoutAdmin = await signIn(t.app, 'GM0826', oosterhoutBeheerder.email);

    // Oosterhout's own data, made through its own API.
    const org = await t.app.inject({
      method: 'POST',
      url: '/api/municipalities/GM0826/organisations',
      headers: oosterhoutAdmin.headers,
      payload: { name: 'Thebe', kind: 'care' },
    });
    expect(org.statusCode).toBe(201);
    oosterhoutOrganisation = org.json().id;
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/municipalities/GM0826/people',
      headers: oosterhoutAdmin.headers,
      payload: { name: 'Olga Wijkwerker', email: 'olga@oosterhout.test', organisationId: oosterhoutOrganisation },
    });
    expect(person.statusCode).toBe(201);
    oosterhoutPerson = person.json().id;
    const assignment = await t.app.inject({
      method: 'POST',
      url: '/api/municipalities/GM0826/role-assignments',
      headers: oosterhoutAdmin.headers,
      payload: { personId: oosterhoutPerson, role: 'wijkwerker', areaId: oosterhout.areas.WK082601 },
    });
    expect(assignment.statusCode).toBe(201);
    oosterhoutAssignment = assignment.json().id;
  });
  afterAll(() => t.close());

  const counts = async () => ({
    people: (await t.db.select({ n: count() }).from(people))[0]!.n,
    organisations: (await t.db.select({ n: count() }).from(organisations))[0]!.n,
    roleAssignments: (await t.db.select({ n: count() }).from(roleAssignments))[0]!.n,
    audit: (await t.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });

  function expectNotFound(response: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }): void {
    expect(response.statusCode).toBe(404);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
    expect(response.json().code).toBe('not_found');
  }

  it('answers 404 (not 403, not an empty list) for the other municipality’s people, organisations, roles and audit', async () => {
    for (const path of ['people', 'organisations', 'roles', 'audit', `people?areaId=${oosterhout.areas.WK082601}`]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/municipalities/GM0826/${path}`, headers: { cookie: venloAdmin.cookie } });
      expectNotFound(response);
      expect(response.body).not.toMatch(/Olga|Thebe/);
    }
    // The same requests work for the municipality's own beheerder.
    const own = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0826/people', headers: { cookie: oosterhoutAdmin.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((p: { name: string }) => p.name)).toContain('Olga Wijkwerker');
    const ownAudit = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0826/audit', headers: { cookie: oosterhoutAdmin.cookie } });
    expect(ownAudit.statusCode).toBe(200);
  });

  it('never lists the other municipality’s records in its own lists', async () => {
    const ownPeople = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0983/people', headers: { cookie: venloAdmin.cookie } });
    expect(ownPeople.statusCode).toBe(200);
    expect(
      ownPeople
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['Vera Venlo', 'Victor Venlo']);
    const ownOrganisations = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0983/organisations', headers: { cookie: venloAdmin.cookie } });
    expect(ownOrganisations.json().items).toEqual([]);
    const ownAudit = await t.app.inject({ method: 'GET', url: '/api/municipalities/GM0983/audit?limit=500', headers: { cookie: venloAdmin.cookie } });
    expect(ownAudit.json().map((e: { municipalityId: string }) => e.municipalityId)).toEqual(expect.arrayContaining([venlo.id]));
    expect(ownAudit.json().every((e: { municipalityId: string }) => e.municipalityId === venlo.id)).toBe(true);
    // Filtering one's own list by another municipality's area is a 404, not an empty list.
    expectNotFound(
      await t.app.inject({
        method: 'GET',
        url: `/api/municipalities/GM0983/people?areaId=${oosterhout.areas.WK082601}`,
        headers: { cookie: venloAdmin.cookie },
      }),
    );
  });

  it('answers 404 for an area of Venlo asked for under Oosterhout', async () => {
    for (const session of [venloAdmin, oosterhoutAdmin]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/municipalities/GM0826/areas/${venlo.areas.WK098301}`,
        headers: { cookie: session.cookie },
      });
      expectNotFound(response);
    }
  });

  it('shows the team on the own municipality’s area page and no team on the other’s, even for its public areas', async () => {
    const own = await t.app.inject({ method: 'GET', url: `/api/municipalities/GM0983/areas/${venlo.areas.WK098301}`, headers: { cookie: venloAdmin.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json().team.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['Vera Venlo', 'Victor Venlo']));
    for (const areaId of [oosterhout.areas.WK082601, oosterhout.rootAreaId]) {
      const other = await t.app.inject({ method: 'GET', url: `/api/municipalities/GM0826/areas/${areaId}`, headers: { cookie: venloAdmin.cookie } });
      expect(other.statusCode).toBe(200);
      expect(other.json().team).toBeNull();
      expect(other.json().abilities).toEqual([]);
      expect(other.body).not.toMatch(/Olga|Otto/);
    }
  });

  it('refuses a Venlo role assignment with a person or area of Oosterhout (404) and stores nothing', async () => {
    const before = await counts();
    const cases = [
      { personId: oosterhoutPerson, role: 'wijkwerker', areaId: venlo.areas.WK098301 },
      { personId: venloPerson, role: 'partner', areaId: oosterhout.areas.WK082601 },
      { personId: oosterhoutPerson, role: 'partner', areaId: oosterhout.areas.BU08260101 },
    ];
    for (const payload of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/municipalities/GM0983/role-assignments', headers: venloAdmin.headers, payload });
      expectNotFound(response);
    }
    // Venlo's own person cannot be tied to Oosterhout's organisation either.
    expectNotFound(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/municipalities/GM0983/people/${venloPerson}`,
        headers: venloAdmin.headers,
        payload: { organisationId: oosterhoutOrganisation },
      }),
    );
    expectNotFound(
      await t.app.inject({
        method: 'POST',
        url: '/api/municipalities/GM0983/people',
        headers: venloAdmin.headers,
        payload: { name: 'X', email: 'x@venlo.test', organisationId: oosterhoutOrganisation },
      }),
    );
    // Nor can Oosterhout's records be reached through Venlo's routes.
    expectNotFound(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/municipalities/GM0983/people/${oosterhoutPerson}`,
        headers: venloAdmin.headers,
        payload: { name: 'Overgenomen' },
      }),
    );
    expectNotFound(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/municipalities/GM0983/organisations/${oosterhoutOrganisation}`,
        headers: venloAdmin.headers,
        payload: { name: 'Overgenomen' },
      }),
    );
    expectNotFound(
      await t.app.inject({
        method: 'POST',
        url: `/api/municipalities/GM0983/role-assignments/${oosterhoutAssignment}/end`,
        headers: venloAdmin.headers,
        payload: {},
      }),
    );
    expect(await counts()).toEqual(before);
    const [olga] = await t.db.select().from(people).where(eq(people.id, oosterhoutPerson));
    expect(olga?.name).toBe('Olga Wijkwerker');
  });

  it('does not let a Venlo session act on GM0826 routes', async () => {
    const before = await counts();
    const attempts = [
      { method: 'POST' as const, url: '/api/municipalities/GM0826/organisations', payload: { name: 'Overname', kind: 'other' } },
      { method: 'PATCH' as const, url: `/api/municipalities/GM0826/organisations/${oosterhoutOrganisation}`, payload: { name: 'Overname' } },
      {
        method: 'POST' as const,
        url: '/api/municipalities/GM0826/people',
        payload: { name: 'Indringer', email: 'indringer@venlo.test', password: 'een lang genoeg wachtwoord' },
      },
      { method: 'PATCH' as const, url: `/api/municipalities/GM0826/people/${oosterhoutPerson}`, payload: { email: 'vera.venlo@gm0983.test' } },
      {
        method: 'POST' as const,
        url: '/api/municipalities/GM0826/role-assignments',
        payload: { personId: oosterhoutPerson, role: 'beheerder', areaId: oosterhout.rootAreaId },
      },
      { method: 'POST' as const, url: `/api/municipalities/GM0826/role-assignments/${oosterhoutAssignment}/end`, payload: {} },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({ ...attempt, headers: venloAdmin.headers });
      expect({ url: attempt.url, status: response.statusCode }).toEqual({ url: attempt.url, status: 404 });
    }
    expect(await counts()).toEqual(before);
    // Oosterhout's assignment is untouched.
    const [assignment] = await t.db.select().from(roleAssignments).where(eq(roleAssignments.id, oosterhoutAssignment));
    expect(assignment?.validTo).toBeNull();
  });
});
