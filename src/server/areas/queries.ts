// SPDX-License-Identifier: EUPL-1.2
// The only place with SQL for areas. Every query is scoped to one municipality.
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areaMembers, areas, type AreaLevel } from './schema.js';
import { notFound } from '../errors.js';

type Q = Pick<Db, 'select' | 'execute'>;
/** What a command needs of a transaction (a Drizzle transaction or, for a single statement, the database). */
export type Writer = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;
export type Area = typeof areas.$inferSelect;

/** Areas valid on `date` (YYYY-MM-DD): valid_from ≤ date < valid_to. */
export function validOn(date: string): SQL {
  return and(lte(areas.validFrom, date), or(isNull(areas.validTo), gt(areas.validTo, date))) as SQL;
}

export interface AreaFilter {
  level?: AreaLevel | undefined;
  /** Only areas valid on this date; omitted with `includeHistory`. */
  on?: string | undefined;
  includeHistory?: boolean | undefined;
  parentId?: string | undefined;
}

const listColumns = {
  id: areas.id,
  code: areas.code,
  name: areas.name,
  level: areas.level,
  kind: areas.kind,
  parentId: areas.parentId,
  population: areas.population,
  populationYear: areas.populationYear,
  validFrom: areas.validFrom,
  validTo: areas.validTo,
};
export type AreaSummary = { [K in keyof typeof listColumns]: Area[K] };

export async function listAreas(q: Q, municipalityId: string, filter: AreaFilter): Promise<AreaSummary[]> {
  const conditions: SQL[] = [eq(areas.municipalityId, municipalityId)];
  if (filter.level) conditions.push(eq(areas.level, filter.level));
  if (filter.parentId) conditions.push(eq(areas.parentId, filter.parentId));
  if (!filter.includeHistory) conditions.push(validOn(filter.on ?? today()));
  return q
    .select(listColumns)
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.level), asc(areas.code));
}

export async function listAreaGeometries(
  q: Q,
  municipalityId: string,
  level: AreaLevel,
  on: string,
): Promise<Pick<Area, 'id' | 'code' | 'name' | 'level' | 'geometry' | 'population'>[]> {
  return q
    .select({ id: areas.id, code: areas.code, name: areas.name, level: areas.level, geometry: areas.geometry, population: areas.population })
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.level, level), validOn(on)))
    .orderBy(asc(areas.code));
}

export async function findArea(q: Q, municipalityId: string, areaId: string): Promise<Area | undefined> {
  if (!isUuid(areaId)) return undefined;
  const [row] = await q
    .select()
    .from(areas)
    .where(and(eq(areas.id, areaId), eq(areas.municipalityId, municipalityId)));
  return row;
}

export async function findAreasByIds(q: Q, municipalityId: string, ids: string[]): Promise<AreaSummary[]> {
  if (ids.length === 0) return [];
  return q
    .select(listColumns)
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.id, ids)));
}

/**
 * The area and every area above it: its parents up to the municipality, plus the custom areas
 * (pilot areas, aandachtsgebieden) that contain it or one of its parents. Roles held on any of
 * these apply to the area. Each area once (a district is both parent and, as a grouping, holder of
 * members), nearest first.
 */
export async function areaLineage(q: Q, municipalityId: string, areaId: string): Promise<string[]> {
  const result = await q.execute<{ id: string }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from areas where id = ${areaId} and municipality_id = ${municipalityId}
      union all
      select a.id, a.parent_id, up.depth + 1 from areas a join up on a.id = up.parent_id
      where a.municipality_id = ${municipalityId} and up.depth < 20
    )
    select id from (
      select id, depth from up
      union all
      select m.area_id as id, 100 as depth from ${areaMembers} m where m.member_id in (select id from up)
    ) lineage group by id order by min(depth), id`);
  return result.rows.map((r) => r.id);
}

export async function listCustomAreaMembers(q: Q, areaId: string): Promise<string[]> {
  const rows = await q.select({ memberId: areaMembers.memberId }).from(areaMembers).where(eq(areaMembers.areaId, areaId));
  return rows.map((r) => r.memberId);
}

/** The root area (level municipality) of a municipality. */
export async function findRootArea(q: Q, municipalityId: string): Promise<Area | undefined> {
  const [row] = await q
    .select()
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.level, 'municipality'), isNull(areas.validTo)))
    .orderBy(asc(areas.validFrom))
    .limit(1);
  return row;
}

/** Areas not ended on `on` (valid_to empty or later), any start date: what an import updates in place. */
export async function listCurrentAreas(q: Q, municipalityId: string, on: string, levels: readonly AreaLevel[]): Promise<Area[]> {
  if (levels.length === 0) return [];
  return q
    .select()
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), inArray(areas.level, [...levels]), or(isNull(areas.validTo), gt(areas.validTo, on))))
    .orderBy(asc(areas.code), asc(areas.validFrom));
}

/** Areas with this code whose validity overlaps [from, to) (to null: open-ended). */
export async function findOverlappingByCode(q: Q, municipalityId: string, code: string, from: string, to: string | null): Promise<AreaSummary[]> {
  const conditions: SQL[] = [
    eq(areas.municipalityId, municipalityId),
    sql`upper(${areas.code}) = upper(${code})`,
    or(isNull(areas.validTo), gt(areas.validTo, from)) as SQL,
  ];
  if (to !== null) conditions.push(sql`${areas.validFrom} < ${to}`);
  return q
    .select(listColumns)
    .from(areas)
    .where(and(...conditions));
}

export type AreaWithGeometry = Pick<Area, 'id' | 'code' | 'name' | 'level' | 'kind' | 'parentId' | 'geometry'>;

/**
 * Areas valid on `on` whose bounding box holds the point: the SQL prefilter of the point-in-area
 * lookup (the exact test follows in core/geo). Uses the bbox columns, so no geometry is read for
 * areas far away.
 */
export async function findAreasWithBBoxAt(q: Q, municipalityId: string, lon: number, lat: number, on: string): Promise<AreaWithGeometry[]> {
  return q
    .select({ id: areas.id, code: areas.code, name: areas.name, level: areas.level, kind: areas.kind, parentId: areas.parentId, geometry: areas.geometry })
    .from(areas)
    .where(
      and(
        eq(areas.municipalityId, municipalityId),
        validOn(on),
        isNotNull(areas.geometry),
        lte(areas.minLon, lon),
        gte(areas.maxLon, lon),
        lte(areas.minLat, lat),
        gte(areas.maxLat, lat),
      ),
    )
    .orderBy(asc(areas.code));
}

/** Custom areas and districts valid on `on` that list any of these areas as a member. */
export async function findGroupingsOf(q: Q, municipalityId: string, memberIds: string[], on: string): Promise<AreaSummary[]> {
  if (memberIds.length === 0) return [];
  return q
    .select(listColumns)
    .from(areas)
    .innerJoin(areaMembers, eq(areaMembers.areaId, areas.id))
    .where(and(eq(areas.municipalityId, municipalityId), inArray(areaMembers.memberId, memberIds), validOn(on)))
    .groupBy(areas.id)
    .orderBy(asc(areas.code));
}

/** Areas whose parent is this area (any validity). */
export async function listChildIds(q: Q, municipalityId: string, parentId: string): Promise<string[]> {
  const rows = await q
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.parentId, parentId)));
  return rows.map((r) => r.id);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The municipality's root area as a lineage: municipality-wide capabilities are held there (404 without one). */
export async function rootLineage(q: Q, municipalityId: string): Promise<string[]> {
  const root = await findRootArea(q, municipalityId);
  if (!root) throw notFound();
  return areaLineage(q, municipalityId, root.id);
}
