// SPDX-License-Identifier: EUPL-1.2
// Test harness: a real app on a real database. With DATABASE_URL set, every test file gets a fresh
// PostgreSQL database (created from that URL, dropped afterwards); otherwise an in-memory PGlite.
// The same tests therefore run on both engines (`npm test`, and again with DATABASE_URL in CI).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from '../paths.js';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, runMigrations, type Database, type Db } from '../db/client.js';
import { buildApp } from '../app.js';
import type { App } from '../http/app-type.js';
import { createMunicipality } from '../municipalities/commands/create-municipality.js';
import { areas, type AreaLevel } from '../areas/schema.js';
import { people, roleAssignments } from '../people/schema.js';
import { hashPassword } from '../auth/password.js';
import type { RoleKey } from '../../core/access/roles.js';

export interface TestContext {
  app: App;
  db: Db;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export const engineName = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function freshPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wijkwijs_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(): Promise<{ database: Database; close(): Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const fresh = await freshPostgres(baseUrl);
    const database = await openDatabase({ url: fresh.url, poolSize: 30 });
    await runMigrations(database.db);
    return {
      database,
      close: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  }
  const database = await openDatabase({ dataDir: null, loadDataDir: await migratedTemplate() });
  await runMigrations(database.db); // a no-op on the template; keeps this honest if it is stale
  return { database, close: () => database.close() };
}

/**
 * A migrated, empty PGlite data directory, made once per set of migrations and cached in the temp
 * folder: a test database then starts from it instead of running initdb and every migration.
 */
async function migratedTemplate(): Promise<Uint8Array> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const path = join(migrationsFolder, file);
    if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
  }
  const cached = join(tmpdir(), `wijkwijs-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const database = await openDatabase({ dataDir: null });
  await runMigrations(database.db);
  const tar = await database.dump!();
  await database.close();
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, tar);
  renameSync(partial, cached);
  return tar;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const opened = await openTestDatabase();
  const { database } = opened;
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...env, DATABASE_URL: undefined as unknown as string });
  const app = await buildApp({ config, database, serveWeb: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

// ---- Fixtures -----------------------------------------------------------------------------------

export interface TestMunicipality {
  id: string;
  code: string;
  rootAreaId: string;
  /** Areas by code. */
  areas: Record<string, string>;
}

export interface AreaSpec {
  code: string;
  name: string;
  level: AreaLevel;
  parent?: string;
}

/** A municipality with a small area tree (codes of parents refer to earlier specs or the root). */
export async function givenMunicipality(db: Db, code: string, name: string, areaSpecs: AreaSpec[] = []): Promise<TestMunicipality> {
  const { id, rootAreaId } = await createMunicipality(db, { code, name }, { personId: null, label: 'test' });
  const byCode: Record<string, string> = { [code]: rootAreaId };
  for (const spec of areaSpecs) {
    const parentId = spec.parent ? byCode[spec.parent] : rootAreaId;
    const [row] = await db
      .insert(areas)
      .values({ municipalityId: id, code: spec.code, name: spec.name, level: spec.level, parentId, validFrom: '2000-01-01' })
      .returning({ id: areas.id });
    byCode[spec.code] = row!.id;
  }
  return { id, code, rootAreaId, areas: byCode };
}

export const testPassword = 'correct horse battery staple';
let cachedHash: string | undefined;

/** A person with a local account and roles (role on area code). */
export async function givenPerson(
  db: Db,
  m: TestMunicipality,
  name: string,
  roles: [RoleKey, string][] = [],
  email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${m.code.toLowerCase()}.test`,
): Promise<{ id: string; email: string }> {
  cachedHash ??= await hashPassword(testPassword);
  const [p] = await db.insert(people).values({ municipalityId: m.id, name, email, passwordHash: cachedHash }).returning({ id: people.id });
  for (const [role, areaCode] of roles) {
    const areaId = m.areas[areaCode];
    if (!areaId) throw new Error(`unknown area ${areaCode}`);
    await db.insert(roleAssignments).values({ municipalityId: m.id, personId: p!.id, role, areaId, validFrom: '2000-01-01' });
  }
  return { id: p!.id, email };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** Signs in through the API and returns the headers a browser would send on mutations. */
export async function signIn(app: App, municipality: string, email: string, password = testPassword): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { municipality, email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'wijkwijs_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `wijkwijs_session=${setCookie.value}`;
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export async function personIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  return row?.id;
}
