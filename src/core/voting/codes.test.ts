// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { ageAllowed, ageGroupOf, ageInYear, CODE_ALPHABET, CODE_BITS, newVotingCode, normaliseVotingCode } from './codes.js';

describe('voting codes', () => {
  it('have 80 bits from 32 symbols without look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const ch of '01IO') expect(CODE_ALPHABET).not.toContain(ch);
    expect(CODE_BITS).toBeGreaterThanOrEqual(80);
  });

  it('map each byte to a symbol by its low five bits, in groups of four', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 2 + 32); // 32, 34, ... : low bits 0, 2, 4, ...
    expect(newVotingCode(() => bytes)).toBe('ACEG-JLNQ-SUWY-2468');
    expect(newVotingCode(() => new Uint8Array(16).fill(255))).toBe('9999-9999-9999-9999');
  });

  it('differ each time with a real random source', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newVotingCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(normaliseVotingCode(c)).toBe(c.replaceAll('-', ''));
  });

  it.each([
    ['abcd-efgh-jklm-npqr', 'ABCDEFGHJKLMNPQR'],
    [' ABCD EFGH JKLM NPQR ', 'ABCDEFGHJKLMNPQR'],
    ['ABCD.EFGH.JKLM.NPQR', 'ABCDEFGHJKLMNPQR'],
    ['ABCD-EFGH-JKLM-NPQ', null],
    ['ABCD-EFGH-JKLM-NPQRS', null],
    ['0BCD-EFGH-JKLM-NPQR', null],
    ['IBCD-EFGH-JKLM-NPQR', null],
    ['', null],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseVotingCode(input)).toBe(expected);
  });
});

describe('age in a voting round (the year voting closes minus the birth year)', () => {
  it.each([
    [2014, 2026, 12, true, '12-17'],
    [2015, 2026, 11, false, '0-11'],
    [1999, 2026, 27, true, '18-27'],
    [1998, 2026, 28, false, '28-44'],
    [1960, 2026, 66, false, '65+'],
  ])('born %i, voting in %i: age %i, allowed in 12-27: %s, group %s', (born, year, age, allowed, group) => {
    expect(ageInYear(born, year)).toBe(age);
    expect(ageAllowed(age, 12, 27)).toBe(allowed);
    expect(ageGroupOf(age)).toBe(group);
  });

  it('has open bounds when a limit is absent', () => {
    expect(ageAllowed(90, 16, undefined)).toBe(true);
    expect(ageAllowed(5, undefined, 27)).toBe(true);
    expect(ageAllowed(15, 16, undefined)).toBe(false);
  });
});
