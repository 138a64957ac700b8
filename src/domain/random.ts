/**
 * Seeded numbers for what must look varied yet come out the same on every build and machine:
 * a KIM's place in the colour palette (brand.ts), the shapes of an entry's visual (art.ts), the
 * benchmark's synthetic networks. `Math.random` is neither seeded nor stable.
 */

/** A 32-bit hash of a text (FNV-1a): a stable seed from an id. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a tiny, fast 32-bit PRNG, deterministic across machines and Node versions. */
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
