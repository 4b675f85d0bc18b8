// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { lineErrors } from './survey-api.js';
import { percent } from './WavePage.js';

describe('lineErrors: the line-numbered errors of a rejected import', () => {
  it.each([
    [{ errors: [{ line: 3, message: 'ongeldige postcode "59XX"' }] }, [{ line: 3, message: 'ongeldige postcode "59XX"' }]],
    [{ errors: [{ line: 2 }, { path: '/csv', message: 'x' }, null, 'x'] }, [{ line: 2, message: '' }]],
    [{ errors: 'not a list' }, []],
    [{}, []],
  ])('%j', (body, expected) => {
    expect(lineErrors(body as Record<string, unknown>)).toEqual(expected);
  });
});

describe('percent', () => {
  it.each([
    [0.1667, 'nl', '17%'],
    [0.5, 'en', '50%'],
    [null, 'nl', '–'],
  ] as const)('%s in %s', (value, lang, expected) => {
    expect(percent(value, lang).replace(/\s/g, '')).toBe(expected);
  });
});
