// SPDX-License-Identifier: EUPL-1.2
/**
 * Exact money: integer euro cents held in a JavaScript `number` that is always a safe integer.
 *
 * Why `number` and not `bigint`: every amount Wijkwijs handles fits easily (the ceiling is
 * EUR 100 million = 10^10 cents, far below 2^53), numbers serialise to JSON and PostgreSQL
 * `bigint`/`integer` columns without ceremony, and all arithmetic that could leave the safe range
 * (multiplication, division, allocation) is done here with `bigint` internally.
 *
 * Parsing conventions (see {@link parseAmount}):
 * - Dutch (`nl`, the default): `.` groups thousands, `,` separates cents. "1.234,56", "€ 1.234,56",
 *   "1234", "1234,5", "5.000,-" (whole euros) are accepted.
 * - English (`en`, only when asked for): `,` groups thousands, `.` separates cents: "€1,234.56".
 * - Nothing is guessed. "1,234" in Dutch is one euro and 23.4 cents, so it is rejected as
 *   fractional cents (with a hint to write 1.234 for a thousand); "12.50" in Dutch has a broken
 *   thousands group and is rejected (with a hint to write 12,50). A number in the other locale's
 *   notation is rejected with a hint, never silently reinterpreted: a factor 100 or 1000 mistake in
 *   a grant is worse than asking again.
 */

import { RuleViolation } from './rule-violation.js';

/** Integer euro cents. Always a safe integer; negative only where a rule allows it (corrections). */
export type Cents = number;

export type MoneyLocale = 'nl' | 'en';

/** The largest amount, in cents, that Wijkwijs accepts anywhere by default: EUR 100 million. */
export const DEFAULT_AMOUNT_CEILING: Cents = 10_000_000_000;

/** Which signs an amount may have. */
export type AmountSign = 'positive' | 'non_negative' | 'any';

export interface AmountOptions {
  /** Default: `'non_negative'`. */
  readonly sign?: AmountSign;
  /** Largest absolute amount in cents. Default {@link DEFAULT_AMOUNT_CEILING}; capped at 2^53 - 1. */
  readonly ceiling?: Cents;
  /** Dutch name of the amount for messages, e.g. "Het gevraagde bedrag". Default "Het bedrag". */
  readonly label?: string;
}

const BASIS_POINTS_PER_WHOLE = 10_000;

/** True for a safe integer (any sign): a valid number of cents. */
export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Checks that `value` is a valid amount of cents under `options` and returns it (with -0 as 0).
 * Throws RuleViolation `amount_invalid` (not a finite number), `amount_fractional_cents`,
 * `amount_above_ceiling`, `amount_not_positive` or `amount_negative`.
 */
export function assertCents(value: unknown, options: AmountOptions = {}): Cents {
  const label = options.label ?? 'Het bedrag';
  const ceiling = effectiveCeiling(options.ceiling);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RuleViolation('amount_invalid', `${label} is geen geldig getal.`, {
      value: typeof value === 'number' ? String(value) : typeof value,
    });
  }
  if (!Number.isInteger(value)) {
    throw new RuleViolation('amount_fractional_cents', `${label} moet een heel aantal centen zijn; fracties van een cent bestaan niet.`, { value });
  }
  if (!Number.isSafeInteger(value) || Math.abs(value) > ceiling) {
    throw new RuleViolation('amount_above_ceiling', `${label} is hoger dan het maximum van ${formatCents(ceiling)} dat Wijkwijs voor één bedrag accepteert.`, {
      value: Number.isSafeInteger(value) ? value : String(value),
      ceiling,
    });
  }
  const amount = value === 0 ? 0 : value; // normalise -0
  const sign = options.sign ?? 'non_negative';
  if (sign === 'positive' && amount <= 0) {
    throw new RuleViolation('amount_not_positive', `${label} moet groter zijn dan € 0,00.`, {
      value: amount,
    });
  }
  if (sign === 'non_negative' && amount < 0) {
    throw new RuleViolation('amount_negative', `${label} mag niet negatief zijn.`, {
      value: amount,
    });
  }
  return amount;
}

function effectiveCeiling(ceiling: Cents | undefined): Cents {
  if (ceiling === undefined) return DEFAULT_AMOUNT_CEILING;
  if (!Number.isSafeInteger(ceiling) || ceiling < 0) {
    throw new RuleViolation('amount_invalid', 'Het plafond voor bedragen is ongeldig.', {
      ceiling: String(ceiling),
    });
  }
  return ceiling;
}

/** Whole euros to cents, for configuration and fixtures: `euros(150_000)` is 15_000_000. */
export function euros(wholeEuros: number): Cents {
  if (!Number.isSafeInteger(wholeEuros)) {
    throw new RuleViolation('amount_invalid', 'Een bedrag in hele euro’s moet een heel getal zijn.', {
      value: String(wholeEuros),
    });
  }
  return assertCents(wholeEuros * 100, { sign: 'any', ceiling: Number.MAX_SAFE_INTEGER });
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface ParseAmountOptions extends AmountOptions {
  /** Default `'nl'`. */
  readonly locale?: MoneyLocale;
}

const SEPARATORS: Record<MoneyLocale, { thousands: string; decimal: string; example: string }> = {
  nl: { thousands: '.', decimal: ',', example: '1.234,56' },
  en: { thousands: ',', decimal: '.', example: '1,234.56' },
};

const CURRENCY_PREFIX = /^(?:€|euro|eur)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:€|euro's|euros|euro|eur)$/i;
const WHOLE_EUROS_SUFFIX = /,(?:-{1,2}|–|—)$/; // "5.000,-" (Dutch: whole euros)
const MAX_INPUT_LENGTH = 64;

/**
 * Parses a user-typed amount into cents. Dutch notation by default; see the module comment for the
 * conventions. Accepts an optional currency marker (`€`, `EUR`, `euro`) before or after the number,
 * a leading minus sign (only useful with `sign: 'any'`), ordinary and non-breaking spaces around
 * the currency marker, and (Dutch only) the whole-euro suffix ",-".
 *
 * Throws RuleViolation `amount_unparseable`, `amount_fractional_cents` (more than two decimals),
 * `amount_above_ceiling`, `amount_negative` / `amount_not_positive` (per `options.sign`, default
 * `'non_negative'`).
 */
export function parseAmount(input: string, options: ParseAmountOptions = {}): Cents {
  const locale = options.locale ?? 'nl';
  const { thousands, decimal, example } = SEPARATORS[locale];
  const label = options.label ?? 'Het bedrag';
  const shown = typeof input === 'string' ? input.slice(0, MAX_INPUT_LENGTH) : '';
  const unparseable = (hint?: string): RuleViolation =>
    new RuleViolation('amount_unparseable', `'${shown}' is geen geldig bedrag. ${hint ?? `Schrijf bijvoorbeeld ${example}.`}`, { input: shown, locale });

  if (typeof input !== 'string') throw unparseable();
  let rest = input.replace(/[\u00A0\u2007\u2009\u202F]/g, ' ').trim();
  if (rest === '') {
    throw new RuleViolation('amount_unparseable', `${label} is leeg. Vul een bedrag in.`, {
      input: '',
      locale,
    });
  }
  if (rest.length > MAX_INPUT_LENGTH) throw unparseable();

  let negative = false;
  const takeSign = (): void => {
    if (!negative && /^[-−]/.test(rest)) {
      negative = true;
      rest = rest.slice(1).trimStart();
    }
  };
  takeSign();
  let currency = false;
  const prefix = CURRENCY_PREFIX.exec(rest);
  if (prefix) {
    currency = true;
    rest = rest.slice(prefix[0].length);
    takeSign();
  }
  if (!currency) {
    const suffix = CURRENCY_SUFFIX.exec(rest);
    if (suffix) rest = rest.slice(0, rest.length - suffix[0].length);
  }
  let wholeEurosSuffix = false;
  if (locale === 'nl' && WHOLE_EUROS_SUFFIX.test(rest)) {
    wholeEurosSuffix = true;
    rest = rest.replace(WHOLE_EUROS_SUFFIX, '');
  }

  if (!/^[0-9.,]+$/.test(rest)) throw unparseable();

  // The other locale's notation, recognisable because both separators occur in its order.
  const lastThousands = rest.lastIndexOf(thousands);
  const lastDecimal = rest.lastIndexOf(decimal);
  if (lastThousands > -1 && lastDecimal > -1 && lastThousands > lastDecimal) {
    throw unparseable(
      locale === 'nl'
        ? `Gebruik de Nederlandse schrijfwijze: een punt voor duizendtallen en een komma voor centen, bijvoorbeeld ${example}.`
        : `Gebruik een komma voor duizendtallen en een punt voor centen, bijvoorbeeld ${example}.`,
    );
  }

  const parts = rest.split(decimal);
  if (parts.length > 2) throw unparseable();
  const integerPart = parts[0] ?? '';
  const decimalPart = parts[1];
  if (wholeEurosSuffix && decimalPart !== undefined) throw unparseable();

  const t = escapeRegExp(thousands);
  const ungrouped = /^\d+$/;
  const grouped = new RegExp(`^[1-9]\\d{0,2}(?:${t}\\d{3})+$`);
  if (!ungrouped.test(integerPart) && !grouped.test(integerPart)) {
    if (integerPart.includes(thousands) && decimalPart === undefined) {
      throw unparseable(
        locale === 'nl'
          ? `Een punt staat voor duizendtallen; gebruik een komma voor centen, bijvoorbeeld ${integerPart.replaceAll('.', ',')}.`
          : `Een komma staat hier voor duizendtallen; gebruik een punt voor centen, bijvoorbeeld ${integerPart.replaceAll(',', '.')}.`,
      );
    }
    throw unparseable();
  }

  let centsPart = 0n;
  if (decimalPart !== undefined) {
    if (/^\d{1,2}$/.test(decimalPart)) {
      centsPart = BigInt(decimalPart.padEnd(2, '0'));
    } else if (/^\d{3,}$/.test(decimalPart)) {
      const hint = locale === 'nl' && decimalPart.length === 3 ? ` Bedoelt u duizendtallen, gebruik dan een punt: ${integerPart}.${decimalPart}.` : '';
      throw new RuleViolation(
        'amount_fractional_cents',
        `'${shown}' heeft meer dan twee cijfers achter de ${locale === 'nl' ? 'komma' : 'punt'}; bedragen gaan in hele centen.${hint}`,
        { input: shown, locale },
      );
    } else {
      throw unparseable();
    }
  }

  const ceiling = effectiveCeiling(options.ceiling);
  const digits = integerPart.replaceAll(thousands, '');
  const total = BigInt(digits) * 100n + centsPart;
  if (total > BigInt(ceiling)) {
    throw new RuleViolation('amount_above_ceiling', `${label} is hoger dan het maximum van ${formatCents(ceiling)} dat Wijkwijs voor één bedrag accepteert.`, {
      input: shown,
      ceiling,
    });
  }
  const value = Number(total);
  return assertCents(negative ? -value : value, { ...options, ceiling });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Formatting

export interface FormatOptions {
  /** Show the euro sign. Default true. */
  readonly symbol?: boolean;
  /** Use U+00A0 between "€" and the number (Dutch), so it never breaks across lines. Default false. */
  readonly nonBreakingSpace?: boolean;
}

/**
 * Formats cents: `nl` gives "€ 1.234,56" and "€ -1.234,56"; `en` gives "€1,234.56" and
 * "-€1,234.56". Exact for every safe integer (no floating point).
 */
export function formatCents(cents: Cents, locale: MoneyLocale = 'nl', options: FormatOptions = {}): string {
  const amount = assertCents(cents, { sign: 'any', ceiling: Number.MAX_SAFE_INTEGER });
  const { thousands, decimal } = SEPARATORS[locale];
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const centsPart = abs % 100;
  const euroPart = (abs - centsPart) / 100;
  const grouped = String(euroPart).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const number = `${grouped}${decimal}${String(centsPart).padStart(2, '0')}`;
  const symbol = options.symbol ?? true;
  if (locale === 'nl') {
    const signed = `${negative ? '-' : ''}${number}`;
    return symbol ? `€${options.nonBreakingSpace ? '\u00A0' : ' '}${signed}` : signed;
  }
  return `${negative ? '-' : ''}${symbol ? '€' : ''}${number}`;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function checkedResult(value: number, operation: string): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RuleViolation('amount_above_ceiling', `De uitkomst van ${operation} valt buiten het bereik van exacte bedragen.`, { operation });
  }
  return value === 0 ? 0 : value;
}

const ANY: AmountOptions = { sign: 'any', ceiling: Number.MAX_SAFE_INTEGER };

export function addCents(a: Cents, b: Cents): Cents {
  return checkedResult(assertCents(a, ANY) + assertCents(b, ANY), 'een optelling');
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return checkedResult(assertCents(a, ANY) - assertCents(b, ANY), 'een aftrekking');
}

/** Exact sum; throws if any element is not a safe integer or the sum leaves the safe range. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) {
    total = checkedResult(total + assertCents(amount, ANY), 'een optelling');
  }
  return total;
}

/**
 * Splits `total` over `shares` (non-negative integer weights, at least one positive) so that the
 * parts add up to `total` exactly (largest-remainder method). Each part is the floor of its exact
 * share, and the cents left over go one each to the largest remainders; ties go to the earlier
 * share. A share of 0 gets 0. A negative total is split as its absolute value, then negated.
 */
export function allocate(total: Cents, shares: readonly number[]): Cents[] {
  const amount = assertCents(total, ANY);
  if (shares.length === 0) {
    throw new RuleViolation('shares_invalid', 'Er is geen verdeelsleutel opgegeven.', { shares: [] });
  }
  for (const share of shares) {
    if (!Number.isSafeInteger(share) || share < 0) {
      throw new RuleViolation('shares_invalid', 'Een verdeelsleutel bestaat uit hele, niet-negatieve getallen.', { shares: shares.map(String) });
    }
  }
  const weights = shares.map((share) => BigInt(share));
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    throw new RuleViolation('shares_invalid', 'Een verdeelsleutel met alleen nullen verdeelt niets.', {
      shares: [...shares],
    });
  }
  const absTotal = BigInt(Math.abs(amount));
  const base = weights.map((w) => (absTotal * w) / weightSum);
  const remainders = weights.map((w) => (absTotal * w) % weightSum);
  let leftover = absTotal - base.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1));
  const parts = [...base];
  for (const { index } of order) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((part) => {
    const value = Number(part);
    return amount < 0 && value !== 0 ? -value : value;
  });
}

/**
 * `amount * numerator / denominator`, rounded half-to-even to whole cents (banker's rounding:
 * 0.5 cent goes to the even neighbour, so rounding errors do not drift in one direction).
 */
export function mulDivHalfEven(amount: Cents, numerator: number, denominator: number): Cents {
  const a = assertCents(amount, ANY);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RuleViolation('percentage_invalid', 'Een verhouding moet bestaan uit hele getallen met een noemer groter dan nul.', {
      numerator: String(numerator),
      denominator: String(denominator),
    });
  }
  const product = BigInt(a) * BigInt(numerator);
  const negative = product < 0n;
  const absProduct = negative ? -product : product;
  const den = BigInt(denominator);
  let quotient = absProduct / den;
  const twiceRemainder = (absProduct % den) * 2n;
  if (twiceRemainder > den || (twiceRemainder === den && quotient % 2n === 1n)) quotient += 1n;
  return checkedResult(Number(negative ? -quotient : quotient), 'een percentageberekening');
}

/** `basisPoints` / 10 000 of `amount` (10 000 bp = 100%), rounded half-to-even to whole cents. */
export function basisPointsOf(amount: Cents, basisPoints: number): Cents {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RuleViolation('percentage_invalid', 'Een aandeel in basispunten is een heel getal van 0 of meer (10.000 basispunten is 100%).', {
      basisPoints: String(basisPoints),
    });
  }
  return mulDivHalfEven(amount, basisPoints, BASIS_POINTS_PER_WHOLE);
}

/**
 * `percent`% of `amount`, rounded half-to-even to whole cents. `percent` may have at most two
 * decimals (12.5 and 33.33 are fine; 33.333 is not), so it maps exactly onto basis points.
 */
export function percentageOf(amount: Cents, percent: number): Cents {
  const basisPoints = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || Math.abs(percent * 100 - basisPoints) > 1e-6) {
    throw new RuleViolation('percentage_invalid', 'Een percentage is 0 of meer en heeft hoogstens twee cijfers achter de komma.', { percent: String(percent) });
  }
  return basisPointsOf(amount, basisPoints);
}

/** Is `part` at least `basisPoints` / 10 000 of `whole`? Exact (no rounding). */
export function isAtLeastShare(part: Cents, whole: Cents, basisPoints: number): boolean {
  return BigInt(assertCents(part, ANY)) * BigInt(BASIS_POINTS_PER_WHOLE) >= BigInt(assertCents(whole, ANY)) * BigInt(basisPoints);
}

/** Formats basis points as a Dutch percentage: 2500 → "25%", 1250 → "12,5%". */
export function formatBasisPoints(basisPoints: number, locale: MoneyLocale = 'nl'): string {
  const sign = basisPoints < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(basisPoints));
  const fraction = abs % 100;
  const whole = (abs - fraction) / 100;
  if (fraction === 0) return `${sign}${whole}%`;
  const decimals = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}${SEPARATORS[locale].decimal}${decimals}%`;
}
