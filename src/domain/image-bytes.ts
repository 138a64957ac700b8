/**
 * Reading integers and markers out of untrusted bytes, for `image-files.ts` and
 * `image-metadata.ts`. The helpers return -1 (or false) instead of throwing when a read would run
 * off the end: hostile offsets are ordinary input here, and DataView would throw a RangeError on
 * them.
 */

export function u16(bytes: Uint8Array, offset: number, little: boolean): number {
  if (offset < 0 || offset + 2 > bytes.length) return -1;
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  return little ? a | (b << 8) : (a << 8) | b;
}

export function u32(bytes: Uint8Array, offset: number, little: boolean): number {
  if (offset < 0 || offset + 4 > bytes.length) return -1;
  const a = bytes[offset]!;
  const b = bytes[offset + 1]!;
  const c = bytes[offset + 2]!;
  const d = bytes[offset + 3]!;
  // `>>> 0` keeps offsets above 2 GB positive instead of wrapping to negative numbers.
  return (little ? a | (b << 8) | (c << 16) | (d << 24) : (a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** True when `bytes` holds `expected` (bytes, or a Latin-1 string) at `offset`. */
export function hasAt(bytes: Uint8Array, offset: number, expected: string | readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const want = typeof expected === 'string' ? expected.charCodeAt(i) : expected[i];
    if (bytes[offset + i] !== want) return false;
  }
  return true;
}

/** A zero-copy Buffer view, for Buffer.indexOf (a fast substring search in native code). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every position of `needle` in `haystack`, from left to right, at most `limit` of them. */
export function* positions(haystack: Buffer, needle: string, limit = Number.POSITIVE_INFINITY): Generator<number> {
  let from = 0;
  for (let found = 0; found < limit; found++) {
    const at = haystack.indexOf(needle, from, 'latin1');
    if (at === -1) return;
    yield at;
    from = at + 1;
  }
}
