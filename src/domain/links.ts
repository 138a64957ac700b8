/**
 * What a link or address written by a contributor points at. Every place that has to tell a
 * relative path from an address elsewhere (a photo path, a Markdown link, a contact, a page the
 * site checks) asks here, so they all agree on what a scheme is.
 */

/** RFC 3986: a scheme is a letter followed by letters, digits, "+", "-" or ".", then ":". */
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** The scheme `text` starts with, lower-cased ("https", "javascript"), or undefined for a relative path. */
function urlScheme(text: string): string | undefined {
  return SCHEME.exec(text)?.[1]?.toLowerCase();
}

/** True when `text` starts with a scheme, so it leaves the site or the content folder. */
export const hasUrlScheme = (text: string): boolean => SCHEME.test(text);

/**
 * Contact links come from contributors, so only a few schemes may ever reach an `href`:
 * http(s) for web pages and profiles, mailto for email, and WhatsApp's own wa.me links.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True when `value` parses as a URL with an allowed scheme (never javascript:, data:, …). */
export function isSafeLink(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return SAFE_PROTOCOLS.has(url.protocol);
}

/** True for a web address (http or https) with a host. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Schemes a link or image written in Markdown may use. Anything else (javascript:, data:, vbscript:, …) is removed. */
const SAFE_CONTENT_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * True when a URL from contributor Markdown is harmless: relative, a fragment, or one of the
 * safe schemes. Browsers ignore whitespace and control characters inside a scheme
 * ("java\tscript:"), so those are removed before the scheme is read.
 */
export function isSafeContentUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const scheme = urlScheme(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
  return scheme === undefined || SAFE_CONTENT_SCHEMES.has(scheme);
}
