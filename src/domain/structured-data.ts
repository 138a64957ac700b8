/**
 * Schema.org structured data (JSON-LD) for search engines, news aggregators and the newsrooms'
 * own tools: what a page is, who published it, where and when. Typed with schema-dts, so a
 * property a type does not have fails the type check; built from plain data the views hand in.
 *
 * The JSON goes into a `<script type="application/ld+json">` data block. A data block is never
 * executed, so the Content-Security-Policy does not apply to it (HTML's "prepare the script
 * element" stops before the policy check for a type that is not JavaScript): no hash and no
 * 'unsafe-inline' is needed. What matters is that a contributor's text cannot end the element:
 * `jsonLdText` escapes every `<`, `>` and `&`, and the line separators.
 */
import type {
  AdministrativeArea,
  BreadcrumbList,
  DayOfWeek,
  Graph,
  ImageObject,
  LocalBusiness,
  NewsArticle,
  OpeningHoursSpecification,
  Organization,
  Person,
  Place,
  PostalAddress,
  Restaurant,
  Thing,
  TouristAttraction,
  WebSite,
} from 'schema-dts';

/** A node of a page's graph: any schema.org thing, with its @id where others refer to it. */
export type Node = Thing;

/** The JSON of a page's graph, safe inside a `<script>` element. */
export function jsonLdText(nodes: readonly Node[]): string {
  const graph: Graph = { '@context': 'https://schema.org', '@graph': [...nodes] };
  return JSON.stringify(graph).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function breadcrumbList(items: readonly { name: string; url?: string | undefined }[], pageUrl: string): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    '@id': `${pageUrl}#remah-roti`,
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      // The last crumb is the page itself.
      item: item.url ?? pageUrl,
    })),
  };
}

/** The site, with the search engines' sitelinks search box pointed at its search page. */
export function webSite({ name, url, description, searchUrl, language, publisher }: { name: string; url: string; description: string; searchUrl: (query: string) => string; language: string; publisher: string }): WebSite {
  // The action's target is a URL template: the placeholder must stay unescaped.
  const template = searchUrl('QUERY').replace('QUERY', '{search_term_string}');
  return {
    '@type': 'WebSite',
    '@id': `${url}#situs`,
    name,
    url,
    description,
    inLanguage: language,
    publisher: { '@id': publisher },
    potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: template }, 'query-input': 'required name=search_term_string' } as WebSite['potentialAction'],
  };
}

/** Where something is: its village or area, kecamatan, kabupaten/kota and province. */
export interface Locality {
  /** The area itself ("Desa Batuah"). */
  name: string;
  /** The kabupaten/kota, or the province for a province-wide area. */
  region?: string | undefined;
  /** The whole chain, for the address's locality ("Desa Batuah, Kecamatan Loa Janan"). */
  locality: string;
  url?: string | undefined;
}

function postalAddress(where: Locality, street?: string): PostalAddress {
  return {
    '@type': 'PostalAddress',
    ...(street ? { streetAddress: street } : {}),
    addressLocality: where.locality,
    ...(where.region ? { addressRegion: where.region } : {}),
    addressCountry: 'ID',
  };
}

function place(where: Locality, id?: string): Place {
  return { '@type': 'Place', ...(id ? { '@id': id } : {}), name: where.name, ...(where.url ? { url: where.url } : {}), address: postalAddress(where) };
}

export interface OrganizationInput {
  id: string;
  name: string;
  url: string;
  description?: string | undefined;
  logo?: string | undefined;
  /** Where it is based, and the area it serves. */
  where?: Locality | undefined;
  /** Its public profiles and website. */
  sameAs?: readonly string[] | undefined;
  email?: string | undefined;
  telephone?: string | undefined;
  /** The network a KIM belongs to, by @id. */
  memberOf?: string | undefined;
  foundingDate?: string | undefined;
}

export function organization(input: OrganizationInput): Organization {
  return {
    '@type': 'Organization',
    '@id': input.id,
    name: input.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.where ? { address: postalAddress(input.where), areaServed: place(input.where) } : {}),
    ...(input.sameAs && input.sameAs.length > 0 ? { sameAs: [...input.sameAs] } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.telephone ? { telephone: input.telephone } : {}),
    ...(input.memberOf ? { memberOf: { '@id': input.memberOf } } : {}),
    ...(input.foundingDate ? { foundingDate: input.foundingDate } : {}),
  };
}

export interface ImageInput {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

function imageObject(image: ImageInput): ImageObject {
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    // Pixels: UN/CEFACT's unit code E37.
    ...(image.width ? { width: { '@type': 'QuantitativeValue', value: image.width, unitCode: 'E37' } } : {}),
    ...(image.height ? { height: { '@type': 'QuantitativeValue', value: image.height, unitCode: 'E37' } } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

export interface ArticleInput {
  url: string;
  headline: string;
  description: string;
  published: string;
  modified?: string | undefined;
  language: string;
  section: string;
  keywords: readonly string[];
  /** "Desa Batuah, Kutai Kartanegara": where the story comes from. */
  dateline: string;
  where: Locality;
  /** People as they want to be credited; none means the KIM wrote it. */
  authors: readonly string[];
  /** The publishing KIM, by @id. */
  publisher: string;
  /** The network that carries it, by @id. */
  network: string;
  images: readonly ImageInput[];
  /** The licence's deed, when the story has one. */
  license?: string | undefined;
  /** What was corrected after publication. */
  correction?: string | undefined;
}

export function newsArticle(input: ArticleInput): NewsArticle {
  const authors: (Person | { '@id': string })[] = input.authors.length > 0 ? input.authors.map((name) => ({ '@type': 'Person', name })) : [{ '@id': input.publisher }];
  return {
    '@type': 'NewsArticle',
    '@id': `${input.url}#artikel`,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.published,
    dateModified: input.modified ?? input.published,
    inLanguage: input.language,
    articleSection: input.section,
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    dateline: input.dateline,
    locationCreated: place(input.where),
    contentLocation: place(input.where),
    author: authors as NewsArticle['author'],
    publisher: { '@id': input.publisher },
    copyrightHolder: { '@id': input.publisher },
    sourceOrganization: { '@id': input.network },
    image: input.images.map(imageObject),
    ...(input.license ? { license: input.license } : {}),
    ...(input.correction ? { correction: input.correction } : {}),
    isAccessibleForFree: true,
  };
}

/** Schema.org's days, in the order Indonesian weeks are written (Senin first). */
const DAYS: readonly { names: readonly string[]; day: DayOfWeek }[] = [
  { names: ['senin'], day: 'https://schema.org/Monday' as DayOfWeek },
  { names: ['selasa'], day: 'https://schema.org/Tuesday' as DayOfWeek },
  { names: ['rabu'], day: 'https://schema.org/Wednesday' as DayOfWeek },
  { names: ['kamis'], day: 'https://schema.org/Thursday' as DayOfWeek },
  { names: ['jumat', "jum'at", 'jumaat'], day: 'https://schema.org/Friday' as DayOfWeek },
  { names: ['sabtu'], day: 'https://schema.org/Saturday' as DayOfWeek },
  { names: ['minggu', 'ahad'], day: 'https://schema.org/Sunday' as DayOfWeek },
];

const dayIndex = (word: string) => DAYS.findIndex((d) => d.names.includes(word.toLowerCase()));

/**
 * Opening hours as people write them ("Setiap hari, 08.00–17.00 WITA", "Senin–Jumat 07.30 -
 * 16.00") read into schema.org's specification; anything else (two ranges, "sesuai musim")
 * gives undefined, and the page's text stays the only statement: structured data that guesses
 * would send a visitor to a closed door.
 */
export function openingHours(text: string): OpeningHoursSpecification | undefined {
  const normalised = text.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  const time = /(\d{1,2})[.:](\d{2})\s*(?:-|sampai|s\.?d\.?|hingga)\s*(\d{1,2})[.:](\d{2})/.exec(normalised);
  if (!time || normalised.split(/\d{1,2}[.:]\d{2}\s*(?:-|sampai|s\.?d\.?|hingga)\s*\d{1,2}[.:]\d{2}/).length !== 2) return undefined;
  const [, h1, m1, h2, m2] = time;
  const hhmm = (h: string, m: string) => (Number(h) <= 24 && Number(m) < 60 ? `${h.padStart(2, '0')}:${m}` : null);
  const opens = hhmm(h1!, m1!);
  const closes = hhmm(h2!, m2!);
  if (!opens || !closes) return undefined;
  const daysText = normalised.slice(0, time.index);
  let days: DayOfWeek[];
  if (/^(setiap|tiap) hari\b/.test(daysText)) days = DAYS.map((d) => d.day);
  else {
    const range = /^([a-z']+)\s*(?:-|sampai|s\.?d\.?|hingga)\s*([a-z']+)\b/.exec(daysText);
    const from = range ? dayIndex(range[1]!) : -1;
    const to = range ? dayIndex(range[2]!) : -1;
    if (from < 0 || to < from) return undefined;
    days = DAYS.slice(from, to + 1).map((d) => d.day);
  }
  return { '@type': 'OpeningHoursSpecification', dayOfWeek: days, opens, closes };
}

export type PlaceType = 'TouristAttraction' | 'Restaurant' | 'LocalBusiness';

export interface PlaceInput {
  type: PlaceType;
  url: string;
  name: string;
  description: string;
  where: Locality;
  street?: string | undefined;
  geo?: { lat: number; lng: number } | undefined;
  hours?: string | undefined;
  /** The price band as the page words it ("Murah"); `free` when entry costs nothing. */
  price?: { label: string; free: boolean } | undefined;
  telephone?: string | undefined;
  sameAs?: readonly string[] | undefined;
  images: readonly ImageInput[];
  /** The KIM that keeps the entry, by @id. */
  keeper?: string | undefined;
}

/** A place of the area's potential: a tourist attraction, a place to eat, or a local business. */
export function placeEntity(input: PlaceInput): TouristAttraction | Restaurant | LocalBusiness {
  const hours = input.hours ? openingHours(input.hours) : undefined;
  const common = {
    '@id': `${input.url}#tempat`,
    name: input.name,
    description: input.description,
    url: input.url,
    address: postalAddress(input.where, input.street),
    containedInPlace: place(input.where),
    ...(input.geo ? { geo: { '@type': 'GeoCoordinates' as const, latitude: input.geo.lat, longitude: input.geo.lng } } : {}),
    ...(hours ? { openingHoursSpecification: hours } : {}),
    ...(input.telephone ? { telephone: input.telephone } : {}),
    ...(input.sameAs && input.sameAs.length > 0 ? { sameAs: [...input.sameAs] } : {}),
    ...(input.images.length > 0 ? { image: input.images.map(imageObject) } : {}),
  };
  if (input.type === 'TouristAttraction') {
    return { '@type': 'TouristAttraction', ...common, ...(input.price ? { isAccessibleForFree: input.price.free } : {}) };
  }
  const business = { ...common, ...(input.price ? { priceRange: input.price.label } : {}), ...(input.keeper ? { parentOrganization: { '@id': input.keeper } } : {}) };
  return input.type === 'Restaurant' ? { '@type': 'Restaurant', ...business } : { '@type': 'LocalBusiness', ...business };
}

/** A desa/kelurahan, kecamatan, kabupaten/kota or province, inside the larger one. */
export function regionPlace({ url, name, code, within, description }: { url: string; name: string; code: string; within?: { name: string; url: string } | undefined; description: string }): AdministrativeArea {
  return {
    '@type': 'AdministrativeArea',
    '@id': `${url}#wilayah`,
    name,
    url,
    description,
    // The Kemendagri code identifies the area across datasets.
    identifier: { '@type': 'PropertyValue', propertyID: 'Kode wilayah Kemendagri', value: code },
    ...(within ? { containedInPlace: { '@type': 'AdministrativeArea', name: within.name, url: within.url } } : {}),
  };
}
