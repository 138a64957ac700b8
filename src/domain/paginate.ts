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

/** One page of items kept in groups, each group shown under its heading. */
export interface GroupedPage<T> {
  number: number;
  total: number;
  /** A group that went on from the page before is `continued`, so its heading can say so. */
  groups: { key: string; continued: boolean; items: T[] }[];
}

/**
 * Splits a list already in group order into pages of `size` items, each page's items gathered
 * under their groups. A group may run over a page break; it is not moved whole to the next page,
 * so every page but the last holds exactly `size` items.
 */
export function paginateGroups<T>(items: readonly T[], size: number, groupOf: (item: T) => string): GroupedPage<T>[] {
  let previous: string | undefined;
  return paginate(items, size).map((page) => {
    const groups: GroupedPage<T>['groups'] = [];
    for (const item of page.items) {
      const key = groupOf(item);
      const last = groups.at(-1);
      if (last?.key === key) last.items.push(item);
      else groups.push({ key, continued: groups.length === 0 && key === previous, items: [item] });
    }
    previous = page.items.length > 0 ? groupOf(page.items.at(-1)!) : previous;
    return { number: page.number, total: page.total, groups };
  });
}
