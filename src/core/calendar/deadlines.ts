// SPDX-License-Identifier: EUPL-1.2
/**
 * Calendar dates and decision deadlines, exactly.
 *
 * A date is an ISO calendar date string "YYYY-MM-DD" meaning a day in Europe/Amsterdam. Arithmetic
 * is on whole days (a day number counted from 1970-01-01), never on timestamps, so summer time
 * cannot shift a deadline by a day. The only place a time of day enters is {@link amsterdamDate},
 * which turns an instant (e.g. the moment an application was received) into the Amsterdam date.
 *
 * Decision deadline (Awb art. 4:13): the decision is due within the term in the rules or, without
 * one, within 8 weeks after receipt. Receipt on Monday 1 January gives Monday 26 February as the
 * last day: submission date + N × 7 days. The decision is in time on the deadline day itself and
 * overdue from the next day. Optionally the deadline moves to the next working day when it falls on
 * a Saturday, Sunday or a public holiday of the Algemene termijnenwet.
 */

import { RuleViolation } from '../rule-violation.js';

/** A calendar date "YYYY-MM-DD" in Europe/Amsterdam. */
export type IsoDate = string;

/** Awb art. 4:13 lid 2: eight weeks when the rules name no term. */
export const AWB_DEFAULT_DECISION_WEEKS = 8;

export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function invalidDate(value: unknown): RuleViolation {
  return new RuleViolation('date_invalid', `'${String(value).slice(0, 40)}' is geen geldige datum; gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2024-03-01.`, {
    value: String(value).slice(0, 40),
  });
}

/** Whole days since 1970-01-01 for an ISO date; throws `date_invalid` for e.g. "2023-02-30". */
export function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw invalidDate(date);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) throw invalidDate(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const ms = check.getTime();
  // reject a rolled-over day such as 2023-02-30
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw invalidDate(date);
  }
  return Math.round(ms / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw invalidDate(dayNumber);
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(year) || year < 1 || year > 9999) throw invalidDate(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  try {
    toDayNumber(value as IsoDate);
    return true;
  } catch {
    return false;
  }
}

/** Checks and returns an ISO date (throws RuleViolation `date_invalid`). */
export function assertIsoDate(value: unknown): IsoDate {
  toDayNumber(value as IsoDate);
  return value as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw invalidDate(days);
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  if (!Number.isSafeInteger(weeks)) throw invalidDate(weeks);
  return addDays(date, weeks * 7);
}

/** `to` − `from` in whole days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4)
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

const amsterdamFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Europe/Amsterdam of an instant. Accepts a Date, epoch milliseconds, or an
 * ISO timestamp string with an explicit offset ("2024-03-30T23:30:00Z", "…+01:00"); a timestamp
 * without offset is refused because its meaning would depend on the server's time zone.
 */
export function amsterdamDate(instant: Date | number | string): IsoDate {
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'number') ms = instant;
  else if (typeof instant === 'string' && /T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(instant)) ms = Date.parse(instant);
  else throw invalidDate(instant);
  if (!Number.isFinite(ms)) throw invalidDate(instant);
  const parts = amsterdamFormatter.formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return assertIsoDate(`${get('year')}-${get('month')}-${get('day')}`);
}

// ---------------------------------------------------------------------------------------------
// Algemene termijnenwet (general time limits act)

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The "algemeen erkende feestdagen" of art. 3 Algemene termijnenwet in `year`: Nieuwjaarsdag,
 * Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, the King's (before 2014 the Queen's)
 * birthday as celebrated, 5 May, and both Christmas days. (Good Friday is not among them.)
 */
export function publicHolidays(year: number): IsoDate[] {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const kingsDay = (() => {
    // 27 April from 2014 (26 April when the 27th is a Sunday); 30 April before (29 April then)
    const nominal = year >= 2014 ? `${y}-04-27` : `${y}-04-30`;
    return isoWeekday(nominal) === 7 ? addDays(nominal, -1) : nominal;
  })();
  return [`${y}-01-01`, addDays(easter, 1), kingsDay, `${y}-05-05`, addDays(easter, 39), addDays(easter, 50), `${y}-12-25`, `${y}-12-26`].sort();
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidays(Number(date.slice(0, 4))).includes(assertIsoDate(date));
}

/** Not a Saturday, Sunday or public holiday of the Algemene termijnenwet. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) < 6 && !isPublicHoliday(date);
}

export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let day = assertIsoDate(date);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

// ---------------------------------------------------------------------------------------------
// Decision deadlines

export interface DeadlineOptions {
  /**
   * Move a deadline that ends on a Saturday, Sunday or public holiday to the next working day
   * (art. 1 Algemene termijnenwet). Default false: the plain date, which is never later.
   */
  readonly extendToWorkingDay?: boolean;
}

/** Last day for the decision: `submittedOn` + `weeks` × 7 days (default 8 weeks, Awb 4:13). */
export function decisionDeadline(submittedOn: IsoDate, weeks: number = AWB_DEFAULT_DECISION_WEEKS, options: DeadlineOptions = {}): IsoDate {
  if (!Number.isSafeInteger(weeks) || weeks < 1) {
    throw new RuleViolation('date_invalid', 'Een beslistermijn is een heel aantal weken, minstens één.', {
      weeks: String(weeks),
    });
  }
  const plain = addWeeks(submittedOn, weeks);
  return options.extendToWorkingDay ? nextWorkingDayOnOrAfter(plain) : plain;
}

/** True from the day after the deadline; the deadline day itself is still in time. */
export function isOverdue(deadline: IsoDate, today: IsoDate): boolean {
  return toDayNumber(today) > toDayNumber(deadline);
}

/** Days from `today` until `deadline`: 0 on the deadline day, negative once overdue. */
export function daysRemaining(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}
