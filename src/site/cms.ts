/**
 * The web CMS's configuration (Sveltia CMS at `/admin/`), generated from the content schemas'
 * field metadata so the form a KIM member fills in and the gate that checks the result can never
 * disagree: a field added to a schema appears in the CMS the same day, with its Indonesian label,
 * hint, choices and limits. Pure: the page hands in the network, the villages and the URLs.
 */
import type { z } from 'astro/zod';
import { RASTER_FORMATS } from '../domain/image-files.ts';
import { MAX_IMAGE_BYTES } from '../domain/images.ts';
import { COLLECTIONS, kimSchema, pathImageContext, placeSchema, storySchema, type CollectionName, type NetworkConfig } from '../format/schemas/index.ts';
import { describeFields, type FieldDoc } from '../format/schemas/fields.ts';
import { isUiKey, type Translate } from './i18n/index.ts';

/** One choice of a select: what is stored and what a person reads. */
interface CmsOption {
  value: string;
  label: string;
}

/** A CMS field as Sveltia CMS reads it; only the properties this generator writes. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  maxlength?: number;
  type?: string;
  options?: CmsOption[];
  multiple?: boolean;
  /** The most items of a list, as the schema allows. */
  max?: number;
  fields?: CmsField[];
  field?: CmsField;
  collection?: string;
  value_field?: string;
  display_fields?: string[];
  search_fields?: string[];
  value_type?: string;
  format?: string;
  date_format?: string;
  time_format?: boolean;
  collapsed?: boolean | 'auto';
  readonly?: boolean;
  allow_add?: boolean;
  allow_remove?: boolean;
  allow_reorder?: boolean;
  accept?: string;
  choose_url?: boolean;
  /** The `desa` field type: where its list of villages (and kecamatan) is. */
  regions?: string;
  districts?: boolean;
}

interface CmsCollection {
  name: CollectionName;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'md';
  format: 'yaml-frontmatter';
  create: true;
  slug: string;
  /** Where a new entry is written inside the folder: a KIM's stories and places in the KIM's own folder. */
  path: string;
  /** Photos are stored beside the entry, where the gate looks for them. */
  media_folder: string;
  public_folder: string;
  preview_path: string;
  summary: string;
  sortable_fields: string[];
  fields: CmsField[];
}

export interface CmsConfig {
  backend: Record<string, unknown>;
  publish_mode: 'simple' | 'editorial_workflow';
  media_folder: string;
  public_folder: string;
  site_url: string;
  app_title: string;
  logo: { src: string };
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  output: { omit_empty_optional_fields: true };
  media_libraries: { default: { config: { max_file_size: number; slugify_filename: true } } };
  collections: CmsCollection[];
}

export interface CmsInput {
  network: NetworkConfig;
  /** The content folder relative to the repository's root, as the CMS writes paths. */
  contentFolder: string;
  /** Where the scope's region list is served (`/admin/wilayah.json`, see `cmsRegions`). */
  regions: string;
  /** The network's logo (an absolute path on the site), shown on the sign-in page and the tab. */
  logo: string;
  /** `owner/name` of the repository the site is built from, when the build knows it (GitHub Actions). */
  repository?: string | undefined;
  t: Translate;
}

const SCHEMAS = {
  kim: kimSchema(pathImageContext),
  stories: storySchema(pathImageContext),
  places: placeSchema(pathImageContext),
} satisfies Record<CollectionName, z.ZodType>;

/**
 * A KIM's stories and places go in its own folder (`stories/kim-batuah/…`), which CODEOWNERS gives
 * to the KIM's reviewers and the gate holds to that KIM; a place with no KIM stays at the top.
 */
const OWNED_PATH = '{{fields.kim}}/{{slug}}';

/** What each collection is called in the CMS, and where its pages live (for "view on the site"). */
const COLLECTION_TEXT: Record<CollectionName, { label: string; singular: string; description: string; slug: string; path: string; preview: string; summary: string; sort: string[] }> = {
  stories: {
    label: 'Cerita',
    singular: 'Cerita',
    description: 'Kabar desa dan kelurahan yang ditulis KIM.',
    slug: '{{title}}',
    path: OWNED_PATH,
    preview: 'cerita/{{slug}}/',
    summary: '{{title}} ({{date}})',
    sort: ['date', 'title', 'kim'],
  },
  places: {
    label: 'Potensi',
    singular: 'Potensi',
    description: 'Tempat wisata, kuliner, kerajinan dan usaha di desa atau kelurahan.',
    slug: '{{name}}',
    path: OWNED_PATH,
    preview: 'potensi/{{slug}}/',
    summary: '{{name}}',
    sort: ['name', 'kind', 'verified'],
  },
  kim: {
    label: 'KIM',
    singular: 'KIM',
    description: 'Profil setiap Komunitas Informasi Masyarakat.',
    slug: '{{name}}',
    path: '{{slug}}',
    preview: 'kim/{{slug}}/',
    summary: '{{name}}',
    sort: ['name'],
  },
};

/** Labels of taxonomy values, from the UI dictionary (the same words the site shows). */
function optionLabel(field: string, value: string, t: Translate): string {
  const key = { sectors: `sector.${value}`, kind: `sector.${value}`, category: `story.category.${value}`, priceRange: `place.price.${value}`, license: `license.short.${value}` }[field];
  return key && isUiKey(key) ? t(key) : value;
}

/** The CMS field for one schema field. */
function cmsField(doc: FieldDoc, input: CmsInput): CmsField {
  const locked = doc.editorsOnly ? { readonly: true } : {};
  const base = {
    name: doc.key,
    label: doc.label ?? doc.key,
    hint: doc.example ? `${doc.hint} Contoh: ${doc.example}` : doc.hint,
    required: doc.required,
    ...locked,
  };
  const item = itemField(doc, input);
  if (doc.list && item.widget !== 'select' && item.widget !== 'relation') {
    const list: CmsField = {
      ...base,
      widget: 'list',
      default: [],
      ...(doc.maxItems === undefined ? {} : { max: doc.maxItems }),
      // A list's own `readonly` locks neither its items nor its add and remove buttons (Sveltia CMS 0.x).
      ...(doc.editorsOnly ? { allow_add: false, allow_remove: false, allow_reorder: false } : {}),
    };
    if (item.widget === 'object') list.fields = item.fields!;
    else list.field = { ...item, name: doc.key, label: doc.label ?? doc.key, ...locked };
    return list;
  }
  const field: CmsField = { ...base, ...item };
  if (doc.list) field.multiple = true;
  if (doc.list && doc.maxItems !== undefined) field.max = doc.maxItems;
  if (doc.default !== undefined && typeof doc.default !== 'object') field.default = doc.default;
  if (doc.list) field.default = [];
  return field;
}

/** The widget and its options for a field's value (each item's, for a list). */
function itemField(doc: FieldDoc, input: CmsInput): Omit<CmsField, 'name' | 'label'> {
  // Only the formats the gate accepts as photos (no SVG, no HEIC), and only a file: a web address
  // would be refused as a remote photo.
  if (doc.photo) return { widget: 'image', accept: RASTER_FORMATS.map((format) => `image/${format}`).join(','), choose_url: false };
  if (doc.ref) {
    // KIM and places are both chosen by their name and stored by their id (file name).
    return { widget: 'relation', collection: doc.ref, value_field: '{{slug}}', display_fields: ['name'], search_fields: ['name'] };
  }
  switch (doc.input) {
    // A village is chosen by its name and shown with its kecamatan and kabupaten, so namesakes can
    // be told apart, never by typing its code: the `desa` field type (src/client/village-field.ts)
    // searches the scope's list as one types. The CMS's own select draws every option, which takes
    // seconds for a kabupaten's villages and minutes for the country's 84,000.
    case 'village':
      return { widget: VILLAGE_FIELD, regions: input.regions };
    case 'area':
      return { widget: VILLAGE_FIELD, regions: input.regions, districts: true };
    case 'color':
      return { widget: 'color' };
    case 'email':
    case 'url':
      return { widget: 'string', type: doc.input };
  }
  switch (doc.type) {
    case 'date':
      return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
    case 'boolean':
      return { widget: 'boolean' };
    case 'number':
      return { widget: 'number', value_type: 'float' };
    case 'choice':
      return { widget: 'select', options: (doc.options ?? []).map((value) => ({ value, label: optionLabel(doc.key, value, input.t) })) };
    case 'group':
      return { widget: 'object', collapsed: doc.required ? false : 'auto', fields: (doc.fields ?? []).map((field) => cmsField(field, input)) };
    case 'text':
      return doc.maxLength !== undefined && doc.maxLength > 160 ? { widget: 'text', maxlength: doc.maxLength } : { widget: 'string', ...(doc.maxLength === undefined ? {} : { maxlength: doc.maxLength }) };
  }
}

/** The CMS field type that chooses a village by name (registered by src/client/village-field.ts). */
export const VILLAGE_FIELD = 'desa';

/** The body of every entry: Markdown, where photos are stored beside the entry too. */
const BODY: Record<CollectionName, CmsField> = {
  stories: { name: 'body', label: 'Isi cerita', widget: 'markdown', hint: 'Tulis kabarnya. Foto di dalam isi disimpan di samping berkas ini.', required: true },
  places: { name: 'body', label: 'Deskripsi', widget: 'markdown', hint: 'Ceritakan tempat ini: apa yang bisa dilihat, dimakan atau dibeli, dan cara ke sana.', required: false },
  kim: { name: 'body', label: 'Tentang KIM', widget: 'markdown', hint: 'Sejarah, kegiatan dan pengurus KIM (tanpa data pribadi yang tidak ingin dipublikasikan).', required: false },
};

/** The backend a network's `cms:` section asks for: a git service, or the browser-only training mode. */
export function cmsBackend({ cms }: NetworkConfig, repository: string | undefined): CmsConfig['backend'] {
  const repo = cms.repo ?? repository;
  const name = cms.backend ?? (repo ? 'github' : 'coba');
  if (name === 'coba' || !repo) return { name: 'test-repo' };
  return {
    name,
    repo,
    ...(cms.branch ? { branch: cms.branch } : {}),
    // GitLab and Gitea sign in against their own server (PKCE); GitHub needs a helper's address.
    ...(cms.authUrl || (name !== 'github' && cms.apiUrl) ? { base_url: cms.authUrl ?? new URL(cms.apiUrl!).origin } : {}),
    ...(cms.apiUrl ? { api_root: cms.apiUrl } : {}),
    ...(cms.appId ? { app_id: cms.appId } : {}),
    ...(name === 'gitlab' && cms.appId ? { auth_type: 'pkce' } : {}),
    // Open Authoring lets a resident without write access send a story from their own fork; it
    // needs review, and only GitHub offers it.
    ...(name === 'github' && cms.review && cms.openAuthoring ? { open_authoring: true, auth_scope: 'public_repo' } : {}),
  };
}

/** Whether edits become pull requests that editors review: only where the git service supports it. */
const reviews = (backend: CmsConfig['backend'], review: boolean) => review && (backend.name === 'github' || backend.name === 'gitlab');

/** The whole configuration, as `/admin/config.json` serves it. */
export function cmsConfig(input: CmsInput): CmsConfig {
  const { network, contentFolder } = input;
  const backend = cmsBackend(network, input.repository);
  return {
    backend,
    publish_mode: reviews(backend, network.cms.review) ? 'editorial_workflow' : 'simple',
    media_folder: `${contentFolder}/foto`,
    public_folder: '/foto',
    site_url: new URL(network.base, network.site).href,
    app_title: `CMS ${network.shortName ?? network.name}`,
    logo: { src: input.logo },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // An optional field left empty is left out of the file, as a person writing it by hand would:
    // the schemas read `updated: ''` as a date that is not one.
    output: { omit_empty_optional_fields: true },
    // Photo names become plain ("Foto Pelatihan (1).JPG" → "foto-pelatihan-1.jpg"), and a photo
    // the gate would refuse as too large is refused at upload.
    media_libraries: { default: { config: { max_file_size: MAX_IMAGE_BYTES, slugify_filename: true } } },
    collections: (['stories', 'places', 'kim'] as const).map((name) => {
      const text = COLLECTION_TEXT[name];
      return {
        name,
        label: text.label,
        label_singular: text.singular,
        description: text.description,
        folder: `${contentFolder}/${COLLECTIONS[name].folder}`,
        extension: 'md',
        format: 'yaml-frontmatter',
        create: true,
        slug: text.slug,
        path: text.path,
        // Photos beside the entry. With a KIM folder in the path, the CMS keeps an entry's uploads
        // in a folder named after it (`stories/kim-batuah/kabar/foto.jpg`) and writes the name
        // alone: the public folder names that folder, so the path resolves from the entry's file.
        media_folder: '',
        public_folder: text.path.includes('/') ? './{{slug}}' : '',
        preview_path: text.preview,
        summary: text.summary,
        sortable_fields: text.sort,
        fields: [...describeFields(SCHEMAS[name]).map((field) => cmsField(field, input)), BODY[name]],
      };
    }),
  };
}

const DEFAULT_API: Record<string, string> = { github: 'https://api.github.com', gitlab: 'https://gitlab.com/api/v4', gitea: 'https://gitea.com/api/v1' };
const AVATARS: Record<string, string[]> = {
  github: ['https://avatars.githubusercontent.com'],
  gitlab: ['https://gitlab.com', 'https://secure.gravatar.com'],
  gitea: [],
};

/** The origins the CMS page talks to and shows avatars from: its git service's, and nothing else. */
export function cmsOrigins(backend: CmsConfig['backend']): { connect: string[]; images: string[] } {
  const name = String(backend.name);
  const api = (backend.api_root as string | undefined) ?? DEFAULT_API[name];
  if (!api) return { connect: [], images: [] };
  const origin = new URL(api).origin;
  // GitLab and Gitea exchange the sign-in code for a token at their own server by fetch; GitHub's
  // helper answers in a pop-up window, which the policy does not govern.
  const auth = name !== 'github' && backend.base_url ? [new URL(String(backend.base_url)).origin] : [];
  return { connect: [...new Set([origin, ...auth])], images: [...(AVATARS[name] ?? []), origin] };
}
