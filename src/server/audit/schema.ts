// SPDX-License-Identifier: EUPL-1.2
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each event's hash covers its content and the previous event's hash, so
 * editing or deleting any row breaks the chain (`wijkwijs audit verify`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id'),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    /** ISO 8601 UTC, as hashed. */
    at: text('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_municipality_idx').on(t.municipalityId, t.seq)],
);

/** The chain's head (one row): the last event's seq and hash. Appends lock this row, so the chain
 *  never forks, and verify compares it with the last event, so deleting the newest events shows. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
