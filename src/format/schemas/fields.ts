/**
 * The fields of a content schema as a person filling them in sees them: key, label, hint,
 * example, whether required, and the fields inside a group or list. Read off the zod schemas
 * themselves (their `.meta()`), so the contributor docs and the CMS configuration are derived
 * from the one source of truth and cannot drift from what the gate accepts.
 */
import { z } from 'astro/zod';
import type { FieldInfo } from './common.ts';

/** What a person writes in a field that holds one value (or in each item of a list of them). */
type ValueType = 'text' | 'number' | 'boolean' | 'date';

export interface FieldDoc extends Partial<FieldInfo> {
  key: string;
  required: boolean;
  /** The kind of value, for a field (or list) of single values; absent for a group. */
  type?: ValueType;
  /** Fields of a group (`cover`, `contacts`) or of each item of a list (`photos`). */
  fields?: FieldDoc[];
  /** The values a field takes, when it is one of a fixed set. */
  options?: string[];
  /** The field is a list: of `fields` groups, or of `options`, or of text. */
  list?: true;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under wrappers that do not change what is written: optional, default, transforms. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; required: boolean; meta: FieldInfo | undefined } {
  let current = schema;
  let required = true;
  let meta = z.globalRegistry.get(current) as FieldInfo | undefined;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') required = false;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner;
    meta ??= z.globalRegistry.get(current) as FieldInfo | undefined;
  }
  return { schema: current, required, meta };
}

/** The kind of a single value: a union of a date and text is how `dateField()` reads dates. */
function valueTypeOf(schema: z.ZodType): ValueType | undefined {
  const def = defOf(schema);
  if (def.type === 'string' || def.type === 'enum') return 'text';
  if (def.type === 'number' || def.type === 'boolean') return def.type;
  if (def.type === 'union' && def.options?.some((option) => defOf(option).type === 'date')) return 'date';
  return undefined;
}

/** The documented fields of an object schema, in the order the schema declares them. */
export function describeFields(schema: z.ZodType): FieldDoc[] {
  const { schema: object } = unwrap(schema);
  const shape = defOf(object).shape ?? {};
  return Object.entries(shape).map(([key, value]) => {
    const { schema: inner, required, meta } = unwrap(value);
    const def = defOf(inner);
    const doc: FieldDoc = { key, required, ...meta };
    const item = def.type === 'array' ? unwrap(def.element!).schema : inner;
    if (def.type === 'array') doc.list = true;
    if (defOf(item).type === 'object') doc.fields = describeFields(item);
    if (defOf(item).type === 'enum') doc.options = Object.values(defOf(item).entries ?? {});
    const type = valueTypeOf(item);
    if (type) doc.type = type;
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
