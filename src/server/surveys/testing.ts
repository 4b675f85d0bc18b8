// SPDX-License-Identifier: EUPL-1.2
// Test helpers for surveys: calls through the HTTP API as a signed-in person or anonymously, a
// municipality with three wijken, and a wave taken up to issued invitations.
import type { TestContext, TestMunicipality } from '../testing/harness.js';
import { givenMunicipality, givenPerson, signIn, type Session } from '../testing/harness.js';
import type { Json, Reply } from '../initiatives/testing.js';

export type { Json, Reply };

export class Api {
  constructor(
    private readonly t: TestContext,
    private readonly code: string,
    private readonly session: Session | null,
  ) {}

  async call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: unknown, ip?: string): Promise<Reply> {
    const url = path.startsWith('/api/') ? path : `/api/municipalities/${this.code}${path}`;
    const headers = this.session ? (method === 'GET' ? { cookie: this.session.cookie } : this.session.headers) : {};
    const response = await this.t.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      ...(ip ? { remoteAddress: ip } : {}),
    });
    let body: Json;
    try {
      body = response.json<Json>();
    } catch {
      body = {};
    }
    return { status: response.statusCode, body, text: response.body, headers: response.headers };
  }

  get(path: string, ip?: string) {
    return this.call('GET', path, undefined, ip);
  }

  post(path: string, payload: unknown = {}, ip?: string) {
    return this.call('POST', path, payload, ip);
  }

  /** A call that must succeed (2xx). */
  async ok(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: unknown): Promise<Reply> {
    const reply = await this.call(method, path, payload);
    if (reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status}: ${reply.text}`);
    return reply;
  }
}

/** Parses the mail-merge CSV (BOM, `;`, header) into records. */
export function parseLetters(csv: string): Record<string, string>[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  const header = (lines[0] ?? '').split(';');
  return lines.slice(1).map((line) => Object.fromEntries(line.split(';').map((v, i) => [header[i] ?? String(i), v])));
}

export interface SurveyWorld {
  m: TestMunicipality;
  onderzoeker: Api;
  raadslid: Api;
  werker: Api;
  anonymous: Api;
}

/** Venlo-like municipality with wijken WK01 (A), WK02 (B), WK03 (C); researcher, councillor and a wijkwerker in A. */
export async function givenSurveyWorld(t: TestContext, code = 'GM0983'): Promise<SurveyWorld> {
  const m = await givenMunicipality(t.db, code, 'Venlo', [
    { code: 'WK098301', name: 'Wijk A', level: 'wijk' },
    { code: 'WK098302', name: 'Wijk B', level: 'wijk' },
    { code: 'WK098303', name: 'Wijk C', level: 'wijk' },
  ]);
  const o = await givenPerson(t.db, m, 'Olga Onderzoeker', [['onderzoeker', code]]);
  const r = await givenPerson(t.db, m, 'Ruud Raadslid', [['raadslid', code]]);
  const w = await givenPerson(t.db, m, 'Wim Werker', [['wijkwerker', 'WK098301']]);
  return {
    m,
    onderzoeker: new Api(t, code, await signIn(t.app, code, o.email)),
    raadslid: new Api(t, code, await signIn(t.app, code, r.email)),
    werker: new Api(t, code, await signIn(t.app, code, w.email)),
    anonymous: new Api(t, code, null),
  };
}

/** CSV of `counts[areaCode]` made-up addresses per area (postcodes 5911 AA …). */
export function addressCsv(counts: Record<string, number>): string {
  const lines = ['adres;postcode;woonplaats;gebied'];
  let n = 0;
  for (const [areaCode, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) {
      n += 1;
      lines.push(`Teststraat ${n};59${String(10 + (n % 80)).padStart(2, '0')} AB;Venlo;${areaCode}`);
    }
  }
  return lines.join('\n');
}
