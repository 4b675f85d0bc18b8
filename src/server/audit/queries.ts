// SPDX-License-Identifier: EUPL-1.2
// Reading the audit trail (writing is audit.ts: recordAudit).
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from './schema.js';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Only events before this sequence number (paging, newest first). */
  before?: number | undefined;
  limit: number;
}

export async function listAuditEvents(q: Pick<Db, 'select'>, municipalityId: string, filter: AuditFilter): Promise<(typeof auditEvents.$inferSelect)[]> {
  const conditions: SQL[] = [eq(auditEvents.municipalityId, municipalityId)];
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.before) conditions.push(lt(auditEvents.seq, filter.before));
  return q
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
}
