// SPDX-License-Identifier: EUPL-1.2
// Simple random sampling without replacement, with a random source the caller chooses: the
// system's cryptographic generator in production, a seeded one in tests (same seed → same sample).
//
// Algorithm: partial Fisher–Yates shuffle (Durstenfeld 1964): for i = 0 … k−1 swap element i with
// a uniformly chosen element of i … N−1; the first k elements are the sample, every subset of size
// k equally likely. Uniform integers come from `randomBelow(m)` (0 ≤ r < m), which must itself be
// unbiased (crypto.randomInt is; the seeded source below uses rejection sampling).
/** A source of uniform integers 0 ≤ r < m. */
export type RandomBelow = (m: number) => number;

/** k items drawn without replacement (all of them, shuffled, when k ≥ N). Does not change `items`. */
export function drawSample<T>(items: readonly T[], k: number, randomBelow: RandomBelow): T[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer >= 0, got ${k}`);
  const pool = [...items];
  const take = Math.min(k, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + randomBelow(pool.length - i);
    const tmp = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = tmp;
  }
  return pool.slice(0, take);
}

/**
 * A deterministic source of uniform integers from a seed: the seed string is hashed with cyrb128
 * into 128 bits that start an sfc32 generator (Chris Doty-Humphrey's Small Fast Chaotic PRNG,
 * PractRand-tested); rejection sampling removes modulo bias. For reproducible tests and published
 * seeds, not for secrets.
 */
export function seededRandom(seed: string): RandomBelow {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
  let b = (h2 ^ h1) >>> 0;
  let c = (h3 ^ h1) >>> 0;
  let d = (h4 ^ h1) >>> 0;
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  const RANGE = 2 ** 32;
  return (m: number): number => {
    if (!Number.isInteger(m) || m < 1 || m > RANGE) throw new RangeError(`m must be an integer in [1, 2^32], got ${m}`);
    const limit = RANGE - (RANGE % m);
    for (;;) {
      const r = next32();
      if (r < limit) return r % m;
    }
  };
}
