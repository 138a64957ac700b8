/**
 * Checks that every internal link, image and script in the built site points to a file that
 * exists in `dist/`, under the deploy base. A page can build fine and still link to a page
 * that was never generated, or to `/kim/` on a site served from `/jembatan/`, where GitHub
 * Pages answers with a 404.
 */
import { listEntries } from '../../format/files.ts';
import type { CheerioAPI } from 'cheerio';
import type { SiteProblem } from './types.ts';
import { runPageCheck, type PageCheck } from './pages.ts';
import { hasUrlScheme } from '../../domain/links.ts';

/** Attributes that load or link to another file, by element. */
const REFERENCES = [
  ['a', 'href'],
  ['area', 'href'],
  ['link', 'href'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['script', 'src'],
  ['iframe', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
] as const;

/** A made-up origin to resolve page-relative URLs against; never requested. */
const ORIGIN = 'https://jembatan.invalid';

/** One reference found on a page, kept until every page's ids are known. */
interface Reference {
  page: string;
  /** How the reference is quoted in the report, e.g. `<a href="/kim/">`. */
  label: string;
  url: string;
}

/** Makes "/jembatan", "jembatan/" and "/" into the "/jembatan/" form the URLs start with. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The URLs of a `srcset` attribute, without their width or density descriptors. Follows the
 * HTML parsing rules closely enough that commas inside a URL (as in data: URLs) survive.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset.charAt(i))) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset.charAt(i))) i++;
    const url = srcset.slice(start, i);
    // A URL glued to its comma has no descriptors; otherwise skip the descriptors up to the comma.
    if (!url.endsWith(',')) while (i < srcset.length && srcset.charAt(i) !== ',') i++;
    if (url.replace(/,+$/, '')) urls.push(url.replace(/,+$/, ''));
  }
  return urls;
}

/** Decodes %-escapes, or returns undefined for a malformed escape. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Every internal reference that does not resolve to a file in `distDir`, every root-relative
 * reference that misses the `base`, and every `#fragment` without a matching id on its target
 * page (the skip link `#isi` included). External links are not fetched: that is a different,
 * slower and flakier check.
 */
export function checkLinks(distDir: string, base = '/'): SiteProblem[] {
  return runPageCheck(distDir, linkCheck(distDir, base));
}

/** The link check as one of the checks sharing a read of every page (pages.ts). */
export function linkCheck(distDir: string, base = '/'): PageCheck<SiteProblem[]> {
  const root = normalizeBase(base);
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of listEntries(distDir)) {
    if (entry.kind === 'file') files.add(entry.path);
    else if (entry.kind === 'folder') folders.add(entry.path);
  }

  // First every page's ids and references, so links to another page's #fragment can be checked.
  const ids = new Map<string, Set<string>>();
  const references: Reference[] = [];
  const visit = (page: string, _html: string, $: CheerioAPI) => {
    ids.set(page, new Set($('[id]').map((_, el) => $(el).attr('id') ?? '').get()));
    const seen = new Set<string>();
    for (const [tag, attribute] of REFERENCES) {
      $(`${tag}[${attribute}]`).each((_, el) => {
        const value = $(el).attr(attribute) ?? '';
        const urls = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
        for (const url of urls) {
          const label = `<${tag} ${attribute}="${url}">`;
          if (url === '' || hasUrlScheme(url) || url.startsWith('//') || seen.has(label)) continue;
          seen.add(label);
          references.push({ page, label, url });
        }
      });
    }
  };

  const finish = () => {
    const problems: SiteProblem[] = [];
    const report = (ref: Reference, message: string) => problems.push({ file: ref.page, check: 'link', message: `${ref.label}: ${message}` });
    for (const ref of references) {
      const resolved = new URL(ref.url, `${ORIGIN}${root}${ref.page}`);
      const inside = resolved.pathname.startsWith(root) || `${resolved.pathname}/` === root;
      if (!inside) {
        report(
          ref,
          ref.url.startsWith('/')
            ? `alamat tidak diawali folder situs "${root}", sehingga tidak ditemukan (404) setelah diterbitkan.`
            : `alamat relatif mengarah ke luar folder situs "${root}".`,
        );
        continue;
      }
      const decoded = decode(resolved.pathname.slice(root.length));
      if (decoded === undefined) {
        report(ref, 'alamat berisi kode %-escape yang tidak valid.');
        continue;
      }
      const target = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
      if (!files.has(target)) {
        report(
          ref,
          folders.has(decoded) && files.has(`${decoded}/index.html`)
            ? `alamat folder tanpa garis miring "/" di akhir; tulis "${ref.url.replace(/([?#].*)?$/, '/$1')}".`
            : `halaman atau berkas "${target}" tidak ada di hasil build.`,
        );
        continue;
      }
      const hash = resolved.hash.slice(1);
      const fragment = decode(hash) ?? hash;
      const targetIds = ids.get(target);
      // An empty fragment and "#top" scroll to the top of the page without any id.
      if (!fragment || !targetIds || fragment.toLowerCase() === 'top') continue;
      if (!targetIds.has(fragment) && !targetIds.has(hash)) {
        report(ref, `tidak ada elemen dengan id "${fragment}" di ${target === ref.page ? 'halaman ini' : `halaman "${target}"`}.`);
      }
    }
    return problems;
  };
  return { page: visit, finish };
}
