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
}
