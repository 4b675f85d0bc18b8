// SPDX-License-Identifier: EUPL-1.2
// People, organisations and role assignments: the administration API. Every route needs a signed-in
// actor of the municipality in the URL (another municipality's session or record → 404). Lists come
// with `abilities`: the capabilities the caller holds on the municipality's root area, so the web
// app hides what the caller may not do.
// Route order: authenticate (hook) → validate (schema) → transaction → load → authorize → command → present.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-type.js';
import { authorizeMunicipalityWide, requireActor, requireStaff } from '../http/authorize.js';
import { auditContext, type SignedInActor } from '../http/context.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import { areaLineage, findArea, rootLineage, today } from '../areas/queries.js';
import { abilitiesOn, canSee } from '../../core/access/policy.js';
import { roleGrants, type Capability } from '../../core/access/roles.js';
import type { Db } from '../db/client.js';
import { organisationKinds } from './schema.js';
import { describeRoles } from './roles.js';
import {
  findOrganisation,
  findPerson,
  findRoleAssignment,
  listOrganisations,
  listPeople,
  listPersonRoles,
  type PersonRole as PersonRoleRow,
  type PersonRow,
  type RoleAssignmentRow,
} from './queries.js';
import {
  areaNotFound,
  assignmentNotFound,
  authorizeRoleAssignment,
  canManagePeople,
  organisationNotFound,
  parseRole,
  personNotFound,
  type CommandContext,
} from './rules.js';
import { createOrganisation } from './commands/create-organisation.js';
import { updateOrganisation } from './commands/update-organisation.js';
import { createPerson } from './commands/create-person.js';
import { updatePerson } from './commands/update-person.js';
import { assignRole } from './commands/assign-role.js';
import { endRoleAssignment } from './commands/end-role-assignment.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Localized = Type.Object({ nl: Type.String(), en: Type.String() });

const wantedAbilities: readonly Capability[] = ['people.manage', 'roles.assign', 'team.assign', 'area.manage', 'audit.read'];
const Abilities = Type.Array(Type.String(), { description: 'Capabilities the caller holds on the municipality root area' });

const Organisation = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.Enum(organisationKinds) });
const PersonRole = Type.Object({
  assignmentId: Type.String(),
  role: Type.String(),
  areaId: Type.String(),
  areaName: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  roles: Type.Array(PersonRole),
});
const RoleAssignment = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  role: Type.String(),
  areaId: Type.String(),
  areaName: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function commandContext(request: FastifyRequest, municipality: Municipality): CommandContext {
  return { municipalityId: municipality.id, ...auditContext(request) };
}

function presentAssignment(a: RoleAssignmentRow) {
  return { id: a.assignmentId, personId: a.personId, role: a.role, areaId: a.areaId, areaName: a.areaName, validFrom: a.validFrom, validTo: a.validTo };
}

function presentPerson(p: PersonRow, roles: PersonRoleRow[] = []) {
  return { id: p.id, name: p.name, email: p.email, organisationId: p.organisationId, organisationName: p.organisationName, roles };
}

export function peopleRoutes(app: App): void {
  const db = app.services.db;

  /** Signed in for this municipality, inside one transaction. */
  async function inMunicipality<T>(
    request: FastifyRequest<{ Params: { code: string } }>,
    work: (tx: Tx, municipality: Municipality, actor: SignedInActor) => Promise<T>,
  ): Promise<T> {
    return db.transaction(async (tx) => {
      const municipality = await loadMunicipality(tx, request.params.code);
      const actor = requireActor(request, municipality.id);
      return work(tx, municipality, actor);
    });
  }

  // ---- Roles ----------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/roles',
    {
      schema: {
        tags: ['people'],
        summary: 'Roles with the municipality’s own words for them and what each may do',
        params: Type.Object({ code: Code }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ key: Type.String(), label: Localized, capabilities: Type.Array(Type.String()) })),
            abilities: Abilities,
          }),
        },
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        requireStaff(actor);
        const root = await rootLineage(tx, municipality.id);
        return { items: describeRoles(municipality.settings), abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  // ---- Organisations --------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/organisations',
    {
      schema: {
        tags: ['people'],
        summary: 'Organisations in the municipality (anyone with a role there)',
        params: Type.Object({ code: Code }),
        response: { 200: Type.Object({ items: Type.Array(Organisation), abilities: Abilities }) },
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        requireStaff(actor);
        const root = await rootLineage(tx, municipality.id);
        return { items: await listOrganisations(tx, municipality.id), abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  app.post(
    '/api/municipalities/:code/organisations',
    {
      schema: {
        tags: ['people'],
        summary: 'Add an organisation (people.manage)',
        params: Type.Object({ code: Code }),
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Enum(organisationKinds) }, { additionalProperties: false }),
        response: { 201: Organisation },
      },
    },
    async (request, reply) => {
      const created = await inMunicipality(request, async (tx, municipality, actor) => {
        authorizeMunicipalityWide(actor, 'people.manage', await rootLineage(tx, municipality.id));
        return createOrganisation(tx, commandContext(request, municipality), request.body);
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/municipalities/:code/organisations/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Rename an organisation or change its kind (people.manage)',
        params: Type.Object({ code: Code, id: Id }),
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), kind: Type.Optional(Type.Enum(organisationKinds)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Organisation },
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        const organisation = await findOrganisation(tx, municipality.id, request.params.id);
        authorizeMunicipalityWide(actor, 'people.manage', await rootLineage(tx, municipality.id));
        if (!organisation) throw organisationNotFound();
        return updateOrganisation(tx, commandContext(request, municipality), organisation, request.body);
      }),
  );

  // ---- People ---------------------------------------------------------------------------------

  app.get(
    '/api/municipalities/:code/people',
    {
      schema: {
        tags: ['people'],
        summary: 'People with their current and ended roles (people.manage; a wijkregisseur sees the people in their areas)',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name or email address' })),
          areaId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Person), abilities: Abilities }) },
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        const root = await rootLineage(tx, municipality.id);
        const managesAll = canManagePeople(actor, root);
        if (!managesAll && !actor.grants.some((g) => roleGrants(g.role, 'team.assign'))) authorizeMunicipalityWide(actor, 'people.manage', root);
        const { q, areaId, limit = 500, offset = 0 } = request.query;
        if (areaId !== undefined) {
          const area = await findArea(tx, municipality.id, areaId);
          if (!area) throw areaNotFound();
          if (!managesAll && !canSee(actor, await areaLineage(tx, municipality.id, area.id))) throw areaNotFound();
        }
        const items = await listPeople(tx, municipality.id, {
          q,
          areaId,
          visibleTo: managesAll ? undefined : { personId: actor.personId, on: today() },
          limit,
          offset,
        });
        return { items, abilities: abilitiesOn(actor, root, wantedAbilities) };
      }),
  );

  app.post(
    '/api/municipalities/:code/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a person, optionally with a local account (people.manage)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.String({ minLength: 3, maxLength: 254 }),
            organisationId: Type.Optional(Nullable(Id)),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'At least 12 characters; stored as an argon2id hash' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Person },
      },
    },
    async (request, reply) => {
      const created = await inMunicipality(request, async (tx, municipality, actor) => {
        authorizeMunicipalityWide(actor, 'people.manage', await rootLineage(tx, municipality.id));
        return presentPerson(await createPerson(tx, commandContext(request, municipality), request.body));
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/municipalities/:code/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a person’s name, email address, organisation or password (people.manage)',
        params: Type.Object({ code: Code, id: Id }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
            organisationId: Type.Optional(Nullable(Id)),
            password: Type.Optional(
              Type.String({ minLength: 1, maxLength: 1024, description: 'A new password for the local account: at least 12 characters' }),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Person },
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        const person = await findPerson(tx, municipality.id, request.params.id);
        authorizeMunicipalityWide(actor, 'people.manage', await rootLineage(tx, municipality.id));
        if (!person) throw personNotFound();
        const updated = await updatePerson(tx, commandContext(request, municipality), person, request.body);
        return presentPerson(updated, await listPersonRoles(tx, municipality.id, updated.id));
      }),
  );

  // ---- Role assignments -----------------------------------------------------------------------

  app.post(
    '/api/municipalities/:code/role-assignments',
    {
      schema: {
        tags: ['people'],
        summary: 'Give a person a role on an area (beheerder: any role; wijkregisseur: team roles in their areas)',
        params: Type.Object({ code: Code }),
        body: Type.Object(
          {
            personId: Id,
            role: Type.String({ minLength: 1, maxLength: 50, description: 'A role key, see GET …/roles' }),
            areaId: Id,
            validFrom: Type.Optional(IsoDate),
            validTo: Type.Optional(Nullable(IsoDate)),
          },
          { additionalProperties: false },
        ),
        response: { 201: RoleAssignment },
      },
    },
    async (request, reply) => {
      const created = await inMunicipality(request, async (tx, municipality, actor) => {
        const role = parseRole(request.body.role);
        const area = await findArea(tx, municipality.id, request.body.areaId);
        if (!area) throw areaNotFound();
        authorizeRoleAssignment(actor, role, await areaLineage(tx, municipality.id, area.id), municipality.settings);
        return assignRole(tx, commandContext(request, municipality), { ...request.body, role, areaId: area.id });
      });
      return reply.status(201).send(presentAssignment(created));
    },
  );

  app.post(
    '/api/municipalities/:code/role-assignments/:id/end',
    {
      schema: {
        tags: ['people'],
        summary: 'End a role assignment (kept in the history); same rule as assigning that role on that area',
        params: Type.Object({ code: Code, id: Id }),
        body: Type.Object({ validTo: Type.Optional(IsoDate), reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
        response: { 200: RoleAssignment },
      },
      // The body is optional: a bare POST ends the role today.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) =>
      inMunicipality(request, async (tx, municipality, actor) => {
        const assignment = await findRoleAssignment(tx, municipality.id, request.params.id, true);
        if (!assignment) throw assignmentNotFound();
        authorizeRoleAssignment(actor, assignment.role, await areaLineage(tx, municipality.id, assignment.areaId), municipality.settings, assignmentNotFound);
        return presentAssignment(await endRoleAssignment(tx, commandContext(request, municipality), assignment, request.body));
      }),
  );
}
