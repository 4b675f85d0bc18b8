// SPDX-License-Identifier: EUPL-1.2
// Staff edits of a generated area analysis (wijkanalyse): one text per area, period and section.
// The analysis itself is generated from the figures on every request; an edit replaces the generated
// text of its section (the figures under it stay as generated). Removing the edit restores the
// generated text; both are audited.
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../../municipalities/schema.js';
import { areas } from '../../areas/schema.js';
import { people } from '../../people/schema.js';

export const areaAnalysisEdits = pgTable(
  'area_analysis_edits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    /** The period the analysis is of ('2024'), or 'latest' for the analysis without a period. */
    period: text('period').notNull(),
    /** population, housing, income, safety, judgement, trends, notable. */
    sectionKey: text('section_key').notNull(),
    text: text('text').notNull(),
    editedBy: uuid('edited_by').references(() => people.id),
    editedByName: text('edited_by_name').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('area_analysis_edits_section_idx').on(t.municipalityId, t.areaId, t.period, t.sectionKey)],
);
