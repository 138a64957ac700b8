/**
 * The three browsable sections (stories, places, KIM) share one listing machinery: each is
 * described here once (its items, facet, labels and URLs) and the route files stay one line.
 */
import { buildListings, LISTING_SPECS, usedFacetKeys, type ListingSpec } from '../lib/listings.ts';
import type { ListingFacet } from '../lib/urls.ts';
import { buildsNetworkWide, getNetwork, listingTotals, t, urls, type Kim, type Network, type Place, type Story } from './network.ts';
import { kimCard, label, placeCard, storyCard, type KimCardData, type PlaceCardData, type StoryCardData } from './view.ts';

type Cards =
  | { type: 'stories'; items: StoryCardData[] }
  | { type: 'places'; items: PlaceCardData[] }
  | { type: 'kim'; items: KimCardData[] };

interface SectionDescriptor<T> {
  spec: ListingSpec<T>;
  items: (network: Network) => readonly T[];
  cards: (network: Network, items: readonly T[]) => Cards;
  facetLabel: (key: string) => string;
  title: (facet: ListingFacet | undefined) => string;
  intro: () => string;
  url: (facet?: ListingFacet, page?: number) => string;
}

const describe = <T,>(d: SectionDescriptor<T>) => d;

export const SECTIONS = {
  stories: describe<Story>({
    spec: LISTING_SPECS.stories,
    items: (n) => n.stories,
    cards: (n, items) => ({ type: 'stories', items: items.map((s) => storyCard(n, s)) }),
    facetLabel: (key) => label('story.category', key),
    title: (f) => (f ? t('story.category.title', { category: label('story.category', f.key) }) : t('story.listing.title')),
    intro: () => t('story.listing.intro'),
    url: urls.storyListing,
  }),
  places: describe<Place>({
    spec: LISTING_SPECS.places,
    items: (n) => n.places,
    cards: (n, items) => ({ type: 'places', items: items.map((p) => placeCard(n, p)) }),
    facetLabel: (key) => label('sector', key),
    title: (f) => (f ? t('place.kind.title', { kind: label('sector', f.key) }) : t('place.listing.title')),
    intro: () => t('place.listing.intro'),
    url: urls.placeListing,
  }),
  kim: describe<Kim>({
    spec: LISTING_SPECS.kim,
    items: (n) => n.kims,
    cards: (n, items) => ({ type: 'kim', items: items.map((k) => kimCard(n, k)) }),
    facetLabel: (key) => label('sector', key),
    title: (f) => (f ? t('kim.sector.title', { sector: label('sector', f.key) }) : t('kim.listing.title')),
    intro: () => t('kim.listing.intro'),
    url: urls.kimListing,
  }),
};

export type SectionName = keyof typeof SECTIONS;

/** Everything one listing page renders. */
export interface ListingView {
  section: SectionName;
  title: string;
  sectionTitle: string;
  intro: string;
  facet: ListingFacet | undefined;
  facetOptions: { key: string; label: string; href: string }[];
  cards: Cards;
  page: number;
  totalPages: number;
  totalItems: number;
  /** How many items the listing's pages show, fewer than `totalItems` when it stops early. */
  shownItems: number;
  /** True on the last page of a listing that stops before its last items. */
  truncated: boolean;
}

/** `getStaticPaths` for a section's `[...listing].astro`: every page of every facet. */
export async function listingPaths(section: SectionName) {
  if (!buildsNetworkWide) return [];
  const network = await getNetwork();
  const d = SECTIONS[section] as SectionDescriptor<unknown>;
  const items = d.items(network);
  const facetOptions = usedFacetKeys(items, d.spec).map((key) => ({
    key,
    label: d.facetLabel(key),
    href: d.url({ type: d.spec.facetType, key } as ListingFacet),
  }));
  return buildListings(items, d.spec, listingTotals?.[section]).map(({ param, facet, page, totalItems }) => {
    const view: ListingView = {
      section,
      title: d.title(facet),
      sectionTitle: d.title(undefined),
      intro: d.intro(),
      facet,
      facetOptions,
      cards: d.cards(network, page.items),
      page: page.number,
      totalPages: page.total,
      totalItems,
      shownItems: page.totalItems,
      truncated: page.number === page.total && page.totalItems < totalItems,
    };
    return { params: { listing: param }, props: { view } };
  });
}

/** The URL of another page of the same listing, for pagination links. */
export function listingPageUrl(view: ListingView, page: number): string {
  return SECTIONS[view.section].url(view.facet, page);
}
