/**
 * How a page tells Pagefind what it is and what matters on it: the weights written as
 * `data-pagefind-weight` on the words that name an entry, and the metadata keys a result is
 * listed with. Pagefind weighs a heading 7 (h1) down to 1 (plain text); a very short page also
 * ranks high, so a village page that holds little more than its name would outrank the place
 * or story the reader is looking for unless its name weighs less than theirs.
 */

/** Weights of the words that name a page (Pagefind accepts 0 to 10). */
export const SEARCH_WEIGHT = {
  /** The name of a place, story, KIM or guide: what a reader types to find it. */
  entryTitle: 10,
  /**
   * A village's or area's name: findable by it, but below every entry whose own name carries
   * the same word (a place named after its village is what the reader is after).
   */
  regionName: 1,
} as const;

/**
 * How much a query word found in a result's type label counts (Pagefind's `metaWeights`; the
 * title's is 5). The label of a place carries its kind ("Potensi Kuliner"), so the kind's word
 * lists the places of that kind before a story that only mentions it, even in its headline.
 */
export const TYPE_LABEL_WEIGHT = 10;

/** Metadata keys of a result, read by the search page (`client/search-core.ts`). */
export const RESULT_META = {
  /** What the page is, as a label: "Potensi Kuliner", "Cerita", "Desa". */
  type: 'jenis',
  /** A small thumbnail's URL, as the site serves it (with its base path). */
  image: 'gambar',
  imageAlt: 'gambar_alt',
} as const;

/** The thumbnail's size in CSS pixels; it is generated at twice that for sharp screens. */
export const RESULT_THUMBNAIL = 64;
