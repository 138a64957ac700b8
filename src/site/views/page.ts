import type { Brand } from '../../domain/brand.ts';
import type { FeedLinks } from './feed.ts';
import type { PreviewImage } from './social.ts';
import type { StructuredData } from './structured.ts';

/** One step of a page's breadcrumbs; the last, the page itself, has no link. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

/** A link as a page shows it. */
export interface Link {
  label: string;
  href: string;
}

/** What every page gives its layout: title, description and breadcrumbs. */
export interface PageHead {
  title: string;
  description: string;
  crumbs: Crumb[];
  /** The KIM whose colour the page takes: on its own page, its stories and the places it keeps. */
  brand?: Brand | undefined;
  /** The feed of what the page is about (a KIM, a region, a category), besides the network's own. */
  feed?: FeedLinks | undefined;
  /** The page's own social preview; without one, the network's. */
  preview?: PreviewImage | undefined;
  /** A story's dates, section and topics, for Open Graph's article tags. */
  article?: { published: Date; modified?: Date | undefined; section: string; tags: string[] } | undefined;
  /** What the page is, as schema.org structured data (the layout adds the breadcrumbs). */
  structured?: StructuredData | undefined;
}

/** A sentence from the dictionary with one link inside it, split around the link. */
export interface LinkedSentence {
  before: string;
  link: Link;
  after: string;
}

// A character no dictionary entry or name contains, to find where the link goes after interpolation.
const LINK_MARK = '\u0000';

/**
 * Splits a translated sentence around the variable `linkVar`, which becomes `link`: the
 * dictionary keeps whole sentences (word order differs between languages) and the page still
 * gets its link in the right place.
 */
export function linkedSentence(translate: (vars: Record<string, string>) => string, linkVar: string, link: Link, vars: Record<string, string> = {}): LinkedSentence {
  const [before = '', after = ''] = translate({ ...vars, [linkVar]: LINK_MARK }).split(LINK_MARK);
  return { before, link, after };
}
