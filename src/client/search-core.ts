/**
 * What the search page does, without the page: the search kept in the URL, which Pagefind indexes
 * a search loads on a network built in shards, and how the results of several shards are merged,
 * listed and described. Nothing here touches the document or imports Pagefind: `search.ts` wires
 * this to the page and hands in an `IndexLoader`, so tests can drive the routing with fakes.
 */
import { FACET_KEYS } from '../domain/search/facets.ts';
import { RESULT_META, TYPE_LABEL_WEIGHT } from '../domain/search/ranking.ts';
import { rankShards, ROUTER_DIR, type ShardList } from '../domain/search/router.ts';
import type { Translate } from '../site/i18n/index.ts';

/** A result's page as Pagefind returns it: address, excerpt (escaped, matches in `<mark>`) and metadata. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<string, string>>;
}
/** One search result; its page loads only when asked. */
export interface Hit {
  id: string;
  data: () => Promise<ResultData>;
}
/** Results per value of every facet, as Pagefind counts them. */
export type FilterCounts = Record<string, Record<string, number>>;
interface SearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}
/** The part of Pagefind's browser API the search page uses. */
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (query: string | null, options?: SearchOptions) => Promise<{ results: Hit[]; filters: FilterCounts }>;
}
type Message = 'loading' | 'results' | 'resultsFiltered' | 'resultsIn' | 'resultsFilteredIn' | 'otherAreas' | 'moreFrom' | 'none' | 'prompt' | 'error' | 'more' | 'all';
/** The words the page shows, from the dictionary (`cari.astro` writes them into the form), with `{name}` slots. */
export type SearchStrings = Record<Message, string> & { facets: Record<string, string> };

/**
 * The page's words from the dictionary, with their slots left as `{count}`, `{query}`…: built by
 * `cari.astro` at build time (the browser never loads the dictionary) and by the tests.
 */
export function searchStrings(t: Translate): SearchStrings {
  return {
    loading: t('search.loading'),
    results: t('search.results', { count: '{count}', query: '{query}' }),
    resultsFiltered: t('search.resultsFiltered', { count: '{count}' }),
    resultsIn: t('search.resultsIn', { count: '{count}', query: '{query}', areas: '{areas}' }),
    resultsFilteredIn: t('search.resultsFilteredIn', { count: '{count}', areas: '{areas}' }),
    otherAreas: t('search.otherAreas', { count: '{count}' }),
    moreFrom: t('search.moreFrom', { area: '{area}' }),
    none: t('search.none', { query: '{query}' }),
    prompt: t('search.prompt'),
    error: t('search.error'),
    more: t('search.more'),
    all: t('search.filterAll'),
    facets: Object.fromEntries(FACET_KEYS.map((key) => [key, t(`search.facet.${key}`)])),
  };
}

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

// The parameter names are the form's field names too: without JavaScript the form is a plain GET.
const QUERY_PARAM = 'q';
const ORDER_PARAM = 'urutan';
const NEWEST = 'terbaru';

/** A search as its URL holds it; an empty query or order is none, and only chosen facets are present. */
interface SearchState {
  query: string;
  filters: Record<string, string>;
  order: string;
}

/**
 * Reads a search from URL parameters (or from the form's fields, which carry the same names).
 * The query is trimmed, facet values are kept as they are (they must equal Pagefind's filter
 * values), and any parameter that is not a facet of this site is ignored.
 */
export function readSearch(params: URLSearchParams, facetKeys: readonly string[]): SearchState {
  const filters: Record<string, string> = {};
  for (const key of facetKeys) {
    const value = params.get(key) ?? '';
    if (value) filters[key] = value;
  }
  return { query: (params.get(QUERY_PARAM) ?? '').trim(), filters, order: params.get(ORDER_PARAM) ?? '' };
}

/**
 * The page's address for a search, to share it: the path, then the query, the facets and the
 * order, each only when chosen. Parameters the search does not read are left out.
 */
export function searchUrl(pathname: string, state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(QUERY_PARAM, state.query);
  for (const [key, value] of Object.entries(state.filters)) params.set(key, value);
  if (state.order) params.set(ORDER_PARAM, state.order);
  return `${pathname}${params.size > 0 ? `?${params}` : ''}`;
}

/** True when a search asks for nothing: no words and no facet, so the page prompts instead. */
export function isBlank(state: SearchState): boolean {
  return !state.query && Object.keys(state.filters).length === 0;
}

/** What Pagefind is asked for a search: its words (or none), its facets, and the newest first if chosen. */
export function pagefindQuery(state: SearchState): [string | null, SearchOptions] {
  const filters = Object.fromEntries(Object.entries(state.filters).map(([key, value]) => [key, [value]]));
  return [state.query || null, { filters, ...(state.order === NEWEST ? { sort: { tanggal: 'desc' } } : {}) }];
}

/**
 * How results are ranked. Pagefind favours short pages by default (`pageLength` 0.75), and a
 * village page indexes little more than its name, so it would outrank the place or story named
 * after it; a weaker length bonus lets the weights on names (domain/search/ranking.ts)
 * decide. A word of the type label ("kuliner" in "Potensi Kuliner") lists those results first.
 */
const RANKING = { pageLength: 0.3, metaWeights: { [RESULT_META.type]: TYPE_LABEL_WEIGHT } };
/** Options for every index searched; a merged index does not inherit them from the first. */
const INDEX_OPTIONS = { excerptLength: 24, ranking: RANKING };
/**
 * The router's records are whole shards: one holding more of a word's pages should come first
 * however large its vocabulary, so a record's length does not count against it. The type label's
 * weight stays, so whichever ranking Pagefind applies to the shards merged into this copy, a
 * kind's word still finds its places first.
 */
const ROUTER_RANKING = { ...RANKING, pageLength: 0 };

/** A search's answer; on a site built in shards and searched as a whole, also where it looked. */
export interface Outcome {
  results: Hit[];
  filters: FilterCounts;
  areas?: { searched: string[]; remaining: string[] };
}

/** How a searcher reaches the site's indexes: the page imports and fetches, tests hand in fakes. */
export interface IndexLoader {
  /** Imports Pagefind from a module URL; a distinct URL must give a distinct copy. */
  importPagefind(moduleUrl: string): Promise<Pagefind>;
  /** Reads the `shards.json` at a URL. */
  fetchShardList(url: string): Promise<ShardList>;
}

/**
 * Runs searches against the site's index, at `indexUrl`. A network built in shards has one index
 * per shard (see domain/search/router.ts): a search narrowed to one kabupaten/kota loads only the
 * shard that holds it; any other search asks the router which shards hold the query's words,
 * loads the best of them, and loads the next one each time `widen` is called. Every set of
 * indexes gets its own copy of Pagefind (a distinct module URL), so switching between them never
 * mixes indexes, and the shards of a search over the whole network are merged into the router's
 * copy, so the WebAssembly is downloaded once.
 */
export function createSearcher(indexUrl: string, sharded: boolean, loader: IndexLoader) {
  let list: Promise<ShardList> | undefined;
  const copies = new Map<string, Promise<Pagefind>>();
  async function load(key: string, basePath: string, options: Record<string, unknown>): Promise<Pagefind> {
    const pagefind = await loader.importPagefind(`${basePath}pagefind.js${key ? `?${key}` : ''}`);
    await pagefind.options({ basePath, ...INDEX_OPTIONS, ...options });
    // Loads the filter index, without which searches report no filter counts.
    await pagefind.filters();
    return pagefind;
  }
  function open(key: string, basePath: string, options: Record<string, unknown> = {}): Promise<Pagefind> {
    if (!copies.has(key)) copies.set(key, load(key, basePath, options));
    return copies.get(key)!;
  }

  const openRouter = () => open(ROUTER_DIR, `${indexUrl}${ROUTER_DIR}/`, { ranking: ROUTER_RANKING });
  const merged = new Set<string>();
  let current: { query: string | null; options: SearchOptions; candidates: string[] } | undefined;

  async function searchWhole(): Promise<Outcome> {
    const { labels, routes } = await list!;
    const pagefind = await openRouter();
    const { query, options, candidates } = current!;
    const search = await pagefind.search(query, options);
    return {
      // The router's own records match the words too; they are shards, not pages.
      results: search.results.filter((hit) => routes[hit.id] === undefined),
      filters: search.filters,
      areas: {
        searched: candidates.filter((s) => merged.has(s)).map((s) => labels[s] ?? s),
        remaining: candidates.filter((s) => !merged.has(s)).map((s) => labels[s] ?? s),
      },
    };
  }

  async function mergeShard(shard: string): Promise<void> {
    const pagefind = await openRouter();
    await pagefind.mergeIndex(`${indexUrl}${shard}/`, INDEX_OPTIONS);
    await pagefind.filters();
    merged.add(shard);
  }

  return {
    async search(query: string | null, options: SearchOptions): Promise<Outcome> {
      if (!sharded) return (await open('', indexUrl)).search(query, options);
      list ??= loader.fetchShardList(`${indexUrl}shards.json`);
      const { shards, kabupaten = {}, routes, guides } = await list;
      const one = options.filters?.kabupaten?.[0] !== undefined ? kabupaten[options.filters.kabupaten[0]] : undefined;
      if (one) return (await open(one, `${indexUrl}${one}/`)).search(query, options);
      // The router holds words, not filters, and not in their order: it is asked with the words
      // alone, without the quotes of an exact phrase.
      const pagefind = await openRouter();
      const words = query?.replaceAll('"', ' ').trim();
      const ranked = words ? rankShards((await pagefind.search(words)).results.map((hit) => hit.id), routes) : shards;
      // The guides are one small index, not an area: searched with the best area when they hold
      // the words, so a guide is found however many pages of an area use the same words.
      const candidates = ranked.filter((shard) => shard !== guides);
      current = { query, options, candidates };
      if (guides !== undefined && ranked.includes(guides) && !merged.has(guides)) await mergeShard(guides);
      const best = candidates[0];
      if (best !== undefined && !merged.has(best)) await mergeShard(best);
      return searchWhole();
    },
    /** Searches the next shard holding the query's words as well; null when there is none. */
    async widen(): Promise<Outcome | null> {
      const next = current?.candidates.find((s) => !merged.has(s));
      if (next === undefined) return null;
      await mergeShard(next);
      return searchWhole();
    },
  };
}

/** How many results are listed at a time. */
const PAGE_SIZE = 10;

/** Results already listed keep their places; the new answer's others follow, in its order. */
export function mergeResults(listed: readonly Hit[], incoming: readonly Hit[]): Hit[] {
  const ids = new Set(listed.map((hit) => hit.id));
  return [...listed, ...incoming.filter((hit) => !ids.has(hit.id))];
}

/**
 * The results of the current search as the page lists them, a page at a time, with what the
 * page says about them and what the button under the list offers next.
 */
export class ResultList {
  private hits: Hit[] = [];
  private shown = 0;
  private remaining: string[] = [];
  private found: { count: number; query: string; areas: string | undefined } | undefined;

  /** Forgets the previous search, before the next one. */
  clear(): void {
    this.hits = [];
    this.shown = 0;
    this.remaining = [];
    this.found = undefined;
  }

  /** Takes in a search's answer for `query`: results already listed stay first. */
  accept(outcome: Outcome, query: string): void {
    this.hits = mergeResults(this.hits.slice(0, this.shown), outcome.results);
    this.remaining = outcome.areas?.remaining ?? [];
    this.found = { count: outcome.results.length, query, areas: outcome.areas?.searched.join(', ') };
  }

  /** True while some results of this answer are not listed yet. */
  get hasUnlisted(): boolean {
    return this.shown < this.hits.length;
  }

  /** The results to list next; they count as listed only once `markListed` says so. */
  nextPage(): Hit[] {
    return this.hits.slice(this.shown, this.shown + PAGE_SIZE);
  }

  /** Counts results as listed, after the page has loaded and shown them. */
  markListed(count: number): void {
    this.shown += count;
  }

  /** The button under the list: more of these results, or else the next area holding the words; null hides it. */
  moreLabel(strings: SearchStrings): string | null {
    if (this.hasUnlisted) return strings.more;
    if (this.remaining.length > 0) return fill(strings.moreFrom, { area: this.remaining[0]! });
    return null;
  }

  /** What the status line says about the answer: how many, for what, where, and what is left. */
  status(strings: SearchStrings): string {
    if (!this.found) return '';
    const { count, query, areas } = this.found;
    const remaining = this.remaining.length;
    if (count === 0 && remaining === 0) return fill(strings.none, { query });
    const text = areas
      ? fill(query ? strings.resultsIn : strings.resultsFilteredIn, { count, query, areas })
      : fill(query ? strings.results : strings.resultsFiltered, { count, query });
    return remaining > 0 ? `${text} ${fill(strings.otherAreas, { count: remaining })}` : text;
  }
}

/** A piece of an excerpt: still HTML-escaped as Pagefind wrote it, and whether it is a match. */
interface ExcerptPart {
  html: string;
  marked: boolean;
}

/** A result as the list shows it: its title and link, what it is, its thumbnail if any, its excerpt. */
export interface ResultView {
  url: string;
  title: string;
  type: string | undefined;
  image: { src: string; alt: string } | undefined;
  excerpt: ExcerptPart[];
}

/**
 * What the list shows of a result. A page without a title is listed by its address; a thumbnail
 * is shown only from a path on this site (what the build writes), never from another origin,
 * which the page's CSP would block anyway.
 */
export function presentResult(data: ResultData): ResultView {
  const { meta } = data;
  const src = meta[RESULT_META.image]?.trim();
  const type = meta[RESULT_META.type]?.trim();
  return {
    url: data.url,
    title: meta.title?.trim() || data.url,
    type: type || undefined,
    image: src && src.startsWith('/') && !src.startsWith('//') ? { src, alt: meta[RESULT_META.imageAlt]?.trim() ?? '' } : undefined,
    excerpt: data.excerpt
      .split(/<\/?mark>/)
      .map((html, i) => ({ html, marked: i % 2 === 1 }))
      .filter((part) => part.html !== ''),
  };
}
