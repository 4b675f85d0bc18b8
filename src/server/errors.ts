// SPDX-License-Identifier: EUPL-1.2
// One error type for the whole server. Every error a client can see has a stable `code`, an HTTP
// status and a Dutch message (English beside it); the HTTP layer renders it as RFC 9457
// application/problem+json (see http/problem.ts).

export interface LocalizedText {
  nl: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, status: number, text: LocalizedText, details?: Record<string, unknown>) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.text = text;
    this.details = details;
  }
}

/** "Not found" and "not allowed to see" look the same, so nothing leaks about other areas or tenants. */
export function notFound(what: LocalizedText = { nl: 'Niet gevonden.', en: 'Not found.' }): AppError {
  return new AppError('not_found', 404, what);
}

export function forbidden(rule: LocalizedText, details?: Record<string, unknown>): AppError {
  return new AppError('forbidden', 403, rule, details);
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 401, {
    nl: 'U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  });
}

export function invalid(code: string, text: LocalizedText, details?: Record<string, unknown>): AppError {
  return new AppError(code, 422, text, details);
}

export function conflict(code: string, text: LocalizedText, details?: Record<string, unknown>): AppError {
  return new AppError(code, 409, text, details);
}
