/**
 * zod's findings as contributor errors: one per field, in Indonesian, naming the field the way
 * it is written in YAML.
 */
import type { z } from 'astro/zod';
import { fieldPath, type ContentError } from '../errors.ts';
import { msg } from '../messages.ts';

const TYPE_LABELS: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  boolean: '"true" (ya) atau "false" (tidak)',
  object: 'kumpulan kolom "nama: nilai" (bukan teks tunggal)',
  array: 'daftar (setiap butir di baris baru yang diawali "- ")',
  date: 'tanggal, misalnya 2026-11-30',
};

/**
 * Indonesian messages for the generic checks no schema field words itself (a wrong type, a
 * missing value). Messages written on a schema field still win over these.
 */
export const indonesianIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? msg.required : msg.invalidType(TYPE_LABELS[issue.expected] ?? issue.expected);
  }
  if (issue.code === 'invalid_value') return msg.oneOf(issue.values.map(String));
  if (issue.code === 'too_small' && issue.origin === 'array') return msg.required;
  return undefined;
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod's issues into contributor errors, one per field, in Indonesian. */
export function issuesToErrors(displayPath: string, data: unknown, issues: readonly z.core.$ZodIssue[]): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ file: displayPath, field: fieldPath([...issue.path, key]), message: msg.unknownKey(key) });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    errors.push({ file: displayPath, field: fieldPath(issue.path), message: missing ? msg.required : issue.message });
  }
  return errors;
}
