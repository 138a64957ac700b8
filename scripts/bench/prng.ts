/**
 * The seeded randomness behind the synthetic networks (`synthetic.ts`): the same seed gives the
 * same network, the same words and the same pictures on every machine.
 */

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough to spread synthetic data, and deterministic
 * across machines and Node versions, which `Math.random` is not.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [0, n). */
export function intBelow(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** A random item of `list`. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[intBelow(random, list.length)]!;
}
