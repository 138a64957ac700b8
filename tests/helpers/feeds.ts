/**
 * Reads feeds as a reader would, with parsers independent of the generator: @xmldom/xmldom for
 * RSS (strict: any XML error fails), and JSON.parse with a JSON Feed 1.1 schema checked by ajv.
 * Each returns the feed as plain data, and the problems found with what RSS 2.0 and JSON Feed 1.1
 * require.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { load } from 'cheerio';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

interface ReadItem {
  title: string;
  link: string;
  guid: string;
  published: Date;
  summary: string;
  contentHtml: string;
  authors: string[];
  categories: string[];
  rights: string;
  image: string | undefined;
}

export interface ReadFeed {
  title: string;
  link: string;
  self: string;
  items: ReadItem[];
  problems: string[];
}

const isAbsolute = (url: string) => /^https?:\/\/[^/]/.test(url);

function texts(parent: Element, name: string, ns?: string): string[] {
  const list = ns ? parent.getElementsByTagNameNS(ns, name) : parent.getElementsByTagName(name);
  return Array.from(list)
    .filter((el) => el.parentNode === parent)
    .map((el) => el.textContent ?? '');
}

/** Parses RSS 2.0 strictly and lists what a valid feed must have and this one lacks. */
export function readRss(xml: string): ReadFeed {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
  const problems = [...errors];
  const rss = doc.documentElement!;
  if (rss.nodeName !== 'rss' || rss.getAttribute('version') !== '2.0') problems.push('root is not <rss version="2.0">');
  const channel = Array.from(rss.getElementsByTagName('channel'))[0]!;
  for (const required of ['title', 'link', 'description']) if (texts(channel, required).length !== 1) problems.push(`channel lacks one <${required}>`);
  const self = Array.from(channel.getElementsByTagNameNS(NS.atom, 'link')).find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href') ?? '';
  if (!isAbsolute(self)) problems.push('no absolute atom:link rel="self"');
  const items = Array.from(channel.getElementsByTagName('item')).map((item, i): ReadItem => {
    const one = (name: string, ns?: string) => texts(item, name, ns)[0] ?? '';
    const enclosure = Array.from(item.getElementsByTagName('enclosure'))[0];
    const read: ReadItem = {
      title: one('title'),
      link: one('link'),
      guid: one('guid'),
      published: new Date(one('pubDate')),
      summary: one('description'),
      contentHtml: one('encoded', NS.content),
      authors: texts(item, 'creator', NS.dc),
      categories: texts(item, 'category'),
      rights: one('rights', NS.dc),
      image: enclosure?.getAttribute('url') ?? undefined,
    };
    if (!read.title) problems.push(`item ${i} has no title`);
    if (!isAbsolute(read.link)) problems.push(`item ${i} link is not absolute: ${read.link}`);
    if (read.guid !== read.link) problems.push(`item ${i} guid differs from its link`);
    if (Number.isNaN(read.published.getTime())) problems.push(`item ${i} pubDate unreadable`);
    if (!read.contentHtml) problems.push(`item ${i} has no content:encoded`);
    if (read.authors.length === 0) problems.push(`item ${i} has no dc:creator`);
    if (enclosure && (!isAbsolute(read.image ?? '') || !enclosure.getAttribute('type') || enclosure.getAttribute('length') === null)) problems.push(`item ${i} enclosure incomplete`);
    return read;
  });
  return { title: texts(channel, 'title')[0] ?? '', link: texts(channel, 'link')[0] ?? '', self, items, problems };
}

/** JSON Feed 1.1's required and typed members (https://www.jsonfeed.org/version/1.1/). */
const JSON_FEED_SCHEMA = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: { type: 'string', pattern: '^https?://' },
    feed_url: { type: 'string', pattern: '^https?://' },
    language: { type: 'string' },
    authors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string', pattern: '^https?://' } } } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url: { type: 'string', pattern: '^https?://' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          summary: { type: 'string' },
          image: { type: 'string', pattern: '^https?://' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
          authors: { type: 'array', minItems: 1, items: { type: 'object', required: ['name'] } },
        },
      },
    },
  },
} as const;

const validateJsonFeed = new Ajv({ allErrors: true, formats: { 'date-time': (s: string) => !Number.isNaN(Date.parse(s)) && /T/.test(s) } }).compile(JSON_FEED_SCHEMA);

export interface ReadJsonFeed {
  feed: { title: string; home_page_url: string; feed_url: string; items: { id: string; url: string; title: string; content_html: string; date_published: string; authors: { name: string }[]; image?: string; tags: string[] }[] };
  problems: string[];
}

/** Parses a JSON Feed and lists where it breaks the 1.1 schema. */
export function readJsonFeed(text: string): ReadJsonFeed {
  const feed = JSON.parse(text);
  const problems = validateJsonFeed(feed) ? [] : (validateJsonFeed.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  return { feed, problems };
}

/** Every address in an HTML fragment's href, src and srcset attributes, read by cheerio (htmlparser2). */
export function addressesIn(html: string): string[] {
  const $ = load(html, null, false);
  const found: string[] = [];
  $('[href], [src]').each((_, el) => void found.push(...[$(el).attr('href'), $(el).attr('src')].filter((a): a is string => a !== undefined)));
  $('[srcset]').each((_, el) => void found.push(...$(el).attr('srcset')!.split(',').map((part) => part.trim().split(/\s+/)[0]!)));
  return found;
}
