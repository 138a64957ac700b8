/**
 * The components contributor MDX may use, with the attributes each accepts. The validator
 * checks MDX against this list before anything runs; the pages render the same names.
 * Attribute values are plain strings only: an `{expression}` would be code.
 */

/** A YouTube video id from the links people copy: watch?v=, youtu.be/, shorts/, embed/. */
export function youtubeId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/^(www\.|m\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = parsed.pathname.slice(1);
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = parsed.searchParams.get('v') ?? /^\/(?:shorts|embed|live)\/([^/]+)/.exec(parsed.pathname)?.[1] ?? null;
  }
  return id && /^[A-Za-z0-9_-]{11}$/.test(id) ? id : null;
}

interface AttributeRule {
  required: boolean;
  /** Returns an Indonesian message when the value is not acceptable. */
  check?: (value: string) => string | undefined;
}

export interface ComponentRule {
  attributes: Readonly<Record<string, AttributeRule>>;
  /** An example shown in error messages. */
  usage: string;
}

export const MDX_COMPONENTS = {
  Gallery: {
    attributes: {},
    usage: '<Gallery> berisi gambar Markdown, misalnya ![Keterangan](./foto.jpg), lalu </Gallery>',
  },
  Video: {
    attributes: {
      url: {
        required: true,
        check: (value) => (youtubeId(value) ? undefined : 'harus berupa tautan video YouTube, misalnya https://www.youtube.com/watch?v=…'),
      },
      title: { required: true, check: (value) => (value.trim() ? undefined : 'wajib diisi: judul video untuk pembaca layar.') },
    },
    usage: '<Video url="https://www.youtube.com/watch?v=…" title="Judul video" />',
  },
} as const satisfies Record<string, ComponentRule>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;
