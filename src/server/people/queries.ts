// SPDX-License-Identifier: EUPL-1.2
// The only place with SQL for people, organisations and role assignments. Every query is scoped to
// one municipality.
import { and, asc, desc, eq, exists, gt, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { organisations, people, roleAssignments, type OrganisationKind } from './schema.js';
import { areaMembers, areas } from '../areas/schema.js';
import { isUuid } from '../areas/queries.js';
import type { RoleKey } from '../../core/access/roles.js';

type Q = Pick<Db, 'select'>;
type X = Pick<Db, 'select' | 'execute'>;

export interface TeamMember {
  assignmentId: string;
  personId: string;
  name: string;
  organisation: string | null;
  role: RoleKey;
  areaId: string;
  validFrom: string;
  validTo: string | null;
}

/** Valid on `on` (YYYY-MM-DD): valid_from ≤ on < valid_to. */
function assignmentValidOn(on: string): SQL {
  return and(lte(roleAssignments.validFrom, on), or(isNull(roleAssignments.validTo), gt(roleAssignments.validTo, on))) as SQL;
}

/** People holding a role on any of these areas today (the area's own team and those above it). */
export async function listTeam(q: Q, municipalityId: string, areaIds: string[], on: string): Promise<TeamMember[]> {
  if (areaIds.length === 0) return [];
  return q
    .select({
      assignmentId: roleAssignments.id,
      personId: people.id,
      name: people.name,
      organisation: organisations.name,
      role: roleAssignments.role,
      areaId: roleAssignments.areaId,
      validFrom: roleAssignments.validFrom,
      validTo: roleAssignments.validTo,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(roleAssignments.municipalityId, municipalityId), inArray(roleAssignments.areaId, areaIds), assignmentValidOn(on)))
    .orderBy(asc(roleAssignments.role), asc(people.name));
}

// ---- Visible areas ------------------------------------------------------------------------------

/**
 * SQL selecting the ids of the areas a person can see on `on`: every area where they hold a role,
 * and every area below those — sub-areas through parent_id, and the member areas of a custom area
 * (pilot area, aandachtsgebied) through area_members, recursively. UNION removes duplicates, so the
 * recursion stops even if the data contained a cycle.
 */
export function visibleAreaIdsSql(municipalityId: string, personId: string, on: string): SQL {
  return sql`
    with recursive visible(id) as (
      select ra.area_id from ${roleAssignments} ra
      where ra.municipality_id = ${municipalityId} and ra.person_id = ${personId}
        and ra.valid_from <= ${on} and (ra.valid_to is null or ra.valid_to > ${on})
      union
      select edge.child from visible v join (
        select a.parent_id as parent, a.id as child from ${areas} a
        where a.municipality_id = ${municipalityId} and a.parent_id is not null
        union all
        select m.area_id as parent, m.member_id as child from ${areaMembers} m
        join ${areas} ma on ma.id = m.member_id and ma.municipality_id = ${municipalityId}
      ) edge on edge.parent = v.id
    )
    select id from visible`;
}

export async function visibleAreaIds(q: X, municipalityId: string, personId: string, on: string): Promise<string[]> {
  const result = await q.execute<{ id: string }>(visibleAreaIdsSql(municipalityId, personId, on));
  return result.rows.map((r) => r.id);
}

// ---- Organisations ------------------------------------------------------------------------------

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
}
const organisationColumns = { id: organisations.id, name: organisations.name, kind: organisations.kind };

export async function listOrganisations(q: Q, municipalityId: string): Promise<OrganisationRow[]> {
  return q.select(organisationColumns).from(organisations).where(eq(organisations.municipalityId, municipalityId)).orderBy(asc(organisations.name));
}

export async function findOrganisation(q: Q, municipalityId: string, id: string): Promise<OrganisationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.id, id)));
  return row;
}

/** An organisation with this name (case-insensitive), other than `exceptId`. */
export async function findOrganisationByName(q: Q, municipalityId: string, name: string, exceptId?: string): Promise<OrganisationRow | undefined> {
  const conditions: SQL[] = [eq(organisations.municipalityId, municipalityId), sql`lower(${organisations.name}) = lower(${name})`];
  if (exceptId) conditions.push(ne(organisations.id, exceptId));
  const [row] = await q
    .select(organisationColumns)
    .from(organisations)
    .where(and(...conditions))
    .limit(1);
  return row;
}

// ---- People -------------------------------------------------------------------------------------

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  hasPassword: boolean;
}
const personColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  organisationId: people.organisationId,
  organisationName: organisations.name,
  hasPassword: sql<boolean>`(${people.passwordHash} is not null)`,
};

export async function findPerson(q: Q, municipalityId: string, id: string): Promise<PersonRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q
    .select(personColumns)
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.municipalityId, municipalityId), eq(people.id, id)));
  return row;
}

/** Locks the person's row until the end of the transaction, so role changes for one person run one at a time. */
export async function lockPerson(q: Q, municipalityId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await q
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.municipalityId, municipalityId), eq(people.id, id)))
    .for('update');
  return rows.length > 0;
}

/** The person with this (lower-cased) email, other than `exceptId`. */
export async function findPersonIdByEmail(q: Q, municipalityId: string, email: string, exceptId?: string): Promise<string | undefined> {
  const conditions: SQL[] = [eq(people.municipalityId, municipalityId), eq(people.email, email)];
  if (exceptId) conditions.push(ne(people.id, exceptId));
  const [row] = await q
    .select({ id: people.id })
    .from(people)
    .where(and(...conditions))
    .limit(1);
  return row?.id;
}

export interface PersonRole {
  assignmentId: string;
  role: RoleKey;
  areaId: string;
  areaName: string;
  validFrom: string;
  validTo: string | null;
}

export interface PersonWithRoles extends Omit<PersonRow, 'hasPassword'> {
  roles: PersonRole[];
}

export interface PeopleFilter {
  /** Part of the name or email address. */
  q?: string | undefined;
  /** Only people with a role (current or ended) on this area. */
  areaId?: string | undefined;
  /**
   * Only people with a role on an area this person can see (see visibleAreaIdsSql), and of those
   * only the roles on such areas. Omitted for someone who manages all people.
   */
  visibleTo?: { personId: string; on: string } | undefined;
  limit: number;
  offset: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** People of the municipality with their current and ended roles, by name. */
export async function listPeople(q: Q, municipalityId: string, filter: PeopleFilter): Promise<PersonWithRoles[]> {
  const visible = filter.visibleTo
    ? sql`${roleAssignments.areaId} in (${visibleAreaIdsSql(municipalityId, filter.visibleTo.personId, filter.visibleTo.on)})`
    : undefined;
  const conditions: SQL[] = [eq(people.municipalityId, municipalityId)];
  const term = filter.q?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(or(ilike(people.name, pattern), ilike(people.email, pattern)) as SQL);
  }
  if (filter.areaId !== undefined || visible) {
    const roleConditions: SQL[] = [eq(roleAssignments.personId, people.id), eq(roleAssignments.municipalityId, municipalityId)];
    if (filter.areaId !== undefined) roleConditions.push(eq(roleAssignments.areaId, filter.areaId));
    if (visible) roleConditions.push(visible);
    conditions.push(
      exists(
        q
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(...roleConditions)),
      ),
    );
  }
  const rows = await q
    .select(personColumns)
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(...conditions))
    .orderBy(asc(people.name), asc(people.id))
    .limit(filter.limit)
    .offset(filter.offset);
  if (rows.length === 0) return [];
  const roles = await rolesOf(
    q,
    municipalityId,
    rows.map((r) => r.id),
    visible,
  );
  return rows.map(({ hasPassword: _hasPassword, ...person }) => ({
    ...person,
    roles: roles.filter((r) => r.personId === person.id).map(({ personId: _p, ...role }) => role),
  }));
}

/** The roles (current and ended) of these people, current ones first; optionally only on visible areas. */
async function rolesOf(q: Q, municipalityId: string, personIds: string[], onAreas?: SQL): Promise<RoleAssignmentRow[]> {
  const conditions: SQL[] = [eq(roleAssignments.municipalityId, municipalityId), inArray(roleAssignments.personId, personIds)];
  if (onAreas) conditions.push(onAreas);
  return q
    .select({ personId: roleAssignments.personId, ...roleColumns })
    .from(roleAssignments)
    .innerJoin(areas, eq(areas.id, roleAssignments.areaId))
    .where(and(...conditions))
    .orderBy(sql`${roleAssignments.validTo} is not null`, desc(roleAssignments.validFrom), asc(areas.name));
}

/** All roles of one person (current and ended). */
export async function listPersonRoles(q: Q, municipalityId: string, personId: string): Promise<PersonRole[]> {
  const rows = await rolesOf(q, municipalityId, [personId]);
  return rows.map(({ personId: _p, ...role }) => role);
}

// ---- Role assignments ---------------------------------------------------------------------------

const roleColumns = {
  assignmentId: roleAssignments.id,
  role: roleAssignments.role,
  areaId: roleAssignments.areaId,
  areaName: areas.name,
  validFrom: roleAssignments.validFrom,
  validTo: roleAssignments.validTo,
};

export interface RoleAssignmentRow extends PersonRole {
  personId: string;
}

/** One assignment; with `forUpdate` its row stays locked until the end of the transaction. */
export async function findRoleAssignment(q: Q, municipalityId: string, id: string, forUpdate = false): Promise<RoleAssignmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = q
    .select({ personId: roleAssignments.personId, ...roleColumns })
    .from(roleAssignments)
    .innerJoin(areas, eq(areas.id, roleAssignments.areaId))
    .where(and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.id, id)));
  const [row] = forUpdate ? await query.for('update', { of: roleAssignments }) : await query;
  return row;
}

/**
 * An assignment of the same role to the same person on the same area whose validity overlaps
 * [validFrom, validTo) (validTo null = open-ended).
 */
export async function findOverlappingAssignment(
  q: Q,
  municipalityId: string,
  a: { personId: string; role: RoleKey; areaId: string; validFrom: string; validTo: string | null },
): Promise<RoleAssignmentRow | undefined> {
  const conditions: SQL[] = [
    eq(roleAssignments.municipalityId, municipalityId),
    eq(roleAssignments.personId, a.personId),
    eq(roleAssignments.role, a.role),
    eq(roleAssignments.areaId, a.areaId),
    or(isNull(roleAssignments.validTo), gt(roleAssignments.validTo, a.validFrom)) as SQL,
  ];
  if (a.validTo !== null) conditions.push(sql`${roleAssignments.validFrom} < ${a.validTo}`);
  const [row] = await q
    .select({ personId: roleAssignments.personId, ...roleColumns })
    .from(roleAssignments)
    .innerJoin(areas, eq(areas.id, roleAssignments.areaId))
    .where(and(...conditions))
    .limit(1);
  return row;
}

// ---- Writes (called by commands/, inside their transaction) ------------------------------------

type W = Pick<Db, 'insert' | 'update'>;

export async function insertOrganisation(q: W, municipalityId: string, values: { name: string; kind: OrganisationKind }): Promise<OrganisationRow> {
  const [row] = await q
    .insert(organisations)
    .values({ municipalityId, ...values })
    .returning(organisationColumns);
  if (!row) throw new Error('insert into organisations returned no row');
  return row;
}

export async function updateOrganisationRow(
  q: W,
  municipalityId: string,
  id: string,
  values: { name?: string; kind?: OrganisationKind },
): Promise<OrganisationRow> {
  const [row] = await q
    .update(organisations)
    .set(values)
    .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.id, id)))
    .returning(organisationColumns);
  if (!row) throw new Error('update of organisations matched no row');
  return row;
}

export async function insertPerson(
  q: W,
  municipalityId: string,
  values: { name: string; email: string; organisationId: string | null; passwordHash: string | null },
): Promise<string> {
  const [row] = await q
    .insert(people)
    .values({ municipalityId, ...values })
    .returning({ id: people.id });
  if (!row) throw new Error('insert into people returned no row');
  return row.id;
}

export async function updatePersonRow(
  q: W,
  municipalityId: string,
  id: string,
  values: { name?: string; email?: string; organisationId?: string | null; passwordHash?: string },
): Promise<void> {
  const rows = await q
    .update(people)
    .set(values)
    .where(and(eq(people.municipalityId, municipalityId), eq(people.id, id)))
    .returning({ id: people.id });
  if (rows.length === 0) throw new Error('update of people matched no row');
}

export async function insertRoleAssignment(
  q: W,
  municipalityId: string,
  values: { personId: string; role: RoleKey; areaId: string; validFrom: string; validTo: string | null },
): Promise<string> {
  const [row] = await q
    .insert(roleAssignments)
    .values({ municipalityId, ...values })
    .returning({ id: roleAssignments.id });
  if (!row) throw new Error('insert into role_assignments returned no row');
  return row.id;
}

export async function setRoleAssignmentEnd(q: W, municipalityId: string, id: string, validTo: string): Promise<void> {
  const rows = await q
    .update(roleAssignments)
    .set({ validTo })
    .where(and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.id, id)))
    .returning({ id: roleAssignments.id });
  if (rows.length === 0) throw new Error('update of role_assignments matched no row');
}
