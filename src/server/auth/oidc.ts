// SPDX-License-Identifier: EUPL-1.2
// OpenID Connect sign-in for staff, one identity provider per municipality (settings.oidc).
//   GET /api/auth/oidc/:code/start?returnTo=/path → 302 to the provider (authorization code flow,
//        PKCE S256, state and nonce; kept in oidc_requests for ten minutes)
//   GET /api/auth/oidc/callback?code&state        → checks state (once, < 10 minutes), PKCE, nonce
//        and the ID token, finds the person, starts a session, 302 to returnTo (a path here) or /
// Errors: a Dutch page for a browser, problem+json otherwise (see problem-page.ts).
import * as client from 'openid-client';
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { AppError } from '../errors.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { createOidcClients, oidcProviderUnavailable, scopesOf } from './oidc-client.js';
import { deleteStaleOidcRequests, findMunicipalityForSignIn, findPersonByOidcSubject, insertOidcRequest, takeOidcRequest } from './sign-in-queries.js';
import { resolveOidcPerson, type OidcIdentity } from './commands/resolve-oidc-person.js';
import { startSignedInSession } from './commands/start-signed-in-session.js';
import { safeReturnTo } from './return-to.js';
import { browserProblemHandler } from './problem-page.js';

export const OIDC_REQUEST_TTL_MS = 10 * 60_000;

function oidcNotConfigured(): AppError {
  return new AppError('oidc_not_configured', 404, {
    nl: 'Deze gemeente heeft inloggen via een eigen inlogdienst (OpenID Connect) niet ingesteld.',
    en: 'This municipality has not set up sign-in with its own identity provider (OpenID Connect).',
  });
}

function oidcStateInvalid(): AppError {
  return new AppError('oidc_state_invalid', 400, {
    nl: 'Deze inlogpoging is verlopen, al gebruikt of onbekend. Begin opnieuw op de inlogpagina.',
    en: 'This sign-in attempt has expired, was already used or is unknown. Start again on the sign-in page.',
  });
}

function oidcCancelled(): AppError {
  return new AppError('oidc_cancelled', 401, {
    nl: 'Inloggen bij de inlogdienst van de gemeente is afgebroken of geweigerd. Probeer het opnieuw.',
    en: "Signing in at the municipality's sign-in service was cancelled or refused. Please try again.",
  });
}

function oidcFailed(): AppError {
  return new AppError('oidc_failed', 401, {
    nl: 'De inlogdienst van de gemeente gaf geen geldig antwoord, dus u bent niet ingelogd. Probeer het opnieuw; blijft dit gebeuren, meld het dan bij de beheerder.',
    en: "The municipality's sign-in service did not give a valid answer, so you are not signed in. Try again; if this keeps happening, tell the administrator.",
  });
}

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });

export function oidcRoutes(app: App): void {
  const clients = createOidcClients({ log: app.log });
  const { publicUrl } = app.services.config;
  const redirectUri = `${publicUrl}/api/auth/oidc/callback`;

  app.get(
    '/api/auth/oidc/:code/start',
    {
      errorHandler: browserProblemHandler,
      schema: {
        tags: ['auth'],
        summary: "Sign in with the municipality's identity provider (OpenID Connect): redirects there",
        security: [],
        params: Type.Object({ code: Code }),
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      const db = app.services.db;
      const municipality = await loadMunicipality(db, request.params.code);
      const settings = municipality.settings.oidc;
      if (!settings) throw oidcNotConfigured();
      const configuration = await clients.configuration(settings);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
      await deleteStaleOidcRequests(db, new Date(Date.now() - OIDC_REQUEST_TTL_MS));
      await insertOidcRequest(db, { state, municipalityId: municipality.id, nonce, codeVerifier, returnTo: safeReturnTo(request.query.returnTo, publicUrl) });
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: scopesOf(settings),
        state,
        nonce,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return reply.header('cache-control', 'no-store').redirect(url.href, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      errorHandler: browserProblemHandler,
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back (OpenID Connect redirect URI)',
        security: [],
        querystring: Type.Object({
          state: Type.Optional(Type.String({ maxLength: 500 })),
          code: Type.Optional(Type.String({ maxLength: 4000 })),
          iss: Type.Optional(Type.String({ maxLength: 2000 })),
          error: Type.Optional(Type.String({ maxLength: 200 })),
          error_description: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const db = app.services.db;
      const { state } = request.query;
      if (!state) throw oidcStateInvalid();
      const pending = await takeOidcRequest(db, state, new Date(Date.now() - OIDC_REQUEST_TTL_MS));
      if (!pending?.fresh) throw oidcStateInvalid();
      const municipality = await findMunicipalityForSignIn(db, pending.municipalityId);
      const settings = municipality?.settings.oidc;
      if (!municipality || !settings) throw oidcNotConfigured();
      const configuration = await clients.configuration(settings);

      // The URL the provider redirected to, rebuilt on the public URL (the app may run behind a proxy).
      const currentUrl = new URL(redirectUri);
      currentUrl.search = new URL(request.url, 'http://callback.invalid').search;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (
          error instanceof client.AuthorizationResponseError &&
          ['access_denied', 'login_required', 'consent_required', 'interaction_required'].includes(error.error)
        ) {
          throw oidcCancelled();
        }
        request.log.warn({ err: error, issuer: settings.issuer }, 'OIDC authorization code grant failed');
        if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError') || (error instanceof Error && error.name === 'TimeoutError'))
          throw oidcProviderUnavailable();
        throw oidcFailed();
      }
      const claims = tokens.claims();
      if (!claims) throw oidcFailed();

      // Known subject: no need to look further. Otherwise the email address, from the ID token or,
      // when the provider keeps it out of the ID token, from the userinfo endpoint.
      const person =
        (await findPersonByOidcSubject(db, municipality.id, claims.sub)) ??
        (await resolveOidcPerson(db, {
          municipalityId: municipality.id,
          identity: await identityOf(configuration, tokens.access_token, claims, request.log),
          requestId: String(request.id),
        }));

      await startSignedInSession(app, request, reply, { municipalityId: municipality.id, person, method: 'oidc', details: { issuer: settings.issuer } });
      return reply.redirect(safeReturnTo(pending.returnTo, publicUrl), 302);
    },
  );
}

async function identityOf(
  configuration: client.Configuration,
  accessToken: string,
  claims: client.IDToken,
  log: { warn(object: unknown, message: string): void },
): Promise<OidcIdentity> {
  const fromToken = identityFromClaims(claims.sub, claims);
  if (fromToken.email || !configuration.serverMetadata().userinfo_endpoint) return fromToken;
  try {
    const userinfo = await client.fetchUserInfo(configuration, accessToken, claims.sub);
    return identityFromClaims(claims.sub, userinfo);
  } catch (error) {
    log.warn({ err: error }, 'OIDC userinfo request failed');
    return fromToken;
  }
}

function identityFromClaims(subject: string, claims: Record<string, unknown>): OidcIdentity {
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email : null;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return { subject, email, emailVerified: verified };
}
