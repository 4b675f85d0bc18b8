// SPDX-License-Identifier: EUPL-1.2
/**
 * Exact arithmetic for vote counting: non-negative money amounts as scaled bigints and
 * rationals as bigint numerator/denominator. Nothing in the voting core compares floats
 * where the comparison decides an outcome.
 */

/** A rational number n/d with d > 0, always in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds a reduced rational; throws on a zero denominator. */
export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mulInt(a: Rational, k: bigint): Rational {
  return rat(a.n * k, a.d);
}

export function divInt(a: Rational, k: bigint): Rational {
  return rat(a.n, a.d * k);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Compares a/p with b/q for positive integer weights p and q, without building rationals. */
export function cmpScaled(a: Rational, p: bigint, b: Rational, q: bigint): -1 | 0 | 1 {
  const l = a.n * b.d * q;
  const r = b.n * a.d * p;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

export function ratToString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** Approximation for display only (never used to decide anything). */
export function ratToNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

/**
 * Rounds a rational towards zero to `digits` decimals and formats it as a decimal string;
 * for display only.
 */
export function ratToDecimal(a: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const neg = a.n < 0n;
  const scaled = (abs(a.n) * scale) / a.d;
  return (neg && scaled !== 0n ? '-' : '') + formatScaled(scaled, digits);
}

// ---------------------------------------------------------------------------------------
// Decimal money amounts
// ---------------------------------------------------------------------------------------

const DECIMAL_RE = /^(\d+)(?:[.,](\d+))?$/;

/** Number of fraction digits in a decimal string such as "1994767.23", or null if invalid. */
export function fractionDigits(text: string): number | null {
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  return m[2]?.length ?? 0;
}

export function isDecimal(text: string): boolean {
  return DECIMAL_RE.test(text);
}

/**
 * Parses a non-negative decimal ("123", "1994767.23", also with a decimal comma) into a
 * bigint counted in units of 10^-digits; throws when the text has more fraction digits than
 * `digits` or is not a decimal.
 */
export function parseScaled(text: string, digits: number): bigint {
  const m = DECIMAL_RE.exec(text);
  if (!m) throw new RangeError(`not a decimal amount: ${text}`);
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > digits) throw new RangeError(`too many decimals in ${text}`);
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, '0') || '0');
}

/** Formats a non-negative bigint counted in units of 10^-digits as a decimal string. */
export function formatScaled(value: bigint, digits: number): string {
  const neg = value < 0n;
  const v = abs(value);
  if (digits === 0) return (neg ? '-' : '') + v.toString();
  const scale = 10n ** BigInt(digits);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(digits, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}
