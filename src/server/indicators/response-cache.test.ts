// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

describe('ResponseCache', () => {
  it('keeps an entry for its time to live, then forgets it', () => {
    let now = 1_000;
    const cache = new ResponseCache(30_000, 10, () => now);
    cache.set('a', '{"x":1}');
    now += 29_999;
    expect(cache.get('a')).toBe('{"x":1}');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full, and everything on clear', () => {
    const cache = new ResponseCache(30_000, 2, () => 0);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('c', '3');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, '2', '3']);
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });
});
