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
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Where in the file a problem is, as the report says it. */
function location(error: ContentError): string {
  if (error.field) return `kolom "${printable(error.field)}"${error.line ? ` (baris ${error.line})` : ''}: `;
  return error.line ? `baris ${error.line}: ` : '';
}

/** One problem as its line of the report says it: where in the file, then what is wrong. */
export function describeError(error: ContentError): string {
  return `${location(error)}${printable(error.message)}`;
}

/**
 * Problems grouped by file under one heading, files in order: how every report of the project
 * reads (the content gate's, the built site's), so the same people can read them all.
 */
export function groupedReport(heading: (files: number) => string, marker: string, items: readonly { file: string; text: string }[]): string {
  const files = new Map<string, string[]>();
  for (const { file, text } of items) {
    const list = files.get(file);
    if (list) list.push(text);
    else files.set(file, [text]);
  }
  const lines = [heading(files.size), ''];
  for (const [file, list] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${marker} ${printable(file)}`);
    for (const text of list) lines.push(`    ${text}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The report a contributor reads when the build stops: every problem of the run, grouped by
 * file, so one round of fixes is enough.
 */
export function formatContentErrors(errors: readonly ContentError[], kind: 'error' | 'warning' = 'error'): string {
  const heading = (files: number) =>
    kind === 'error'
      ? `Konten tidak valid: ${errors.length} kesalahan di ${files} berkas. Situs tidak diterbitkan sampai semuanya diperbaiki.`
      : `Perlu diperhatikan: ${errors.length} peringatan di ${files} berkas. Situs tetap dibangun.`;
  return groupedReport(heading, kind === 'error' ? '✗' : '!', errors.map((error) => ({ file: error.file, text: describeError(error) })));
}
