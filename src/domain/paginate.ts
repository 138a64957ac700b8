/** One page of a listing. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  totalItems: number;
}

/** Splits a list into pages; an empty list still has one (empty) page so its listing exists. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    totalItems: items.length,
  }));
}
