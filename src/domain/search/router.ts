/**
 * The search router of a network built in shards. Every shard has its own Pagefind index, and a
 * search over the whole network cannot load them all: each index's metadata grows with its pages,
 * so 55 of them cost megabytes before the first result. The router is one more, small Pagefind
 * index with one record per shard, whose words are every word that shard's pages contain. A
 * search asks the router first, which answers with the shards that hold the query's words, best
 * first; the search page then loads only the best shard, and the next ones when the reader asks
 * for more results.
 *
 * The router is itself a Pagefind index, so a query's words are tokenised and stemmed exactly as
 * the shards' were (an Indonesian stemmer turns "pemerintah" into "perintah"; matching words any
 * other way would miss shards). Its records are fed the shards' raw words, taken from the text
 * Pagefind stored for every page, never its stemmed index words: stemming twice can change them.
 *
 * This module is what the search page and the build share; `build-router.ts` writes the router.
 */

/** The router's folder under the site's `pagefind/`, beside the shards' folders (which are region codes). */
export const ROUTER_DIR = 'rute';

/**
 * How often a word is repeated in its shard's router record: one more time for every doubling of
 * the pages holding it, so Pagefind's ranking puts first the shard where a word is most common,
 * while a record stays a few times its vocabulary long.
 */
export const MAX_ROUTE_WEIGHT = 12;
export function routeWeight(pages: number): number {
  return Math.min(MAX_ROUTE_WEIGHT, 1 + Math.floor(Math.log2(Math.max(1, pages))));
}

/**
 * Counts, for every word, the pages that contain it. Words are split on white space and lower-cased
 * and otherwise kept as the page had them: Pagefind splits and cleans each one again when it
 * indexes the router, exactly as it did the page.
 */
export function countWords(pages: Iterable<string>, counts = new Map<string, number>()): Map<string, number> {
  for (const text of pages) {
    const seen = new Set(text.toLowerCase().split(/\s+/).filter((word) => word !== ''));
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** A shard's router record: each of its words, repeated by `routeWeight`, in a stable order. */
export function routerContent(counts: ReadonlyMap<string, number>): string {
  const words = [...counts.keys()].sort();
  return words.map((word) => Array.from({ length: routeWeight(counts.get(word)!) }, () => word).join(' ')).join(' ');
}

/**
 * The shards to search for a query, best first, from the router's results (Pagefind result ids,
 * already in score order) and the map of router ids to shards. Shards not in the router's answer
 * hold none of the query's words and are never loaded.
 */
export function rankShards(resultIds: readonly string[], routes: Readonly<Record<string, string>>): string[] {
  const ranked: string[] = [];
  for (const id of resultIds) {
    const shard = routes[id];
    if (shard !== undefined && !ranked.includes(shard)) ranked.push(shard);
  }
  return ranked;
}

/** `pagefind/shards.json` on a site built in shards: what the search page needs to pick indexes. */
export interface ShardList {
  /** The region shards with a search index, each under `pagefind/<shard>/`. */
  shards: string[];
  /** The shard holding each kabupaten/kota, by the name its search facet uses. */
  kabupaten: Record<string, string>;
  /** Each shard as a reader reads it (a province, or a run of its regencies). */
  labels: Record<string, string>;
  /** Router result id → shard. */
  routes: Record<string, string>;
  /**
   * The network shard's small index of guides, which no region shard indexes: searched beside the
   * best region shard whenever the router says it holds the query's words, never listed as an area.
   */
  guides?: string;
}
