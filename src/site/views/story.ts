/** What a story's page shows, derived from the network model in one place. */
import { topicKey } from '../../domain/topics.ts';
import { LICENSES } from '../../domain/taxonomy.ts';
import { searchFacets, type Facets } from '../../domain/search/facets.ts';
import { buildsHere, getNetwork, t, urls, type Network, type Story } from '../network.ts';
import { kimCard, label, placeCard, placeName, storyCard, type KimCardData, type PlaceCardData, type StoryCardData } from './cards.ts';
import type { Link, PageHead } from './page.ts';
import { feedLinks } from './feed.ts';
import { storyPreview } from './social.ts';
import { storyData } from './structured.ts';

type StoryData = Story['data'];

export interface StoryView extends PageHead {
  /** The entry itself, whose body the page renders. */
  entry: Story;
  /** What the search index records about the page, for its filters. */
  facets: Facets;
  headline: string;
  summary: string;
  sample: boolean;
  date: Date;
  updated: Date | undefined;
  /** What was corrected after publication, shown above the text. */
  correction: string | undefined;
  /** Whether the licence lets others republish: the republishing box is offered. */
  republish: boolean;
  /** The village the story comes from, where its KIM is: the dateline. */
  dateline: Link;
  kim: Link;
  /** The KIM as its card shows it, beside the story. */
  kimCard: KimCardData;
  authors: string[];
  cover: StoryData['cover'];
  /** The places the story is about, as their cards show them. */
  places: PlaceCardData[];
  /** The story's topics, each linking to its topic's stories (a tag a URL cannot carry stays plain). */
  tags: { label: string; href: string | undefined }[];
  license: StoryData['license'];
  related: StoryCardData[];
}

/** `getStaticPaths` of `cerita/[id].astro`: the stories whose KIM's village this build holds. */
export async function storyPaths() {
  const network = await getNetwork();
  return network.stories.filter((story) => buildsHere(network.storyVillage(story).code)).map((story) => ({ params: { id: story.id }, props: { story } }));
}

export function storyView(network: Network, story: Story): StoryView {
  const { data } = story;
  const kim = network.kim(data.kim)!;
  const village = network.villageOf(kim);
  return {
    entry: story,
    title: data.title,
    description: data.summary,
    crumbs: [
      { label: t('nav.home'), href: urls.home() },
      { label: t('story.listing.title'), href: urls.storyListing() },
      { label: label('story.category', data.category), href: urls.storyListing({ type: 'category', key: data.category }) },
      { label: data.title },
    ],
    facets: searchFacets(network.tree, { type: 'story', region: village, date: data.date }),
    headline: data.title,
    summary: data.summary,
    sample: data.sample,
    date: data.date,
    updated: data.updated,
    correction: data.correction,
    republish: LICENSES[data.license].republish,
    dateline: { label: placeName(network, village), href: urls.region(village) },
    kim: { label: kim.data.name, href: urls.kim(kim.id) },
    kimCard: kimCard(network, kim),
    brand: network.brand(kim.id),
    feed: feedLinks(network, { type: 'kim', id: kim.id }),
    preview: storyPreview(network, story),
    structured: storyData(network, story),
    article: { published: data.date, modified: data.updated, section: label('story.category', data.category), tags: data.tags },
    authors: data.authors,
    cover: data.cover,
    places: data.places.map((id) => placeCard(network, network.place(id)!)),
    tags: data.tags.map((tag) => {
      const key = topicKey(tag);
      return { label: tag, href: key ? urls.storyListing({ type: 'topic', key }) : undefined };
    }),
    license: data.license,
    related: network.related(story).map((s) => storyCard(network, s)),
  };
}
