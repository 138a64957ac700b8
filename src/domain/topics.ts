/**
 * Topics are the tags KIM members write on stories, in their own words ("wisata desa",
 * "Wisata Desa", "wisata-desa"). Each becomes a page of its own at `/cerita/topik/<key>/`: the
 * key is the tag's slug, so spellings that differ only in case, spaces or punctuation meet on one
 * page, and a tag made only of signs a URL cannot carry (emoji, another script) gets none and is
 * shown unlinked.
 */
import { slugify } from './slug.ts';

// A national network writes a few thousand distinct tags on 280,000 stories, and every listing
// and story page asks for their keys again: each is worked out once per process.
const keys = new Map<string, string>();

/** The URL key of a tag, or an empty string when it has none. */
export function topicKey(tag: string): string {
  let key = keys.get(tag);
  if (key === undefined) keys.set(tag, (key = slugify(tag)));
  return key;
}

/** The keys of a story's tags, each once, in the order written. */
export function topicKeysOf(story: { data: { tags: readonly string[] } }): string[] {
  return [...new Set(story.data.tags.map(topicKey).filter(Boolean))];
}

export interface Topic {
  key: string;
  /** The tag as the newest story using it wrote it: what the page and its links show. */
  label: string;
  /** How many stories carry it. */
  count: number;
}

/**
 * Every topic of `stories`, which must be ordered newest first, so that a topic's label is the
 * newest story's spelling: the same in a sharded build, whose network shard holds only the
 * newest stories of each topic, as in a build of the whole network. Most used first, then by label.
 */
export function topicsOf(stories: readonly { data: { tags: readonly string[] } }[]): Topic[] {
  const topics = new Map<string, Topic>();
  for (const story of stories) {
    const seen = new Set<string>();
    for (const tag of story.data.tags) {
      const key = topicKey(tag);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const known = topics.get(key);
      if (known) known.count++;
      else topics.set(key, { key, label: tag, count: 1 });
    }
  }
  return [...topics.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id') || (a.key < b.key ? -1 : 1));
}
