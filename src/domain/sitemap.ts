/**
 * When each page last changed, for the sitemap's `<lastmod>`: a story when it was published or
 * updated, a place when its details were last checked, a KIM's page when it last published, and a
 * region's page (province to village) when a story of one of its KIM was published or updated or a
 * place in it was last checked, the dates its lists of news and places move by. Pages without
 * such a date get none, rather than the build's time, which would tell search engines that every
 * page changed on every build. A sharded build dates each page from the entries of the shard that
 * builds it; the page of a province split over several shards therefore knows its newest stories
 * (handed to that shard for the page to list) but not a place checked in another of its shards.
 */
import { isPublished } from './network.ts';
import { lineageOf } from './regions/codes.ts';
import type { Region } from './regions/tree.ts';
import type { createUrls } from './urls.ts';

interface Entries {
  kim: readonly { id: string; data: { village: string } }[];
  stories: readonly { id: string; data: { kim: string; date: Date; updated?: Date | undefined; draft: boolean } }[];
  places: readonly { id: string; data: { region: string; verified?: Date | undefined } }[];
  /** The regions with pages; a code it does not know dates no page. */
  tree: { hasPage(code: string): boolean; get(code: string): Pick<Region, 'pathSegments'> | undefined };
}

function keepLatest(dates: Map<string, Date>, key: string, date: Date): void {
  const known = dates.get(key);
  if (!known || date > known) dates.set(key, date);
}

/** Each dated page's path (with the deploy base) and its date. */
export function lastModified(entries: Entries, urls: ReturnType<typeof createUrls>, now: Date): Map<string, Date> {
  const dates = new Map<string, Date>();
  const later = (path: string, date: Date) => keepLatest(dates, path, date);
  // Regions by code first: many entries share a village, and its page's path is made once.
  const regionDates = new Map<string, Date>();
  const laterWithin = (code: string, date: Date) => {
    for (const c of lineageOf(code)) keepLatest(regionDates, c, date);
  };
  const villageOf = new Map(entries.kim.map((k) => [k.id, k.data.village]));
  for (const story of entries.stories) {
    if (!isPublished(story, now)) continue;
    const changed = story.data.updated && story.data.updated > story.data.date ? story.data.updated : story.data.date;
    later(urls.story(story.id), changed);
    later(urls.kim(story.data.kim), changed);
    const village = villageOf.get(story.data.kim);
    if (village !== undefined) laterWithin(village, changed);
  }
  for (const place of entries.places) {
    if (!place.data.verified) continue;
    later(urls.place(place.id), place.data.verified);
    laterWithin(place.data.region, place.data.verified);
  }
  for (const [code, date] of regionDates) {
    const region = entries.tree.hasPage(code) ? entries.tree.get(code) : undefined;
    if (region) later(urls.region(region), date);
  }
  return dates;
}
