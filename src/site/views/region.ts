/** What the page of a province, kabupaten/kota, kecamatan or desa/kelurahan shows. */
import { AREA_STORIES, hasStoryDirectory } from '../../domain/listings.ts';
import type { MapMarker } from '../../domain/map.ts';
import type { RegionStats } from '../../domain/network.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { facetName, searchFacets, type Facets } from '../../domain/search/facets.ts';
import { regionParam } from '../../domain/urls.ts';
import { buildsHere, getNetwork, t, urls, type Network } from '../network.ts';
import { kimCard, mapOf, placeCard, regionCrumbs, storyCard, type KimCardData, type PlaceCardData, type StoryCardData } from './cards.ts';
import type { Link, PageHead } from './page.ts';
import { feedLinks, regionHasFeed } from './feed.ts';
import { previewOf, regionCardOf, regionHasPreview } from './social.ts';
import { regionData } from './structured.ts';

/** One smaller area a region page lists. */
export interface RegionChild {
  href: string;
  name: string;
  /** For villages: whether a KIM is there. For larger regions: villages with a KIM / all villages. */
  hasKim?: boolean;
  coverage?: { withKim: number; total: number };
}

export interface RegionView extends PageHead {
  region: Region;
  isVillage: boolean;
  /** A village's page is indexed for search, with these filters; larger areas are not. */
  facets: Facets | undefined;
  kindLabel: string;
  parent: Link | undefined;
  /** Figures of a larger area (villages, with a KIM, stories, places); a village shows its entries instead. */
  stats: RegionStats | undefined;
  /** The kabupaten/kota a search from this page is narrowed to, from the kabupaten/kota down. */
  search: { label: string; facet: string } | undefined;
  kims: KimCardData[];
  places: PlaceCardData[];
  /** A larger area shows a few of its places and links to its directory of all of them. */
  directory: { href: string; count: number } | undefined;
  stories: StoryCardData[];
  /** A kabupaten/kota or kecamatan links its latest stories to its story directory (a province has none). */
  storyDirectory: { href: string; count: number } | undefined;
  /** The area's dashboard (coverage, activity, potential map); a village has none of its own. */
  statistics: string | undefined;
  /** Where the figures lead: each non-zero count of stories or places links to their listing. */
  statLinks: Partial<Record<keyof RegionStats, string>>;
  /** A village without a KIM: what lies around it, so its page still leads somewhere. */
  around: VillageSurroundings | undefined;
  childHeading: string;
  children: RegionChild[];
  map: { markers: MapMarker[]; located: number };
}

/** The kecamatan around a village without a KIM. */
interface VillageSurroundings {
  district: Link;
  kims: KimCardData[];
  /** Set when the kecamatan has more KIM than the page shows: its page lists them all by village. */
  moreKims: boolean;
  stories: StoryCardData[];
  storyDirectory: { href: string; count: number } | undefined;
  neighbours: RegionChild[];
}

/** How many places a larger area shows before its directory link; a village shows all of its own. */
const AREA_PLACES = 6;
/** How many of its latest stories a village's page lists. */
const VILLAGE_STORIES = 12;
/** How many of its kecamatan's KIM a village without one shows. */
const NEARBY_KIMS = 6;

function surroundings(network: Network, village: Region): VillageSurroundings | undefined {
  const around = network.surroundings(village.code, AREA_STORIES);
  if (!around.district) return undefined;
  const { district } = around;
  const stories = network.storiesWithin(district.code);
  return {
    district: { label: district.fullName, href: urls.region(district) },
    kims: around.kims.slice(0, NEARBY_KIMS).map((k) => kimCard(network, k)),
    moreKims: around.kims.length > NEARBY_KIMS,
    stories: around.stories.map((s) => storyCard(network, s)),
    storyDirectory: stories.length > 0 ? { href: urls.storyDirectory(district), count: stories.length } : undefined,
    neighbours: around.neighbours.map((n) => ({ href: urls.region(n), name: n.fullName, hasKim: network.kimsInVillage(n.code).length > 0 })),
  };
}

/** `getStaticPaths` of `wilayah/[...path].astro`: every region this build holds. */
export async function regionPaths() {
  const network = await getNetwork();
  return [...network.tree.withPages()]
    .filter((region) => buildsHere(region.code))
    .map((region) => ({ params: { path: regionParam(region) }, props: { code: region.code } }));
}

export function regionView(network: Network, region: Region): RegionView {
  const { tree } = network;
  const isVillage = region.level === 'village';
  const parent = region.parentCode ? tree.require(region.parentCode) : undefined;
  const childHeading = { province: t('region.children.regency'), regency: t('region.children.district'), district: t('region.children.village'), village: '' }[region.level];
  const children: RegionChild[] = isVillage
    ? []
    : tree.children(region.code).map((child) => {
        const stats = network.stats(child.code);
        return child.level === 'village'
          ? { href: urls.region(child), name: child.fullName, hasKim: stats.kims > 0 }
          : { href: urls.region(child), name: child.fullName, coverage: { withKim: stats.villagesWithKim, total: stats.villages } };
      });
  const kims = isVillage ? network.kimsInVillage(region.code).map((k) => kimCard(network, k)) : [];
  const within = network.placesWithin(region.code);
  const storiesWithin = isVillage ? [] : network.storiesWithin(region.code);
  const hasDirectory = hasStoryDirectory(region) && storiesWithin.length > 0;
  const stats = isVillage ? undefined : network.stats(region.code);
  // Region pages from the kabupaten/kota down offer a search narrowed to it; on a network built in
  // shards that search downloads only the index holding it.
  const regency = tree.at(region.code, 'regency');
  const description = isVillage
    ? kims.length > 0
      ? t('region.kimsHere', { name: region.fullName })
      : t('region.noKimHere', { name: region.fullName })
    : `${region.fullName}: ${children.length} ${childHeading.toLowerCase()}`;
  return {
    title: region.fullName,
    description,
    feed: regionHasFeed(network, region) ? feedLinks(network, { type: 'region', region }) : undefined,
    preview: regionHasPreview(network, region) ? previewOf(urls.region(region), regionCardOf(network, region)) : undefined,
    structured: regionData(network, region, description),
    crumbs: regionCrumbs(network, region),
    region,
    isVillage,
    facets: isVillage ? searchFacets(tree, { type: 'region', region }) : undefined,
    kindLabel: t(`region.kind.${region.kind}`),
    parent: parent && { label: parent.fullName, href: urls.region(parent) },
    stats,
    search: regency && { label: t('search.within', { name: regency.fullName }), facet: facetName(tree, regency) },
    kims,
    places: (isVillage ? within : within.slice(0, AREA_PLACES)).map((p) => placeCard(network, p)),
    directory: isVillage ? undefined : { href: urls.placeDirectory(region), count: within.length },
    stories: (isVillage ? network.storiesInVillage(region.code).slice(0, VILLAGE_STORIES) : storiesWithin.slice(0, AREA_STORIES)).map((s) => storyCard(network, s)),
    storyDirectory: hasDirectory ? { href: urls.storyDirectory(region), count: storiesWithin.length } : undefined,
    statistics: isVillage ? undefined : urls.statistics(region),
    statLinks: {
      ...(hasDirectory && { stories: urls.storyDirectory(region) }),
      ...(stats && stats.places > 0 && { places: urls.placeDirectory(region) }),
    },
    around: isVillage && kims.length === 0 ? surroundings(network, region) : undefined,
    childHeading,
    children,
    map: mapOf(network, { places: within, kims: network.kimsWithin(region.code) }),
  };
}

/** The index of regions: the network's figures, then each province's kabupaten/kota with how many villages have a KIM. */
export function regionIndexView(network: Network): { totals: RegionStats; provinces: { heading: string; items: RegionChild[] }[] } {
  return {
    totals: network.totals(),
    provinces: network.tree.roots().map((province) => ({
      heading: province.fullName,
      items: network.tree.children(province.code).map((regency) => {
        const stats = network.stats(regency.code);
        return { href: urls.region(regency), name: regency.fullName, coverage: { withKim: stats.villagesWithKim, total: stats.villages } };
      }),
    })),
  };
}
