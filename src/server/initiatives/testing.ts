// SPDX-License-Identifier: EUPL-1.2
// Test helpers for budgets and initiatives: calls through the HTTP API as a named person, the
// business date set with vitest's fake clock (Date only; timers stay real), role words per
// municipality, rules bodies from the core examples, and ledger checks straight from the tables.
import { inflateSync } from 'node:zlib';
import { expect, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestContext, TestMunicipality } from '../testing/harness.js';
import { signIn } from '../testing/harness.js';
import { municipalities } from '../municipalities/schema.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import type { RoleKey } from '../../core/access/roles.js';
import { defineRules, type BudgetRules, type BudgetRulesInput } from '../../core/mandates/index.js';
import { deriveBalance } from '../../core/ledger/index.js';
import { ledgerEntries, budgets } from '../budgets/schema.js';
import { toCoreEntry } from '../budgets/ledger-rows.js';
import { outboxMessages } from '../mail/schema.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Reply {
  status: number;
  body: Json;
  text: string;
  headers: Record<string, unknown>;
}

/** Sets the process clock (Date only) to noon Amsterdam time on `date`. */
export function setToday(date: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${date}T10:00:00Z`));
}

export function realTime(): void {
  vi.useRealTimers();
}

/** A client that signs in as `email` (again whenever the clock moved, as sessions expire) and calls the API. */
export class Client {
  #session: { headers: Record<string, string>; cookie: string; at: string } | undefined;
  constructor(
    private readonly t: TestContext,
    private readonly municipalityCode: string,
    readonly email: string | null,
  ) {}

  /** Use a session obtained otherwise (e.g. an email sign-in link) instead of a password sign-in. */
  useSession(cookie: string, csrfToken: string): this {
    this.#session = { headers: { cookie, 'x-csrf-token': csrfToken }, cookie, at: 'fixed' };
    return this;
  }

  private async headers(method: string): Promise<Record<string, string>> {
    if (this.email === null && !this.#session) return {};
    const day = new Date().toISOString().slice(0, 10);
    if (this.email !== null && (!this.#session || (this.#session.at !== day && this.#session.at !== 'fixed'))) {
      const s = await signIn(this.t.app, this.municipalityCode, this.email);
      this.#session = { headers: s.headers, cookie: s.cookie, at: day };
    }
    if (!this.#session) return {};
    return method === 'GET' ? { cookie: this.#session.cookie } : this.#session.headers;
  }

  private url(path: string): string {
    return path.startsWith('/api/') ? path : `/api/municipalities/${this.municipalityCode}${path}`;
  }

  async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown): Promise<Reply> {
    const response = await this.t.app.inject({
      method,
      url: this.url(path),
      headers: await this.headers(method),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let body: Json;
    try {
      body = response.json<Json>();
    } catch {
      body = {};
    }
    return { status: response.statusCode, body, text: response.body, headers: response.headers };
  }

  get(path: string) {
    return this.call('GET', path);
  }
  delete(path: string) {
    return this.call('DELETE', path);
  }

  /** GET of a download (PDF, XLSX, attachment): the raw bytes. */
  async download(path: string): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
    const response = await this.t.app.inject({ method: 'GET', url: this.url(path), headers: await this.headers('GET') });
    return { status: response.statusCode, body: response.rawPayload, headers: response.headers };
  }

  /** POST of one file as multipart/form-data (field "file"), the way a browser form sends it. */
  async upload(path: string, file: { filename: string; contentType: string; content: Buffer }): Promise<Reply> {
    const boundary = `----wijkwijs${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await this.t.app.inject({
      method: 'POST',
      url: this.url(path),
      headers: { ...(await this.headers('POST')), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    let body: Json;
    try {
      body = response.json<Json>();
    } catch {
      body = {};
    }
    return { status: response.statusCode, body, text: response.body, headers: response.headers };
  }
  post(path: string, payload: unknown = {}) {
    return this.call('POST', path, payload);
  }
  patch(path: string, payload: unknown) {
    return this.call('PATCH', path, payload);
  }

  /** POST that must succeed (2xx); returns the body. */
  async ok(path: string, payload: unknown = {}, method: 'POST' | 'PATCH' = 'POST'): Promise<Json> {
    const reply = await this.call(method, path, payload);
    if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status}: ${reply.text}`);
    return reply.body;
  }
}

/** The municipality's own words for roles (settings.roleLabels). */
export async function setRoleWords(t: TestContext, m: TestMunicipality, words: Partial<Record<RoleKey, string>>): Promise<void> {
  const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, m.id));
  const settings: MunicipalitySettings = { ...row!.settings, roleLabels: Object.fromEntries(Object.entries(words).map(([k, nl]) => [k, { nl, en: nl }])) };
  await t.db.update(municipalities).set({ settings }).where(eq(municipalities.id, m.id));
}

/** A rules request body from core example rules (version and key as the API wants them). */
export function rulesBody(rules: BudgetRules, extra: Json = {}): Json {
  const { budgetKey, version: _version, ...rest } = rules;
  return { rulesKey: budgetKey, ...rest, ...extra };
}

/** Rules of the Venlo test budget line 'venlo-wijkbudget' (version 1 from 2024), as a request body; `extra` overrides. */
export function venloRulesBody(extra: Partial<BudgetRulesInput> = {}): Json {
  return rulesBody(
    defineRules({
      budgetKey: 'venlo-wijkbudget',
      version: 1,
      name: 'Wijkbudget Venlo',
      validFrom: '2024-01-01',
      eligiblePurposes: 'any',
      applicantTypes: ['residents_group', 'resident'],
      maxAmount: 500_000,
      mandates: [{ role: 'wijkregisseur', label: 'wijkregisseur', upTo: null }],
      ...extra,
    }),
  );
}

/** Ledger of a budget from the table, and the balance core/ledger derives from it. */
export async function ledgerOf(t: TestContext, budgetId: string) {
  const rows = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.budgetId, budgetId)).orderBy(ledgerEntries.seq);
  const [budget] = await t.db.select().from(budgets).where(eq(budgets.id, budgetId));
  return { rows, balance: deriveBalance(rows.map(toCoreEntry), { pledgesCountAsAvailable: budget!.pledgesCountAsAvailable }) };
}

/** The API's balance of a budget must equal core deriveBalance over the stored entries, to the cent. */
export async function expectBalanced(t: TestContext, client: Client, budgetId: string): Promise<Json> {
  const view = (await client.get(`/budgets/${budgetId}`)).body as { availableCents: number; reservedCents: number; paidCents: number; freeCents: number };
  const { balance } = await ledgerOf(t, budgetId);
  expect({ available: view.availableCents, reserved: view.reservedCents, paid: view.paidCents, free: view.freeCents }).toEqual({
    available: balance.available,
    reserved: balance.reserved,
    paid: balance.paid,
    free: balance.free,
  });
  expect(balance.reserved + balance.paid).toBeLessThanOrEqual(balance.available);
  return view;
}

export async function countRows(
  t: TestContext,
  table: 'ledger_entries' | 'initiatives' | 'audit_events' | 'outbox_messages' | 'budgets' | 'initiative_steps' | 'initiative_attachments',
): Promise<number> {
  const result = await t.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(result.rows[0]?.n ?? 0);
}

export async function mailsTo(t: TestContext, email: string): Promise<{ subject: string; body: string }[]> {
  return t.db
    .select({ subject: outboxMessages.subject, body: outboxMessages.body })
    .from(outboxMessages)
    .where(eq(outboxMessages.to, email))
    .orderBy(outboxMessages.createdAt);
}

export function expectProblem(reply: Reply, status: number, code: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(String(reply.headers['content-type'])).toContain('application/problem+json');
  expect(reply.body.code).toBe(code);
  const detail: unknown = reply.body.detail;
  expect(typeof detail).toBe('string');
  expect(String(detail).length).toBeGreaterThan(10);
}

const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x85: '…' };

/**
 * The text shown by a PDF as pdfkit writes it (hex strings in TJ arrays, standard fonts in
 * WinAnsi), from compressed or uncompressed content streams; runs on one line joined, lines joined
 * by one space.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const dictionary = raw.slice(raw.lastIndexOf(' obj', match.index), match.index);
    let data = pdf.subarray(start, end);
    if (dictionary.includes('/FlateDecode')) {
      try {
        data = inflateSync(data);
      } catch {
        continue;
      }
    }
    // Each text run is placed with `1 0 0 1 x y Tm`: runs on the same y continue the line.
    let lastY: string | null = null;
    for (const run of data.toString('latin1').matchAll(/1 0 0 1 [-\d.]+ ([-\d.]+) Tm[^[]*?\[(.*?)\] TJ/g)) {
      const hex = [...(run[2] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '').join('');
      const text = Buffer.from(hex, 'hex').reduce((out, byte) => out + (WIN_ANSI[byte] ?? String.fromCharCode(byte)), '');
      if (run[1] === lastY && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
      lastY = run[1] ?? null;
    }
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

/** Small but real files: what their magic bytes say is what they are. */
export const files = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b2c1d6c50000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 0x20), Buffer.from('ffd9', 'hex')]),
  webp: Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L', 'latin1'), Buffer.alloc(18, 0)]),
  html: Buffer.from('<!doctype html><script>alert(document.cookie)</script>', 'latin1'),
};
