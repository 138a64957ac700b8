/**
 * The site's security policy, in one place: the HTTP headers for hosts that read a `_headers`
 * file (Cloudflare Pages, Netlify) and the `<meta>` fallback for hosts that do not (GitHub Pages).
 * Pages load only the site's own files: no inline script or style, no third-party script.
 */
import { ADMIN_FOLDER } from '../domain/urls.ts';

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

const directivesFor = ({ tileOrigin }: PolicyOptions): Record<string, string[]> => ({ ...DIRECTIVES, 'img-src': [...DIRECTIVES['img-src']!, ...(tileOrigin ? [tileOrigin] : [])] });

const serialize = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...new Set(values)].join(' '))
    .join('; ');

const withoutHeaderOnly = (directives: Record<string, string[]>) => Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY.has(name)));

/** The policy for `<meta http-equiv="Content-Security-Policy">` on every reader's page. */
export const metaContentSecurityPolicy = (options: PolicyOptions = {}): string => serialize(withoutHeaderOnly(directivesFor(options)));

/** The policy as sent in the Content-Security-Policy header, to every page but the CMS's. */
const contentSecurityPolicy = (options: PolicyOptions): string => serialize(directivesFor(options));

/**
 * The web CMS's own policy: its script and fonts from the site, its styles set by the script
 * (a Svelte application), and requests only to the git service it edits through, whose API
 * origins the page passes in. Photos being edited are shown from `blob:` and `data:` URLs.
 */
export interface AdminOrigins {
  connect?: string[];
  images?: string[];
}

const adminDirectives = ({ connect = [], images = [] }: AdminOrigins): Record<string, string[]> => ({
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
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': [],
});

/** The CMS page's `<meta>` policy. */
export const adminContentSecurityPolicy = (origins: AdminOrigins = {}): string => serialize(withoutHeaderOnly(adminDirectives(origins)));

/** Headers every page gets. */
function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Strict-Transport-Security': 'max-age=31536000',
  };
}

/** Which host reads the file: they treat a header two rules set for one path differently. */
export type HeadersHost = 'cloudflare' | 'netlify';

/**
 * The `_headers` file: security headers everywhere, the web CMS's own policy under `admin/`, and
 * long caching for Astro's fingerprinted assets, whose names change whenever their content does.
 *
 * The CMS needs its own Content-Security-Policy (it talks to the git service's API) and an opener
 * policy that lets its sign-in pop-up answer it. Netlify gives a path the value of the last rule
 * that sets a header; Cloudflare Pages sends every matching rule's values joined, which would
 * enforce both policies, so there the CMS's rule first detaches the site-wide ones (`! Name`).
 */
export function headersFile(base: string, { host = 'cloudflare', admin = {}, ...options }: PolicyOptions & { host?: HeadersHost; admin?: AdminOrigins } = {}): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const block = (pattern: string, headers: Record<string, string>, detach: string[] = []) =>
    [pattern, ...detach.map((name) => `  ! ${name}`), ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const adminHeaders = { 'Content-Security-Policy': serialize(adminDirectives(admin)), 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' };
  return `${[
    block(`${root}*`, securityHeaders(options)),
    block(`${root}${ADMIN_FOLDER}/*`, adminHeaders, host === 'cloudflare' ? Object.keys(adminHeaders) : []),
    block(`${root}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
  ].join('\n\n')}\n`;
}
