// SPDX-License-Identifier: EUPL-1.2
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MunicipalitySettings } from './settings.js';

/** A tenant: one municipality. Every other record carries its id. */
export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** CBS gemeentecode, e.g. GM0983. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<MunicipalitySettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
