// SPDX-License-Identifier: EUPL-1.2
// The only SQL for indicators. Every query is scoped to one municipality.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { areas, areaMembers, type AreaLevel } from '../areas/schema.js';
import { isUuid, validOn } from '../areas/queries.js';
import { indicators, indicatorValues } from './schema.js';
import type { ValueStatus } from '../../core/stats/index.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;
export type Writer = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'execute'>;
export type IndicatorRow = typeof indicators.$inferSelect;

export interface ValueRow {
  indicatorKey: string;
  areaId: string;
  period: string;
  value: number | null;
  status: ValueStatus;
  source: string;
  sourceYear: number | null;
  sourceTable: string | null;
}

const valueColumns = {
  indicatorKey: indicatorValues.indicatorKey,
  areaId: indicatorValues.areaId,
  period: indicatorValues.period,
  value: indicatorValues.value,
  status: indicatorValues.status,
  source: indicatorValues.source,
  sourceYear: indicatorValues.sourceYear,
  sourceTable: indicatorValues.sourceTable,
};

export async function listOwnIndicators(q: Q, municipalityId: string): Promise<IndicatorRow[]> {
  return q.select().from(indicators).where(eq(indicators.municipalityId, municipalityId)).orderBy(asc(indicators.key));
}

export async function findIndicatorRow(q: Q, municipalityId: string, key: string): Promise<IndicatorRow | undefined> {
  const [row] = await q
    .select()
    .from(indicators)
    .where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.key, key)));
  return row;
}

export async function insertIndicatorRow(
  w: Writer,
  row: { municipalityId: string; key: string; definition: Record<string, unknown>; baseSet: boolean },
): Promise<void> {
  await w.insert(indicators).values(row);
}

export async function updateIndicatorRow(w: Writer, municipalityId: string, key: string, definition: Record<string, unknown>): Promise<void> {
  await w
    .update(indicators)
    .set({ definition, updatedAt: sql`now()` })
    .where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.key, key)));
}

export interface AreaByCode {
  id: string;
  code: string;
  level: AreaLevel;
  validTo: string | null;
}

/** Every area of the municipality with a code, history included; the current one wins when a code was reused. */
export async function areasByCode(q: Q, municipalityId: string): Promise<Map<string, AreaByCode>> {
  const rows = await q
    .select({ id: areas.id, code: areas.code, level: areas.level, validTo: areas.validTo })
    .from(areas)
    .where(eq(areas.municipalityId, municipalityId))
    .orderBy(asc(areas.validFrom));
  const map = new Map<string, AreaByCode>();
  for (const r of rows) {
    const existing = map.get(r.code);
    if (!existing || existing.validTo !== null) map.set(r.code, r);
  }
  return map;
}

export type NewValue = ValueRow & { municipalityId: string };

/** Inserts or replaces figures (same indicator, area and period). */
export async function upsertValues(w: Writer, rows: NewValue[]): Promise<void> {
  if (rows.length === 0) return;
  await w
    .insert(indicatorValues)
    .values(rows)
    .onConflictDoUpdate({
      target: [indicatorValues.municipalityId, indicatorValues.indicatorKey, indicatorValues.areaId, indicatorValues.period],
      set: {
        value: sql`excluded.value`,
        status: sql`excluded.status`,
        source: sql`excluded.source`,
        sourceYear: sql`excluded.source_year`,
        sourceTable: sql`excluded.source_table`,
        updatedAt: sql`now()`,
      },
    });
}

/** Periods with figures for an indicator, newest first. */
export async function listPeriods(q: Q, municipalityId: string, key: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ period: indicatorValues.period })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.municipalityId, municipalityId), eq(indicatorValues.indicatorKey, key)))
    .orderBy(desc(indicatorValues.period));
  return rows.map((r) => r.period);
}

export interface LevelArea {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  population: number | null;
}

/** Current areas of a level (valid on `on`), for the choropleth and table. */
export async function listLevelAreas(q: Q, municipalityId: string, level: AreaLevel, on: string): Promise<LevelArea[]> {
  return q
    .select({ id: areas.id, code: areas.code, name: areas.name, level: areas.level, population: areas.population })
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.level, level), validOn(on)))
    .orderBy(asc(areas.code));
}

const areaRefColumns = { id: areas.id, code: areas.code, name: areas.name, level: areas.level, population: areas.population };

/** An area without its geometry (profiles and trends need only this; geometries are large). */
export async function findAreaRef(q: Q, municipalityId: string, areaId: string): Promise<LevelArea | undefined> {
  if (!isUuid(areaId)) return undefined;
  const [row] = await q
    .select(areaRefColumns)
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.id, areaId)));
  return row;
}

/** The current municipality area, without its geometry. */
export async function findRootRef(q: Q, municipalityId: string): Promise<LevelArea | undefined> {
  const [row] = await q
    .select(areaRefColumns)
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), eq(areas.level, 'municipality'), isNull(areas.validTo)))
    .orderBy(asc(areas.validFrom))
    .limit(1);
  return row;
}

/** An area and the current municipality area in one query (both without geometry). */
export async function findAreaAndRoot(q: Q, municipalityId: string, areaId: string): Promise<{ area: LevelArea | undefined; root: LevelArea | undefined }> {
  if (!isUuid(areaId)) return { area: undefined, root: undefined };
  const rows = await q
    .select({ ...areaRefColumns, validFrom: areas.validFrom })
    .from(areas)
    .where(and(eq(areas.municipalityId, municipalityId), or(eq(areas.id, areaId), and(eq(areas.level, 'municipality'), isNull(areas.validTo)))))
    .orderBy(asc(areas.validFrom));
  const strip = ({ validFrom: _v, ...ref }: (typeof rows)[number]): LevelArea => ref;
  const area = rows.find((r) => r.id === areaId);
  const root = rows.find((r) => r.level === 'municipality' && (r.id !== areaId || rows.length === 1)) ?? rows.find((r) => r.level === 'municipality');
  return { area: area && strip(area), root: root && strip(root) };
}

/**
 * Everything a profile needs in one query: every figure of the area, the municipality's figures
 * of the same indicators (all periods), and the municipality's population.
 */
export async function listProfileValues(q: Q, municipalityId: string, areaId: string, rootId: string): Promise<ValueRow[]> {
  return q
    .select(valueColumns)
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.municipalityId, municipalityId),
        or(
          eq(indicatorValues.areaId, areaId),
          and(
            eq(indicatorValues.areaId, rootId),
            or(
              eq(indicatorValues.indicatorKey, 'population'),
              inArray(
                indicatorValues.indicatorKey,
                q
                  .select({ key: indicatorValues.indicatorKey })
                  .from(indicatorValues)
                  .where(and(eq(indicatorValues.municipalityId, municipalityId), eq(indicatorValues.areaId, areaId))),
              ),
            ),
          ),
        ),
      ),
    );
}

/** Members of the given grouping areas (districts, custom areas). */
export async function listMembers(q: Q, municipalityId: string, groupIds: string[]): Promise<{ groupId: string; memberId: string }[]> {
  if (groupIds.length === 0) return [];
  return q
    .select({ groupId: areaMembers.areaId, memberId: areaMembers.memberId })
    .from(areaMembers)
    .innerJoin(areas, eq(areas.id, areaMembers.areaId))
    .where(and(eq(areas.municipalityId, municipalityId), inArray(areaMembers.areaId, groupIds)));
}

/** Figures of some indicators for some areas in some periods (all periods when `periods` is omitted). */
export async function listValues(q: Q, municipalityId: string, filter: { keys?: string[]; areaIds?: string[]; periods?: string[] }): Promise<ValueRow[]> {
  const conditions = [eq(indicatorValues.municipalityId, municipalityId)];
  if (filter.keys) {
    if (filter.keys.length === 0) return [];
    conditions.push(filter.keys.length === 1 ? eq(indicatorValues.indicatorKey, filter.keys[0]!) : inArray(indicatorValues.indicatorKey, filter.keys));
  }
  if (filter.areaIds) {
    if (filter.areaIds.length === 0) return [];
    conditions.push(filter.areaIds.length === 1 ? eq(indicatorValues.areaId, filter.areaIds[0]!) : inArray(indicatorValues.areaId, filter.areaIds));
  }
  if (filter.periods) {
    if (filter.periods.length === 0) return [];
    conditions.push(inArray(indicatorValues.period, filter.periods));
  }
  return q
    .select(valueColumns)
    .from(indicatorValues)
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.period));
}

/**
 * Figures of the areas of one level and of the municipality itself: the given indicators in the
 * given periods, plus the population in every period (weights for means). The profile's comparison base.
 */
export async function listLevelValues(
  q: Q,
  municipalityId: string,
  level: AreaLevel,
  keys: string[],
  periods: string[],
): Promise<(ValueRow & { level: AreaLevel })[]> {
  const wanted = keys.length > 0 && periods.length > 0 ? and(inArray(indicatorValues.indicatorKey, keys), inArray(indicatorValues.period, periods)) : undefined;
  return q
    .select({ ...valueColumns, level: areas.level })
    .from(indicatorValues)
    .innerJoin(areas, eq(areas.id, indicatorValues.areaId))
    .where(
      and(
        eq(indicatorValues.municipalityId, municipalityId),
        wanted ? or(wanted, eq(indicatorValues.indicatorKey, 'population')) : eq(indicatorValues.indicatorKey, 'population'),
        inArray(areas.level, level === 'municipality' ? ['municipality'] : ['municipality', level]),
      ),
    );
}
