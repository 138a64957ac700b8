/** Bytes in a megabyte (MiB), as every MB figure of the benchmark counts them. */
export const MB = 1024 * 1024;

/** A number rounded to `digits` decimals, as the figures are stored. */
export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
