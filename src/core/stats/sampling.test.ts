// SPDX-License-Identifier: EUPL-1.2
// Simple random sampling without replacement (partial Fisher–Yates) and the seeded source.
import { describe, expect, it } from 'vitest';
import { drawSample, seededRandom } from './sampling.js';

describe('drawSample', () => {
  const items = ['a', 'b', 'c', 'd'];

  it('follows the swaps by hand: always the first candidate gives the first k', () => {
    expect(drawSample(items, 2, () => 0)).toEqual(['a', 'b']);
  });

  it('always the last candidate: swap a↔d, then b↔a, giving [d, a]', () => {
    expect(drawSample(items, 2, (m) => m - 1)).toEqual(['d', 'a']);
  });

  it('takes everything (shuffled) when k ≥ N, nothing for k = 0; leaves the input alone', () => {
    expect(drawSample(items, 10, seededRandom('x')).sort()).toEqual(items);
    expect(drawSample(items, 0, seededRandom('x'))).toEqual([]);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
    expect(() => drawSample(items, -1, () => 0)).toThrow(RangeError);
  });

  it('the same seed draws the same sample; another seed another one; no duplicates', () => {
    const frame = Array.from({ length: 1000 }, (_, i) => i);
    const one = drawSample(frame, 100, seededRandom('wave-2024'));
    expect(drawSample(frame, 100, seededRandom('wave-2024'))).toEqual(one);
    expect(drawSample(frame, 100, seededRandom('wave-2026'))).not.toEqual(one);
    expect(new Set(one).size).toBe(100);
  });

  it('every item about equally likely (20,000 draws of 1 of 4 from one seed: each 5,000 ± 300)', () => {
    const random = seededRandom('uniform');
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const [x] = drawSample(items, 1, random);
      counts.set(x as string, (counts.get(x as string) ?? 0) + 1);
    }
    for (const item of items) expect(Math.abs((counts.get(item) ?? 0) - 5000)).toBeLessThan(300);
  });

  it('the seeded source stays below m and refuses bad bounds', () => {
    const random = seededRandom('bounds');
    for (let i = 0; i < 1000; i++) expect(random(7)).toBeLessThan(7);
    expect(() => random(0)).toThrow(RangeError);
  });
});
