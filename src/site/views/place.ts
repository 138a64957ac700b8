/** What a place's page shows, derived from the network model in one place. */
import type { Contacts } from '../../format/schemas/common.ts';
import type { Coordinates } from '../../domain/geo.ts';
import { googleMapsDirectionsUrl, openStreetMapUrl } from '../../domain/geo.ts';
import { searchFacets, type Facets } from '../../domain/search/facets.ts';
import { buildsHere, config, getNetwork, t, urls, type Network, type Place } from '../network.ts';
import { label, placeName, storyCard, type StoryCardData } from './cards.ts';
import type { Link, PageHead } from './page.ts';

type PlacePhoto = Place['data']['photos'][number];

export interface PlaceView extends PageHead {
  /** The entry itself, whose body the page renders. */
  entry: Place;
  /** What the search index records about the page, for its filters. */
  facets: Facets;
  /** When the place's details were last checked, for sorting search results. */
  verified: Date | undefined;
  name: string;
  summary: string;
  sample: boolean;
  /** The first photo, shown large at the top; the rest follow the text. */
  photo: PlacePhoto | undefined;
  morePhotos: PlacePhoto[];
  kind: Link;
  region: Link;
  address: string | undefined;
  hours: string | undefined;
  price: string | undefined;
  /** The KIM that keeps this entry. */
  kim: Link | undefined;
  /** Directions in the reader's map apps; undefined without coordinates. */
  directions: { googleMaps: string; openStreetMap: string } | undefined;
  contacts: Contacts;
  /** The message a WhatsApp link starts with, naming the place and the site. */
  whatsappMessage: string;
  stories: StoryCardData[];
}

/** `getStaticPaths` of `potensi/[id].astro`: the places in the regions this build holds. */
export async function placePaths() {
  const network = await getNetwork();
  return network.places.filter((place) => buildsHere(place.data.region)).map((place) => ({ params: { id: place.id }, props: { place } }));
}

const directions = (point: Coordinates) => ({ googleMaps: googleMapsDirectionsUrl(point), openStreetMap: openStreetMapUrl(point) });

export function placeView(network: Network, place: Place): PlaceView {
  const { data } = place;
  const region = network.tree.require(data.region);
  const kim = data.kim ? network.kim(data.kim) : undefined;
  const kind = { label: label('sector', data.kind), href: urls.placeListing({ type: 'kind', key: data.kind }) };
  const [photo, ...morePhotos] = data.photos;
  return {
    entry: place,
    title: data.name,
    description: data.summary,
    crumbs: [{ label: t('nav.home'), href: urls.home() }, { label: t('place.listing.title'), href: urls.placeListing() }, kind, { label: data.name }],
    facets: searchFacets(network.tree, { type: 'place', region, sectors: [kind.label] }),
    verified: data.verified,
    name: data.name,
    summary: data.summary,
    sample: data.sample,
    photo,
    morePhotos,
    kind,
    region: { label: placeName(network, region), href: urls.region(region) },
    address: data.address,
    hours: data.hours,
    price: data.priceRange ? label('place.price', data.priceRange) : undefined,
    kim: kim && { label: kim.data.name, href: urls.kim(kim.id) },
    directions: data.coordinates && directions(data.coordinates),
    contacts: data.contacts,
    whatsappMessage: t('place.whatsappMessage', { name: data.name, site: config.name }),
    stories: network.storiesAboutPlace(place.id).map((s) => storyCard(network, s)),
  };
}
