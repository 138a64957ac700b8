/**
 * The fields of a content schema as a person filling them in sees them: key, label, hint,
 * example, whether required, and the fields inside a group or list. Read off the zod schemas
 * themselves (their `.meta()`), so the contributor docs and the CMS configuration are derived
 * from the one source of truth and cannot drift from what the gate accepts.
 */
import { z } from 'astro/zod';
import type { FieldInfo } from './common.ts';

export interface FieldDoc extends Partial<FieldInfo> {
  key: string;
  required: boolean;
  /** What the field (or each item of a list field) holds. */
  type: FieldType;
  /** The value written when the field is left out, when the schema has one. */
  default?: unknown;
  /** The longest text the field accepts. */
  maxLength?: number;
  /** Fields of a group (`cover`, `contacts`) or of each item of a list (`photos`). */
  fields?: FieldDoc[];
  /** The values a field takes, when it is one of a fixed set. */
  options?: string[];
  /** The field is a list: of `fields` groups, or of `options`, or of text. */
  list?: true;
  /** The most items a list field accepts. */
  maxItems?: number;
}

/** What a field holds, as a form would ask for it. */
type FieldType = 'text' | 'date' | 'number' | 'boolean' | 'choice' | 'group';

type Check = { _zod: { def: { check: string; maximum?: number } } };
type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: Check[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

interface Unwrapped {
  schema: z.ZodType;
  required: boolean;
  meta: Partial<FieldInfo>;
  default?: unknown;
}

/**
 * The schema under wrappers that do not change what is written: optional, default, transforms.
 * Metadata is gathered from every layer, the outer winning: the field constructors mark what a
 * field holds (`input: 'date'`), the schema that uses them adds the label and hint.
 */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  const found: Unwrapped = { schema, required: true, meta: { ...(z.globalRegistry.get(current) as Partial<FieldInfo> | undefined) } };
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') found.required = false;
    if (def.type === 'default' && found.default === undefined) found.default = def.defaultValue;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner;
    found.meta = { ...(z.globalRegistry.get(current) as Partial<FieldInfo> | undefined), ...found.meta };
  }
  return { ...found, schema: current };
}

function typeOf(def: Def, meta: Partial<FieldInfo>): FieldType {
  if (meta.input === 'date') return 'date';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'number') return 'number';
  if (def.type === 'enum') return 'choice';
  if (def.type === 'object') return 'group';
  return 'text';
}

const maxLengthOf = (def: Def) => def.checks?.map((check) => check._zod.def).find((check) => check.check === 'max_length')?.maximum;

/** The documented fields of an object schema, in the order the schema declares them. */
export function describeFields(schema: z.ZodType): FieldDoc[] {
  const { schema: object } = unwrap(schema);
  const shape = defOf(object).shape ?? {};
  return Object.entries(shape).map(([key, value]) => {
    const field = unwrap(value);
    const def = defOf(field.schema);
    const item = def.type === 'array' ? unwrap(def.element!) : field;
    const itemDef = defOf(item.schema);
    const meta = { ...item.meta, ...field.meta };
    const doc: FieldDoc = { key, required: field.required, ...meta, type: typeOf(itemDef, meta) };
    if (field.default !== undefined) doc.default = field.default;
    const maxLength = maxLengthOf(itemDef);
    if (maxLength !== undefined) doc.maxLength = maxLength;
    if (def.type === 'array') doc.list = true;
    const maxItems = def.type === 'array' ? maxLengthOf(def) : undefined;
    if (maxItems !== undefined) doc.maxItems = maxItems;
    if (itemDef.type === 'object') doc.fields = describeFields(item.schema);
    if (itemDef.type === 'enum') doc.options = Object.values(itemDef.entries ?? {});
    return doc;
  });
}

/**
 * Where photos are named in an entry's data, as paths from the entry's top: `logo`,
 * `cover.src`, `photos[].src` (a list item at `[]`). Read off the schema's `photoField` marks, so
 * a new photo field is checked by the gate the day it is added to a schema.
 */
export function photoFieldPaths(schema: z.ZodType): string[][] {
  const walk = (fields: FieldDoc[], prefix: string[]): string[][] =>
    fields.flatMap((field) => {
      const path = [...prefix, field.list ? `${field.key}[]` : field.key];
      return [...(field.photo ? [path] : []), ...walk(field.fields ?? [], path)];
    });
  return walk(describeFields(schema), []);
}

/**
 * The values at those paths in one entry's frontmatter, with the field each stands in as the
 * contributor reads it (`photos[1].src`). Values of any type are returned: the schema reports a
 * photo that is not text; the caller checks the files of those that are.
 */
export function valuesAt(data: unknown, path: readonly string[]): [field: string, value: unknown][] {
  let found: [string, unknown][] = [['', data]];
  for (const step of path) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    found = found.flatMap(([at, value]) => {
      const here = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
      const name = at ? `${at}.${key}` : key;
      if (!list) return [[name, here] as [string, unknown]];
      return Array.isArray(here) ? here.map((item, i) => [`${name}[${i}]`, item] as [string, unknown]) : [];
    });
  }
  return found;
}
