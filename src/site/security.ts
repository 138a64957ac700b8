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

function serialize(filter: (name: string) => boolean, { tileOrigin }: PolicyOptions): string {
  const directives = { ...DIRECTIVES, 'img-src': [...DIRECTIVES['img-src']!, ...(tileOrigin ? [tileOrigin] : [])] };
  return Object.entries(directives)
    .filter(([name]) => filter(name))
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** The policy as sent in the Content-Security-Policy header. */
export const contentSecurityPolicy = (options: PolicyOptions = {}): string => serialize(() => true, options);

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export const metaContentSecurityPolicy = (options: PolicyOptions = {}): string => serialize((name) => !HEADER_ONLY.has(name), options);

/** Headers every page gets. */
function securityHeaders(options: PolicyOptions = {}): Record<string, string> {
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

/**
 * The `_headers` file: security headers everywhere, and long caching for Astro's fingerprinted
 * assets, whose names change whenever their content does.
 */
export function headersFile(base: string, options: PolicyOptions = {}): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block(`${root}*`, securityHeaders(options)),
    block(`${root}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
  ].join('\n\n')}\n`;
}
