/**
 * A page fragment made readable away from the site: in a feed reader or a newsroom's system,
 * `/_astro/photo.webp` and `/potensi/benua-elai/` mean nothing, so every address becomes absolute;
 * the site's own `data-*` attributes (for its search and image styles) are left behind.
 * parse5 (the WHATWG parser) reads and writes the HTML, so attribute values are decoded before
 * they are resolved and escaped again when written: nothing is spliced into markup by hand.
 */
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/** Attributes holding one address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);

/** Resolves an address against the site; one that cannot be parsed is left as it is. */
function resolve(value: string, base: URL): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

/** `srcset`: comma-separated candidates, each an address and an optional descriptor. */
function resolveSrcset(value: string, base: URL): string {
  return value
    .split(',')
    .map((candidate) => candidate.trim())
    .filter(Boolean)
    .map((candidate) => {
      const [address = '', ...descriptor] = candidate.split(/\s+/);
      return [resolve(address, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/** Elements that show media, left out of republished text unless marked `data-keep`. */
const MEDIA = new Set(['img', 'picture', 'source', 'iframe', 'video', 'audio']);
/** Wrappers that mean nothing once their media are gone. */
const WRAPPERS = new Set(['figure', 'div']);

const isEmpty = (node: Node): boolean =>
  'childNodes' in node && node.childNodes.every((child) => (child.nodeName === '#text' ? !('value' in child) || child.value.trim() === '' : child.nodeName === '#comment'));

function visit(node: Node, base: URL, images: string[], dropMedia: boolean): void {
  if (dropMedia && 'childNodes' in node) {
    node.childNodes = node.childNodes.filter((child) => !(MEDIA.has(child.nodeName) && 'attrs' in child && !child.attrs.some((a) => a.name === 'data-keep')));
  }
  if ('attrs' in node) {
    node.attrs = node.attrs.filter((attr) => !attr.name.startsWith('data-'));
    for (const attr of node.attrs) {
      if (URL_ATTRIBUTES.has(attr.name)) attr.value = resolve(attr.value, base);
      else if (attr.name === 'srcset') attr.value = resolveSrcset(attr.value, base);
    }
    if (node.nodeName === 'img') {
      const src = node.attrs.find((attr) => attr.name === 'src');
      if (src) images.push(src.value);
    }
  }
  if ('childNodes' in node) for (const child of node.childNodes) visit(child, base, images, dropMedia);
  if ('content' in node) visit(node.content, base, images, dropMedia);
  if (dropMedia && 'childNodes' in node) node.childNodes = node.childNodes.filter((child) => !(WRAPPERS.has(child.nodeName) && isEmpty(child)));
}

/**
 * `html` with every link, image and source address resolved against `base` (the page's URL), and
 * the images it shows, in order, by their absolute address. With `dropMedia`, images, frames and
 * players are left out (with the figures they leave empty), except those marked `data-keep`.
 */
export function portableHtml(html: string, base: URL | string, { dropMedia = false }: { dropMedia?: boolean } = {}): { html: string; images: string[] } {
  const fragment = parseFragment(html);
  const images: string[] = [];
  visit(fragment, typeof base === 'string' ? new URL(base) : base, images, dropMedia);
  return { html: serialize(fragment), images };
}
