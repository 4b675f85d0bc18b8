// SPDX-License-Identifier: EUPL-1.2
// One database handle for both engines: PostgreSQL through node-postgres when DATABASE_URL is set,
// otherwise PGlite in a worker thread behind the same pool interface (see pglite-pool.ts).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import { PgliteWorkerPool } from './pglite-pool.js';
import { migrationsFolder } from '../paths.js';
import { AppError } from '../errors.js';

// int8 (count(*), bigserial) as number on both engines; amounts are integer cents far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Db = NodePgDatabase;
export type Engine = 'postgres' | 'pglite';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tar, to start other in-memory instances from (tests). */
  dump?: () => Promise<Uint8Array>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent the embedded PGlite engine is used. */
  url?: string | undefined;
  /** PGlite data folder; `null` keeps the database in memory (tests). */
  dataDir?: string | null;
  poolSize?: number;
  /** PGlite only: start from this data directory tar (see Database.dump). */
  loadDataDir?: Uint8Array;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
    pool.on('error', () => undefined); // idle-client errors are reported on the next query
    const db = drizzle({ client: pool });
    return { db, engine: 'postgres', close: () => pool.end() };
  }
  const dataDir = options.dataDir === undefined ? resolve('data/pglite') : options.dataDir;
  let unlock: (() => Promise<void>) | undefined;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  const pool = new PgliteWorkerPool(dataDir, options.loadDataDir);
  const db = drizzle({ client: pool as unknown as pg.Pool });
  return {
    db,
    engine: 'pglite',
    dump: () => pool.dump(),
    close: async () => {
      await pool.end();
      await unlock?.();
    },
  };
}

/** PGlite has no lock between processes: one process owns the folder, a second one gets a clear error. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new AppError('database_locked', 500, {
        nl: `De ingebouwde database in ${dataDir} is in gebruik door een ander Wijkwijs-proces. Stop dat proces of kies een andere map met WIJKWIJS_DATA_DIR.`,
        en: `The embedded database in ${dataDir} is in use by another Wijkwijs process. Stop that process or choose another folder with WIJKWIJS_DATA_DIR.`,
      });
    }
    throw error;
  }
}

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** Applied and known migrations, for /api/health. */
export async function migrationStatus(db: Db): Promise<{ applied: number; known: number }> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const known = readMigrationFiles({ migrationsFolder }).length;
  try {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return { applied: Number(result.rows[0]?.n ?? 0), known };
  } catch {
    return { applied: 0, known };
  }
}
