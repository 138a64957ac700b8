/**
 * The search page's script: the one place on the site that needs JavaScript. It loads Pagefind
 * from the site itself, keeps the query and filters in the URL so a result list can be shared,
 * and builds results with DOM methods (contributor text never goes through innerHTML).
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    query: string | null,
    options?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: { data: () => Promise<PagefindResult> }[]; filters: Record<string, Record<string, number>> }>;
}
interface Strings {
  loading: string;
  results: string;
  resultsFiltered: string;
  none: string;
  prompt: string;
  error: string;
  more: string;
  all: string;
  facets: Record<string, string>;
}

const PAGE_SIZE = 10;
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A sharded site's list of indexes, and which one holds each kabupaten/kota (see scripts/build-sharded.ts). */
interface ShardList {
  shards: string[];
  kabupaten?: Record<string, string>;
}

/**
 * Loads the index. A network built in shards has one index per shard: a search narrowed to one
 * kabupaten/kota loads only the shard that holds it, any other search merges them all. Each set
 * gets its own copy of Pagefind (a distinct module URL), so switching between them never mixes
 * indexes.
 */
function indexLoader(indexUrl: string, sharded: boolean) {
  let list: Promise<ShardList> | undefined;
  const loaded = new Map<string, Promise<Pagefind>>();
  async function load(bundles: string[], scope: string): Promise<Pagefind> {
    const pagefind = (await import(/* @vite-ignore */ `${bundles[0]}pagefind.js${scope ? `?${scope}` : ''}`)) as Pagefind;
    await pagefind.options({ basePath: bundles[0], excerptLength: 24 });
    for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
    // Loads the filter index, without which searches report no filter counts.
    await pagefind.filters();
    return pagefind;
  }
  return async (kabupaten: string | undefined): Promise<Pagefind> => {
    if (!sharded) {
      if (!loaded.has('')) loaded.set('', load([indexUrl], ''));
      return loaded.get('')!;
    }
    list ??= fetch(`${indexUrl}shards.json`).then((r) => r.json() as Promise<ShardList>);
    const { shards, kabupaten: where = {} } = await list;
    const one = kabupaten ? where[kabupaten] : undefined;
    const scope = one ?? 'semua';
    if (!loaded.has(scope)) loaded.set(scope, load((one ? [one] : shards).map((s) => `${indexUrl}${s}/`), scope));
    return loaded.get(scope)!;
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
  const loadIndex = indexLoader(form.dataset.index!, form.dataset.sharded === 'true');
  let pagefind: Pagefind | undefined;
  let shown = 0;
  let pending: { data: () => Promise<PagefindResult> }[] = [];

  const params = () => new URLSearchParams(location.search);
  const selects = new Map<string, HTMLSelectElement>();

  function renderFilters(available: Record<string, Record<string, number>>, chosen: URLSearchParams): void {
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
    more.hidden = shown >= pending.length;
  }

  /** Runs the query in the URL (or the form, when `fromForm`), and keeps the URL in step. */
  async function run(fromForm = false): Promise<void> {
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
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = strings.prompt;
      if (pagefind) renderFilters(await pagefind.filters(), chosen);
      return;
    }
    status.textContent = strings.loading;
    try {
      pagefind = await loadIndex(filters.kabupaten?.[0]);
      const search = await pagefind.search(query || null, { filters, ...(order === 'terbaru' ? { sort: { tanggal: 'desc' } } : {}) });
      renderFilters(search.filters, chosen);
      pending = search.results;
      shown = 0;
      const count = pending.length;
      // Results first, then the count: a screen reader announces the status once the list is there.
      await showMore();
      status.textContent =
        count === 0 ? fill(strings.none, { query }) : query ? fill(strings.results, { count, query }) : fill(strings.resultsFiltered, { count });
    } catch {
      status.textContent = strings.error;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  sort.addEventListener('change', () => void run(true));
  more.addEventListener('click', () => void showMore());
  void run(false);
}
