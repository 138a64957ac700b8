/**
 * The one module that knows every public URL. Pages, listings, the sitemap and (later) feeds,
 * social images and the CMS preview all ask here, so a URL can only change in one place.
 * URLs are Indonesian words; an edition in another language gets its own prefix and words.
 */
import type { Region } from './regions/tree.ts';

export type Lang = 'id';

/** URL words per language. Kept apart from the UI dictionary because changing one breaks links. */
const SEGMENTS = {
  id: {
    prefix: '',
    regions: 'wilayah',
    kim: 'kim',
    stories: 'cerita',
    places: 'potensi',
    page: 'halaman',
    category: 'kategori',
    sector: 'sektor',
    kind: 'jenis',
    topic: 'topik',
    guide: 'bentuk-kim',
    search: 'cari',
    follow: 'ikuti',
    brandKit: 'merek',
    poster: 'poster',
    data: 'data',
    press: 'pers',
    statistics: 'statistik',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The facets a listing can be narrowed by. */
export type ListingFacet =
  | { type: 'category'; key: string }
  | { type: 'sector'; key: string }
  | { type: 'kind'; key: string }
  /** A story topic: a tag's slug (domain/topics.ts). */
  | { type: 'topic'; key: string };

export type Section = 'kim' | 'stories' | 'places';

/** The facet each section's listing is narrowed by. */
const SECTION_FACET = { kim: 'sector', stories: 'category', places: 'kind' } as const satisfies Record<Section, ListingFacet['type']>;

/** The sections whose listings can be narrowed to a region (`/potensi/wilayah/…`, `/cerita/wilayah/…`). */
const DIRECTORY_SECTIONS: ReadonlySet<Section> = new Set(['places', 'stories']);

/**
 * URL words that an entry's id may not take, because the section's listings already use them
 * (`/kim/sektor/…`, `/cerita/halaman/2/`, `/potensi/wilayah/…`): an entry of that name would sit
 * among the listing pages and confuse readers and search engines.
 */
export function reservedEntryIds(section: Section, lang: Lang = 'id'): { segment: string; ids: string[] } {
  const s = SEGMENTS[lang];
  const ids = [s.page, s[SECTION_FACET[section]], ...(section === 'stories' ? [s.topic] : []), ...(DIRECTORY_SECTIONS.has(section) ? [s.regions] : [])];
  return { segment: s[section], ids };
}

/** Joins segments into a path that starts and ends with a slash, as the site serves them. */
function joinPath(segments: readonly (string | undefined)[]): string {
  const parts = segments.filter((s): s is string => Boolean(s));
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** Adds the deploy base ("/" or "/jembatan/") in front of a site path. */
export function withBase(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path}`;
}

/**
 * The rest-parameter value of a listing route (`[...listing].astro`): undefined for the first
 * unfiltered page, otherwise e.g. "kategori/berita/halaman/2".
 */
export function listingParam(facet: ListingFacet | undefined, page: number, lang: Lang = 'id'): string | undefined {
  const s = SEGMENTS[lang];
  const parts: string[] = [];
  if (facet) parts.push(s[facet.type], facet.key);
  if (page > 1) parts.push(s.page, String(page));
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** The rest-parameter value of the topics page within the stories' listing route: "topik". */
export function topicsParam(lang: Lang = 'id'): string {
  return SEGMENTS[lang].topic;
}

/** The rest-parameter value of the region route (`wilayah/[...path].astro`). */
export function regionParam(region: Pick<Region, 'pathSegments'>): string {
  return region.pathSegments.join('/');
}

/** The rest-parameter value of a region's place or story directory (`potensi/wilayah/[...path].astro`, `cerita/wilayah/…`). */
export function directoryParam(region: Pick<Region, 'pathSegments'>, facet: ListingFacet | undefined, page: number, lang: Lang = 'id'): string {
  return [regionParam(region), listingParam(facet, page, lang)].filter(Boolean).join('/');
}

/**
 * Feed file names: the words feed readers and newsrooms already look for, the same in every
 * edition. Each feed sits in the folder of the page it follows (`/kim/kim-batuah/rss.xml`).
 */
const FEED_FILES = { rss: 'rss.xml', json: 'feed.json' } as const;
export type FeedFileFormat = keyof typeof FEED_FILES;

/**
 * The social preview image of a page (Open Graph, WhatsApp), in the page's own folder: a national
 * site's big folders (`cerita/`) get no entry more.
 */
const PREVIEW_FILE = 'pratinjau.jpg';

/** The social preview's path for a page's site path (`/cerita/x/` → `cerita/x/pratinjau.jpg`): the preview route's parameter. */
export function previewParam(pagePath: string): string {
  return `${pagePath.replace(/^\/+/, '')}${PREVIEW_FILE}`;
}

/** The page a built file is the social preview of (`cerita/x/pratinjau.jpg` → `/cerita/x/`); undefined for any other file. */
export function pageOfPreview(file: string): string | undefined {
  const posix = file.split('\\').join('/');
  if (posix !== PREVIEW_FILE && !posix.endsWith(`/${PREVIEW_FILE}`)) return undefined;
  return `/${posix.slice(0, -PREVIEW_FILE.length)}`;
}

/** What a feed follows, as its address needs it. */
export type FeedTarget =
  | { type: 'network' }
  | { type: 'category'; key: string }
  | { type: 'kim'; id: string }
  | { type: 'region'; region: Pick<Region, 'pathSegments'> };

/** The rest-parameter value of the feeds' route (`[...feed].ts`): the feed's path without the leading slash. */
export function feedParam(target: FeedTarget, format: FeedFileFormat, lang: Lang = 'id'): string {
  const s = SEGMENTS[lang];
  const folder =
    target.type === 'network'
      ? []
      : target.type === 'category'
        ? [s.stories, s.category, target.key]
        : target.type === 'kim'
          ? [s.kim, target.id]
          : [s.regions, ...target.region.pathSegments];
  return [s.prefix, ...folder, FEED_FILES[format]].filter(Boolean).join('/');
}

/** Where the brand colours' stylesheets are: one folder for every edition, like the search index. */
const BRAND_FOLDER = 'merek';

/**
 * The files of a KIM's brand kit, in its kit's folder (`/kim/kim-batuah/merek/logo.png`): the
 * same names in every edition, as people download and keep them.
 */
const BRAND_KIT_FILES = { logoSvg: 'logo.svg', logoPng: 'logo.png', posterPng: 'poster-a4.png' } as const;
export type BrandKitFile = keyof typeof BRAND_KIT_FILES;

/** The rest-parameter value of the brand kit files' route (`[...brandFile].ts`): the file's path without the leading slash. */
export function brandFileParam(kimId: string, file: BrandKitFile, lang: Lang = 'id'): string {
  const s = SEGMENTS[lang];
  return [s.prefix, s.kim, kimId, s.brandKit, BRAND_KIT_FILES[file]].filter(Boolean).join('/');
}

/**
 * The web CMS's folder. It is an application for KIM members, not a page for readers: the
 * reader-page budgets and the site-wide security policy do not apply to it (it has its own).
 */
export const ADMIN_FOLDER = 'admin';

/** Whether a path relative to the site's root (`admin/index.html`) belongs to the web CMS. */
export const isAdminFile = (relative: string) => relative.startsWith(`${ADMIN_FOLDER}/`);

/** Builds every URL for one language and deploy base. */
export function createUrls({ base = '/', lang = 'id' }: { base?: string; lang?: Lang } = {}) {
  const s = SEGMENTS[lang];
  const at = (...segments: (string | undefined)[]) => withBase(base, joinPath([s.prefix, ...segments]));
  const listing = (section: Section) => (facet?: ListingFacet, page = 1) =>
    at(s[section], listingParam(facet, page, lang));
  return {
    home: () => at(),
    regionIndex: () => at(s.regions),
    region: (region: Pick<Region, 'pathSegments'>) => at(s.regions, ...region.pathSegments),
    kim: (id: string) => at(s.kim, id),
    /** A KIM's brand kit: its logo, colours, words and printables, to download. */
    brandKit: (id: string) => at(s.kim, id, s.brandKit),
    /** A KIM's A4 poster, to print (its PNG is a brand kit file). */
    poster: (id: string) => at(s.kim, id, s.poster),
    /** A file of a KIM's brand kit. */
    brandFile: (id: string, file: BrandKitFile) => withBase(base, `/${brandFileParam(id, file, lang)}`),
    story: (id: string) => at(s.stories, id),
    place: (id: string) => at(s.places, id),
    kimListing: listing('kim'),
    storyListing: listing('stories'),
    /** Every topic of the network's stories; a topic's own listing is `storyListing({ type: 'topic', key })`. */
    topics: () => at(s.stories, s.topic),
    placeListing: listing('places'),
    /** The place directory of a region (province, regency or district), by kind and page. */
    placeDirectory: (region: Pick<Region, 'pathSegments'>, facet?: ListingFacet, page = 1) =>
      at(s.places, s.regions, ...region.pathSegments, listingParam(facet, page, lang)),
    /** The story directory of a region (regency or district), by page: the region's news. */
    storyDirectory: (region: Pick<Region, 'pathSegments'>, page = 1) => at(s.stories, s.regions, ...region.pathSegments, listingParam(undefined, page, lang)),
    guide: () => at(s.guide),
    /** A feed of stories, in one format. */
    feed: (target: FeedTarget, format: FeedFileFormat) => withBase(base, `/${feedParam(target, format, lang)}`),
    /** The social preview image of the page at `pageUrl` (a URL this builder made). */
    preview: (pageUrl: string) => `${pageUrl}${PREVIEW_FILE}`,
    /**
     * The dashboard of the network, or of one of its areas (province, kabupaten/kota, kecamatan):
     * coverage, activity, place data and potential, under the same path segments as `/wilayah/`.
     */
    statistics: (region?: Pick<Region, 'pathSegments'>) => at(s.statistics, ...(region?.pathSegments ?? [])),
    /** The press room: citing and republishing, contacts, brand assets, feeds and data; later pages continue its KIM contacts. */
    press: (page = 1) => at(s.press, listingParam(undefined, page, lang)),
    /** Every feed of the network, explained: how to follow the network, a KIM or a region. */
    feeds: () => at(s.follow),
    /** The search page; with a query, the results a reader can share. */
    search: (query?: string) => `${at(s.search)}${query ? `?q=${encodeURIComponent(query)}` : ''}`,
    /** Where the search index lives. */
    searchIndex: () => withBase(base, '/pagefind/'),
    sitemap: () => withBase(base, '/sitemap-index.xml'),
    /** The stylesheet of a brand colour (`domain/brand.ts`), named by its hex digits. */
    brandSheet: (name: string) => withBase(base, `/${BRAND_FOLDER}/${name}.css`),
    /** Every place and KIM with coordinates, as GeoJSON. */
    geojson: () => withBase(base, '/data/peta.geojson'),
    /** The open data's documentation page: every file and field, and the licences. */
    openData: () => at(s.data),
    /** An open data file (`data/kim.csv`), the same in every edition. */
    dataFile: (file: string) => withBase(base, `/data/${file}`),
    /** The web CMS, one for every edition: it edits the content, not a language's pages. */
    admin: (file = '') => withBase(base, `/${ADMIN_FOLDER}/${file}`),
    /** A file in `public/` or an asset path, with the base applied. */
    asset: (path: string) => withBase(base, `/${path.replace(/^\/+/, '')}`),
  };
}

/** What kind of page a site path is; how commands and checks recognise built pages without URL words of their own. */
export type PageKind =
  | 'home'
  | 'region-index'
  | 'region'
  | 'directory'
  | 'kim'
  | 'story'
  | 'place'
  | 'listing'
  | 'search'
  | 'guide'
  | 'feeds'
  | 'feed'
  | 'open-data'
  | 'press'
  | 'brand-kit'
  | 'poster'
  | 'statistics'
  | 'other';

export interface ClassifiedPath {
  kind: PageKind;
  /** The section of an entry or listing page. */
  section?: Section;
  /** An entry's id. */
  id?: string;
  /** Region segments below `/wilayah/` (or `/statistik/`): 1 for a province or regency, 2 a district, 3 a village. */
  depth?: number;
}

const ENTRY_KIND = { kim: 'kim', stories: 'story', places: 'place' } as const satisfies Record<Section, PageKind>;

/**
 * What a site path (without the deploy base, e.g. `/kim/kim-batuah/`) shows. The shard sitemaps,
 * the site checks, Lighthouse and the benchmark ask here, so a page type added to `createUrls`
 * needs teaching in one place only.
 */
export function classifyPath(pathname: string, lang: Lang = 'id'): ClassifiedPath {
  const s = SEGMENTS[lang];
  const parts = pathname.split('/').filter(Boolean);
  if (s.prefix) {
    if (parts[0] !== s.prefix) return { kind: 'other' };
    parts.shift();
  }
  const [first, second, ...rest] = parts;
  if (first === undefined) return { kind: 'home' };
  // A file rather than a page: a feed, or anything else (a social preview, the map's GeoJSON).
  if (!pathname.endsWith('/')) return (Object.values(FEED_FILES) as string[]).includes(parts.at(-1)!) ? { kind: 'feed' } : { kind: 'other' };
  if (first === s.regions) return second === undefined ? { kind: 'region-index' } : { kind: 'region', depth: parts.length - 1 };
  if (first === s.search && parts.length === 1) return { kind: 'search' };
  if (first === s.guide && parts.length === 1) return { kind: 'guide' };
  if (first === s.follow && parts.length === 1) return { kind: 'feeds' };
  if (first === s.data && parts.length === 1) return { kind: 'open-data' };
  if (first === s.press && (parts.length === 1 || (second === s.page && parts.length === 3))) return { kind: 'press' };
  if (first === s.statistics) return { kind: 'statistics', depth: parts.length - 1 };
  const section = (Object.keys(ENTRY_KIND) as Section[]).find((name) => s[name] === first);
  if (!section) return { kind: 'other' };
  if (DIRECTORY_SECTIONS.has(section) && second === s.regions) return { kind: 'directory', section, depth: rest.length };
  // A KIM's own printables sit below its page: `/kim/kim-batuah/merek/`, `/kim/kim-batuah/poster/`.
  if (section === 'kim' && second !== undefined && rest.length === 1 && !reservedEntryIds(section, lang).ids.includes(second)) {
    if (rest[0] === s.brandKit) return { kind: 'brand-kit', section, id: second };
    if (rest[0] === s.poster) return { kind: 'poster', section, id: second };
  }
  if (second !== undefined && rest.length === 0 && !reservedEntryIds(section, lang).ids.includes(second)) return { kind: ENTRY_KIND[section], section, id: second };
  return { kind: 'listing', section };
}

/**
 * The top folders of a built site that hold the pages of regions and entries, each rendered by
 * the one shard of a national build that holds its region. The others (home, guide, search) are
 * rendered by every shard alike.
 */
export function ownPageFolders(lang: Lang = 'id'): string[] {
  const s = SEGMENTS[lang];
  return [s.regions, s.kim, s.stories, s.places].map((folder) => (s.prefix ? `${s.prefix}/${folder}` : folder));
}

/** The site path a built HTML file is served at: `kim/kim-batuah/index.html` → `/kim/kim-batuah/`. */
export function pathOfPage(file: string): string {
  const posix = file.split('\\').join('/');
  if (posix === 'index.html') return '/';
  return posix.endsWith('/index.html') ? `/${posix.slice(0, -'index.html'.length)}` : `/${posix}`;
}
