/**
 * Which feeds a build publishes and what each carries: the network's and each category's (from
 * the build that makes the network pages), each KIM's, and each kabupaten/kota's, kecamatan's and
 * desa/kelurahan's that has stories (from the build that holds it).
 */
import { feedStories, lastChange, renderFeed, FEED_FORMATS, FEED_ITEMS, LOCAL_FEED_ITEMS, type FeedChannel, type FeedEntry, type FeedFormat } from '../../domain/feeds.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { STORY_CATEGORY_KEYS } from '../../domain/taxonomy.ts';
import { feedParam, type FeedTarget } from '../../domain/urls.ts';
import { HTML_LANG } from '../i18n/index.ts';
import { buildsHere, buildsNetworkWide, config, getNetwork, listingTotals, t, urls, type Network, type Story } from '../network.ts';
import { label, licenseOf, placeName } from './cards.ts';

/** Regions whose news a reader can follow: a province is too wide to read as one feed. */
const FOLLOWED_LEVELS: ReadonlySet<Region['level']> = new Set(['regency', 'district', 'village']);

/** The story categories with at least one published story in the network. */
function categoriesWithStories(network: Network): string[] {
  return STORY_CATEGORY_KEYS.filter((key) =>
    // A shard of a national build holds only some stories; it is told each listing's size.
    listingTotals ? (listingTotals.stories[key] ?? 0) > 0 : network.stories.some((s) => s.data.category === key),
  );
}

/** Whether a region has a feed: a kabupaten/kota, kecamatan or desa/kelurahan with stories. */
export function regionHasFeed(network: Network, region: Region): boolean {
  return FOLLOWED_LEVELS.has(region.level) && network.storiesWithin(region.code).length > 0;
}

/** The regions with a feed: every region above a story's village, found from the stories, never from all 90,000 regions. */
function regionsWithFeeds(network: Network): Region[] {
  const found = new Map<string, Region>();
  for (const story of network.stories) {
    const village = network.storyVillage(story);
    for (const region of [...network.tree.ancestors(village.code), village]) if (FOLLOWED_LEVELS.has(region.level)) found.set(region.code, region);
  }
  return [...found.values()];
}

/** Every feed this build publishes, once per format: the `getStaticPaths` of `[...feed].ts`. */
export async function feedPaths() {
  const network = await getNetwork();
  const targets: FeedTarget[] = [];
  if (buildsNetworkWide) {
    targets.push({ type: 'network' });
    for (const key of categoriesWithStories(network)) targets.push({ type: 'category', key });
  }
  // Every KIM has a feed, so a newsroom can follow it before its first story.
  for (const kim of network.kims) if (buildsHere(kim.data.village)) targets.push({ type: 'kim', id: kim.id });
  for (const region of regionsWithFeeds(network)) if (buildsHere(region.code)) targets.push({ type: 'region', region });
  return targets.flatMap((target) => FEED_FORMATS.map((format) => ({ params: { feed: feedParam(target, format) }, props: { target, format } })));
}

export type FeedRoute = Awaited<ReturnType<typeof feedPaths>>[number]['props'];

/** A story's body for a feed: HTML with absolute URLs, and its cover photo's address. */
export interface StoryContent {
  html: string;
  image?: { url: string; type: string; alt: string } | undefined;
}

/** A feed's links, for `<link rel="alternate">` and the box that offers it ("Ikuti kabar {name}"). */
export interface FeedLinks {
  title: string;
  /** What the feed follows: the network, a category, a KIM or a region, by name. */
  name: string;
  rss: string;
  json: string;
}

/** The address of a feed in both formats, its title and what it follows. */
export function feedLinks(network: Network, target: FeedTarget): FeedLinks {
  const { title, name } = channelText(network, target);
  return linksOf(target, title, name);
}

const linksOf = (target: FeedTarget, title: string, name: string): FeedLinks => ({ title, name, rss: urls.feed(target, 'rss'), json: urls.feed(target, 'json') });

/** The network's feed, which every page links: it needs no network model. */
export function networkFeedLinks(): FeedLinks {
  return linksOf({ type: 'network' }, t('feed.network.title', { network: config.name }), config.name);
}

/**
 * What a feed is called and follows. Its stories are a function: a page linking the feed needs
 * only the title, and a category's stories are a filter over all of them.
 */
function channelText(network: Network, target: FeedTarget): { title: string; name: string; description: string; page: string; stories: () => readonly Story[] } {
  const name = config.name;
  switch (target.type) {
    case 'network': {
      const { title } = networkFeedLinks();
      return { title, name, description: t('feed.network.description', { network: name }), page: urls.home(), stories: () => network.stories };
    }
    case 'category': {
      const category = label('story.category', target.key);
      return {
        title: t('feed.category.title', { category, network: name }),
        name: category,
        description: t('feed.category.description', { category, network: name }),
        page: urls.storyListing({ type: 'category', key: target.key }),
        stories: () => network.stories.filter((s) => s.data.category === target.key),
      };
    }
    case 'kim': {
      const kim = network.kim(target.id)!;
      return {
        title: t('feed.kim.title', { kim: kim.data.name, network: name }),
        name: kim.data.name,
        description: t('feed.kim.description', { kim: kim.data.name, place: placeName(network, network.villageOf(kim)) }),
        page: urls.kim(kim.id),
        stories: () => network.storiesByKim(kim.id),
      };
    }
    case 'region': {
      const region = network.tree.require((target.region as Region).code);
      const regionName = placeName(network, region);
      return {
        title: t('feed.region.title', { region: region.fullName, network: name }),
        name: region.fullName,
        description: t('feed.region.description', { region: regionName }),
        page: urls.region(region),
        stories: () => network.storiesWithin(region.code),
      };
    }
  }
}

/** One story as a feed entry: its page, text, people and licence, every address absolute. */
function feedEntry(network: Network, story: Story, content: StoryContent, absolute: (path: string) => string): FeedEntry {
  const { data } = story;
  const kim = network.kim(data.kim)!;
  const license = licenseOf(data.license);
  return {
    url: absolute(urls.story(story.id)),
    title: data.title,
    summary: data.summary,
    contentHtml: content.html,
    published: data.date,
    updated: data.updated,
    authors: data.authors,
    kim: { name: kim.data.name, url: absolute(urls.kim(kim.id)) },
    category: { label: label('story.category', data.category), url: absolute(urls.storyListing({ type: 'category', key: data.category })) },
    tags: data.tags,
    image: content.image,
    license: { label: license.name, url: license.url },
  };
}

/**
 * The text of one feed. `content` renders a story's body (an Astro component, so the route
 * provides it); `site` is the site's address, which every URL in a feed is made absolute against.
 */
export async function feedDocument(route: FeedRoute, site: URL, content: (story: Story) => Promise<StoryContent>): Promise<string> {
  const network = await getNetwork();
  const { target, format } = route;
  const text = channelText(network, target);
  const absolute = (path: string) => new URL(path, site).href;
  const local = target.type === 'kim' || (target.type === 'region' && (target.region as Region).level !== 'regency');
  const stories = feedStories(text.stories(), local ? LOCAL_FEED_ITEMS : FEED_ITEMS);
  const entries: FeedEntry[] = [];
  for (const story of stories) entries.push(feedEntry(network, story, await content(story), absolute));
  const publisher = target.type === 'kim' ? { name: network.kim(target.id)!.data.name, url: absolute(urls.kim(target.id)) } : { name: config.name, url: absolute(urls.home()) };
  const channel: FeedChannel = {
    title: text.title,
    description: text.description,
    link: absolute(text.page),
    self: Object.fromEntries(FEED_FORMATS.map((f) => [f, absolute(urls.feed(target, f))])) as Record<FeedFormat, string>,
    language: HTML_LANG.id,
    updated: lastChange(entries),
    publisher,
    rights: t('feed.rights'),
    generator: 'Jembatan',
  };
  return renderFeed(format, channel, entries);
}

/** A feed as the feeds page lists it, with how many stories it follows. */
interface ListedFeed extends FeedLinks {
  page: string;
  count: number;
}

/** What `/ikuti/` lists: the network's feed, each category's, and each kabupaten/kota's with stories. */
export interface FeedsPageView {
  network: FeedLinks;
  categories: ListedFeed[];
  regencies: ListedFeed[];
}

export async function feedsPageView(): Promise<FeedsPageView> {
  const network = await getNetwork();
  const regencies = network.tree.roots().flatMap((province) => network.tree.children(province.code));
  return {
    network: networkFeedLinks(),
    categories: categoriesWithStories(network).map((key) => ({
      ...feedLinks(network, { type: 'category', key }),
      page: urls.storyListing({ type: 'category', key }),
      count: listingTotals ? (listingTotals.stories[key] ?? 0) : network.stories.filter((s) => s.data.category === key).length,
    })),
    // The regencies' figures are known to every build that makes this page, sharded or not.
    regencies: regencies
      .map((region) => ({ region, count: network.stats(region.code).stories }))
      .filter(({ count }) => count > 0)
      .map(({ region, count }) => ({ ...feedLinks(network, { type: 'region', region }), page: urls.region(region), count })),
  };
}
