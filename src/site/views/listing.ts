/**
 * The three browsable sections (stories, places, KIM) share one listing machinery: each is
 * described here once (its items, facet, labels and URLs) and the route files stay one line.
 * A region's place directory is the places listing narrowed to that region.
 */
import { buildListings, buildTopicListings, hasStoryDirectory, LISTING_SPECS, REGION_STORY_SPEC, usedFacetKeys, type ListingSpec } from '../../domain/listings.ts';
import { topicsOf } from '../../domain/topics.ts';
import type { MapMarker } from '../../domain/map.ts';
import type { Page } from '../../domain/paginate.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { directoryParam, topicsParam, type ListingFacet } from '../../domain/urls.ts';
import { buildsHere, buildsNetworkWide, getNetwork, listingTotals, t, urls, type Kim, type Network, type Place, type Story } from '../network.ts';
import { kimCard, label, mapOf, placeCard, storyCard, type KimCardData, type PlaceCardData, type StoryCardData } from './cards.ts';
import { feedLinks, type FeedLinks } from './feed.ts';

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

const SECTIONS = {
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

type FacetOption = { key: string; label: string; href: string };

/** Everything one listing page renders. */
export interface ListingView {
  section: SectionName;
  title: string;
  sectionTitle: string;
  intro: string;
  facet: ListingFacet | undefined;
  facetOptions: FacetOption[];
  /** Where "all" of the facet menu leads: the section, or the region's directory. */
  allHref: string;
  /** The region of a place or story directory; undefined for the network-wide listings. */
  region: Region | undefined;
  /** Smaller areas to narrow the listing to, with how many entries each has. */
  areaOptions: { label: string; href: string; count: number }[];
  /** Where the network's story topics are listed, on the network-wide story listings. */
  topicsHref?: string | undefined;
  crumbs: { label: string; href?: string }[];
  cards: Cards;
  map: { markers: MapMarker[]; located: number } | undefined;
  page: number;
  totalPages: number;
  totalItems: number;
  /** How many items the listing's pages show, fewer than `totalItems` when it stops early. */
  shownItems: number;
  /** True on the last page of a listing that stops before its last items. */
  truncated: boolean;
  /** The feed of the stories listed: the network's, a category's, or a region's. */
  feed?: FeedLinks | undefined;
}

/** Where a page stands in its listing, and whether the listing stops before its last items. */
function paging(page: Page<unknown>, totalItems: number): Pick<ListingView, 'page' | 'totalPages' | 'totalItems' | 'shownItems' | 'truncated'> {
  return {
    page: page.number,
    totalPages: page.total,
    totalItems,
    shownItems: page.totalItems,
    truncated: page.number === page.total && page.totalItems < totalItems,
  };
}

function facetOptions<T>(d: SectionDescriptor<T>, items: readonly T[], href: (facet: ListingFacet) => string): FacetOption[] {
  return usedFacetKeys(items, d.spec).map((key) => {
    const facet = { type: d.spec.facetType, key } as ListingFacet;
    return { key, label: d.facetLabel(key), href: href(facet) };
  });
}

/** The areas one level down (or the provinces, for a network spanning several) that have places. */
function areaOptions(network: Network, parent: Region | undefined) {
  const roots = network.tree.roots();
  const areas = parent ? network.tree.children(parent.code) : roots.length > 1 ? roots : roots.flatMap((r) => network.tree.children(r.code));
  return areas
    .map((area) => ({ area, count: network.stats(area.code).places }))
    .filter(({ count }) => count > 0)
    .map(({ area, count }) => ({
      label: area.fullName,
      // A village has no directory of its own: its page lists its places.
      href: area.level === 'village' ? urls.region(area) : urls.placeDirectory(area),
      count,
    }));
}

/** The kabupaten/kota with stories, each linking to its story directory: how `/cerita/` narrows by region. */
function storyAreaOptions(network: Network) {
  return network.tree
    .roots()
    .flatMap((province) => network.tree.children(province.code))
    .map((area) => ({ area, count: network.stats(area.code).stories }))
    .filter(({ count }) => count > 0)
    .map(({ area, count }) => ({ label: area.fullName, href: urls.storyDirectory(area), count }));
}

/** `getStaticPaths` for a section's `[...listing].astro`: every page of every facet. */
export async function listingPaths(section: SectionName) {
  if (!buildsNetworkWide) return [];
  const network = await getNetwork();
  const d = SECTIONS[section] as SectionDescriptor<unknown>;
  const items = d.items(network);
  const options = facetOptions(d, items, (facet) => d.url(facet));
  const areas = section === 'places' ? areaOptions(network, undefined) : section === 'stories' ? storyAreaOptions(network) : [];
  return buildListings(items, d.spec, listingTotals?.[section]).map(({ param, facet, page, totalItems, shown }) => {
    const title = d.title(facet);
    const view: ListingView = {
      section,
      title,
      sectionTitle: d.title(undefined),
      intro: d.intro(),
      facet,
      facetOptions: options,
      allHref: d.url(),
      region: undefined,
      areaOptions: areas,
      topicsHref: section === 'stories' ? urls.topics() : undefined,
      feed: section === 'stories' ? feedLinks(network, facet?.type === 'category' ? { type: 'category', key: facet.key } : { type: 'network' }) : undefined,
      crumbs: [{ label: t('nav.home'), href: urls.home() }, ...(facet ? [{ label: d.title(undefined), href: d.url() }, { label: title }] : [{ label: title }])],
      cards: d.cards(network, page.items),
      map: section === 'places' ? mapOf(network, { places: shown as Place[] }) : undefined,
      ...paging(page, totalItems),
    };
    return { params: { listing: param }, props: { view } };
  });
}

/** The topics page's value of the stories' listing parameter. */
const TOPICS_PARAM = topicsParam();

/** A topic as the topics page lists it. */
interface TopicLink {
  label: string;
  href: string;
  count: number;
}

/** The topics page (`/cerita/topik/`). */
export interface TopicIndexView {
  title: string;
  intro: string;
  crumbs: ListingView['crumbs'];
  topics: TopicLink[];
}

/**
 * The topics page and every page of every topic (`/cerita/topik/<key>/`), for the stories'
 * `[...listing].astro`: each topic's stories newest first. Built with the network-wide pages; a
 * network shard holds the newest stories of every topic and is handed each topic's size.
 */
export async function topicPaths() {
  if (!buildsNetworkWide) return [];
  const network = await getNetwork();
  const d = SECTIONS.stories;
  const totals = listingTotals?.topics;
  const topics = topicsOf(network.stories).map((topic) => ({ ...topic, count: totals?.[topic.key] ?? topic.count }));
  const labels = new Map(topics.map((topic) => [topic.key, topic.label]));
  const title = t('story.topics.title');
  const home = { label: t('nav.home'), href: urls.home() };
  const section = { label: d.title(undefined), href: d.url() };
  const index: TopicIndexView = {
    title,
    intro: t('story.topics.intro'),
    crumbs: [home, section, { label: title }],
    topics: topics.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id')).map((topic) => ({ label: topic.label, href: d.url({ type: 'topic', key: topic.key }), count: topic.count })),
  };
  const paths: ({ params: { listing: string }; props: { topics: TopicIndexView } } | { params: { listing: string | undefined }; props: { view: ListingView } })[] = [
    { params: { listing: TOPICS_PARAM }, props: { topics: index } },
  ];
  for (const { param, facet, page, totalItems } of buildTopicListings(network.stories, d.spec, totals)) {
    const key = facet!.key;
    const label = labels.get(key)!;
    const view: ListingView = {
      section: 'stories',
      title: t('story.topic.title', { topic: label }),
      sectionTitle: d.title(undefined),
      intro: t('story.topic.intro', { topic: label }),
      facet,
      facetOptions: [],
      allHref: d.url(),
      region: undefined,
      areaOptions: [],
      topicsHref: urls.topics(),
      crumbs: [home, section, { label: title, href: urls.topics() }, { label }],
      cards: d.cards(network, page.items),
      map: undefined,
      ...paging(page, totalItems),
    };
    paths.push({ params: { listing: param }, props: { view } });
  }
  return paths;
}

/**
 * `getStaticPaths` for `potensi/wilayah/[...path].astro`: the place directory of every province,
 * regency and district that has places, by kind, with the sub-areas to narrow it to.
 */
export async function directoryPaths() {
  const network = await getNetwork();
  const d = SECTIONS.places;
  const paths = [];
  for (const region of network.tree.withPages()) {
    if (region.level === 'village' || !buildsHere(region.code)) continue;
    const items = network.placesWithin(region.code);
    if (items.length === 0) continue;
    const options = facetOptions(d, items, (facet) => urls.placeDirectory(region, facet));
    const areas = areaOptions(network, region);
    const regionTitle = t('place.directory.title', { name: region.fullName });
    for (const { facet, page, totalItems, shown } of buildListings(items, d.spec)) {
      const title = facet ? t('place.directory.kindTitle', { kind: label('sector', facet.key), name: region.fullName }) : regionTitle;
      const view: ListingView = {
        section: 'places',
        title,
        sectionTitle: d.title(undefined),
        intro: t('place.directory.intro', { name: region.fullName }),
        facet,
        facetOptions: options,
        allHref: urls.placeDirectory(region),
        region,
        areaOptions: areas,
        crumbs: [
          { label: t('nav.home'), href: urls.home() },
          { label: d.title(undefined), href: d.url() },
          ...network.tree.ancestors(region.code).map((r) => ({ label: r.fullName, href: urls.placeDirectory(r) })),
          ...(facet ? [{ label: region.fullName, href: urls.placeDirectory(region) }, { label: label('sector', facet.key) }] : [{ label: region.fullName }]),
        ],
        cards: d.cards(network, page.items),
        map: mapOf(network, { places: shown }),
        ...paging(page, totalItems),
      };
      paths.push({ params: { path: directoryParam(region, facet, page.number) }, props: { view } });
    }
  }
  return paths;
}

/**
 * `getStaticPaths` for `cerita/wilayah/[...path].astro`: the stories of every kabupaten/kota and
 * kecamatan that has any, newest first, with the kecamatan of a kabupaten/kota to narrow it to.
 * Linear in the stories: each story is on at most two directories' pages, and each directory
 * stops after the listings' page limit.
 */
export async function storyDirectoryPaths() {
  const network = await getNetwork();
  const d = SECTIONS.stories;
  const paths = [];
  for (const region of network.tree.withPages()) {
    if (!hasStoryDirectory(region) || !buildsHere(region.code)) continue;
    const items = network.storiesWithin(region.code);
    if (items.length === 0) continue;
    const areas =
      region.level === 'regency'
        ? network.tree
            .children(region.code)
            .map((area) => ({ area, count: network.storiesWithin(area.code).length }))
            .filter(({ count }) => count > 0)
            .map(({ area, count }) => ({ label: area.fullName, href: urls.storyDirectory(area), count }))
        : [];
    const title = t('story.directory.title', { name: region.fullName });
    for (const { page, totalItems } of buildListings(items, REGION_STORY_SPEC)) {
      const view: ListingView = {
        section: 'stories',
        title,
        sectionTitle: d.title(undefined),
        intro: t('story.directory.intro', { name: region.fullName }),
        facet: undefined,
        facetOptions: [],
        allHref: urls.storyDirectory(region),
        region,
        areaOptions: areas,
        crumbs: [
          { label: t('nav.home'), href: urls.home() },
          { label: d.title(undefined), href: d.url() },
          ...network.tree
            .ancestors(region.code)
            .filter(hasStoryDirectory)
            .map((r) => ({ label: r.fullName, href: urls.storyDirectory(r) })),
          { label: region.fullName },
        ],
        cards: d.cards(network, page.items),
        map: undefined,
        feed: feedLinks(network, { type: 'region', region }),
        ...paging(page, totalItems),
      };
      paths.push({ params: { path: directoryParam(region, undefined, page.number) }, props: { view } });
    }
  }
  return paths;
}

/** The URL of another page of the same listing, for pagination links. */
export function listingPageUrl(view: ListingView, page: number): string {
  if (!view.region) return SECTIONS[view.section].url(view.facet, page);
  return view.section === 'stories' ? urls.storyDirectory(view.region, page) : urls.placeDirectory(view.region, view.facet, page);
}
