/**
 * The search page's script: the one place on the site that needs JavaScript. It loads Pagefind
 * from the site itself, keeps the query and filters in the URL so a result list can be shared,
 * and builds results with DOM methods (contributor text never goes through innerHTML).
 */
import { rankShards, ROUTER_DIR, type ShardList } from '../domain/search/router.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Hit {
  id: string;
  data: () => Promise<PagefindResult>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface SearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (query: string | null, options?: SearchOptions) => Promise<{ results: Hit[]; filters: FilterCounts }>;
}
interface Strings {
  loading: string;
  results: string;
  resultsFiltered: string;
  resultsIn: string;
  resultsFilteredIn: string;
  otherAreas: string;
  moreFrom: string;
  none: string;
  prompt: string;
  error: string;
  more: string;
  all: string;
  facets: Record<string, string>;
}

const PAGE_SIZE = 10;
/** Options for every index searched; a merged index does not inherit them from the first. */
const INDEX_OPTIONS = { excerptLength: 24 };
/**
 * The router's records are whole shards: one holding more of a word's pages should come first
 * however large its vocabulary, so a record's length does not count against it.
 */
const ROUTER_RANKING = { pageLength: 0 };
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A search's answer; on a site built in shards and searched as a whole, also where it looked. */
interface Outcome {
  results: Hit[];
  filters: FilterCounts;
  areas?: { searched: string[]; remaining: string[] };
}

/**
 * Runs searches against the site's index. A network built in shards has one index per shard
 * (see domain/search/router.ts): a search narrowed to one kabupaten/kota loads only the shard that
 * holds it; any other search asks the router which shards hold the query's words, loads the best
 * of them, and loads the next one each time `widen` is called. Every set of indexes gets its own
 * copy of Pagefind (a distinct module URL), so switching between them never mixes indexes, and
 * the shards of a search over the whole network are merged into the router's copy, so the
 * WebAssembly is downloaded once.
 */
function searcher(indexUrl: string, sharded: boolean) {
  let list: Promise<ShardList> | undefined;
  const copies = new Map<string, Promise<Pagefind>>();
  function open(key: string, basePath: string, options: Record<string, unknown> = {}): Promise<Pagefind> {
    if (!copies.has(key)) {
      copies.set(
        key,
        (async () => {
          const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js${key ? `?${key}` : ''}`)) as Pagefind;
          await pagefind.options({ basePath, ...INDEX_OPTIONS, ...options });
          // Loads the filter index, without which searches report no filter counts.
          await pagefind.filters();
          return pagefind;
        })(),
      );
    }
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
      list ??= fetch(`${indexUrl}shards.json`).then((r) => r.json() as Promise<ShardList>);
      const { shards, kabupaten = {}, routes } = await list;
      const one = options.filters?.kabupaten?.[0] !== undefined ? kabupaten[options.filters.kabupaten[0]] : undefined;
      if (one) return (await open(one, `${indexUrl}${one}/`)).search(query, options);
      // The router holds words, not filters, and not in their order: it is asked with the words
      // alone, without the quotes of an exact phrase.
      const pagefind = await openRouter();
      const words = query?.replaceAll('"', ' ').trim();
      const candidates = words ? rankShards((await pagefind.search(words)).results.map((hit) => hit.id), routes) : shards;
      current = { query, options, candidates };
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

/** Pagefind marks matches with <mark> in an excerpt it has already escaped; rebuild it as nodes. */
function excerptNodes(excerpt: string): Node[] {
  const parts = excerpt.split(/<\/?mark>/);
  const decode = (text: string) => new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? '';
  return parts.map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(decode(part));
    const mark = document.createElement('mark');
    mark.textContent = decode(part);
    return mark;
  });
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#cari');
  if (!form) return;
  const strings = JSON.parse(form.dataset.strings ?? '{}') as Strings;
  const input = form.querySelector<HTMLInputElement>('#q')!;
  const fieldset = form.querySelector<HTMLFieldSetElement>('#saringan')!;
  const sort = form.querySelector<HTMLSelectElement>('#urutan')!;
  const status = document.querySelector<HTMLElement>('#status')!;
  const list = document.querySelector<HTMLOListElement>('#hasil')!;
  const more = document.querySelector<HTMLButtonElement>('#lebih')!;
  const facetKeys = Object.keys(strings.facets);
  const index = searcher(form.dataset.index!, form.dataset.sharded === 'true');
  let lastFilters: FilterCounts | undefined;
  let shown = 0;
  let pending: Hit[] = [];
  let describe = () => '';
  let remaining: string[] = [];
  // A newer search makes an older one's late answer stale.
  let generation = 0;

  const params = () => new URLSearchParams(location.search);
  const selects = new Map<string, HTMLSelectElement>();

  function renderFilters(available: FilterCounts, chosen: URLSearchParams): void {
    for (const key of facetKeys) {
      const values = available[key] ?? {};
      let select = selects.get(key);
      if (!select) {
        const id = `saring-${key}`;
        const label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = strings.facets[key]!;
        select = document.createElement('select');
        select.id = id;
        select.name = key;
        select.addEventListener('change', () => void run(true));
        fieldset.insertBefore(label, sort.previousElementSibling);
        fieldset.insertBefore(select, sort.previousElementSibling);
        selects.set(key, select);
      }
      const current = chosen.get(key) ?? '';
      select.replaceChildren(new Option(strings.all, ''));
      for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b, 'id'))) {
        if (count === 0 && value !== current) continue;
        select.append(new Option(`${value} (${count})`, value, false, value === current));
      }
    }
    fieldset.hidden = false;
  }

  /** The button under the list: more of these results, or else the next area holding the words. */
  function updateMore(): void {
    if (shown < pending.length) {
      more.textContent = strings.more;
      more.hidden = false;
    } else if (remaining.length > 0) {
      more.textContent = fill(strings.moreFrom, { area: remaining[0]! });
      more.hidden = false;
    } else more.hidden = true;
  }

  async function showMore(): Promise<void> {
    const batch = pending.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(batch.map((r) => r.data()));
    for (const item of items) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      const heading = document.createElement('h2');
      heading.append(link);
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(item.excerpt));
      li.append(heading, excerpt);
      list.append(li);
    }
    shown += batch.length;
    updateMore();
  }

  /** Takes in a search's answer: results already listed stay first, new ones follow in its order. */
  function accept(outcome: Outcome, chosen: URLSearchParams, query: string): void {
    renderFilters(outcome.filters, chosen);
    lastFilters = outcome.filters;
    const listed = new Set(pending.slice(0, shown).map((hit) => hit.id));
    pending = [...pending.slice(0, shown), ...outcome.results.filter((hit) => !listed.has(hit.id))];
    remaining = outcome.areas?.remaining ?? [];
    const count = outcome.results.length;
    const areas = outcome.areas?.searched.join(', ');
    describe = () => {
      if (count === 0 && remaining.length === 0) return fill(strings.none, { query });
      const found = areas
        ? fill(query ? strings.resultsIn : strings.resultsFilteredIn, { count, query, areas })
        : fill(query ? strings.results : strings.resultsFiltered, { count, query });
      return remaining.length > 0 ? `${found} ${fill(strings.otherAreas, { count: remaining.length })}` : found;
    };
  }

  /** Runs the query in the URL (or the form, when `fromForm`), and keeps the URL in step. */
  async function run(fromForm = false): Promise<void> {
    const mine = ++generation;
    const query = fromForm ? input.value.trim() : (params().get('q') ?? '').trim();
    const chosen = new URLSearchParams();
    if (query) chosen.set('q', query);
    const filters: Record<string, string[]> = {};
    for (const key of facetKeys) {
      const value = fromForm ? (selects.get(key)?.value ?? '') : (params().get(key) ?? '');
      if (value) {
        filters[key] = [value];
        chosen.set(key, value);
      }
    }
    const order = fromForm ? sort.value : (params().get('urutan') ?? '');
    if (order) chosen.set('urutan', order);
    input.value = query;
    sort.value = order;
    if (fromForm) history.replaceState(null, '', `${location.pathname}${chosen.size > 0 ? `?${chosen}` : ''}`);

    list.replaceChildren();
    pending = [];
    shown = 0;
    remaining = [];
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = strings.prompt;
      if (lastFilters) renderFilters(lastFilters, chosen);
      return;
    }
    status.textContent = strings.loading;
    try {
      const outcome = await index.search(query || null, { filters, ...(order === 'terbaru' ? { sort: { tanggal: 'desc' } } : {}) });
      if (mine !== generation) return;
      accept(outcome, chosen, query);
      // Results first, then the count: a screen reader announces the status once the list is there.
      await showMore();
      status.textContent = describe();
    } catch {
      if (mine === generation) status.textContent = strings.error;
    }
  }

  /** The button under the list: the next results, or the next area's when these are all shown. */
  async function onMore(): Promise<void> {
    if (shown < pending.length) return showMore();
    const mine = generation;
    const chosen = params();
    const query = (chosen.get('q') ?? input.value).trim();
    more.hidden = true;
    status.textContent = strings.loading;
    try {
      const outcome = await index.widen();
      if (mine !== generation || outcome === null) return;
      accept(outcome, chosen, query);
      await showMore();
      status.textContent = describe();
    } catch {
      if (mine === generation) status.textContent = strings.error;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  sort.addEventListener('change', () => void run(true));
  more.addEventListener('click', () => void onMore());
  void run(false);
}
