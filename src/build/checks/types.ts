/** What every check on the built site reports. */

/** The checks, named in reports. */
export type SiteCheck = 'html' | 'link' | 'metadata' | 'svg' | 'weight' | 'csp' | 'file';

/** One problem in one built file, phrased for the person who runs the network's site. */
export interface SiteProblem {
  /** Path relative to the built folder, with `/` separators (`kim/index.html`). */
  file: string;
  check: SiteCheck;
  message: string;
}
