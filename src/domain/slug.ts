/**
 * Turns a human name into a URL segment: lowercase ASCII letters, digits and single hyphens.
 * Diacritics are folded ("Séko" → "seko") so URLs stay readable when typed on any phone keyboard.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The shape every content id and URL segment must have. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `value` is already a clean slug (what contributors must name their files). */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
