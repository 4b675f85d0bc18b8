// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  engineName,
  givenMunicipality,
  givenPerson,
  signIn,
  testPassword,
  type TestContext,
  type TestMunicipality,
} from '../testing/harness.js';

describe(`sessions and CSRF (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  let person: { id: string; email: string };
  beforeAll(async () => {
    t = await createTestApp();
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' }]);
    person = await givenPerson(t.db, venlo, 'Rita Regisseur', [['wijkregisseur', 'WK098301']]);
  });
  afterAll(() => t.close());

  it('signs in with the right password and sets a secure session cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { municipality: 'GM0983', email: person.email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'wijkwijs_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
  });

  it('refuses a wrong password with a Dutch problem+json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { municipality: 'GM0983', email: person.email, password: 'wrong' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(response.json().detail).toMatch(/wachtwoord/);
    expect(response.cookies.find((c) => c.name === 'wijkwijs_session')).toBeUndefined();
  });

  it('reports the signed-in person and their roles', async () => {
    const s = await signIn(t.app, 'GM0983', person.email);
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(response.json().actor).toMatchObject({
      name: 'Rita Regisseur',
      municipality: 'GM0983',
      roles: [{ role: 'wijkregisseur', areaName: 'Venlo-Centrum' }],
    });
    expect(response.json().csrfToken).toBe(s.csrfToken);
  });

  it('requires the CSRF token on a state-changing request made with a session', async () => {
    const s = await signIn(t.app, 'GM0983', person.email);
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.json().actor).toBeNull();
  });

  it('ignores a forged session cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'wijkwijs_session=forged' } });
    expect(response.json().actor).toBeNull();
  });

  it('rejects a malformed body with a validation problem naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { municipality: 'Venlo', email: person.email } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(JSON.stringify(response.json().errors)).toMatch(/municipality|password/);
  });
});

describe(`login rate limiting (${engineName})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    await givenMunicipality(t.db, 'GM0983', 'Venlo');
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { municipality: 'GM0983', email: 'x@y.z', password: 'nope' } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
