// SPDX-License-Identifier: EUPL-1.2
// openid-client configurations for the municipalities' identity providers. Discovery (the
// provider's /.well-known/openid-configuration) is done once per issuer and kept for an hour; a
// failed discovery is not kept, so the next sign-in tries again. The client configuration (client
// id, secret, authentication method, and its cache of the provider's signing keys) is kept per
// issuer and client, built on the cached discovery.
import * as client from 'openid-client';
import { AppError } from '../errors.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import { hashToken } from './tokens.js';

export type OidcSettings = NonNullable<MunicipalitySettings['oidc']>;

export const DEFAULT_OIDC_SCOPES = 'openid email profile';

export function oidcProviderUnavailable(): AppError {
  return new AppError('oidc_provider_unavailable', 502, {
    nl: 'De inlogdienst van de gemeente is nu niet bereikbaar of niet goed ingesteld. Probeer het later opnieuw of log in met uw wachtwoord.',
    en: "The municipality's sign-in service cannot be reached or is not set up correctly. Try again later or sign in with your password.",
  });
}

export interface OidcClients {
  configuration(settings: OidcSettings): Promise<client.Configuration>;
}

export interface OidcClientOptions {
  /** How long a discovery document is kept (default one hour). */
  metadataTtlMs?: number;
  /** Time limit for each request to the provider, in seconds (default 10). */
  timeoutSeconds?: number;
  log?: { warn(object: unknown, message: string): void };
}

export function createOidcClients(options: OidcClientOptions = {}): OidcClients {
  const ttl = options.metadataTtlMs ?? 3_600_000;
  const timeout = options.timeoutSeconds ?? 10;
  const discovered = new Map<string, { at: number; metadata: Promise<client.ServerMetadata> }>();
  const configurations = new Map<string, { metadata: client.ServerMetadata; configuration: client.Configuration }>();

  async function serverMetadata(settings: OidcSettings): Promise<client.ServerMetadata> {
    const key = `${settings.allowInsecure ? 'insecure' : 'secure'} ${settings.issuer}`;
    const hit = discovered.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.metadata;
    const metadata = (async () => {
      const found = await client.discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
        execute: settings.allowInsecure ? [client.allowInsecureRequests] : [],
        timeout,
      });
      return found.serverMetadata();
    })();
    discovered.set(key, { at: Date.now(), metadata });
    try {
      return await metadata;
    } catch (error) {
      if (discovered.get(key)?.metadata === metadata) discovered.delete(key);
      options.log?.warn({ err: error, issuer: settings.issuer }, 'OIDC discovery failed');
      throw oidcProviderUnavailable();
    }
  }

  return {
    async configuration(settings) {
      const metadata = await serverMetadata(settings);
      const key = JSON.stringify([settings.issuer, Boolean(settings.allowInsecure), settings.clientId, hashToken(settings.clientSecret)]);
      const hit = configurations.get(key);
      if (hit && hit.metadata === metadata) return hit.configuration;
      // RFC 8414: without token_endpoint_auth_methods_supported the provider supports client_secret_basic.
      const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
      const auth =
        supported.includes('client_secret_basic') || !supported.includes('client_secret_post')
          ? client.ClientSecretBasic(settings.clientSecret)
          : client.ClientSecretPost(settings.clientSecret);
      const configuration = new client.Configuration(metadata, settings.clientId, settings.clientSecret, auth);
      if (settings.allowInsecure) client.allowInsecureRequests(configuration);
      configuration.timeout = timeout;
      configurations.set(key, { metadata, configuration });
      return configuration;
    },
  };
}

/** The scopes to ask for; `openid` is always among them. */
export function scopesOf(settings: OidcSettings): string {
  const scopes = (settings.scopes ?? DEFAULT_OIDC_SCOPES).split(/\s+/).filter(Boolean);
  return [...new Set(['openid', ...scopes])].join(' ');
}
