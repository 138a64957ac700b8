/**
 * The network's news feeds, as plain data and then as RSS 2.0 and JSON Feed 1.1. A feed reader, a
 * newsroom's aggregator or a village WhatsApp admin subscribes to the whole network, one KIM, one
 * kabupaten/kota, kecamatan or desa/kelurahan, or one category of story.
 *
 * RSS is built as an object tree and serialised by fast-xml-parser, which escapes every text and
 * attribute: a contributor's title is never spliced into markup. (The `feed` package writes CDATA
 * through xml-js, which ends the section at the second "]]>" of a text, so a title could inject
 * elements.) JSON Feed is a plain object given to `JSON.stringify`.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** How many stories a feed carries: the newest. Readers keep what they have already fetched. */
export const FEED_ITEMS = 20;

/**
 * A KIM's, kecamatan's or desa/kelurahan's feed carries fewer: such a feed gains a few stories a
 * month, and there are tens of thousands of them in a national network, each story in several.
 */
export const LOCAL_FEED_ITEMS = 10;

export const FEED_FORMATS = ['rss', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Media types, for the files and for `<link rel="alternate">`. */
export const FEED_MEDIA_TYPES = { rss: 'application/rss+xml', json: 'application/feed+json' } as const satisfies Record<FeedFormat, string>;

/** The feed as a whole: its title, its page, its own addresses (all absolute). */
export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed follows. */
  link: string;
  /** Where each format of this feed is published. */
  self: Record<FeedFormat, string>;
  /** BCP 47 tag of the stories' language. */
  language: string;
  /** The newest story's date (its update if later); the build's time would change every build. */
  updated: Date | undefined;
  /** The network's icon or logo, absolute. */
  icon?: string | undefined;
  /** Who publishes: the network, or the KIM. */
  publisher: { name: string; url: string };
  /** A sentence about the stories' licences. */
  rights: string;
  generator: string;
}

/** One story as a feed carries it; every URL absolute. */
export interface FeedEntry {
  /** The story's page: its id in both formats, stable across builds. */
  url: string;
  title: string;
  summary: string;
  /** The story's body as HTML with absolute URLs, its licence note and credits included. */
  contentHtml: string;
  published: Date;
  updated?: Date | undefined;
  /** Authors as they want to be credited, each with their KIM ("Nama, KIM Batuah"). */
  authors: string[];
  /** The publishing KIM: the credit when a story names no author. */
  kim: { name: string; url: string };
  category: { label: string; url: string };
  tags: string[];
  /** The cover photo, as the story page shows it. */
  image?: { url: string; type: string; alt: string } | undefined;
  /** The story's licence, with its deed when it has one. */
  license: { label: string; url?: string | undefined };
}

/** The newest stories of a list already sorted newest first, as a feed carries them. */
export function feedStories<S>(stories: readonly S[], limit: number = FEED_ITEMS): S[] {
  return stories.slice(0, limit);
}

/** The date a feed was last changed: its newest story's date or update. */
export function lastChange(entries: readonly { published: Date; updated?: Date | undefined }[]): Date | undefined {
  let latest: Date | undefined;
  for (const entry of entries) {
    for (const date of [entry.published, entry.updated]) if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 on, except the
// surrogates and U+FFFE/U+FFFF: anything else makes the whole feed unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

// Boolean attributes are an HTML notion: XML writes isPermaLink="true" in full.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** RSS 2.0 with the content, Dublin Core and Atom modules (full text, authors, rights, self link). */
export function rss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const item = entries.map((entry) => ({
    title: xmlSafe(entry.title),
    link: entry.url,
    guid: { '@isPermaLink': 'true', '#text': entry.url },
    pubDate: entry.published.toUTCString(),
    description: xmlSafe(entry.summary),
    'content:encoded': xmlSafe(entry.contentHtml),
    // RSS's own <author> must be an e-mail address; Dublin Core names people.
    'dc:creator': (entry.authors.length > 0 ? entry.authors : [entry.kim.name]).map(xmlSafe),
    'dc:publisher': xmlSafe(entry.kim.name),
    'dc:rights': xmlSafe(entry.license.url ? `${entry.license.label} (${entry.license.url})` : entry.license.label),
    ...(entry.updated ? { 'dcterms:modified': isoDateTime(entry.updated) } : {}),
    category: [{ '@domain': entry.category.url, '#text': xmlSafe(entry.category.label) }, ...entry.tags.map((tag) => xmlSafe(tag))],
    // Length 0 is what the RSS Advisory Board asks for when the size is not known in advance.
    ...(entry.image ? { enclosure: { '@url': entry.image.url, '@type': entry.image.type, '@length': '0' } } : {}),
  }));
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@xmlns:dcterms': 'http://purl.org/dc/terms/',
      channel: {
        title: xmlSafe(channel.title),
        link: channel.link,
        description: xmlSafe(channel.description),
        'atom:link': { '@href': channel.self.rss, '@rel': 'self', '@type': FEED_MEDIA_TYPES.rss },
        language: channel.language,
        copyright: xmlSafe(channel.rights),
        ...(channel.updated ? { lastBuildDate: channel.updated.toUTCString() } : {}),
        generator: channel.generator,
        docs: 'https://www.rssboard.org/rss-specification',
        ...(channel.icon ? { image: { url: channel.icon, title: xmlSafe(channel.title), link: channel.link } } : {}),
        item,
      },
    },
  };
  // Some XML readers (xmldom, any XML 1.1 reader) turn a raw U+2028, U+2029 or U+0085 into a
  // newline; as character references they survive every reader. They only ever occur in text.
  return (builder.build(document) as string).replace(/[\u2028\u2029\u0085]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.self.json,
    description: channel.description,
    language: channel.language,
    ...(channel.icon ? { icon: channel.icon, favicon: channel.icon } : {}),
    authors: [{ name: channel.publisher.name, url: channel.publisher.url }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: isoDateTime(entry.published),
      ...(entry.updated ? { date_modified: isoDateTime(entry.updated) } : {}),
      authors: entry.authors.length > 0 ? entry.authors.map((name) => ({ name })) : [{ name: entry.kim.name, url: entry.kim.url }],
      tags: [entry.category.label, ...entry.tags],
      ...(entry.image ? { image: entry.image.url } : {}),
      // Extensions start with an underscore; readers that do not know them skip them.
      _jembatan: { publisher: entry.kim, category: entry.category, license: entry.license },
    })),
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}

/** A feed in one format. */
export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return format === 'rss' ? rss(channel, entries) : jsonFeed(channel, entries);
}

const isoDateTime = (date: Date) => date.toISOString();
