// SPDX-License-Identifier: EUPL-1.2
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';

export const areaLevels = ['municipality', 'district', 'wijk', 'buurt', 'custom'] as const;
export type AreaLevel = (typeof areaLevels)[number];

/**
 * An area at one level of the hierarchy municipality > district/village > wijk > buurt, or a custom
 * area (pilot area, aandachtsgebied) made of other areas. Areas are never deleted: a replaced or
 * regrouped area gets a valid_to and its successor a valid_from, so history stays.
 */
export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** CBS code (GM0983, WK098301, BU09830101) or a code of the municipality's own for custom areas. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').$type<AreaLevel>().notNull(),
    /** For custom areas: pilot, aandachtsgebied, … */
    kind: text('kind'),
    parentId: uuid('parent_id'),
    /** GeoJSON geometry (Polygon or MultiPolygon) in WGS84. */
    geometry: jsonb('geometry').$type<GeoJsonGeometry | null>(),
    minLon: doublePrecision('min_lon'),
    minLat: doublePrecision('min_lat'),
    maxLon: doublePrecision('max_lon'),
    maxLat: doublePrecision('max_lat'),
    population: integer('population'),
    populationYear: integer('population_year'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('areas_municipality_level_idx').on(t.municipalityId, t.level),
    index('areas_parent_idx').on(t.parentId),
    index('areas_code_idx').on(t.municipalityId, t.code),
  ],
);

/** Members of a custom area (e.g. pilot area Blerick = the wijken of stadsdeel Blerick plus Steyl). */
export const areaMembers = pgTable(
  'area_members',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.memberId] })],
);

export type GeoJsonGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
