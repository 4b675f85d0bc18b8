// SPDX-License-Identifier: EUPL-1.2
/**
 * Voting codes as residents read them from a letter: 16 characters from a 32-symbol alphabet
 * without look-alikes (no 0/O, no 1/I), so 80 random bits, written in groups of four
 * (`K7QM-3XHD-9PWT-ZC4N`). Pure: the random source is passed in (use a CSPRNG).
 */
import type { RandomBytes } from './pabulib.js';

/** 32 symbols: one byte's low five bits pick one without bias. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ALPHABET = CODE_ALPHABET;
export const CODE_LENGTH = 16;
export const CODE_BITS = CODE_LENGTH * 5;

if (ALPHABET.length !== 32 || new Set(ALPHABET).size !== 32) throw new Error('code alphabet must have 32 distinct symbols');

const defaultRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** A fresh code, formatted `XXXX-XXXX-XXXX-XXXX`. */
export function newVotingCode(randomBytes: RandomBytes = defaultRandomBytes): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += ALPHABET[(bytes[i] ?? 0) & 31];
  }
  return code;
}

/**
 * The canonical form of what a resident typed: upper case, without spaces, dots and dashes.
 * Returns null when it cannot be a code (wrong length or a symbol outside the alphabet).
 */
export function normaliseVotingCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s\-–.]/g, '');
  if (text.length !== CODE_LENGTH) return null;
  for (const ch of text) if (!ALPHABET.includes(ch)) return null;
  return text;
}

export const AGE_GROUPS = ['0-11', '12-17', '18-27', '28-44', '45-64', '65+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/**
 * Age in a voting round: the age reached in the calendar year the voting closes (the year minus
 * the birth year), so "12 to 27" admits everyone who turns 12 that year and nobody who turns 28.
 */
export function ageInYear(birthYear: number, year: number): number {
  return year - birthYear;
}

export function ageGroupOf(age: number): AgeGroup {
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 28) return '18-27';
  if (age < 45) return '28-44';
  if (age < 65) return '45-64';
  return '65+';
}

/** Whether `age` lies in [minAge, maxAge] (either bound may be absent). */
export function ageAllowed(age: number, minAge: number | undefined, maxAge: number | undefined): boolean {
  return (minAge === undefined || age >= minAge) && (maxAge === undefined || age <= maxAge);
}
