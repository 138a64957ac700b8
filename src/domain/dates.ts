/**
 * Story and listing dates are calendar dates ("2026-11-30" in the frontmatter, midnight UTC once
 * parsed), so they are shown in UTC: the day a contributor wrote is the day every reader sees.
 */
const LOCALES = { id: 'id-ID' } as const;

// Making a formatter costs far more than using one (ICU loads the locale's patterns): about 6 s of
// a national shard's 8,300 pages went to making them anew for every date shown.
const dateFormats = new Map<keyof typeof LOCALES, Intl.DateTimeFormat>();
const numberFormats = new Map<keyof typeof LOCALES, Intl.NumberFormat>();

export function formatDate(date: Date, lang: keyof typeof LOCALES = 'id'): string {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(date);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatNumber(value: number, lang: keyof typeof LOCALES = 'id'): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(LOCALES[lang])));
  return format.format(value);
}

/** Indonesia's three time zones, as people name them. */
export interface IndonesianTimeZone {
  /** IANA name, for Intl. */
  id: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  abbreviation: 'WIB' | 'WITA' | 'WIT';
  /** Hours ahead of UTC (no daylight saving in Indonesia). */
  offset: 7 | 8 | 9;
}

const WIB: IndonesianTimeZone = { id: 'Asia/Jakarta', abbreviation: 'WIB', offset: 7 };
const WITA: IndonesianTimeZone = { id: 'Asia/Makassar', abbreviation: 'WITA', offset: 8 };
const WIT: IndonesianTimeZone = { id: 'Asia/Jayapura', abbreviation: 'WIT', offset: 9 };

/**
 * The time zone of a region, from its province code (Keppres 41/1987): Maluku and Papua
 * (81 and up) keep WIT; Bali, Nusa Tenggara (51–53), Kalimantan Selatan, Timur and Utara
 * (63–65) and Sulawesi (71–76) keep WITA; the rest of Sumatra, Java and Kalimantan keep WIB.
 * Anything else (the whole country, `ID`) reads as WIB, the capital's.
 */
export function timeZoneOf(regionCode: string): IndonesianTimeZone {
  const province = Number(regionCode.slice(0, 2));
  if (Number.isNaN(province)) return WIB;
  if (province >= 81) return WIT;
  if ((province >= 51 && province <= 53) || province >= 63) return WITA;
  return WIB;
}

/** The calendar date (`2026-12-01`) it is at `now` in a time zone: what "today" means there. */
export function calendarDateIn(now: Date, zone: IndonesianTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
