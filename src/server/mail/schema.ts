// SPDX-License-Identifier: EUPL-1.2
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';

/** Outgoing mail. In development it stays here and is shown on the outbox page and in the log. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('outbox_municipality_idx').on(t.municipalityId, t.createdAt)],
);
