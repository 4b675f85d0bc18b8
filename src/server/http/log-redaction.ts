// SPDX-License-Identifier: EUPL-1.2
// Secrets that travel in URLs never reach the logs: a one-time sign-in token or a survey invitation
// code in a request path would let anyone who reads the logs sign in as a resident, or tell who
// answered a survey and when (ADR 0007, ADR 0017). Paths are logged with those parts replaced.
import type { FastifyRequest } from 'fastify';

const SECRET_PATHS: readonly RegExp[] = [
  /^(\/api\/auth\/email-link\/)[^/?#]+/,
  /^(\/api\/public\/survey\/)[^/?#]+/,
  /^(\/enquete\/)(?!bedankt(?:[/?#]|$))[^/?#]+/,
];

export function redactUrl(url: string): string {
  for (const pattern of SECRET_PATHS) {
    if (pattern.test(url)) return url.replace(pattern, '$1[verborgen]');
  }
  return url;
}

/** Fastify's request log fields, with the URL redacted. */
export function requestLogFields(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}
