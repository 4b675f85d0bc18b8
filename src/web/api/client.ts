// SPDX-License-Identifier: EUPL-1.2
// The one place the web app talks HTTP. Errors from the API arrive as application/problem+json with
// a stable `code`, a Dutch `detail` and an English `detail_en`; they are thrown as ProblemError.
// The session's CSRF token is kept in memory (never in storage) and sent on every mutation.

export interface FieldError {
  path: string;
  message?: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly detailEn: string,
    readonly fieldErrors: FieldError[],
    /** The whole problem body, for details a page shows itself (e.g. line-numbered import errors). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  /** The message in the reader's language. */
  localized(lang: 'nl' | 'en'): string {
    return lang === 'en' && this.detailEn ? this.detailEn : this.detail;
  }

  /** The field names (first path segment) the server rejected, e.g. `email` for `/email`. */
  fields(): string[] {
    return this.fieldErrors.map((e) => e.path.replace(/^\//, '').split('/')[0] ?? '').filter((f) => f !== '');
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function toProblem(response: Response): Promise<ProblemError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: fall through to a generic message
  }
  const detail = typeof body.detail === 'string' ? body.detail : `Er ging iets mis (${response.status}). Probeer het later opnieuw.`;
  const detailEn = typeof body.detail_en === 'string' ? body.detail_en : `Something went wrong (${response.status}). Please try again later.`;
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]).filter((e) => typeof e?.path === 'string') : [];
  return new ProblemError(response.status, typeof body.code === 'string' ? body.code : 'http_' + response.status, detail, detailEn, errors, body);
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ProblemError(
      0,
      'network_error',
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
      'The server cannot be reached. Check the connection and try again.',
      [],
    );
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

/** POSTs JSON and returns a file the server sends back (a CSV for a mail merge), with its file name. */
export async function postForFile(url: string, body: unknown, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = { accept: 'text/csv, application/octet-stream, application/problem+json', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ProblemError(
      0,
      'network_error',
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
      'The server cannot be reached. Check the connection and try again.',
      [],
    );
  }
  if (!response.ok) throw await toProblem(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: named ? decodeURIComponent(named) : fallbackName };
}

/** POSTs one file as multipart/form-data (field "file") with the CSRF header; the browser sets the boundary. */
export async function upload<T>(url: string, file: Blob, fileName: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const form = new FormData();
  form.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ProblemError(
      0,
      'network_error',
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
      'The server cannot be reached. Check the connection and try again.',
      [],
    );
  }
  if (!response.ok) throw await toProblem(response);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Query string from defined values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
