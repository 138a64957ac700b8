/** What a KIM's profile page shows, derived from the network model in one place. */
import { brandArt } from '../../domain/art.ts';
import type { Brand } from '../../domain/brand.ts';
import { KIM_ICON, SECTOR_ICONS } from '../../domain/icons.ts';
import type { ImageMetadata } from 'astro';
import type { Contacts } from '../../format/schemas/common.ts';
import type { MapMarker } from '../../domain/map.ts';
import { searchFacets, type Facets } from '../../domain/search/facets.ts';
import { buildsHere, getNetwork, t, urls, type Kim, type Network } from '../network.ts';
import { label, mapOf, placeCard, placeName, storyCard, type PlaceCardData, type StoryCardData } from './cards.ts';
import type { Link, PageHead } from './page.ts';
import { feedLinks } from './feed.ts';
import { kimCardOf, previewOf } from './social.ts';
import { kimData } from './structured.ts';

export interface KimView extends PageHead {
  /** The entry itself, whose body the page renders. */
  entry: Kim;
  /** What the search index records about the page, for its filters. */
  facets: Facets;
  name: string;
  tagline: string | undefined;
  brand: Brand;
  /** The band of the KIM's brand across the top of its page (SVG markup, decoration). */
  band: string;
  logo: ImageMetadata | undefined;
  sample: boolean;
  village: Link;
  active: boolean;
  sectors: Link[];
  decree: { issuer: string; number: string; date: Date } | undefined;
  registration: string | undefined;
  founded: Date | undefined;
  contacts: Contacts;
  stories: StoryCardData[];
  places: PlaceCardData[];
  map: { markers: MapMarker[]; located: number };
  /** The KIM's brand kit: logo, colours and printables to download. */
  brandKit: string;
  /** The potential its brand is built on ("kuliner pesisir"). */
  flagship: string | undefined;
}

/** How many of its latest stories a profile lists; the rest are in the listings. */
const PROFILE_STORIES = 12;

/** `getStaticPaths` of `kim/[id].astro`: the KIM whose village this build holds. */
export async function kimPaths() {
  const network = await getNetwork();
  return network.kims.filter((kim) => buildsHere(kim.data.village)).map((kim) => ({ params: { id: kim.id }, props: { kim } }));
}

export function kimView(network: Network, kim: Kim): KimView {
  const { data } = kim;
  const village = network.villageOf(kim);
  const ownPlaces = network.placesByKim(kim.id);
  return {
    entry: kim,
    title: data.name,
    description: data.tagline ?? t('region.kimsHere', { name: village.fullName }),
    crumbs: [{ label: t('nav.home'), href: urls.home() }, { label: t('kim.listing.title'), href: urls.kimListing() }, { label: data.name }],
    facets: searchFacets(network.tree, { type: 'kim', region: village, sectors: data.sectors.map((s) => label('sector', s)) }),
    name: data.name,
    tagline: data.tagline,
    brand: network.brand(kim.id),
    feed: feedLinks(network, { type: 'kim', id: kim.id }),
    preview: previewOf(urls.kim(kim.id), kimCardOf(network, kim)),
    structured: kimData(network, kim),
    band: brandArt({ seed: kim.id, brand: network.brand(kim.id), icon: data.sectors[0] ? SECTOR_ICONS[data.sectors[0]] : KIM_ICON, band: true }),
    logo: data.logo,
    sample: data.sample,
    village: { label: placeName(network, village), href: urls.region(village) },
    active: data.active,
    sectors: data.sectors.map((s) => ({ label: label('sector', s), href: urls.kimListing({ type: 'sector', key: s }) })),
    decree: data.decree,
    registration: data.registration,
    founded: data.founded,
    contacts: data.contacts,
    stories: network.storiesByKim(kim.id).slice(0, PROFILE_STORIES).map((s) => storyCard(network, s)),
    places: ownPlaces.map((p) => placeCard(network, p)),
    map: mapOf(network, { places: ownPlaces, kims: [kim] }),
    brandKit: urls.brandKit(kim.id),
    flagship: data.flagship,
  };
}
