/**
 * The search page's script: the one place on the site that needs JavaScript. It loads Pagefind
 * from the site itself, keeps the query and filters in the URL so a result list can be shared,
 * and builds results with DOM methods (contributor text never goes through innerHTML). What to
 * search, where, and what to say about it is decided in `search-core.ts`; this file is the page.
 */
import { RESULT_THUMBNAIL } from '../domain/search/ranking.ts';
import type { ShardList } from '../domain/search/router.ts';
import {
  createSearcher,
  isBlank,
  pagefindQuery,
  presentResult,
  readSearch,
  ResultList,
  searchUrl,
  type FilterCounts,
  type IndexLoader,
  type Outcome,
  type Pagefind,
  type ResultView,
  type SearchStrings,
} from './search-core.ts';

/** Pagefind is imported from the site, never bundled: each index ships the copy it was built with. */
const browserLoader: IndexLoader = {
  importPagefind: (moduleUrl) => import(/* @vite-ignore */ moduleUrl) as Promise<Pagefind>,
  fetchShardList: (url) => fetch(url).then((r) => r.json() as Promise<ShardList>),
};

/** Pagefind marks matches with <mark> in an excerpt it has already escaped; rebuild it as nodes. */
function excerptNodes(parts: ResultView['excerpt']): Node[] {
  const decode = (text: string) => new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html').body.textContent ?? '';
  return parts.map((part) => {
    if (!part.marked) return document.createTextNode(decode(part.html));
    const mark = document.createElement('mark');
    mark.textContent = decode(part.html);
    return mark;
  });
}

/** One result: title (the link), what it is, excerpt, and a small lazy thumbnail beside them. */
function resultItem(result: ResultView): HTMLLIElement {
  const li = document.createElement('li');
  const text = document.createElement('div');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.title;
  const heading = document.createElement('h2');
  heading.append(link);
  text.append(heading);
  if (result.type) {
    const type = document.createElement('p');
    type.className = 'result-type';
    type.textContent = result.type;
    text.append(type);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  text.append(excerpt);
  li.append(text);
  if (result.image) {
    // Sized before it loads, so the list does not jump; loaded only when scrolled near.
    const img = document.createElement('img');
    img.src = result.image.src;
    img.alt = result.image.alt;
    img.width = RESULT_THUMBNAIL;
    img.height = RESULT_THUMBNAIL;
    img.loading = 'lazy';
    img.decoding = 'async';
    li.append(img);
  }
  return li;
}

/** Where the filters start open: as wide as the site's desktop layout (global.css). */
const WIDE_SCREEN = '(min-width: 48rem)';

/** Starts the search page: runs the search in its URL and every one the reader asks for after. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#cari');
  if (!form) return;
  const strings = JSON.parse(form.dataset.strings ?? '{}') as SearchStrings;
  const input = form.querySelector<HTMLInputElement>('#q')!;
  const sort = form.querySelector<HTMLSelectElement>('#urutan')!;
  const filters = form.querySelector<HTMLDetailsElement>('#saringan')!;
  const fields = filters.querySelector<HTMLElement>('.filter-fields')!;
  const sortField = sort.closest<HTMLElement>('.filter')!;
  const status = document.querySelector<HTMLElement>('#status')!;
  const list = document.querySelector<HTMLOListElement>('#hasil')!;
  const more = document.querySelector<HTMLButtonElement>('#lebih')!;
  const facetKeys = Object.keys(strings.facets);
  // Folded on a phone, where six menus would push the results below the fold; open on a wide screen.
  filters.open = matchMedia(WIDE_SCREEN).matches;
  const index = createSearcher(form.dataset.index!, form.dataset.sharded === 'true', browserLoader);
  const results = new ResultList();
  let lastFilters: FilterCounts | undefined;
  // A newer search makes an older one's late answer stale.
  let generation = 0;

  const params = () => new URLSearchParams(location.search);
  // The form's fields are named as the URL's parameters (it is a GET form without JavaScript).
  const formParams = () => new URLSearchParams([...new FormData(form)].map(([key, value]) => [key, String(value)]));
  const selects = new Map<string, HTMLSelectElement>();

  function renderFilters(available: FilterCounts, chosen: Record<string, string>): void {
    for (const key of facetKeys) {
      const values = available[key] ?? {};
      let select = selects.get(key);
      if (!select) {
        const id = `saring-${key}`;
        // Each menu and its label in one box, so a label never wraps away from its menu.
        const field = document.createElement('div');
        field.className = 'filter';
        const label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = strings.facets[key]!;
        select = document.createElement('select');
        select.id = id;
        select.name = key;
        select.addEventListener('change', () => void run(true));
        field.append(label, select);
        fields.insertBefore(field, sortField);
        selects.set(key, select);
      }
      const current = chosen[key] ?? '';
      select.replaceChildren(new Option(strings.all, ''));
      for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b, 'id'))) {
        if (count === 0 && value !== current) continue;
        select.append(new Option(`${value} (${count})`, value, false, value === current));
      }
    }
    filters.hidden = false;
  }

  function updateMore(): void {
    const label = results.moreLabel(strings);
    if (label === null) more.hidden = true;
    else {
      more.textContent = label;
      more.hidden = false;
    }
  }

  async function showMore(): Promise<void> {
    const batch = results.nextPage();
    const items = await Promise.all(batch.map((r) => r.data()));
    for (const item of items) list.append(resultItem(presentResult(item)));
    results.markListed(batch.length);
    updateMore();
  }

  /** Shows a search's answer: its filter counts, then its results, then (for a screen reader) the count. */
  async function present(outcome: Outcome, chosen: Record<string, string>, query: string): Promise<void> {
    renderFilters(outcome.filters, chosen);
    lastFilters = outcome.filters;
    results.accept(outcome, query);
    // Results first, then the count: a screen reader announces the status once the list is there.
    await showMore();
    status.textContent = results.status(strings);
  }

  /** Runs the query in the URL (or the form, when `fromForm`), and keeps the URL in step. */
  async function run(fromForm = false): Promise<void> {
    const mine = ++generation;
    const search = readSearch(fromForm ? formParams() : params(), facetKeys);
    input.value = search.query;
    sort.value = search.order;
    if (fromForm) history.replaceState(null, '', searchUrl(location.pathname, search));

    list.replaceChildren();
    results.clear();
    more.hidden = true;
    if (isBlank(search)) {
      status.textContent = strings.prompt;
      if (lastFilters) renderFilters(lastFilters, search.filters);
      return;
    }
    status.textContent = strings.loading;
    try {
      const outcome = await index.search(...pagefindQuery(search));
      if (mine !== generation) return;
      await present(outcome, search.filters, search.query);
    } catch {
      if (mine === generation) status.textContent = strings.error;
    }
  }

  /** The button under the list: the next results, or the next area's when these are all shown. */
  async function onMore(): Promise<void> {
    if (results.hasUnlisted) return showMore();
    const mine = generation;
    const url = params();
    // The status names the URL's query; a search without one has always named the box's text.
    const query = (url.get('q') ?? input.value).trim();
    more.hidden = true;
    status.textContent = strings.loading;
    try {
      const outcome = await index.widen();
      if (mine !== generation || outcome === null) return;
      await present(outcome, readSearch(url, facetKeys).filters, query);
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
