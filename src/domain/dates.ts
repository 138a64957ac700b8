/**
 * Story and listing dates are calendar dates ("2026-11-30" in the frontmatter, midnight UTC once
 * parsed), so they are shown in UTC: the day a contributor wrote is the day every reader sees.
 */
const LOCALES = { id: 'id-ID' } as const;

export function formatDate(date: Date, lang: keyof typeof LOCALES = 'id'): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatNumber(value: number, lang: keyof typeof LOCALES = 'id'): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(value);
}
