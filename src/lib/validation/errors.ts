/** One problem in one contributor file, phrased for the person who has to fix it. */
export interface ContentError {
  /** Path shown to the contributor, relative to the project when possible. */
  file: string;
  /** Dotted field path ("contacts.website", "photos[0].alt"), or null for the whole file. */
  field: string | null;
  message: string;
}

/** Formats a dotted field path the way YAML readers think of it. */
export function fieldPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
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
    lines.push(`${kind === 'error' ? '✗' : '!'} ${file}`);
    for (const error of list) {
      lines.push(error.field ? `    kolom "${error.field}": ${error.message}` : `    ${error.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Thrown when content fails validation; its message is the full contributor report. */
export class ContentValidationError extends Error {
  readonly errors: readonly ContentError[];
  constructor(errors: readonly ContentError[]) {
    super(formatContentErrors(errors));
    this.name = 'ContentValidationError';
    this.errors = errors;
  }
}
