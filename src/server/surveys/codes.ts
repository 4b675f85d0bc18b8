// SPDX-License-Identifier: EUPL-1.2
// Invitation codes: 12 characters from a 32-letter alphabet without look-alikes (60 bits), drawn
// with the system's cryptographic generator, printed as XXXX-XXXX-XXXX. Only SHA-256 of the
// normalised code is stored: with 60 random bits a plain hash cannot be reversed by trying codes,
// and the public form is rate-limited on failed attempts.
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

export function newInvitationCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** Upper case, without spaces and hyphens; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== LENGTH) return null;
  for (const ch of raw) if (!ALPHABET.includes(ch)) return null;
  return raw;
}

export function hashCode(normalized: string): string {
  return createHash('sha256').update(`wijkwijs-survey-code:${normalized}`).digest('hex');
}
