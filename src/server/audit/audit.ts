// SPDX-License-Identifier: EUPL-1.2
// The append-only, hash-chained audit trail. record() runs inside the transaction of the mutation it
// describes, so the event exists exactly when the change does. Appends are serialised with a
// transaction-scoped advisory lock so the chain never forks under concurrent writers.
import { createHash } from 'node:crypto';
import { asc, eq, gt } from 'drizzle-orm';
import { configure } from 'safe-stable-stringify';
import type { Db } from '../db/client.js';
import { auditEvents, auditHead } from './schema.js';

const canonical = configure({ deterministic: true, bigint: true });
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  personId: string | null;
  /** Shown in the trail: a name, "systeem", "cli", … */
  label: string;
}

export interface AuditInput {
  municipalityId: string | null;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
}

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

export function hashEvent(prevHash: string, e: Omit<typeof auditEvents.$inferSelect, 'seq' | 'hash' | 'prevHash'>): string {
  const body = canonical({
    municipalityId: e.municipalityId,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    requestId: e.requestId ?? null,
    at: e.at,
  });
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(body ?? '')
    .digest('hex');
}

/** JSON-safe copy (Dates as ISO strings, undefined dropped), as jsonb will store and return it. */
function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: run the migrations');
  const prevHash = head.hash;
  const event = {
    municipalityId: input.municipalityId,
    actorId: input.actor.personId,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: plain(input.before),
    after: plain(input.after),
    reason: input.reason ?? null,
    requestId: input.requestId ?? null,
    at: new Date().toISOString(),
  };
  const hash = hashEvent(prevHash, event);
  const [inserted] = await tx
    .insert(auditEvents)
    .values({ ...event, prevHash, hash })
    .returning({ seq: auditEvents.seq });
  await tx
    .update(auditHead)
    .set({ seq: inserted?.seq ?? 0, hash })
    .where(eq(auditHead.id, 1));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first event whose stored hash or link does not match, with what is wrong. */
  firstBroken?: { seq: number; problem: 'hash_mismatch' | 'link_broken' | 'head_mismatch' };
}

/** Walks the whole chain in order, in pages, and reports the first event that does not verify. */
export async function verifyAuditChain(db: Db, pageSize = 5_000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, prevSeq)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    if (rows.length === 0) {
      const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
      if (!head || head.hash !== prevHash || head.seq !== prevSeq) {
        return { ok: false, checked, firstBroken: { seq: head?.seq ?? prevSeq, problem: 'head_mismatch' } };
      }
      return { ok: true, checked };
    }
    for (const row of rows) {
      // seq may skip after a rolled-back insert; what matters is that each event links to the one before.
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: row.seq, problem: 'link_broken' } };
      if (hashEvent(row.prevHash, row) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, problem: 'hash_mismatch' } };
      prevHash = row.hash;
      prevSeq = row.seq;
      checked++;
    }
  }
}
