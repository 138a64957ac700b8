import type { ContentFile } from '../../src/format/validation/types.ts';

/** A contributor file as the reader hands it to the validator; `name` includes the extension, and may include folders. */
export function contentFile(collection: ContentFile['collection'], name: string, content: string | Uint8Array): ContentFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    collection,
    path: `${collection}/${name}`,
    displayPath: `content/${collection}/${name}`,
    stem: name.slice(name.lastIndexOf('/') + 1).replace(/\.mdx?$/i, ''),
    format: name.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md',
    extension: name.slice(name.lastIndexOf('.')),
    size: bytes.length,
    bytes,
  };
}
