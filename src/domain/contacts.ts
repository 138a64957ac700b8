import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { hasUrlScheme, isWebUrl } from './links.ts';

/**
 * Normalises an Indonesian phone number as people write it ("0812-3456-7890", "+62 812 3456
 * 7890", "62812…") to international digits ("6281234567890"), or returns null if it cannot be
 * one. Numbering plans change; libphonenumber-js knows Indonesia's (mobile prefixes, area codes,
 * lengths). Only digits and the usual separators are accepted: "telp 0812…" is not a number.
 */
export function normalizePhone(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  // Written without + but with the country code, as WhatsApp shows numbers.
  const number = parsePhoneNumberFromString(digits.startsWith('62') && !trimmed.startsWith('+') ? `+${digits}` : trimmed, 'ID');
  return number?.country === 'ID' && number.isValid() ? number.number.slice(1) : null;
}

/** A wa.me link, optionally with a message the reader can edit before sending. */
export function whatsappUrl(phoneDigits: string, message?: string): string {
  const base = `https://wa.me/${phoneDigits}`;
  return message ? `${base}?text=${encodeURIComponent(message)}` : base;
}

/**
 * Readable form of international digits, grouped as Indonesians say them: mobile numbers
 * "+62 812-3456-7890", landlines with their area code apart, "+62 548 123456".
 */
export function formatPhone(phoneDigits: string): string {
  const number = parsePhoneNumberFromString(`+${phoneDigits}`);
  if (!number) return `+${phoneDigits}`;
  // Mobile numbers read in their national groups ("0812-3456-7890"); landlines keep the area code apart.
  return number.getType() === 'MOBILE' ? `+62 ${number.formatNational().replace(/^0/, '')}` : number.formatInternational();
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
  if (hasUrlScheme(trimmed)) return isWebUrl(trimmed) ? trimmed : null;
  const handle = trimmed.replace(/^@/, '');
  return /^[A-Za-z0-9._-]{1,100}$/.test(handle) ? `${SOCIAL_HOSTS[network]}${handle}` : null;
}
