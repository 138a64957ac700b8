import { z } from 'astro/zod';
import { normalizePhone, socialProfileUrl, type SocialNetwork } from '../../domain/contacts.ts';
import { hasUrlScheme, isSafeLink, isWebUrl } from '../../domain/links.ts';
import { isInIndonesia } from '../../domain/geo.ts';
import { isRegionCodeShape, levelOf } from '../../domain/regions/codes.ts';
import { SLUG_PATTERN } from '../../domain/slug.ts';
import { topicKey } from '../../domain/topics.ts';
import { msg } from '../messages.ts';
import { LICENSE_KEYS } from '../../domain/taxonomy.ts';

/**
 * How a schema reads an image field. Astro's content layer passes its `image()` helper, which
 * resolves the file and hands it to the image pipeline; the standalone validator passes a plain
 * path check. The same schema therefore serves the build, the validator and (later) the CMS.
 */
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: () => I;
}

/** A schema context for plain validation: an image is a relative path, checked for existence later. */
export const pathImageContext = {
  image: () => z.string({ error: msg.imagePath }).min(1, { error: msg.imagePath }),
} satisfies SchemaContext;

/**
 * What a person filling in a field needs to know: its Indonesian label, a hint and an example.
 * Attached to every field with zod's `.meta()`, read by `describeFields` (fields.ts) for the
 * contributor docs and, later, the CMS configuration, so neither can disagree with the schemas.
 */
export type FieldInfo = {
  label: string;
  hint: string;
  example?: string;
  /** The field names a photo file beside the entry: the gate checks the file, the CMS uploads one. */
  photo?: true;
  /**
   * What a plain text field really holds, when a form should offer more than a text box: set by
   * the field constructors below (`dateField`, `villageCode`…), so every field built with them
   * carries it.
   */
  input?: FieldInput;
  /** The field holds the id of an entry of this collection. */
  ref?: 'kim' | 'places';
  /**
   * Only the network's editors change it, by git, with a file generated from it in the same
   * change (`reviewers` decides who approves a KIM's content: CODEOWNERS). The CMS shows it
   * read-only: a KIM member could save it there but never get the change past the check.
   */
  editorsOnly?: true;
};

/** Text fields a form shows as something else: a date picker, a village chooser, a colour picker. */
type FieldInput = 'date' | 'village' | 'area' | 'color' | 'email' | 'phone' | 'url';

export const field = (label: string, hint: string, example?: string): FieldInfo => (example === undefined ? { label, hint } : { label, hint, example });

/** A field naming a photo file; `describeFields` and the gate find photos by this mark alone. */
export const photoField = (label: string, hint: string, example?: string): FieldInfo => ({ ...field(label, hint, example), photo: true });

/**
 * How Astro's content layer writes a photo in an entry's data: its `image()` helper turns the path
 * into this marker, which `getCollection` later swaps for the processed photo. The gate writes the
 * same marker, so the collections' loader stores the gate's validated data as it is, and the
 * schemas run once per build instead of twice.
 */
const CONTENT_LAYER_IMAGE_PREFIX = '__ASTRO_IMAGE_';

/** A schema context whose photos come out as content-layer markers (paths made explicitly relative). */
export const contentLayerImageContext = {
  image: () => pathImageContext.image().transform((path) => `${CONTENT_LAYER_IMAGE_PREFIX}${/^\.{1,2}\//.test(path) ? path : `./${path}`}`),
} satisfies SchemaContext;

/**
 * The longest headline or name a contributor may give: the whole page title (the built site is
 * checked against it) and long enough for an Indonesian news headline.
 */
export const MAX_TITLE_LENGTH = 100;

/**
 * Length of a text once written into HTML, where "&" becomes "&amp;" and "<" becomes "&lt;":
 * what browsers show is shorter, but validators and search engines measure the markup.
 */
export function htmlTextLength(text: string): number {
  const escaped: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => escaped[c]!).length;
}

/** A headline or name, which also becomes the page's `<title>`. */
export const titleText = () =>
  requiredText(MAX_TITLE_LENGTH).refine((text) => htmlTextLength(text) <= MAX_TITLE_LENGTH, {
    error: `${msg.tooLong(MAX_TITLE_LENGTH)} Tanda &, <, > dan tanda kutip dihitung lebih dari satu karakter.`,
    // A text already too long is reported once, by the length check.
    when: (payload) => payload.issues.length === 0,
  });

// Control characters are invisible, invalid in HTML, and a way to forge lines in logs and feeds;
// tabs and line breaks are ordinary text. Format characters are invisible too: a zero-width space
// makes a KIM name that looks like another's, and a direction override reorders a headline as
// shown. A joiner is refused unless it joins an emoji sequence (👨‍👩‍👧), where it belongs.
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u200d(?!\p{Extended_Pictographic})/u;

export const requiredText = (max = 200) =>
  z
    .string({ error: msg.required })
    .trim()
    .min(1, { error: msg.required })
    .max(max, { error: (issue) => msg.tooLong(Number(issue.maximum)) })
    .refine((text) => !CONTROL_CHARACTERS.test(text), { error: msg.controlCharacters });

export const optionalText = (max = 200) => requiredText(max).optional();

/**
 * Accounts on the git service who review changes (`@nama-akun`, or `@organisasi/tim` on GitHub),
 * as CODEOWNERS names them. Checked strictly: each becomes a line of `.github/CODEOWNERS`, and a
 * value with a space or a line break could add owners nobody chose.
 */
export const gitAccounts = () =>
  z
    .array(
      z
        .string({ error: msg.gitAccount })
        .trim()
        .regex(/^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/, { error: msg.gitAccount }),
      { error: msg.list },
    )
    .default([])
    .transform((accounts) => [...new Set(accounts)]);

/** Dates as contributors write them (`2026-11-30`), whether YAML made a Date or a string. */
export const dateField = () =>
  z.union([z.date(), z.string()], { error: msg.date }).transform((value, ctx) => {
    const date = value instanceof Date ? value : parseIsoDate(value);
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: msg.date });
      return z.NEVER;
    }
    return date;
  })
  .meta({ input: 'date' });

/**
 * Reads `2026-11-30` (optionally with a time) and refuses dates the calendar does not have:
 * JavaScript would silently turn 2026-02-30 into 2 March.
 */
function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return new Date(value.trim());
}

/** A reference to another entry by its id (its file name without extension). */
/**
 * An entry's id is its file name and a segment of its URL. Titles are at most 100 characters, so
 * an id made from one fits; a longer one only makes every comparison of ids slower.
 */
export const MAX_ID_LENGTH = 100;

export const entryId = (ref: FieldInfo['ref']) =>
  z.string({ error: msg.entryId }).max(MAX_ID_LENGTH, { error: msg.idTooLong(MAX_ID_LENGTH) }).regex(SLUG_PATTERN, { error: msg.entryId }).meta({ ref });

/**
 * A region code must be text: unquoted, YAML reads `64.02` as a number (and `64.10` as 64.1), so
 * the message for a number says to add the quotes rather than that the code is wrong.
 */
export const regionCodeText = (message: string) =>
  z.string({ error: (issue) => (typeof issue.input === 'number' ? msg.codeNeedsQuotes : message) });

/** A desa/kelurahan code, shape only: existence and scope are cross-checked against the region tree. */
export const villageCode = () =>
  regionCodeText(msg.villageCode)
    .trim()
    .refine((code) => isRegionCodeShape(code) && levelOf(code) === 'village', { error: msg.villageCode })
    .meta({ input: 'village' });

/** A village code, or a district code for an attraction that spans several villages. */
export const villageOrDistrictCode = () =>
  regionCodeText(msg.areaCode)
    .trim()
    .refine((code) => isRegionCodeShape(code) && ['village', 'district'].includes(levelOf(code)), {
      error: msg.areaCode,
    })
    .meta({ input: 'area' });

export const hexColor = () =>
  z
    .string({ error: msg.color })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: msg.color })
    .transform((c) => c.toLowerCase())
    .meta({ input: 'color' });

/** Topics a story may carry. */
const MAX_TAGS = 20;

/** A list of keys from a fixed set, with repeats dropped. */
export const keyList = <const T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .array(z.enum(keys, { error: msg.oneOf(keys) }), { error: msg.list })
    .default([])
    .transform((list) => [...new Set(list)]);

/**
 * Topics as the contributor wrote them ("Danau Melintang", "KIM"): the case is theirs to choose.
 * Two that would share a topic page (domain/topics.ts) are one topic; the first spelling stays.
 */
export const tagList = () =>
  z
    .array(requiredText(40), { error: msg.list })
    // Each topic becomes a page: a story with thousands would add thousands of pages.
    .max(MAX_TAGS, { error: msg.tooManyItems(MAX_TAGS) })
    .default([])
    .transform((tags) => {
      const seen = new Set<string>();
      return tags.filter((tag) => {
        const key = topicKey(tag) || tag.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });

export const coordinates = () =>
  z
    .strictObject(
      {
        lat: z.number({ error: msg.number }).meta(field('Lintang', 'Garis lintang dalam derajat desimal; negatif di selatan khatulistiwa.', '0.1333')),
        lng: z.number({ error: msg.number }).meta(field('Bujur', 'Garis bujur dalam derajat desimal.', '117.4833')),
        /** A point read off a larger feature (the lake a village stands in): shown as such, never routed to. */
        approximate: z.boolean({ error: msg.boolean }).optional().meta(field('Titik perkiraan', 'Centang bila titik ini hanya perkiraan, misalnya titik tengah danau atau kawasan, bukan lokasi tepatnya.')),
        source: webLink().optional().meta(field('Sumber koordinat', 'Alamat halaman publik tempat titik ini dibaca, bila bukan hasil pengukuran sendiri.', 'https://example.org/peta')),
      },
      { error: msg.coordinates },
    )
    .refine(isInIndonesia, { error: msg.outsideIndonesia });

/** A photo always travels with its description and its credit: readers and journalists need both. */
export const photo = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.strictObject(
    {
      src: ctx.image().meta(photoField('Berkas foto', 'Jalur berkas foto di samping berkas ini.', './benua-elai.jpg')),
      alt: requiredText(250).meta(field('Keterangan foto', 'Apa yang tampak di foto, untuk pembaca layar dan bila foto tidak termuat.', 'Perahu wisata yang juga rumah makan terapung di Muara Muntai Ulu')),
      credit: requiredText(120).meta(field('Pemotret', 'Nama pemotret atau pemilik foto, sebagaimana ingin disebut.', 'KIM Muara Muntai Ulu')),
      /** The photo's own licence: without one, a republished story goes without the photo. */
      license: z
        .enum(LICENSE_KEYS, { error: msg.oneOf(LICENSE_KEYS) })
        .optional()
        .meta(field('Lisensi foto', 'Siapa boleh memakai foto ini di tempat lain; tanpa isian, foto tidak ikut saat cerita diterbitkan ulang.', 'CC-BY-4.0')),
    },
    { error: msg.photo },
  );

const webLink = () =>
  z
    .string({ error: msg.url })
    .trim()
    .refine((v) => isSafeLink(v) && isWebUrl(v), { error: msg.unsafeUrl })
    .meta({ input: 'url' });

const email = () =>
  z
    .string({ error: msg.email })
    .trim()
    .transform((v) => v.replace(/^mailto:/i, ''))
    .pipe(z.email({ error: msg.email }))
    .meta({ input: 'email' });

const phone = () =>
  z
    .string({ error: msg.phone })
    .transform((value, ctx) => {
      const fromWaMe = /^https:\/\/(?:wa\.me|api\.whatsapp\.com\/send\?phone=)\/?(\d+)/.exec(value.trim());
      const digits = normalizePhone(fromWaMe?.[1] ?? value);
      if (!digits) {
        ctx.addIssue({ code: 'custom', message: hasUrlScheme(value.trim()) ? msg.unsafeUrl : msg.phone });
        return z.NEVER;
      }
      return digits;
    })
    .meta({ input: 'phone' });

const social = (network: SocialNetwork) =>
  z.string({ error: msg.social }).transform((value, ctx) => {
    const url = socialProfileUrl(network, value);
    if (!url) {
      ctx.addIssue({ code: 'custom', message: hasUrlScheme(value.trim()) ? msg.unsafeUrl : msg.social });
      return z.NEVER;
    }
    return url;
  });

/** Public contacts. WhatsApp comes first: it is how most Indonesians reach a village group. */
export const contacts = () =>
  z
    .strictObject(
      {
        whatsapp: phone().optional().meta(field('WhatsApp', 'Nomor WhatsApp yang dapat dihubungi pembaca.', '0812-xxxx-xxxx')),
        phone: phone().optional().meta(field('Telepon', 'Nomor telepon, dengan kode wilayah untuk telepon rumah.', '0548-xxxxxx')),
        email: email().optional().meta(field('Email', 'Alamat email.', 'kim@example.org')),
        instagram: social('instagram').optional().meta(field('Instagram', 'Nama akun atau alamat profil.', '@nama.akun')),
        facebook: social('facebook').optional().meta(field('Facebook', 'Nama halaman atau alamat profil.', 'nama.halaman')),
        youtube: social('youtube').optional().meta(field('YouTube', 'Nama kanal atau alamat kanal.', '@nama.akun')),
        website: webLink().optional().meta(field('Situs web', 'Alamat situs lengkap yang diawali https://.', 'https://example.org')),
      },
      { error: msg.object },
    )
    .default({});

export type Contacts = z.output<ReturnType<typeof contacts>>;
