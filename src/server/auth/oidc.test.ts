// SPDX-License-Identifier: EUPL-1.2
// The whole OpenID Connect flow against a real provider (panva's oidc-provider) on a local port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidc-provider.js';
import { municipalities } from '../municipalities/schema.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import { people } from '../people/schema.js';
import { oidcRequests } from './schema.js';
import { auditEvents } from '../audit/schema.js';
import { verifyAuditChain } from '../audit/audit.js';

const publicUrl = 'http://wijkwijs.test';

/** A JSON response body, read field by field in assertions. */
type Body = Record<string, unknown>;

function sessionCookie(response: { cookies: { name: string; value: string }[] }): string | undefined {
  const c = response.cookies.find((x) => x.name === 'wijkwijs_session');
  return c ? `wijkwijs_session=${c.value}` : undefined;
}

describe(`OpenID Connect sign-in (${engineName})`, () => {
  let t: TestContext;
  let idp: TestOidcProvider;
  let venlo: TestMunicipality;
  let rita: { id: string; email: string };
  let baseSettings: MunicipalitySettings;

  beforeAll(async () => {
    idp = await startTestOidcProvider({
      redirectUri: `${publicUrl}/api/auth/oidc/callback`,
      accounts: [
        { sub: 'rita-sub', email: 'rita.regisseur@gm0983.test', email_verified: true, name: 'Rita R.' },
        { sub: 'nieuw-sub', email: 'nieuw@gm0983.test', email_verified: true },
        { sub: 'unverified-sub', email: 'wim.wethouder@gm0983.test', email_verified: false },
        { sub: 'other-sub', email: 'kees.koppel@gm0983.test', email_verified: true },
      ],
    });
    t = await createTestApp({ PUBLIC_URL: publicUrl });
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' }]);
    rita = await givenPerson(t.db, venlo, 'Rita Regisseur', [['wijkregisseur', 'WK098301']]);
    await givenPerson(t.db, venlo, 'Wim Wethouder', [['wijkwethouder', 'WK098301']]);
    const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, venlo.id));
    baseSettings = {
      ...row!.settings,
      oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'Inloggen met uw gemeenteaccount', allowInsecure: true },
    };
    await t.db.update(municipalities).set({ settings: baseSettings }).where(eq(municipalities.id, venlo.id));
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** start → provider (login and consent as `sub`) → back at the callback URL (not yet followed). */
  async function throughProvider(sub: string | null, returnTo?: string): Promise<{ callbackPath: string; authorizationUrl: URL }> {
    const start = await t.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/GM0983/start${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`,
    });
    expect(start.statusCode).toBe(302);
    const authorizationUrl = new URL(String(start.headers.location));
    idp.nextLogin = sub;
    const back = await idp.signInAt(authorizationUrl.href);
    expect(back.origin).toBe(publicUrl);
    expect(back.pathname).toBe('/api/auth/oidc/callback');
    return { callbackPath: `${back.pathname}${back.search}`, authorizationUrl };
  }

  it('walks the whole flow: start → provider → callback → a working session with method oidc', async () => {
    const { callbackPath, authorizationUrl } = await throughProvider('rita-sub', '/wijken/WK098301');
    expect(authorizationUrl.origin).toBe(idp.issuer);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${publicUrl}/api/auth/oidc/callback`);
    expect(authorizationUrl.searchParams.get('scope')).toBe('openid email profile');
    const state = authorizationUrl.searchParams.get('state')!;
    const [stored] = await t.db.select().from(oidcRequests).where(eq(oidcRequests.state, state));
    expect(stored).toMatchObject({ municipalityId: venlo.id, nonce: authorizationUrl.searchParams.get('nonce'), returnTo: '/wijken/WK098301' });
    // The verifier stays on the server; only its challenge travels.
    expect(authorizationUrl.href).not.toContain(stored!.codeVerifier);

    const callback = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/wijken/WK098301');
    const cookie = sessionCookie(callback);
    expect(cookie).toBeDefined();
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: cookie! } });
    expect(session.json<Body>().actor).toMatchObject({
      personId: rita.id,
      name: 'Rita Regisseur',
      method: 'oidc',
      municipality: 'GM0983',
      roles: [{ role: 'wijkregisseur' }],
    });

    // First sign-in linked the subject through the verified email address, audited.
    const [person] = await t.db.select({ oidcSubject: people.oidcSubject }).from(people).where(eq(people.id, rita.id));
    expect(person?.oidcSubject).toBe('rita-sub');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, rita.id));
    expect(audit.map((a) => a.action)).toEqual(['person.link_oidc', 'session.start']);
    expect(audit[1]?.after).toMatchObject({ method: 'oidc' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // The state was used up.
    expect(await t.db.select().from(oidcRequests).where(eq(oidcRequests.state, state))).toEqual([]);
  });

  it('signs in by subject the next time, even when the email address changed', async () => {
    await t.db.update(people).set({ email: 'r.regisseur@venlo.test' }).where(eq(people.id, rita.id));
    const { callbackPath } = await throughProvider('rita-sub');
    const callback = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/');
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: sessionCookie(callback)! } });
    expect(session.json<Body>().actor).toMatchObject({ personId: rita.id, method: 'oidc' });
  });

  it('refuses a replayed state, an unknown state and a missing state with a 4xx problem', async () => {
    const { callbackPath } = await throughProvider('rita-sub');
    expect((await t.app.inject({ method: 'GET', url: callbackPath })).statusCode).toBe(302);
    const replay = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(replay.statusCode).toBe(400);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    expect(replay.json<Body>()).toMatchObject({ code: 'oidc_state_invalid' });
    expect(replay.json<Body>().detail).toMatch(/verlopen, al gebruikt of onbekend/);
    expect(sessionCookie(replay)).toBeUndefined();

    const wrong = new URL(callbackPath, publicUrl);
    wrong.searchParams.set('state', 'made-up-state');
    expect((await t.app.inject({ method: 'GET', url: `${wrong.pathname}${wrong.search}` })).json<Body>()).toMatchObject({
      code: 'oidc_state_invalid',
      status: 400,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=abc' })).statusCode).toBe(400);
  });

  it('refuses a state older than ten minutes', async () => {
    const { callbackPath } = await throughProvider('rita-sub');
    const state = new URL(callbackPath, publicUrl).searchParams.get('state')!;
    await t.db
      .update(oidcRequests)
      .set({ createdAt: new Date(Date.now() - 11 * 60_000).toISOString() })
      .where(eq(oidcRequests.state, state));
    const response = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(response.statusCode).toBe(400);
    expect(response.json<Body>().code).toBe('oidc_state_invalid');
  });

  it('refuses a code that does not belong to the state (PKCE and the code are checked by the provider)', async () => {
    const first = await throughProvider('rita-sub');
    const second = await throughProvider('rita-sub');
    // The code of the first attempt with the state of the second: the verifier does not match.
    const mixed = new URL(second.callbackPath, publicUrl);
    mixed.searchParams.set('code', new URL(first.callbackPath, publicUrl).searchParams.get('code')!);
    const response = await t.app.inject({ method: 'GET', url: `${mixed.pathname}${mixed.search}` });
    expect(response.statusCode).toBe(401);
    expect(response.json<Body>().code).toBe('oidc_failed');
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('refuses an unknown person: no self-registration for staff', async () => {
    const before = await t.db.select({ id: people.id }).from(people);
    const { callbackPath } = await throughProvider('nieuw-sub');
    const response = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(response.statusCode).toBe(403);
    expect(response.json<Body>()).toMatchObject({ code: 'oidc_unknown_person' });
    expect(response.json<Body>().detail).toMatch(/beheerder/);
    expect(sessionCookie(response)).toBeUndefined();
    expect(await t.db.select({ id: people.id }).from(people)).toHaveLength(before.length);
  });

  it('does not link by an email address the provider has not verified', async () => {
    const { callbackPath } = await throughProvider('unverified-sub');
    const response = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(response.json<Body>()).toMatchObject({ code: 'oidc_unknown_person', status: 403 });
    const [wim] = await t.db.select({ oidcSubject: people.oidcSubject }).from(people).where(eq(people.email, 'wim.wethouder@gm0983.test'));
    expect(wim?.oidcSubject).toBeNull();
  });

  it('does not move a person to another subject', async () => {
    await t.db.insert(people).values({ municipalityId: venlo.id, name: 'Kees Koppel', email: 'kees.koppel@gm0983.test', oidcSubject: 'kees-original-sub' });
    const { callbackPath } = await throughProvider('other-sub');
    const response = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(response.json<Body>()).toMatchObject({ code: 'oidc_subject_mismatch', status: 403 });
  });

  it('shows a browser a Dutch page instead of JSON', async () => {
    const { callbackPath } = await throughProvider('nieuw-sub');
    const response = await t.app.inject({ method: 'GET', url: callbackPath, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="nl">');
    expect(response.body).toContain('Inloggen is niet gelukt');
    expect(response.body).toContain('oidc_unknown_person');
    expect(response.body).toContain('href="/inloggen"');
  });

  it('reports a cancelled sign-in at the provider', async () => {
    const { callbackPath } = await throughProvider(null);
    expect(new URL(callbackPath, publicUrl).searchParams.get('error')).toBe('access_denied');
    const response = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(response.statusCode).toBe(401);
    expect(response.json<Body>().code).toBe('oidc_cancelled');
  });

  it('sends returnTo on another origin to /', async () => {
    for (const returnTo of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', `${publicUrl}/wijken`]) {
      const { callbackPath } = await throughProvider('rita-sub', returnTo);
      const response = await t.app.inject({ method: 'GET', url: callbackPath });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/');
    }
  });

  it('replaces a session the browser already had', async () => {
    const { callbackPath: firstPath } = await throughProvider('rita-sub');
    const first = sessionCookie(await t.app.inject({ method: 'GET', url: firstPath }))!;
    const { callbackPath } = await throughProvider('rita-sub');
    const second = await t.app.inject({ method: 'GET', url: callbackPath, headers: { cookie: first } });
    expect(sessionCookie(second)).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: first } })).json<Body>().actor).toBeNull();
  });

  it('answers 404 for a municipality without OIDC, and 502 when the provider cannot be reached', async () => {
    await givenMunicipality(t.db, 'GM0826', 'Oosterhout');
    const none = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/GM0826/start' });
    expect(none.statusCode).toBe(404);
    expect(none.json<Body>().code).toBe('oidc_not_configured');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/GM9999/start' })).statusCode).toBe(404);

    await t.db
      .update(municipalities)
      .set({ settings: { ...baseSettings, oidc: { ...baseSettings.oidc!, issuer: 'http://127.0.0.1:9/' } } })
      .where(eq(municipalities.id, venlo.id));
    try {
      const down = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/GM0983/start' });
      expect(down.statusCode).toBe(502);
      expect(down.json<Body>().code).toBe('oidc_provider_unavailable');
    } finally {
      await t.db.update(municipalities).set({ settings: baseSettings }).where(eq(municipalities.id, venlo.id));
    }
  });

  it('refuses an http issuer unless allowInsecure is set', async () => {
    await t.db
      .update(municipalities)
      .set({ settings: { ...baseSettings, oidc: { ...baseSettings.oidc!, allowInsecure: false } } })
      .where(eq(municipalities.id, venlo.id));
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/GM0983/start' });
      expect(response.statusCode).toBe(502);
      expect(response.json<Body>().code).toBe('oidc_provider_unavailable');
    } finally {
      await t.db.update(municipalities).set({ settings: baseSettings }).where(eq(municipalities.id, venlo.id));
    }
  });
});
