// SPDX-License-Identifier: EUPL-1.2
// Where to send the browser after signing in. Only a relative path on Wijkwijs itself is accepted;
// anything else (another origin, a protocol-relative "//host", a backslash trick, control
// characters) becomes '/', so a sign-in link can never be turned into an open redirect.

export function safeReturnTo(value: string | null | undefined, publicUrl: string): string {
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//')) return '/';
  // Browsers treat "\" like "/" in URLs ("/\evil.example" is protocol-relative there).
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  try {
    const base = new URL(publicUrl);
    const url = new URL(value, base);
    if (url.origin !== base.origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
