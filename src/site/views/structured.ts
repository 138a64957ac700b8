/**
 * Each page's structured data (domain/structured-data.ts) from the network model. A view gives
 * its page a function of the site's address (the layout knows it) and of a photo's published
 * address (components know how photos are rendered), so every URL in the graph is absolute and
 * every image is a file the page already has.
 */
import type { ImageMetadata } from 'astro';
import { isoDate } from '../../domain/dates.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH } from '../../domain/social.ts';
import { breadcrumbList, newsArticle, organization, placeEntity, regionPlace, webSite, type ImageInput, type Locality, type Node, type PlaceType } from '../../domain/structured-data.ts';
import type { PlaceKindKey } from '../../domain/taxonomy.ts';
import type { Contacts } from '../../format/schemas/common.ts';
import { HTML_LANG } from '../i18n/index.ts';
import { config, urls, type Kim, type Network, type Place, type Story } from '../network.ts';
import { label, licenseOf, placeName } from './cards.ts';
import type { Crumb } from './page.ts';
import { placePreview, storyPreview } from './social.ts';

export interface StructuredContext {
  /** A site path made absolute against the site's address. */
  absolute: (path: string) => string;
  /** The published address of a photo as the page's Photo component renders it. */
  photoUrl: (src: ImageMetadata) => Promise<string>;
}

/** What a page adds to its structured data; the layout adds the breadcrumbs. */
export type StructuredData = (context: StructuredContext) => Promise<Node[]>;

const networkId = (absolute: StructuredContext['absolute']) => `${absolute(urls.home())}#jaringan`;
const kimId = (absolute: StructuredContext['absolute'], id: string) => `${absolute(urls.kim(id))}#kim`;

const PLACE_TYPES: Record<PlaceKindKey, PlaceType> = {
  wisata: 'TouristAttraction',
  budaya: 'TouristAttraction',
  kuliner: 'Restaurant',
  kerajinan: 'LocalBusiness',
  umkm: 'LocalBusiness',
  pertanian: 'LocalBusiness',
  lainnya: 'LocalBusiness',
};

function locality(network: Network, region: Region, absolute: StructuredContext['absolute']): Locality {
  const { tree } = network;
  const above = tree.at(region.code, 'regency') ?? tree.at(region.code, 'province');
  return { name: region.fullName, locality: placeName(network, region), region: above?.fullName, url: absolute(urls.region(region)) };
}

/**
 * Public profiles and website, as schema.org's `sameAs`, and a phone number in international
 * form. The schema has already made each profile an address and each number digits.
 */
function reach(contacts: Contacts): { sameAs: string[]; telephone?: string | undefined; email?: string | undefined } {
  const sameAs = [contacts.website, contacts.instagram, contacts.facebook, contacts.youtube].filter((url): url is string => Boolean(url));
  const phone = contacts.phone ?? contacts.whatsapp;
  return { sameAs, telephone: phone ? `+${phone}` : undefined, email: contacts.email };
}

/** The page's breadcrumbs as a BreadcrumbList. */
export function crumbsData(crumbs: readonly Crumb[], pageUrl: string, absolute: StructuredContext['absolute']): Node {
  return breadcrumbList(crumbs.map((c) => ({ name: c.label, url: c.href ? absolute(c.href) : undefined })), pageUrl);
}

/** The home page: the network as an organisation, and the site with its search. */
export function homeData(): StructuredData {
  return async ({ absolute }) => [
    organization({
      id: networkId(absolute),
      name: config.name,
      url: absolute(urls.home()),
      description: config.description,
      ...(config.operator ? reach(config.operator.contacts) : {}),
    }),
    webSite({ name: config.name, url: absolute(urls.home()), description: config.description, searchUrl: (q) => absolute(urls.search(q)), language: HTML_LANG.id, publisher: networkId(absolute) }),
  ];
}

function kimNode(network: Network, kim: Kim, absolute: StructuredContext['absolute']): Node {
  const { data } = kim;
  return organization({
    id: kimId(absolute, kim.id),
    name: data.name,
    url: absolute(urls.kim(kim.id)),
    description: data.tagline,
    where: locality(network, network.villageOf(kim), absolute),
    memberOf: networkId(absolute),
    foundingDate: data.founded ? isoDate(data.founded) : undefined,
    ...reach(data.contacts),
  });
}

export function kimData(network: Network, kim: Kim): StructuredData {
  return async ({ absolute }) => [kimNode(network, kim, absolute)];
}

export function storyData(network: Network, story: Story): StructuredData {
  return async ({ absolute, photoUrl }) => {
    const { data } = story;
    const kim = network.kim(data.kim)!;
    const village = network.villageOf(kim);
    const url = absolute(urls.story(story.id));
    const preview = storyPreview(network, story);
    const images: ImageInput[] = [{ url: absolute(preview.url), width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT, caption: config.socialCards === 'entries' ? data.title : preview.alt }];
    if (data.cover) images.unshift({ url: absolute(await photoUrl(data.cover.src)), caption: data.cover.alt, credit: data.cover.credit });
    return [
      newsArticle({
        url,
        headline: data.title,
        description: data.summary,
        published: isoDate(data.date),
        modified: data.updated ? isoDate(data.updated) : undefined,
        language: HTML_LANG.id,
        section: label('story.category', data.category),
        keywords: data.tags,
        dateline: placeName(network, village),
        where: locality(network, village, absolute),
        authors: data.authors,
        publisher: kimId(absolute, kim.id),
        network: networkId(absolute),
        images,
        license: licenseOf(data.license).url,
        correction: data.correction,
      }),
      kimNode(network, kim, absolute),
    ];
  };
}

export function placeData(network: Network, place: Place): StructuredData {
  return async ({ absolute, photoUrl }) => {
    const { data } = place;
    const images: ImageInput[] = [];
    for (const photo of data.photos) images.push({ url: absolute(await photoUrl(photo.src)), caption: photo.alt, credit: photo.credit });
    const preview = placePreview(network, place);
    images.push({ url: absolute(preview.url), width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT, caption: config.socialCards === 'entries' ? data.name : preview.alt });
    const contacts = reach(data.contacts);
    return [
      placeEntity({
        type: PLACE_TYPES[data.kind as PlaceKindKey],
        url: absolute(urls.place(place.id)),
        name: data.name,
        description: data.summary,
        where: locality(network, network.tree.require(data.region), absolute),
        street: data.address,
        // An estimated point is no place's position: search engines would route to it.
        geo: data.coordinates?.approximate ? undefined : data.coordinates,
        hours: data.hours,
        price: data.priceRange ? { label: label('place.price', data.priceRange), free: data.priceRange === 'gratis' } : undefined,
        telephone: contacts.telephone,
        sameAs: contacts.sameAs,
        images,
        keeper: data.kim ? kimId(absolute, data.kim) : undefined,
      }),
    ];
  };
}

export function regionData(network: Network, region: Region, description: string): StructuredData {
  return async ({ absolute }) => {
    const parent = region.parentCode ? network.tree.require(region.parentCode) : undefined;
    return [
      regionPlace({
        url: absolute(urls.region(region)),
        name: region.fullName,
        code: region.code,
        description,
        within: parent ? { name: parent.fullName, url: absolute(urls.region(parent)) } : undefined,
      }),
    ];
  };
}
