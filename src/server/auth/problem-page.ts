// SPDX-License-Identifier: EUPL-1.2
// Error handler for sign-in routes that a browser navigates to (OIDC start and callback). A browser
// (Accept: text/html) gets a small Dutch page with a way back to the sign-in page; any other client
// gets the usual application/problem+json. Both carry the same status and `code`.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem, toAppError } from '../http/problem.js';
import type { AppError } from '../errors.js';
import { escapeHtml } from '../http/html.js';

/**
 * A small self-contained Dutch page for the sign-in routes a browser navigates to directly (no web
 * app, no script: the CSP allows none inline). `main` is trusted HTML; escape what goes into it.
 */
export function signInPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Wijkwijs</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#1f4e79}small{color:#555}button{font:inherit;font-weight:600;min-height:44px;padding:.6rem 1.4rem;border:2px solid #1f4e79;border-radius:4px;background:#1f4e79;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${main}
</main>
</body>
</html>
`;
}

export function problemPage(error: AppError, requestId: string): string {
  return signInPage(
    'Inloggen is niet gelukt',
    `<p>${escapeHtml(error.text.nl)}</p>
<p lang="en">${escapeHtml(error.text.en)}</p>
<p><a href="/inloggen">Terug naar de inlogpagina</a></p>
<p><small>Foutcode: ${escapeHtml(error.code)} · verzoek ${escapeHtml(requestId)}</small></p>`,
  );
}

export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /\btext\/html\b/.test(accept);
}

export function browserProblemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  if (!wantsHtml(request)) {
    void sendProblem(reply, request, appError);
    return;
  }
  void reply
    .status(appError.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(problemPage(appError, String(request.id)));
}
