import type { CollectionName, KimData, NetworkConfig, PlaceData, StoryData } from '../schemas/index.ts';
import type { ImageFormat } from '../../domain/image-files.ts';
import type { LandIndex } from '../../domain/land.ts';
import type { RegionData, RegionTree } from '../../domain/regions/tree.ts';
import type { ContentError } from '../errors.ts';

/** A contributor file as read from disk, before anything is trusted. */
export interface ContentFile {
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
  /** Size on disk; `bytes` holds at most MAX_ENTRY_BYTES of it. */
  size: number;
  bytes: Uint8Array;
}

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

export interface ValidationInput {
  network: { displayPath: string; bytes: Uint8Array | null };
  files: readonly ContentFile[];
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

/** Where an entry came from and what the collections' loader needs to publish it. */
export interface EntrySource {
  /** Path inside the content folder ("stories/kabar.md"). */
  path: string;
  format: 'md' | 'mdx';
  /** The frontmatter exactly as written (dates as text), for Astro's own schema pass. */
  raw: Record<string, unknown>;
  /** The body the gate checked; the only body ever rendered. */
  body: string;
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

export interface Entry<T> {
  id: string;
  displayPath: string;
  data: T;
  source: EntrySource;
}

export interface ValidNetwork {
  config: NetworkConfig;
  tree: RegionTree;
  kim: Entry<KimData>[];
  stories: Entry<StoryData>[];
  places: Entry<PlaceData>[];
}

/** Problems that do not stop the build but that someone should fix (GPS in a source photo). */
type Warnings = { warnings: ContentError[] };

export type ValidationResult = ({ ok: true; network: ValidNetwork } | { ok: false; errors: ContentError[] }) & Warnings;

/** The frontmatter of a file that could be read, valid or not, and the photos it shows that passed their checks. */
export interface Readable {
  file: ContentFile;
  data: Record<string, unknown>;
  images: string[];
}
