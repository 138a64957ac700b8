/** What a place's page shows, derived from the network model in one place. */
import type { Contacts } from '../../format/schemas/common.ts';
import { contactRoute } from '../../domain/contact-route.ts';
import type { LocatedPoint } from '../../domain/geo.ts';
import { googleMapsDirectionsUrl, googleMapsSearchUrl, openStreetMapSearchUrl, openStreetMapUrl, placeSearchQuery } from '../../domain/geo.ts';
import type { Region } from '../../domain/regions/tree.ts';
import type { MapMarker } from '../../domain/map.ts';
import { searchFacets, type Facets } from '../../domain/search/facets.ts';
import { buildsHere, config, getNetwork, t, urls, type Network, type Place } from '../network.ts';
import { label, mapOf, placeName, storyCard, type StoryCardData } from './cards.ts';
import { linkedSentence, type LinkedSentence, type Link, type PageHead } from './page.ts';
import { placePreview } from './social.ts';
import { placeData } from './structured.ts';

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
  /** Whether the entry has a text beyond its summary; the "about" section is left out otherwise. */
  hasBody: boolean;
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
  /**
   * Directions in the reader's map apps: to the point when the place has coordinates, otherwise
   * a search by its name and regions, so the section never ends in a dead end.
   */
  directions: {
    byName: boolean;
    googleMaps: string;
    openStreetMap: string;
    /** Set when the map's point is only an estimate: the links then search by name, and the page says where the point came from. */
    approximate: { source: Link | undefined } | undefined;
  };
  contact: PlaceContact;
  /** The place on a map, when it has coordinates. */
  map: { markers: MapMarker[]; located: number };
  /** The message a WhatsApp link starts with, naming the place and the site. */
  whatsappMessage: string;
  stories: StoryCardData[];
}

/**
 * Whom the reader can contact, as the page words it: sentences that explain each step of the
 * fallback (place, its KIM, the network's operator), then the contacts found, if any.
 */
interface PlaceContact {
  step: 'place' | 'kim' | 'operator' | 'kim-page' | 'none';
  notes: (string | LinkedSentence)[];
  contacts: Contacts;
  /** Where to go when nobody can be contacted: how residents form a KIM. */
  guide: Link | undefined;
}

/** `getStaticPaths` of `potensi/[id].astro`: the places in the regions this build holds. */
export async function placePaths() {
  const network = await getNetwork();
  return network.places.filter((place) => buildsHere(place.data.region)).map((place) => ({ params: { id: place.id }, props: { place } }));
}

function directions(network: Network, name: string, region: Region, point: LocatedPoint | undefined): PlaceView['directions'] {
  if (point && !point.approximate) return { byName: false, googleMaps: googleMapsDirectionsUrl(point), openStreetMap: openStreetMapUrl(point), approximate: undefined };
  // Desa (if any), kecamatan and kabupaten/kota: the province adds nothing a map search needs.
  const names = [region, ...network.tree.ancestors(region.code).reverse()].filter((r) => r.level !== 'province').map((r) => r.fullName);
  const query = placeSearchQuery(name, names);
  // An estimated point (the middle of a lake) would route a traveller to the wrong shore.
  const approximate = point && { source: point.source === undefined ? undefined : { label: new URL(point.source).hostname, href: point.source } };
  return { byName: true, googleMaps: googleMapsSearchUrl(query), openStreetMap: openStreetMapSearchUrl(query), approximate };
}

/**
 * The fallback from the place to a KIM to the operator. A place that names no KIM falls back to
 * a KIM of its village, which keeps information about the village and so can answer for it.
 */
function placeContact(network: Network, place: Place, region: Region): PlaceContact {
  const keeper = place.data.kim ? network.kim(place.data.kim) : undefined;
  const villageKim = keeper ? undefined : region.level === 'village' ? network.kimsInVillage(region.code)[0] : undefined;
  const kim = keeper ?? villageKim;
  const operator = config.operator;
  const route = contactRoute({
    place: { contacts: place.data.contacts },
    kim: kim && { id: kim.id, name: kim.data.name, contacts: kim.data.contacts },
    operator: operator && { name: operator.name, url: operator.url, contacts: operator.contacts },
  });
  const kimLink = (k: { id: string; name: string }): Link => ({ label: k.name, href: urls.kim(k.id) });
  const missing = t('place.contact.missing');
  switch (route.step) {
    case 'place':
      return { step: 'place', notes: [], contacts: place.data.contacts, guide: undefined };
    case 'kim': {
      const via = keeper
        ? linkedSentence((v) => t('place.contact.viaKeeper', v), 'kim', kimLink(route.kim))
        : linkedSentence((v) => t('place.contact.viaVillageKim', v), 'kim', kimLink(route.kim), { village: region.fullName });
      return { step: 'kim', notes: [missing, via], contacts: route.kim.contacts, guide: undefined };
    }
    case 'operator': {
      const { operator: runner } = route;
      const via = runner.url
        ? linkedSentence((v) => t('place.contact.viaOperator', v), 'operator', { label: runner.name, href: runner.url })
        : t('place.contact.viaOperator', { operator: runner.name });
      const kimNote = route.kim && linkedSentence((v) => t('place.contact.kimHasNone', v), 'kim', kimLink(route.kim));
      return { step: 'operator', notes: [missing, ...(kimNote ? [kimNote] : []), via], contacts: runner.contacts, guide: undefined };
    }
    case 'kim-page':
      return { step: 'kim-page', notes: [linkedSentence((v) => t('place.contact.kimPage', v), 'kim', kimLink(route.kim))], contacts: {}, guide: undefined };
    case 'none':
      return { step: 'none', notes: [t('place.contact.none')], contacts: {}, guide: { label: t('home.joinLink'), href: urls.guide() } };
  }
}

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
    // The loader stores Markdown rendered and leaves MDX to Vite, so an MDX entry is taken to have a text.
    hasBody: place.rendered ? place.rendered.html.trim().length > 0 : place.filePath?.endsWith('.mdx') === true,
    sample: data.sample,
    photo,
    morePhotos,
    kind,
    region: { label: placeName(network, region), href: urls.region(region) },
    address: data.address,
    hours: data.hours,
    price: data.priceRange ? label('place.price', data.priceRange) : undefined,
    kim: kim && { label: kim.data.name, href: urls.kim(kim.id) },
    brand: kim ? network.brand(kim.id) : undefined,
    preview: placePreview(network, place),
    structured: placeData(network, place),
    directions: directions(network, data.name, region, data.coordinates),
    contact: placeContact(network, place, region),
    map: mapOf(network, { places: [place] }),
    whatsappMessage: t('place.whatsappMessage', { name: data.name, site: config.name }),
    stories: network.storiesAboutPlace(place.id).map((s) => storyCard(network, s)),
  };
}
