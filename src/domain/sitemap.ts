/**
 * When each page last changed, for the sitemap's `<lastmod>`: a story when it was published or
 * updated, a place when its details were last checked, a KIM's page when it last published. Pages
 * without such a date get none, rather than the build's time, which would tell search engines
 * that every page changed on every build.
 */
import { isPublished } from './network.ts';
import type { createUrls } from './urls.ts';

interface Entries {
  stories: readonly { id: string; data: { kim: string; date: Date; updated?: Date | undefined; draft: boolean } }[];
  places: readonly { id: string; data: { verified?: Date | undefined } }[];
}

/** Each dated page's path (with the deploy base) and its date. */
export function lastModified(entries: Entries, urls: ReturnType<typeof createUrls>, now: Date): Map<string, Date> {
  const dates = new Map<string, Date>();
  const later = (path: string, date: Date) => {
    const known = dates.get(path);
    if (!known || date > known) dates.set(path, date);
  };
  for (const story of entries.stories) {
    if (!isPublished(story, now)) continue;
    const changed = story.data.updated && story.data.updated > story.data.date ? story.data.updated : story.data.date;
    later(urls.story(story.id), changed);
    later(urls.kim(story.data.kim), changed);
  }
  for (const place of entries.places) if (place.data.verified) later(urls.place(place.id), place.data.verified);
  return dates;
}
