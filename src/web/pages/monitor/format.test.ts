// SPDX-License-Identifier: EUPL-1.2
// Wijkkompas figures for reading: statuses in words (never 0), units, honest comparison wording,
// the colour classes and the CSV.
import { describe, expect, it } from 'vitest';
import { format as fill } from '../../i18n/i18n.js';
import { nl } from '../../i18n/nl.js';
import type { MessageKey } from '../../i18n/nl.js';
import { classOf, colourClasses, compare, comparisonText, formatValue, sequentialPalette, toCsv } from './format.js';

const t = (key: MessageKey, values?: Record<string, string | number>) => fill(nl[key], values);
const percent = { unit: 'percent', decimals: 1 };

describe('formatValue', () => {
  it.each([
    [{ value: 12.34, status: 'ok' }, '12,3%'],
    [{ value: 0, status: 'ok' }, '0,0%'],
    [{ value: null, status: 'suppressed' }, 'afgeschermd (te weinig waarnemingen)'],
    [{ value: null, status: 'missing' }, 'geen cijfer bekend'],
    [{ value: null, status: 'not_applicable' }, 'niet van toepassing'],
    // A number with a status that has none is not shown.
    [{ value: 5, status: 'suppressed' }, 'afgeschermd (te weinig waarnemingen)'],
  ] as const)('%o -> %s', (value, expected) => {
    expect(formatValue(value, percent, t, 'nl')).toBe(expected);
  });
});

describe('compare: better/worse only when the API marks the difference significant', () => {
  it.each([
    [{ value: -8.2, significant: true }, 'higher_better', 'Ongunstiger dan de rest van de gemeente (verschil 8,2%, statistisch betrouwbaar)'],
    [{ value: -8.2, significant: true }, 'higher_worse', 'Gunstiger dan de rest van de gemeente (verschil 8,2%, statistisch betrouwbaar)'],
    [{ value: 3, significant: false }, 'higher_better', 'Geen betrouwbaar verschil met de rest van de gemeente'],
    [{ value: 3, significant: true }, 'neutral', 'Verschil met de rest van de gemeente: 3,0% hoger'],
    // Not a statistical figure: a plain difference, however large.
    [{ value: -12 }, 'higher_better', 'Verschil met de rest van de gemeente: 12,0% lager'],
    [{ value: 0 }, 'higher_better', 'Gelijk aan de rest van de gemeente'],
  ] as const)('%o %s -> %s', (difference, polarity, expected) => {
    expect(comparisonText(compare(difference, polarity, percent, t, 'nl'), t)).toBe(expected);
  });
  it('says nothing without a difference', () => {
    expect(comparisonText(compare(undefined, 'higher_better', percent, t, 'nl'), t)).toBeNull();
  });
});

describe('colour classes', () => {
  it('splits the range into five classes, light to dark, the maximum in the darkest', () => {
    const classes = colourClasses([10, 20, 30, 40, 60]);
    expect(classes.map((c) => c.colour)).toEqual([...sequentialPalette]);
    expect(classes[0]!.from).toBe(10);
    expect(classes.at(-1)!.to).toBe(60);
    expect(classOf(10, classes)!.colour).toBe(sequentialPalette[0]);
    expect(classOf(60, classes)!.colour).toBe(sequentialPalette[4]);
    expect(classOf(35, classes)!.colour).toBe(sequentialPalette[2]);
  });
  it('has one class when every value is equal, none without values', () => {
    expect(colourClasses([7, 7])).toHaveLength(1);
    expect(colourClasses([])).toEqual([]);
  });
});

describe('toCsv', () => {
  it('writes ; with a decimal comma and a BOM, empty for no number, quotes where needed', () => {
    expect(
      toCsv(
        ['gebied', 'waarde'],
        [
          ['Wijk 11; Centrum', 12.5],
          ['Blerick', null],
        ],
      ),
    ).toBe('\uFEFFgebied;waarde\r\n"Wijk 11; Centrum";12,5\r\nBlerick;\r\n');
  });
});
