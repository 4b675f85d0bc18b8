// SPDX-License-Identifier: EUPL-1.2
// Input rules shared by the budget and initiative routes: amounts, dates, required text. Amounts
// arrive as integer cents (a JSON number) or as typed by a person (a string in Dutch notation,
// "1.234,56", parsed by core/money parseAmount). Nothing is rounded or guessed: a fractional cent,
// a negative or absurd amount is a RuleViolation naming the rule (422).
import { Type } from 'typebox';
import { assertCents, parseAmount, type AmountSign, type Cents } from '../../core/money.js';
import { assertIsoDate, compareIsoDates, type IsoDate } from '../../core/calendar/index.js';
import { RuleViolation } from '../../core/rule-violation.js';
import { invalid } from '../errors.js';

/**
 * Request schema for an amount: integer cents as a number, or euros as a Dutch string ("1.234,56").
 * One schema with a list of types (not a union), so the validator's type coercion never turns a
 * number into text or text into a number: 350000 stays 350,000 cents and "3500" stays EUR 3,500.
 */
export const MoneyInput = Type.Unsafe<number | string>({
  type: ['number', 'string'],
  maxLength: 64,
  description: 'Bedrag: een getal in centen (125000) of een tekst in euro’s in Nederlandse notatie ("1.250,00").',
});
/** The same, or null (e.g. the open-ended last row of a mandate table). */
export const NullableMoneyInput = Type.Unsafe<number | string | null>({
  type: ['number', 'string', 'null'],
  maxLength: 64,
  description: 'Bedrag in centen of als tekst in euro’s, of null.',
});
export type MoneyValue = number | string;

export function readAmount(value: MoneyValue, label: string, sign: AmountSign = 'positive'): Cents {
  return typeof value === 'string' ? parseAmount(value, { sign, label }) : assertCents(value, { sign, label });
}

export function readDate(value: string, label: string): IsoDate {
  try {
    return assertIsoDate(value);
  } catch (error) {
    if (error instanceof RuleViolation) throw new RuleViolation('date_invalid', `${label}: ${error.message}`, error.details);
    throw error;
  }
}

export function assertPeriod(from: IsoDate, to: IsoDate, labels = { from: 'De begindatum', to: 'de einddatum' }): void {
  if (compareIsoDates(from, to) > 0) {
    throw invalid(
      'period_invalid',
      { nl: `${labels.from} (${from}) ligt na ${labels.to} (${to}).`, en: `The start (${from}) is after the end (${to}).` },
      { rule: 'period_invalid', from, to },
    );
  }
}

/** Trimmed text that must not be empty. */
export function requiredText(value: string | undefined | null, code: string, text: { nl: string; en: string }): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') throw invalid(code, text, { rule: code });
  return trimmed;
}
