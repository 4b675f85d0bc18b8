// SPDX-License-Identifier: EUPL-1.2
// Amounts in the initiative forms: typed in Dutch notation, checked per line, summed in cents.
import { describe, expect, it } from 'vitest';
import { amountText, parseEuros } from '../budgets/money.js';
import { checkLines, isBlank, sumLines } from './AmountLines.js';

describe('parseEuros', () => {
  it.each([
    ['1.234,50', 123_450],
    ['€ 25', 2_500],
    ['5.000,-', 500_000],
    ['0,06', 6],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });
  it.each(['', 'abc', '1.234,567', '-5,00', '0'])('refuses %j', (text) => {
    expect(parseEuros(text)).toBeNull();
  });
  it('allows zero where the sign says so (an own contribution)', () => {
    expect(parseEuros('0', 'non_negative')).toBe(0);
  });
});

describe('amountText', () => {
  it('writes cents back as the field shows them', () => {
    expect(amountText(123_450)).toBe('1.234,50');
    expect(parseEuros(amountText(987_654_321))).toBe(987_654_321);
  });
});

describe('amount lines', () => {
  const messages = { text: 'text missing', amount: 'amount wrong' };
  it('skips blank lines and names the part that is missing or wrong', () => {
    const lines = [
      { text: 'Bankje', amount: '450,00' },
      { text: '', amount: '' },
      { text: '', amount: '12,345' },
    ];
    expect(isBlank(lines[1]!)).toBe(true);
    expect(checkLines('costLines', lines, messages)).toEqual({ 'costLines.2.text': 'text missing', 'costLines.2.amount': 'amount wrong' });
  });
  it('sums the lines in cents, exactly', () => {
    expect(
      sumLines([
        { text: 'a', amount: '0,10' },
        { text: 'b', amount: '0,20' },
        { text: '', amount: '' },
      ]),
    ).toBe(30);
  });
});
