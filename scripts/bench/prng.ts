/**
 * The seeded randomness behind the synthetic networks (`synthetic.ts`): the same seed gives the
 * same network, the same words and the same pictures on every machine.
 */

export { mulberry32 } from '../../src/domain/random.ts';

/** A random integer in [0, n). */
export function intBelow(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** A random item of `list`. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[intBelow(random, list.length)]!;
}
