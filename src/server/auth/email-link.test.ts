// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, engineName, givenMunicipality, givenPerson, type TestContext, type TestMunicipality } from '../testing/harness.js';
import { municipalities } from '../municipalities/schema.js';
import { people } from '../people/schema.js';
import { signInTokens } from './schema.js';
import { auditEvents } from '../audit/schema.js';
import { verifyAuditChain } from '../audit/audit.js';
import { hashToken } from './tokens.js';

const publicUrl = 'http://wijkwijs.test';

/** A JSON response body, read field by field in assertions. */
type Body = Record<string, unknown>;

interface OutboxMail {
  to: string;
  subject: string;
  body: string;
}

async function outbox(t: TestContext, code = 'GM0983'): Promise<OutboxMail[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/municipalities/${code}/outbox` });
  expect(response.statusCode).toBe(200);
  return response.json<OutboxMail[]>();
}

async function latestMailTo(t: TestContext, email: string): Promise<OutboxMail> {
  const mail = (await outbox(t)).find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

/** The link in a mail, as a path to inject (the origin is the public URL). */
function linkIn(mail: OutboxMail): string {
  const match = /http:\/\/wijkwijs\.test(\/api\/auth\/email-link\/[A-Za-z0-9_-]{43}(?:\?returnTo=[^\s]+)?)/.exec(mail.body);
  if (!match?.[1]) throw new Error(`no link in: ${mail.body}`);
  return match[1];
}

function sessionCookie(response: { cookies: { name: string; value: string }[] }): string | undefined {
  const c = response.cookies.find((x) => x.name === 'wijkwijs_session');
  return c ? `wijkwijs_session=${c.value}` : undefined;
}

type Injected = Awaited<ReturnType<TestContext['app']['inject']>>;

/** Presses the button on the confirmation page that opening a link shows. */
function confirm(t: TestContext, page: Injected, headers: Record<string, string> = {}): Promise<Injected> {
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  const action = /<form method="post" action="([^"]+)">/.exec(page.body)?.[1];
  const returnTo = /name="returnTo" value="([^"]*)"/.exec(page.body)?.[1];
  if (!action || returnTo === undefined) throw new Error(`no sign-in form in: ${page.body}`);
  const unescape = (v: string) =>
    v
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  return t.app.inject({
    method: 'POST',
    url: unescape(action),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams({ returnTo: unescape(returnTo) }).toString(),
  });
}

/** Opens a link as a browser does and, when it shows the confirmation page, presses its button. */
async function follow(t: TestContext, link: string): Promise<Injected> {
  const page = await t.app.inject({ method: 'GET', url: link });
  return page.statusCode === 200 ? confirm(t, page) : page;
}

function ask(t: TestContext, email: string, extra: Record<string, unknown> = {}, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/auth/email-link', remoteAddress: ip, payload: { municipality: 'GM0983', email, ...extra } });
}

describe(`email sign-in links (${engineName})`, () => {
  let t: TestContext;
  let venlo: TestMunicipality;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: publicUrl });
    venlo = await givenMunicipality(t.db, 'GM0983', 'Venlo', [{ code: 'WK098301', name: 'Venlo-Centrum', level: 'wijk' }]);
  });
  afterAll(() => t.close());

  it('mails a link that signs a new resident in once, and creates them without roles', async () => {
    const response = await ask(t, '  Bea.Bewoner@Example.nl ', { returnTo: '/wijken/WK098301?tab=agenda' });
    expect(response.statusCode).toBe(202);
    expect(response.json<Body>().message).toMatch(/e-mail met een link/);

    const mail = await latestMailTo(t, 'bea.bewoner@example.nl');
    expect(mail.subject).toBe('Inloggen bij Wijkwijs — gemeente Venlo');
    expect(mail.body).toContain(`${publicUrl}/api/auth/email-link/`);
    expect(mail.body).toMatch(/15 minuten geldig/);
    const link = linkIn(mail);
    // Only the hash of the token is stored.
    const token = /email-link\/([A-Za-z0-9_-]{43})/.exec(link)![1]!;
    const stored = await t.db.select().from(signInTokens).where(eq(signInTokens.email, 'bea.bewoner@example.nl'));
    expect(stored.map((s) => s.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
    // No person yet: the row is made when the link proves the address.
    expect(await t.db.select().from(people).where(eq(people.email, 'bea.bewoner@example.nl'))).toEqual([]);

    const first = await follow(t, link);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/wijken/WK098301?tab=agenda');
    const cookie = sessionCookie(first);
    expect(cookie).toBeDefined();
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: cookie! } });
    const actor = session.json<{ actor: { personId: string } }>().actor;
    expect(actor).toMatchObject({ name: 'bea.bewoner', email: 'bea.bewoner@example.nl', municipality: 'GM0983', method: 'email_link', roles: [] });

    const second = await follow(t, link);
    expect(second.statusCode).toBe(302);
    expect(second.headers.location).toBe('/inloggen?fout=link_ongeldig');
    expect(sessionCookie(second)).toBeUndefined();

    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, actor.personId));
    expect(audit.map((a) => a.action).sort()).toEqual(['person.create', 'session.start']);
    expect(audit.find((a) => a.action === 'session.start')?.after).toMatchObject({ method: 'email_link' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('signs a known resident in as themselves and sends them to / by default', async () => {
    const [resident] = await t.db
      .insert(people)
      .values({ municipalityId: venlo.id, name: 'Rob Bewoner', email: 'rob@example.nl' })
      .returning({ id: people.id });
    expect((await ask(t, 'rob@example.nl')).statusCode).toBe(202);
    const response = await follow(t, linkIn(await latestMailTo(t, 'rob@example.nl')));
    expect(response.headers.location).toBe('/');
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: sessionCookie(response)! } });
    expect(session.json<Body>().actor).toMatchObject({ personId: resident!.id, name: 'Rob Bewoner', method: 'email_link' });
    expect(
      await t.db
        .select()
        .from(people)
        .where(and(eq(people.municipalityId, venlo.id), eq(people.email, 'rob@example.nl'))),
    ).toHaveLength(1);
  });

  it('refuses an expired link and an unknown or malformed token', async () => {
    await ask(t, 'late@example.nl');
    const link = linkIn(await latestMailTo(t, 'late@example.nl'));
    await t.db
      .update(signInTokens)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(signInTokens.email, 'late@example.nl'));
    for (const url of [link, `/api/auth/email-link/${'A'.repeat(43)}`, '/api/auth/email-link/kort']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/inloggen?fout=link_ongeldig');
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect(await t.db.select().from(people).where(eq(people.email, 'late@example.nl'))).toEqual([]);
  });

  it('signs in only once when the same link is opened twice at the same moment', async () => {
    await ask(t, 'twice@example.nl');
    const link = linkIn(await latestMailTo(t, 'twice@example.nl'));
    const [pageA, pageB] = await Promise.all([t.app.inject({ method: 'GET', url: link }), t.app.inject({ method: 'GET', url: link })]);
    const [a, b] = await Promise.all([confirm(t, pageA), confirm(t, pageB)]);
    const locations = [a.headers.location, b.headers.location].sort();
    expect(locations).toEqual(['/', '/inloggen?fout=link_ongeldig']);
    expect([a, b].filter((r) => sessionCookie(r))).toHaveLength(1);
    expect(await t.db.select().from(people).where(eq(people.email, 'twice@example.nl'))).toHaveLength(1);
  });

  it('uses nothing when a link is only opened (mail scanners), and the page carries no script', async () => {
    await ask(t, 'scanned@example.nl', { returnTo: '/gemeente/GM0983?a="b"&c=<d>' });
    const link = linkIn(await latestMailTo(t, 'scanned@example.nl'));
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await t.app.inject({ method: 'GET', url: link, headers: { accept: 'text/html' } }));
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('<html lang="nl">');
      expect(page.body).not.toContain('<script');
      expect(sessionCookie(page)).toBeUndefined();
    }
    // The returnTo travels escaped in the form and comes back intact.
    expect(pages[0]!.body).not.toContain('"b"&c=<d>');
    const [stored] = await t.db.select().from(signInTokens).where(eq(signInTokens.email, 'scanned@example.nl'));
    expect(stored!.usedAt).toBeNull();
    expect(await t.db.select().from(people).where(eq(people.email, 'scanned@example.nl'))).toEqual([]);
    const signedIn = await confirm(t, pages[2]!);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/gemeente/GM0983?a=%22b%22&c=%3Cd%3E');
    expect(sessionCookie(signedIn)).toBeDefined();
    // Opening it again now goes straight to the explanation.
    const after = await t.app.inject({ method: 'GET', url: link });
    expect(after.headers.location).toBe('/inloggen?fout=link_ongeldig');
  });

  it('signs in from the confirmation page even when another session is open, and accepts forms nowhere else', async () => {
    await ask(t, 'switch@example.nl');
    const page = await t.app.inject({ method: 'GET', url: linkIn(await latestMailTo(t, 'switch@example.nl')) });
    await ask(t, 'first@example.nl');
    const other = await follow(t, linkIn(await latestMailTo(t, 'first@example.nl')));
    const response = await confirm(t, page, { cookie: sessionCookie(other)! });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: sessionCookie(response)! } });
    expect(session.json<Body>().actor).toMatchObject({ email: 'switch@example.nl' });
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'municipality=GM0983&email=form%40example.nl',
    });
    expect(form.statusCode).toBe(415);
  });

  it('answers a known, an unknown and a staff address identically', async () => {
    await t.db.insert(people).values({ municipalityId: venlo.id, name: 'Kees Bekend', email: 'kees@example.nl' });
    const staff = await givenPerson(t.db, venlo, 'Rita Regisseur', [['wijkregisseur', 'WK098301']]);
    const answers = await Promise.all(['kees@example.nl', 'nobody-yet@example.nl', staff.email].map((email) => ask(t, email)));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.headers['content-type']).toBe(answers[0]!.headers['content-type']);
    }
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // Everybody gets a mail; only the staff member's has no link and explains why.
    const staffMail = await latestMailTo(t, staff.email);
    expect(staffMail.subject).toBe('Inloggen bij Wijkwijs — gemeente Venlo');
    expect(staffMail.body).toMatch(/medewerkersaccount/);
    expect(staffMail.body).not.toContain('/api/auth/email-link/');
    expect(linkIn(await latestMailTo(t, 'kees@example.nl'))).toBeTruthy();
    expect(linkIn(await latestMailTo(t, 'nobody-yet@example.nl'))).toBeTruthy();
  });

  it('does not sign staff in with an email link, even if they became staff after it was sent', async () => {
    await ask(t, 'soon-staff@example.nl');
    const link = linkIn(await latestMailTo(t, 'soon-staff@example.nl'));
    const [p] = await t.db
      .insert(people)
      .values({ municipalityId: venlo.id, name: 'Nu Medewerker', email: 'soon-staff@example.nl', oidcSubject: 'sub-soon' })
      .returning({ id: people.id });
    const response = await follow(t, link);
    expect(response.headers.location).toBe('/inloggen?fout=link_ongeldig');
    expect(sessionCookie(response)).toBeUndefined();
    expect(p).toBeDefined();
  });

  it('only returns to a path on this site', async () => {
    for (const [returnTo, expected] of [
      ['https://evil.example/steal', '/'],
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/budgetten?jaar=2026#top', '/budgetten?jaar=2026#top'],
    ] as const) {
      const email = `ret-${Math.random().toString(36).slice(2)}@example.nl`;
      await ask(t, email, { returnTo });
      const link = linkIn(await latestMailTo(t, email));
      const response = await follow(t, link);
      expect(response.headers.location).toBe(expected);
    }
    // A returnTo added to the link by hand is checked just the same.
    await ask(t, 'tamper@example.nl');
    const tampered = `${linkIn(await latestMailTo(t, 'tamper@example.nl'))}?returnTo=${encodeURIComponent('https://evil.example')}`;
    expect((await follow(t, tampered)).headers.location).toBe('/');
  });

  it('sends at most five links per address per hour, with a Dutch 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await ask(t, 'eager@example.nl', {}, `10.1.0.${i}`)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    const refused = await ask(t, 'EAGER@example.nl');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json<Body>()).toMatchObject({ code: 'email_link_rate_limited', status: 429 });
    expect(refused.json<Body>().detail).toMatch(/afgelopen uur/);
    expect((await outbox(t)).filter((m) => m.to === 'eager@example.nl')).toHaveLength(5);
    // Another address is not affected.
    expect((await ask(t, 'calm@example.nl')).statusCode).toBe(202);
  });

  it('rejects a malformed request with a validation problem', async () => {
    const response = await ask(t, 'not-an-address');
    expect(response.statusCode).toBe(400);
    expect(response.json<Body>().code).toBe('validation_failed');
  });

  it('refuses when the municipality has not enabled email sign-in, and for an unknown municipality', async () => {
    const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, venlo.id));
    await ask(t, 'before-off@example.nl');
    const link = linkIn(await latestMailTo(t, 'before-off@example.nl'));
    await t.db
      .update(municipalities)
      .set({ settings: { ...row!.settings, residentEmailSignIn: false } })
      .where(eq(municipalities.id, venlo.id));
    try {
      const response = await ask(t, 'someone@example.nl');
      expect(response.statusCode).toBe(403);
      expect(response.json<Body>()).toMatchObject({ code: 'email_link_disabled' });
      expect(response.json<Body>().detail).toMatch(/niet ingeschakeld/);
      // A link sent before it was switched off no longer works either.
      expect((await follow(t, link)).headers.location).toBe('/inloggen?fout=link_ongeldig');
    } finally {
      await t.db.update(municipalities).set({ settings: row!.settings }).where(eq(municipalities.id, venlo.id));
    }
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/email-link', payload: { municipality: 'GM9999', email: 'a@example.nl' } });
    expect(unknown.statusCode).toBe(404);
  });
});

describe(`email link rate limiting per IP (${engineName})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: publicUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    await givenMunicipality(t.db, 'GM0983', 'Venlo');
  });
  afterAll(() => t.close());

  it('answers 429 in Dutch after too many requests from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(t, `ip${i}@example.nl`, {}, '10.9.9.9')).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const refused = await ask(t, 'ip9@example.nl', {}, '10.9.9.9');
    expect(refused.json<Body>()).toMatchObject({ code: 'rate_limited' });
    expect(refused.json<Body>().detail).toMatch(/Te veel pogingen/);
    expect((await ask(t, 'other@example.nl', {}, '10.9.9.10')).statusCode).toBe(202);
  });
});
