// SPDX-License-Identifier: EUPL-1.2
// One-time email sign-in links for residents.
//   POST /api/auth/email-link      { municipality, email, returnTo? } → 202, the same answer for any address
//   GET  /api/auth/email-link/:token[?returnTo=/path]                  → 200 a page with one button (uses nothing)
//   POST /api/auth/email-link/:token  (form: returnTo)                  → 303 signed in, or to /inloggen?fout=link_ongeldig
// Opening the link only shows a confirmation page; the button signs in. Mail scanners and link
// previews fetch links with GET, and would otherwise use up a one-time link before the resident
// clicks it.
// Requests are limited per IP (like /api/auth/login) and to five per hour per address.
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../http/app-type.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { EMAIL_LINK_TTL_MINUTES, requestEmailLink } from './commands/request-email-link.js';
import { isEmailLinkUsable, redeemEmailLink } from './commands/redeem-email-link.js';
import { startSignedInSession } from './commands/start-signed-in-session.js';
import { safeReturnTo } from './return-to.js';
import { signInPage } from './problem-page.js';
import { escapeHtml } from '../http/html.js';

/** Where the web app shows "this link no longer works" in Dutch. */
export const INVALID_LINK_REDIRECT = '/inloggen?fout=link_ongeldig';

export const emailLinkSentMessage = {
  nl: `Als dit e-mailadres bij ons bekend is of u nieuw bent, ontvangt u binnen enkele minuten een e-mail met een link om in te loggen. De link is ${EMAIL_LINK_TTL_MINUTES} minuten geldig en werkt één keer. Kijk ook in uw map met ongewenste e-mail.`,
  en: `If this address is known to us or you are new, you will receive an email with a sign-in link within a few minutes. The link is valid for ${EMAIL_LINK_TTL_MINUTES} minutes and works once. Check your spam folder too.`,
};

export function emailLinkRoutes(app: App): void {
  app.post(
    '/api/auth/email-link',
    {
      config: { rateLimit: { max: app.services.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a one-time sign-in link by email (residents)',
        description: 'Always answers 202 with the same message, whether or not the address is known. At most five links per address per hour.',
        security: [],
        body: Type.Object({
          municipality: Type.String({ pattern: '^GM[0-9]{4}$' }),
          email: Type.String({ minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$' }),
          returnTo: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 202: Type.Object({ ok: Type.Literal(true), message: Type.String(), message_en: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { config, db, mailer } = app.services;
      const municipality = await loadMunicipality(db, request.body.municipality);
      await requestEmailLink(db, mailer, {
        municipality,
        email: request.body.email,
        returnTo: safeReturnTo(request.body.returnTo, config.publicUrl),
        publicUrl: config.publicUrl,
      });
      return reply.status(202).send({ ok: true, message: emailLinkSentMessage.nl, message_en: emailLinkSentMessage.en });
    },
  );

  const tokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

  app.get(
    '/api/auth/email-link/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Open a one-time sign-in link (from the email): a confirmation page',
        description: `Answers a small HTML page with one button that POSTs to the same address; opening the link uses nothing, so mail scanners cannot spend it. An expired, used or unknown link redirects to ${INVALID_LINK_REDIRECT}.`,
        security: [],
        params: tokenParams,
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
      if (!(await isEmailLinkUsable(app.services.db, request.params.token))) return reply.redirect(INVALID_LINK_REDIRECT, 302);
      const returnTo = safeReturnTo(request.query.returnTo, app.services.config.publicUrl);
      const action = `/api/auth/email-link/${encodeURIComponent(request.params.token)}`;
      return reply.type('text/html; charset=utf-8').send(
        signInPage(
          'Inloggen bij Wijkwijs',
          `<p>U opende de inloglink uit uw e-mail. Klik op de knop om in te loggen. De link werkt één keer.</p>
<p lang="en">You opened the sign-in link from your email. Press the button to sign in. The link works once.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="returnTo" value="${escapeHtml(returnTo)}">
<button type="submit">Inloggen <span lang="en">(sign in)</span></button>
</form>`,
        ),
      );
    },
  );

  // The button posts an HTML form; its parser lives only in this scope, so no other route accepts
  // form bodies (a cross-site form cannot reach JSON routes without a preflight).
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post(
      '/api/auth/email-link/:token',
      {
        config: { skipCsrf: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with a one-time link (the confirmation page posts here)',
          description: `Uses the link once, signs in and redirects (303) to returnTo (a path on this site) or /. An expired, used or unknown link redirects to ${INVALID_LINK_REDIRECT}.`,
          security: [],
          params: tokenParams,
          body: Type.Optional(Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) })),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        const result = await redeemEmailLink(app.services.db, request.params.token, { requestId: String(request.id) });
        if (!result.ok) {
          request.log.info({ reason: result.reason }, 'email sign-in link refused');
          return reply.redirect(INVALID_LINK_REDIRECT, 303);
        }
        await startSignedInSession(app, request, reply, {
          municipalityId: result.municipalityId,
          person: result.person,
          method: 'email_link',
          details: result.created ? { firstSignIn: true } : undefined,
        });
        return reply.redirect(safeReturnTo(request.body?.returnTo, app.services.config.publicUrl), 303);
      },
    );
  });
}
