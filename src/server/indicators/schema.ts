// SPDX-License-Identifier: EUPL-1.2
// Tables of the wijkkompas indicators. The base set (CBS Kerncijfers wijken en buurten and friends)
// is defined in code (catalogue.ts); `indicators` holds a municipality's own (area-specific)
// indicators and its overrides of base-set entries (same key). `indicator_values` holds one figure
// per indicator, area and period with its status: a suppressed, missing or not-applicable figure
// has value NULL and its status, never 0 (a CHECK enforces this).
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Stable id shown in the API ('population', 'share_65_plus', or an own key). */
    key: text('key').notNull(),
    /** name, theme, unit, polarity, source, licence, attribution, aggregation, decimals, public, … (see catalogue.ts IndicatorDefinition). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    baseSet: boolean('base_set').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicators_municipality_key_idx').on(t.municipalityId, t.key)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    indicatorKey: text('indicator_key').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    /** '2024' (a year; kept as text for '2023-2024' style periods of surveys). */
    period: text('period').notNull(),
    /** NULL unless status is ok or rounded. */
    value: doublePrecision('value'),
    status: text('status').$type<'ok' | 'rounded' | 'suppressed' | 'missing' | 'not_applicable'>().notNull(),
    /** Source of this figure ('cbs', 'police', 'survey', 'own') and the year of the source table. */
    source: text('source').notNull(),
    sourceYear: integer('source_year'),
    /** The file or table it came from, e.g. '85984NED' or 'wijken_2024.geojson'. */
    sourceTable: text('source_table'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_key_idx').on(t.municipalityId, t.indicatorKey, t.areaId, t.period),
    index('indicator_values_area_idx').on(t.areaId),
    index('indicator_values_period_idx').on(t.municipalityId, t.indicatorKey, t.period),
  ],
);
