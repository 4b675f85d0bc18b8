// SPDX-License-Identifier: EUPL-1.2
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { engineName, openTestDatabase } from '../testing/harness.js';
import { openDatabase, runMigrations, type Database } from '../db/client.js';
import { recordAudit, verifyAuditChain, hashEvent, GENESIS_HASH } from './audit.js';
import { auditEvents } from './schema.js';
import { projectRoot } from '../paths.js';

const actor = { personId: null, label: 'test' };

async function writeEvents(database: Database, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        municipalityId: null,
        actor,
        action: 'thing.update',
        entityType: 'thing',
        entityId: String(i),
        before: { amountCents: i },
        after: { amountCents: i + 1 },
        reason: 'test',
      }),
    );
  }
}

/** A superuser could switch the append-only trigger off; verify must still notice what they change. */
async function asSuperuser(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
  });
}

describe(`audit chain (${engineName})`, () => {
  let database: Database;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ database, close } = await openTestDatabase());
    await writeEvents(database, 5);
  });
  afterEach(() => close());

  it('verifies an untouched chain and links each event to the one before', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.seq);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(hashEvent(rows[2]!.prevHash, rows[2]!)).toBe(rows[2]!.hash);
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await expect(database.db.execute(sql`update audit_events set reason = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('catches an edited event', async () => {
    const [third] = await database.db.select().from(auditEvents).orderBy(auditEvents.seq).offset(2).limit(1);
    await asSuperuser(database, sql`update audit_events set after = '{"amountCents": 999999}'::jsonb where seq = ${third!.seq}`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, firstBroken: { seq: third!.seq, problem: 'hash_mismatch' } });
  });

  it('catches a deleted event in the middle and at the end', async () => {
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.seq);
    await asSuperuser(database, sql`delete from audit_events where seq = ${rows[1]!.seq}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBroken: { seq: rows[2]!.seq, problem: 'link_broken' } });
  });

  it('catches removal of the newest event', async () => {
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.seq);
    await asSuperuser(database, sql`delete from audit_events where seq = ${rows[4]!.seq}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 4, firstBroken: { problem: 'head_mismatch' } });
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        database.db.transaction((tx) => recordAudit(tx, { municipalityId: null, actor, action: 'concurrent', entityType: 'thing', entityId: `c${i}` })),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 30 });
  });
});

describe.skipIf(engineName !== 'pglite')('wijkwijs audit verify (CLI, embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wijkwijs-audit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(projectRoot, 'bin/wijkwijs.mjs'), ...args], {
      env: { ...process.env, WIJKWIJS_DATA_DIR: dir, DATABASE_URL: '', WIJKWIJS_FROM_SOURCE: '1' },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('exits 0 on an intact trail and 1 naming the event after tampering', async () => {
    const database = await openDatabase({ dataDir: dir });
    await runMigrations(database.db);
    await writeEvents(database, 3);
    await database.close();
    const intact = await run(['audit', 'verify']);
    expect(intact.out).toMatch(/3 gebeurtenissen/);
    expect(intact.code).toBe(0);

    const again = await openDatabase({ dataDir: dir });
    const [second] = await again.db.select().from(auditEvents).orderBy(auditEvents.seq).offset(1).limit(1);
    await asSuperuser(again, sql`update audit_events set actor_label = 'iemand anders' where seq = ${second!.seq}`);
    await again.close();
    const tampered = await run(['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`gebeurtenis ${second!.seq} (hash_mismatch)`);
  }, 120_000);
});
