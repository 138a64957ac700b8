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

/**
 * Normalises an Indonesian phone number as people write it ("0812-3456-7890", "+62 812 3456
 * 7890", "62812…") to international digits ("6281234567890"), or returns null if it cannot be one.
 */
export function normalizePhone(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (!digits.startsWith('62')) return null;
  return digits.length >= 9 && digits.length <= 15 ? digits : null;
}

/** A wa.me link, optionally with a message the reader can edit before sending. */
export function whatsappUrl(phoneDigits: string, message?: string): string {
  const base = `https://wa.me/${phoneDigits}`;
  return message ? `${base}?text=${encodeURIComponent(message)}` : base;
}

// Landline area codes with two digits; the others (0548 Bontang, 0541 Samarinda, …) have three.
const TWO_DIGIT_AREA_CODES = new Set(['21', '22', '24', '31', '61']);

/**
 * Readable form of international digits, grouped as Indonesians say them: mobile numbers
 * "+62 812-3456-7890", landlines with their area code apart, "+62 548 123456".
 */
export function formatPhone(phoneDigits: string): string {
  const local = phoneDigits.slice(2);
  if (local.startsWith('8')) {
    return `+62 ${[local.slice(0, 3), local.slice(3, 7), local.slice(7)].filter(Boolean).join('-')}`;
  }
  const area = TWO_DIGIT_AREA_CODES.has(local.slice(0, 2)) ? 2 : 3;
  return `+62 ${local.slice(0, area)} ${local.slice(area)}`;
}

/** Keeps a phone number on one line: non-breaking spaces and hyphens. */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}

const SOCIAL_HOSTS = {
  instagram: 'https://www.instagram.com/',
  facebook: 'https://www.facebook.com/',
  youtube: 'https://www.youtube.com/@',
} as const;
export type SocialNetwork = keyof typeof SOCIAL_HOSTS;

/**
 * Accepts a social profile as a full https URL or a bare handle ("@kimbontangkuala") and returns
 * the profile URL, or null when it is neither.
 */
export function socialProfileUrl(network: SocialNetwork, value: string): string | null {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return isWebUrl(trimmed) ? trimmed : null;
  const handle = trimmed.replace(/^@/, '');
  return /^[A-Za-z0-9._-]{1,100}$/.test(handle) ? `${SOCIAL_HOSTS[network]}${handle}` : null;
}
