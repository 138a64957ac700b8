/**
 * Listing pages (all stories, stories of one category, places of one kind, …) as plain data, so
 * route files only map them to `getStaticPaths` and tests can check them without a build.
 */
import { paginate, type Page } from './paginate.ts';
import { listingParam, type ListingFacet } from './urls.ts';

export interface ListingPage<T> {
  /** The rest-parameter value of the listing route. */
  param: string | undefined;
  facet: ListingFacet | undefined;
  page: Page<T>;
}

export interface ListingSpec<T> {
  facetType: ListingFacet['type'];
  /** Every facet key in taxonomy order; keys without items get no page. */
  facetKeys: readonly string[];
  keysOf: (item: T) => readonly string[];
  pageSize: number;
}

/** The facet keys that have at least one item, in taxonomy order: what a facet menu offers. */
export function usedFacetKeys<T>(items: readonly T[], spec: Pick<ListingSpec<T>, 'facetKeys' | 'keysOf'>): string[] {
  const used = new Set(items.flatMap(spec.keysOf));
  return spec.facetKeys.filter((key) => used.has(key));
}

/** Every page of the unfiltered listing and of each non-empty facet. */
export function buildListings<T>(items: readonly T[], spec: ListingSpec<T>): ListingPage<T>[] {
  const groups: { facet: ListingFacet | undefined; items: readonly T[] }[] = [{ facet: undefined, items }];
  for (const key of usedFacetKeys(items, spec)) {
    groups.push({ facet: { type: spec.facetType, key }, items: items.filter((item) => spec.keysOf(item).includes(key)) });
  }
  return groups.flatMap(({ facet, items: group }) =>
    paginate(group, spec.pageSize).map((page) => ({ param: listingParam(facet, page.number), facet, page })),
  );
}
