// SPDX-License-Identifier: EUPL-1.2
// RFC 9457 problem details for every error the API returns: a stable `code`, a Dutch `detail`
// (English in `detail_en`), the request id, and for validation errors the fields that failed.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { FORBIDDEN_RULE_CODES, isRuleViolation } from '../../core/rule-violation.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  detail_en: string;
  instance: string;
  requestId: string;
  errors?: unknown;
  [key: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Errors from the pure core (src/core) carry a stable code and a Dutch message naming the rule.
  if (isRuleViolation(error)) {
    return new AppError(
      error.code,
      FORBIDDEN_RULE_CODES.has(error.code) ? 403 : 422,
      { nl: error.message, en: error.message },
      { rule: error.code, ...(error.details ?? {}) },
    );
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const fields = fe.validation.map((v) => ({
      path: v.instancePath || `/${typeof v.params?.missingProperty === 'string' ? v.params.missingProperty : ''}`,
      message: v.message,
    }));
    const where = fields.map((f) => f.path).join(', ');
    return new AppError(
      'validation_failed',
      400,
      { nl: `De invoer klopt niet (${where}). Controleer de velden en probeer het opnieuw.`, en: `The input is not valid (${where}).` },
      { errors: fields },
    );
  }
  if (fe.statusCode === 429) {
    return new AppError('rate_limited', 429, {
      nl: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
      en: 'Too many attempts. Please wait a moment and try again.',
    });
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return new AppError('unsupported_media_type', 415, {
      nl: 'Dit type inhoud wordt niet ondersteund; stuur JSON.',
      en: 'Unsupported content type; send JSON.',
    });
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return new AppError('body_too_large', 413, { nl: 'Het verzoek is te groot.', en: 'The request is too large.' });
  }
  if (fe.statusCode === 400) {
    return new AppError('bad_request', 400, {
      nl: 'Het verzoek kon niet worden gelezen (bijvoorbeeld ongeldige JSON).',
      en: 'The request could not be read (for example invalid JSON).',
    });
  }
  return new AppError('internal_error', 500, {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; de fout is gelogd.',
    en: 'Something went wrong on our side. Please try again later; the error has been logged.',
  });
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  // Details first, so that none of them can overwrite the fixed members (e.g. a `status` of a record).
  const problem: Problem = {
    ...(error.details ?? {}),
    type: `urn:wijkwijs:problem:${error.code}`,
    title: titles[error.status] ?? 'Error',
    status: error.status,
    code: error.code,
    detail: error.text.nl,
    detail_en: error.text.en,
    instance: request.url,
    requestId: String(request.id),
  };
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function routeNotFound(request: FastifyRequest): AppError {
  return new AppError('route_not_found', 404, {
    nl: `Er is geen API-adres ${request.method} ${request.url}.`,
    en: `There is no API route ${request.method} ${request.url}.`,
  });
}

/** Errors become problem+json; unknown routes too, unless the caller serves the web app (see app.ts). */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, appError);
  });
}
