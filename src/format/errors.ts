/** One problem in one contributor file, phrased for the person who has to fix it. */
export interface ContentError {
  /** Path shown to the contributor, relative to the project when possible. */
  file: string;
  /** Dotted field path ("contacts.website", "photos[0].alt"), or null when the problem is not in one field. */
  field: string | null;
  /** The line of the file, for problems in the body or in unreadable YAML. */
  line?: number | undefined;
  message: string;
}

/** Formats a dotted field path the way YAML readers think of it. */
export function fieldPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

// Control characters and line or paragraph separators in a file name, a YAML key or a value
// echoed back would let a contributor forge report lines, colour a terminal or start a CI
// command (GitHub Actions reads "::" at the start of a log line).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Makes contributor text safe to print in a report: invisible characters are written as escapes. */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Where in the file a problem is, as the report says it. */
function location(error: ContentError): string {
  if (error.field) return `kolom "${printable(error.field)}"${error.line ? ` (baris ${error.line})` : ''}: `;
  return error.line ? `baris ${error.line}: ` : '';
}

/**
 * The report a contributor reads when the build stops: every problem of the run, grouped by
 * file, so one round of fixes is enough.
 */
export function formatContentErrors(errors: readonly ContentError[], kind: 'error' | 'warning' = 'error'): string {
  const files = new Map<string, ContentError[]>();
  for (const error of errors) {
    const list = files.get(error.file);
    if (list) list.push(error);
    else files.set(error.file, [error]);
  }
  const lines = [
    kind === 'error'
      ? `Konten tidak valid: ${errors.length} kesalahan di ${files.size} berkas. Situs tidak diterbitkan sampai semuanya diperbaiki.`
      : `Perlu diperhatikan: ${errors.length} peringatan di ${files.size} berkas. Situs tetap dibangun.`,
    '',
  ];
  for (const [file, list] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${kind === 'error' ? '✗' : '!'} ${printable(file)}`);
    for (const error of list) lines.push(`    ${location(error)}${printable(error.message)}`);
    lines.push('');
  }
  return lines.join('\n');
}
