/**
 * Listing pages (all stories, stories of one category, places of one kind, …) as plain data, so
 * route files only map them to `getStaticPaths` and tests can check them without a build.
 *
 * A network-wide listing stops after `maxPages` pages: nobody pages through thousands of pages
 * of a national network, readers narrow down by region instead, and a build that renders every
 * page of every facet grows faster than the network. The last page says so and links onwards.
 */
import { paginate, type Page } from './paginate.ts';
import { PLACE_KIND_KEYS, SECTOR_KEYS, STORY_CATEGORY_KEYS } from './taxonomy.ts';
import { topicsOf, topicKeysOf } from './topics.ts';
import { listingParam, type ListingFacet } from './urls.ts';

export interface ListingPage<T> {
  /** The rest-parameter value of the listing route. */
  param: string | undefined;
  facet: ListingFacet | undefined;
  page: Page<T>;
  /** How many items the listing has, including those past its last page. */
  totalItems: number;
  /** Every item the listing's pages show (the same array for each of its pages): what its map shows. */
  shown: readonly T[];
}

export interface ListingSpec<T> {
  facetType: ListingFacet['type'];
  /** Every facet key in taxonomy order; keys without items get no page. */
  facetKeys: readonly string[];
  keysOf: (item: T) => readonly string[];
  pageSize: number;
  maxPages: number;
}

/** Pages per listing: 25 pages of the newest stories are about half a year of a busy kabupaten. */
const MAX_LISTING_PAGES = 25;

/** Small enough pages for a slow connection, large enough to browse. */
const PAGE_SIZE = 12;

/** How many of the newest stories and of the (featured) places the home page shows. */
export const HOME_CARDS = 6;

/** How many of their latest stories a province, kabupaten/kota and kecamatan page shows. */
export const AREA_STORIES = 5;

/** The three sections' listings; the shard planner reads them to know which entries are shown. */
export const LISTING_SPECS = {
  stories: {
    facetType: 'category',
    facetKeys: STORY_CATEGORY_KEYS,
    keysOf: (s: { data: { category: string } }) => [s.data.category],
    pageSize: PAGE_SIZE,
    maxPages: MAX_LISTING_PAGES,
  },
  places: { facetType: 'kind', facetKeys: PLACE_KIND_KEYS, keysOf: (p: { data: { kind: string } }) => [p.data.kind], pageSize: PAGE_SIZE, maxPages: MAX_LISTING_PAGES },
  kim: { facetType: 'sector', facetKeys: SECTOR_KEYS, keysOf: (k: { data: { sectors: readonly string[] } }) => k.data.sectors, pageSize: 24, maxPages: MAX_LISTING_PAGES },
} as const satisfies Record<string, ListingSpec<never>>;

/**
 * A region's story directory: its stories newest first, by page, without category facets. The
 * network-wide listing has those; per region they would multiply the pages by the categories for
 * little gain, where a kecamatan sees a handful of stories a month.
 */
export const REGION_STORY_SPEC = { ...LISTING_SPECS.stories, facetKeys: [] as readonly string[] } satisfies ListingSpec<{ data: { category: string } }>;

/**
 * Which regions get a story directory: kabupaten/kota and kecamatan, the areas readers follow
 * news by. A province's would repeat its regencies' at a scale nobody pages through, and a
 * village's page already lists its own stories.
 */
export function hasStoryDirectory(region: { level: string }): boolean {
  return region.level === 'regency' || region.level === 'district';
}

/** How many of `size` items a listing shows. */
function cappedLength(size: number, spec: Pick<ListingSpec<unknown>, 'pageSize' | 'maxPages'>): number {
  return Math.min(size, spec.pageSize * spec.maxPages);
}

/** The facet keys that have at least one item, in taxonomy order: what a facet menu offers. */
export function usedFacetKeys<T>(items: readonly T[], spec: Pick<ListingSpec<T>, 'facetKeys' | 'keysOf'>): string[] {
  const used = new Set(items.flatMap(spec.keysOf));
  return spec.facetKeys.filter((key) => used.has(key));
}

/** A listing's pages: the items it shows (capped), paginated, each page with its route parameter. */
function pagesOf<T>(groups: readonly { facet: ListingFacet | undefined; items: readonly T[] }[], spec: Pick<ListingSpec<T>, 'pageSize' | 'maxPages'>, totals?: Readonly<Record<string, number>>): ListingPage<T>[] {
  return groups.flatMap(({ facet, items: group }) => {
    const totalItems = totals?.[facet?.key ?? 'all'] ?? group.length;
    const shown = group.slice(0, cappedLength(totalItems, spec));
    return paginate(shown, spec.pageSize).map((page) => ({ param: listingParam(facet, page.number), facet, page, totalItems, shown }));
  });
}

/**
 * Every page of the unfiltered listing and of each non-empty facet. `totals` gives the size of
 * each listing (`all` and each facet key) when `items` holds only the entries shown (a network
 * shard); without it the items are counted.
 */
export function buildListings<T>(items: readonly T[], spec: ListingSpec<T>, totals?: Readonly<Record<string, number>>): ListingPage<T>[] {
  const groups: { facet: ListingFacet | undefined; items: readonly T[] }[] = [{ facet: undefined, items }];
  for (const key of usedFacetKeys(items, spec)) {
    groups.push({ facet: { type: spec.facetType, key }, items: items.filter((item) => spec.keysOf(item).includes(key)) });
  }
  return pagesOf(groups, spec, totals);
}

/**
 * Every page of every topic's listing (`/cerita/topik/<key>/`), from stories ordered newest
 * first. Topics are the contributors' own words, not a taxonomy: their keys come from the
 * stories. Each stops after the same page limit as the other listings.
 */
export function buildTopicListings<T extends { data: { tags: readonly string[] } }>(
  stories: readonly T[],
  spec: Pick<ListingSpec<T>, 'pageSize' | 'maxPages'> = LISTING_SPECS.stories,
  totals?: Readonly<Record<string, number>>,
): ListingPage<T>[] {
  const byKey = new Map<string, T[]>();
  for (const story of stories) {
    for (const key of topicKeysOf(story)) {
      const list = byKey.get(key);
      if (list) list.push(story);
      else byKey.set(key, [story]);
    }
  }
  const groups = topicsOf(stories).map(({ key }) => ({ facet: { type: 'topic', key } as const, items: byKey.get(key)! }));
  return pagesOf(groups, spec, totals);
}
