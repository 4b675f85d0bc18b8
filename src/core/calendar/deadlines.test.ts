// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleViolation } from '../rule-violation.js';
import {
  AWB_DEFAULT_DECISION_WEEKS,
  addDays,
  amsterdamDate,
  compareIsoDates,
  daysBetween,
  daysRemaining,
  decisionDeadline,
  easterSunday,
  fromDayNumber,
  isIsoDate,
  isOverdue,
  isPublicHoliday,
  isWorkingDay,
  isoWeekday,
  publicHolidays,
  toDayNumber,
} from './index.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}

describe('ISO dates', () => {
  it('validates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('0050-01-01')).toBe(true);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
    expect(codeOf(() => toDayNumber('31-12-2017'))).toBe('date_invalid');
    expect(() => toDayNumber('31-12-2017')).toThrow('gebruik de vorm JJJJ-MM-DD');
  });

  it('counts days exactly across summer time and leap years', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(compareIsoDates('2024-01-01', '2023-12-31')).toBe(1);
    expect(compareIsoDates('2024-01-01', '2024-01-01')).toBe(0);
    expect(isoWeekday('2024-01-01')).toBe(1);
    expect(isoWeekday('2024-03-31')).toBe(7);
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('takes the Amsterdam date of an instant, summer and winter', () => {
    expect(amsterdamDate('2024-03-30T22:59:59Z')).toBe('2024-03-30');
    expect(amsterdamDate('2024-03-30T23:00:00Z')).toBe('2024-03-31'); // CET: +01:00
    expect(amsterdamDate('2024-06-30T21:59:59Z')).toBe('2024-06-30');
    expect(amsterdamDate('2024-06-30T22:00:00Z')).toBe('2024-07-01'); // CEST: +02:00
    expect(amsterdamDate('2024-06-30T23:30:00+01:00')).toBe('2024-07-01');
    expect(amsterdamDate(new Date(Date.UTC(2017, 11, 31, 22, 59)))).toBe('2017-12-31');
    expect(amsterdamDate(Date.UTC(2017, 11, 31, 23, 0))).toBe('2018-01-01');
    expect(codeOf(() => amsterdamDate('2024-06-30T22:00:00'))).toBe('date_invalid');
    expect(codeOf(() => amsterdamDate('gisteren'))).toBe('date_invalid');
    expect(codeOf(() => amsterdamDate(Number.NaN))).toBe('date_invalid');
  });
});

describe('decision deadline (Awb 4:13)', () => {
  it('is submission + 8 weeks by default', () => {
    expect(AWB_DEFAULT_DECISION_WEEKS).toBe(8);
    expect(decisionDeadline('2024-01-01')).toBe('2024-02-26');
    // across the change to summer time: still exactly 56 days
    expect(decisionDeadline('2024-03-01')).toBe('2024-04-26');
    expect(decisionDeadline('2024-12-20')).toBe('2025-02-14');
    expect(decisionDeadline('2024-01-01', 13)).toBe('2024-04-01');
    expect(codeOf(() => decisionDeadline('2024-01-01', 0))).toBe('date_invalid');
    expect(codeOf(() => decisionDeadline('2024-01-01', 1.5))).toBe('date_invalid');
    expect(codeOf(() => decisionDeadline('2024-02-30'))).toBe('date_invalid');
  });

  it('optionally moves to the next working day (Algemene termijnenwet)', () => {
    // 2024-04-28 is a Sunday
    expect(decisionDeadline('2024-03-03')).toBe('2024-04-28');
    expect(decisionDeadline('2024-03-03', 8, { extendToWorkingDay: true })).toBe('2024-04-29');
    // 2024-04-27: Saturday and King's Day
    expect(decisionDeadline('2024-03-02', 8, { extendToWorkingDay: true })).toBe('2024-04-29');
    // 2024-04-01: Easter Monday
    expect(decisionDeadline('2024-02-05', 8, { extendToWorkingDay: true })).toBe('2024-04-02');
    // a working day stays put
    expect(decisionDeadline('2024-01-01', 8, { extendToWorkingDay: true })).toBe('2024-02-26');
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') }), (n) => {
        const submitted = fromDayNumber(n);
        const plain = decisionDeadline(submitted);
        const extended = decisionDeadline(submitted, 8, { extendToWorkingDay: true });
        expect(isWorkingDay(extended)).toBe(true);
        expect(daysBetween(plain, extended)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(plain, extended)).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('is overdue only after the deadline day', () => {
    expect(isOverdue('2024-02-26', '2024-02-25')).toBe(false);
    expect(isOverdue('2024-02-26', '2024-02-26')).toBe(false);
    expect(isOverdue('2024-02-26', '2024-02-27')).toBe(true);
    expect(daysRemaining('2024-02-26', '2024-01-01')).toBe(56);
    expect(daysRemaining('2024-02-26', '2024-02-26')).toBe(0);
    expect(daysRemaining('2024-02-26', '2024-03-01')).toBe(-4);
  });
});

describe('public holidays (art. 3 Algemene termijnenwet)', () => {
  it('computes Easter', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the holidays of a year', () => {
    expect(publicHolidays(2024)).toEqual(['2024-01-01', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26']);
    // King's Day moves to Saturday 26 April when the 27th is a Sunday
    expect(publicHolidays(2025)).toContain('2025-04-26');
    // Queen's Day before 2014
    expect(publicHolidays(2012)).toContain('2012-04-30');
    expect(isPublicHoliday('2024-05-09')).toBe(true);
    expect(isPublicHoliday('2024-03-29')).toBe(false); // Good Friday is not
    expect(isWorkingDay('2024-03-29')).toBe(true);
    expect(isWorkingDay('2024-03-30')).toBe(false);
  });
});
