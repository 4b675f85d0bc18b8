// SPDX-License-Identifier: EUPL-1.2
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outboxMessages } from './schema.js';

export async function listOutbox(q: Pick<Db, 'select'>, municipalityId: string, limit = 50) {
  return q
    .select({ id: outboxMessages.id, to: outboxMessages.to, subject: outboxMessages.subject, body: outboxMessages.body, createdAt: outboxMessages.createdAt })
    .from(outboxMessages)
    .where(eq(outboxMessages.municipalityId, municipalityId))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
