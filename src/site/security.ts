/**
 * The site's security policy, in one place: the HTTP headers for hosts that read a `_headers`
 * file (Cloudflare Pages, Netlify) and the `<meta>` fallback for hosts that do not (GitHub Pages).
 * Pages load only the site's own files: no inline script or style, no third-party script.
 */

const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"], // Pagefind's search runs as WebAssembly.
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ['https://www.youtube-nocookie.com'], // The <Video> embed contributors may use.
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': [],
};

// Browsers ignore frame-ancestors in a <meta> policy and log an error for it. The hosts that
// only honour <meta> serve HTTPS with relative asset URLs, so upgrading requests adds nothing there.
const HEADER_ONLY = new Set(['frame-ancestors', 'upgrade-insecure-requests']);

/** What the policy depends on: the map's tile server is the one outside origin pages may load images from. */
export interface PolicyOptions {
  tileOrigin?: string | undefined;
}

/** The policy for `<meta http-equiv="Content-Security-Policy">` on every reader's page. */
export function metaContentSecurityPolicy({ tileOrigin }: PolicyOptions = {}): string {
  const directives = { ...DIRECTIVES, 'img-src': [...DIRECTIVES['img-src']!, ...(tileOrigin ? [tileOrigin] : [])] };
  return Object.entries(directives)
    .filter(([name]) => !HEADER_ONLY.has(name))
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * The policy as sent in the Content-Security-Policy header, to every file of the site. It holds
 * what a `<meta>` policy cannot say and what holds for the web CMS as well as for readers' pages;
 * each page brings the rest in its own `<meta>` (checked on every page by `check:site`), because
 * the CMS talks to the git service's API and a header for every path would forbid it on hosts
 * that merge header rules instead of letting a narrower one win.
 */
const contentSecurityPolicy = (): string =>
  ['object-src', 'base-uri', ...HEADER_ONLY].map((name) => [name, ...DIRECTIVES[name]!].join(' ')).join('; ');

/**
 * The web CMS's own policy: its script and fonts from the site, its styles set by the script
 * (a Svelte application), and requests only to the git service it edits through, whose API
 * origins the page passes in. Photos being edited are shown from `blob:` and `data:` URLs.
 */
export function adminContentSecurityPolicy({ connect = [], images = [] }: { connect?: string[]; images?: string[] } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:', ...images],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", 'blob:', 'data:', ...connect],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => [name, ...new Set(values)].join(' '))
    .join('; ');
}

/** Headers every page gets. */
function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Strict-Transport-Security': 'max-age=31536000',
  };
}

/**
 * The `_headers` file: security headers everywhere, and long caching for Astro's fingerprinted
 * assets, whose names change whenever their content does.
 */
export function headersFile(base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block(`${root}*`, securityHeaders()),
    block(`${root}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
  ].join('\n\n')}\n`;
}
