// SPDX-License-Identifier: EUPL-1.2
// The web app's pure helpers: where to go after signing in, how a logo is shown, message
// templates, problem details, query strings, and the two dictionaries.
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './components/AppLink.js';
import { logoSource } from './municipality.js';
import { format } from './i18n/i18n.js';
import { nl } from './i18n/nl.js';
import { en } from './i18n/en.js';
import { ProblemError, query } from './api/client.js';
import { listItems } from './pages/admin.js';

describe('safeReturnPath', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnPath('/gemeente/GM0983/gebied/x?y=1', '/')).toBe('/gemeente/GM0983/gebied/x?y=1');
  });
  it.each([null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/api/auth/logout'])('refuses %s', (value) => {
    expect(safeReturnPath(value, '/fallback')).toBe('/fallback');
  });
});

describe('logoSource', () => {
  it('turns inline SVG into a data: URL for an <img> (scripts in it never run)', () => {
    const src = logoSource('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(src).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(decodeURIComponent(src!.split(',')[1]!)).toContain('<svg');
  });
  it('accepts an https address and refuses anything else', () => {
    expect(logoSource('https://example.org/logo.svg')).toBe('https://example.org/logo.svg');
    expect(logoSource('http://example.org/logo.svg')).toBeNull();
    expect(logoSource('javascript:alert(1)')).toBeNull();
    expect(logoSource('<img src=x onerror=alert(1)>')).toBeNull();
    expect(logoSource(undefined)).toBeNull();
  });
});

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{count} van {total}', { count: 3, total: 21 })).toBe('3 van 21');
    expect(format('Hallo {name}', {})).toBe('Hallo {name}');
  });
  it('has an English text for every Dutch one, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});

describe('API helpers', () => {
  it('ProblemError gives the reader’s language and the fields the server named', () => {
    const problem = new ProblemError(400, 'validation_failed', 'De invoer klopt niet.', 'The input is not valid.', [
      { path: '/email' },
      { path: '/roles/0/area' },
      { path: '' },
    ]);
    expect(problem.localized('nl')).toBe('De invoer klopt niet.');
    expect(problem.localized('en')).toBe('The input is not valid.');
    expect(problem.fields()).toEqual(['email', 'roles']);
  });
  it('query leaves out empty values', () => {
    expect(query({ level: 'wijk', q: '', on: undefined, n: 0, x: null })).toBe('?level=wijk&n=0');
    expect(query({})).toBe('');
  });
  it('listItems accepts { items, abilities } and a bare array', () => {
    expect(listItems({ items: [1], abilities: ['people.manage'] })).toEqual({ items: [1], abilities: ['people.manage'] });
    expect(listItems([1, 2])).toEqual({ items: [1, 2], abilities: [] });
  });
});
