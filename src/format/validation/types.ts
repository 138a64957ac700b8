import type { CollectionName, KimData, NetworkConfig, PlaceData, StoryData } from '../schemas/index.ts';
import type { ImageFormat } from '../../domain/image-files.ts';
import type { LandIndex } from '../../domain/land.ts';
import type { RegionData, RegionTree } from '../../domain/regions/tree.ts';
import type { ContentError } from '../errors.ts';
import type { BodyReport } from '../body.ts';

/** A contributor entry file by its name: where it is and what its name makes of it. */
interface EntryName {
  collection: CollectionName;
  /** Path inside the content folder, with `/` separators: "stories/kabar.md". */
  path: string;
  /** Path shown in messages, e.g. "content/kim/kim-batuah.md". */
  displayPath: string;
  /** File name without folder or extension: the entry's id and URL segment. */
  stem: string;
  format: 'md' | 'mdx';
  /** The extension as written (".md", ".MDX"). */
  extension: string;
}

/** A contributor file as read from disk, before anything is trusted. */
export interface ContentFile extends EntryName {
  /** Size on disk; `bytes` holds at most MAX_ENTRY_BYTES of it. */
  size: number;
  bytes: Uint8Array;
  remembered?: undefined;
}

/**
 * A contributor file the gate did not read, because git vouches that it holds the very bytes the
 * gate checked before (format/gate-cache.ts): its facts come from that check.
 */
export interface RememberedFile extends EntryName {
  remembered: FileFacts;
  bytes?: undefined;
}

/**
 * What a file's bytes alone say, before anything else is known (the clock, its photos, the other
 * files): all the gate cache keeps of a file. Whatever depends on more is checked on every run.
 */
export type FileFacts =
  /** Too large, not UTF-8, or without readable frontmatter: nothing else can be checked. */
  | { readable: false; errors: ContentError[]; coordinates: boolean }
  | {
      readable: true;
      /** The frontmatter as written (dates as text). */
      data: Record<string, unknown>;
      bodyLine: number;
      /** The body's own problems (MDX code, depth) and the photos it shows. */
      body: BodyReport;
      /** The schema's verdict: the validated data, or its problems. */
      schema: { ok: true; data: unknown } | { ok: false; errors: ContentError[] };
      /** The sha256 (hex) of the file's bytes (EntrySource.digest). */
      digest: string;
      /** Whether the file mentions coordinates, so the gate knows to load the land map. */
      coordinates: boolean;
    };

/** A photo's facts, read from its content (never from its name). */
export interface ImageFacts {
  format: ImageFormat;
  /** sharp could read its header. */
  readable: boolean;
  width: number;
  /** Height of one frame; `pages` frames for an animation. */
  height: number;
  pages: number;
  /** Its EXIF or XMP holds a GPS position (where it was taken, often someone's home). */
  gps: boolean;
}

/** What is on disk at a path inside the content folder. Links are never followed. */
export type PathFacts =
  | { type: 'missing' }
  | { type: 'directory' }
  | { type: 'link' }
  | { type: 'other' }
  | { type: 'file'; bytes: number; image: ImageFacts | null };

export interface ValidationInput<F extends ContentFile | RememberedFile = ContentFile> {
  network: { displayPath: string; bytes: Uint8Array | null };
  files: readonly F[];
  regions: RegionData;
  /** The build's clock: a story dated later is not published. */
  now: Date;
  /** What is at a content-relative path. */
  fileAt: (relative: string) => PathFacts;
  /** Symbolic links and other non-files anywhere in the content folder, by display path. */
  irregular?: readonly { path: string; kind: 'link' | 'other' }[];
  /** Files in a collection folder that look like entries but are not read (".markdown", ".txt"). */
  unread?: readonly string[];
  /** `.gitattributes` files inside the content folder, which can hide a change's text from its reviewers. */
  gitAttributes?: readonly string[];
  /** Every photo in the content folder whose metadata holds a GPS position, used or not. */
  gpsPhotos?: readonly { path: string; displayPath: string }[];
  /** Where located entries' points lie (see domain/land.ts); without it only Indonesia's box is checked. */
  land?: LandIndex | undefined;
}

/** Where an entry came from, and all a build's plan needs of it (src/build/shards/plan.ts). */
export interface EntryFacts {
  /** Path inside the content folder ("stories/kabar.md"). */
  path: string;
  format: 'md' | 'mdx';
  /** The frontmatter exactly as written (dates as text), for Astro's own schema pass. */
  raw: Record<string, unknown>;
  /** The line of the file the body starts on. */
  bodyLine: number;
  /** Every photo the entry shows (frontmatter and body), as content-relative paths. */
  images: string[];
  /** A story is published once it is not a draft and its date has come; everything else always is. */
  published: boolean;
  /**
   * The sha256 (hex) of the file's bytes as the gate read them: a sharded build keys its cache
   * by it, so 390,000 entries of a national network are not read and hashed a second time.
   */
  digest: string;
}

/** An entry's facts with its checked body: what the collections' loader needs to publish it. */
export interface EntrySource extends EntryFacts {
  /** The body the gate checked; the only body ever rendered. */
  body: string;
}

export interface Entry<T, S extends EntryFacts = EntrySource> {
  id: string;
  displayPath: string;
  data: T;
  source: S;
}

/**
 * A validated network. Its entries carry their bodies (`EntrySource`) when every file was read;
 * a run that took files' facts from the gate cache knows only their facts (`EntryFacts`), which is
 * all planning a sharded build needs: each shard reads and checks its own files again.
 */
export interface ValidNetwork<S extends EntryFacts = EntrySource> {
  config: NetworkConfig;
  tree: RegionTree;
  kim: Entry<KimData, S>[];
  stories: Entry<StoryData, S>[];
  places: Entry<PlaceData, S>[];
}

/** Problems that do not stop the build but that someone should fix (GPS in a source photo). */
type Warnings = { warnings: ContentError[] };

export type ValidationResult<S extends EntryFacts = EntrySource> = ({ ok: true; network: ValidNetwork<S> } | { ok: false; errors: ContentError[] }) & Warnings;

/** The frontmatter of a file that could be read, valid or not, and the photos it shows that passed their checks. */
export interface Readable {
  file: ContentFile | RememberedFile;
  data: Record<string, unknown>;
  images: string[];
}
