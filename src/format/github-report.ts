/**
 * The content report where a contributor sees it on GitHub: an annotation on the file and line of
 * each problem (GitHub Actions' workflow commands) and a Markdown job summary grouped by file, the
 * same Indonesian report the terminal shows. Pure formatting; `scripts/check-content.ts` prints it.
 *
 * Contributor text is untrusted. Workflow commands are read from the log line by line, so every
 * value is escaped as the runner's own toolkit does (`%`, CR and LF in a message; also `:` and `,`
 * in a property): a file name or a quoted value can then never end its command or start another.
 * The plain report printed beside the annotations goes between `stop-commands` markers, so nothing
 * in it is read as a command at all.
 */
import { describeError, printable, type ContentError } from './errors.ts';

/** Annotations GitHub shows per step, for each kind; the rest are dropped without a word. */
export const ANNOTATIONS_PER_KIND = 10;
/** What a step's summary may hold (GitHub refuses the whole summary above 1 MiB). */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/** A workflow command's message, escaped as @actions/core escapes it. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value (`file=`, `title=`): also `:` and `,`, which end a property. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type AnnotationKind = 'error' | 'warning' | 'notice';
type ContentKind = Exclude<AnnotationKind, 'notice'>;

interface Annotation {
  file?: string | undefined;
  line?: number | undefined;
  title: string;
  message: string;
}

/** One annotation as a log line: `::error file=…,line=…,title=…::message`. */
export function annotation(kind: AnnotationKind, { file, line, title, message }: Annotation): string {
  const properties = [
    file !== undefined && `file=${escapeCommandProperty(file)}`,
    line !== undefined && Number.isInteger(line) && line > 0 && `line=${line}`,
    `title=${escapeCommandProperty(title)}`,
  ].filter((p): p is string => typeof p === 'string');
  return `::${kind} ${properties.join(',')}::${escapeCommandData(message)}`;
}

const TITLES: Record<ContentKind, string> = { error: 'Konten tidak valid', warning: 'Konten perlu diperhatikan' };

/**
 * The annotations for a run's problems of one kind, in report order (by file). GitHub shows ten
 * per kind and step; when there are more, the tenth says how many more the summary lists.
 */
export function contentAnnotations(problems: readonly ContentError[], kind: ContentKind): string[] {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file));
  const shown = sorted.length > ANNOTATIONS_PER_KIND ? sorted.slice(0, ANNOTATIONS_PER_KIND - 1) : sorted;
  const lines = shown.map((problem) => annotation(kind, { file: printable(problem.file), line: problem.line, title: TITLES[kind], message: describeError(problem) }));
  const rest = sorted.length - shown.length;
  if (rest > 0) {
    const what = kind === 'error' ? 'kesalahan' : 'peringatan';
    lines.push(annotation(kind, { title: TITLES[kind], message: `Ada ${rest} ${what} lain: semuanya tercantum di ringkasan (Summary) pemeriksaan ini dan di log langkahnya.` }));
  }
  return lines;
}

/**
 * Text as Markdown shows it, never as Markdown or HTML: every punctuation mark that makes
 * emphasis, code, a link, an image, a table cell or an HTML tag inline is backslash-escaped
 * (CommonMark allows it before any ASCII punctuation). Line breaks are already escapes
 * (`printable`), so nothing can start a block of its own.
 */
export function markdownText(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()#!|<>&~]/g, (c) => `\\${c}`);
}

/** The problems of one kind, grouped by file, as Markdown blocks. */
function markdownGroups(problems: readonly ContentError[], marker: string): string[] {
  const files = new Map<string, ContentError[]>();
  for (const problem of problems) files.set(problem.file, [...(files.get(problem.file) ?? []), problem]);
  return [...files]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, list]) => [`### ${marker} ${markdownText(file)}`, '', ...list.map((problem) => `- ${markdownText(describeError(problem))}`), ''].join('\n'));
}

/** What the summary says when the content is valid: the same counts as the terminal. */
export interface ValidCounts {
  kim: number;
  stories: number;
  places: number;
  villages: number;
}

const count = (items: readonly { file: string }[]) => new Set(items.map((item) => item.file)).size;

/**
 * The job summary: a heading a contributor understands at a glance, every problem grouped by
 * file (errors, then warnings), and one English line for maintainers. Kept under GitHub's size
 * limit by leaving out whole files at the end, saying so.
 */
export function contentSummary({ errors, warnings, valid }: { errors: readonly ContentError[]; warnings: readonly ContentError[]; valid?: ValidCounts | undefined }): string {
  const head: string[] = [];
  if (errors.length > 0) {
    head.push(
      `## ✗ Konten tidak valid: ${errors.length} kesalahan di ${count(errors)} berkas`,
      '',
      'Situs tidak diterbitkan sampai semuanya diperbaiki. Perbaiki berkas dan kolom yang disebutkan di bawah, lalu kirim perubahan lagi: pemeriksaan berjalan ulang sendiri.',
      '',
    );
  } else {
    const counts = valid ? `: ${valid.kim} KIM, ${valid.stories} cerita, ${valid.places} potensi, ${valid.villages} desa/kelurahan dalam cakupan` : '';
    head.push(`## ✓ Konten valid${counts}`, '');
  }
  const english =
    errors.length > 0
      ? `_Content check: ${errors.length} error(s) in ${count(errors)} file(s); the site is not published until they are fixed._`
      : `_Content check: valid${warnings.length > 0 ? `, with ${warnings.length} warning(s)` : ''}._`;
  const blocks = [
    ...markdownGroups(errors, '✗'),
    ...(warnings.length > 0 ? [`## Perlu diperhatikan: ${warnings.length} peringatan di ${count(warnings)} berkas\n\nSitus tetap dibangun.\n`, ...markdownGroups(warnings, '!')] : []),
  ];
  const tail = ['', english, ''].join('\n');
  const parts = [`${head.join('\n')}\n`];
  // Room for the tail and the note on what was left out.
  let room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(parts[0]!) - Buffer.byteLength(tail) - 200;
  for (const [i, block] of blocks.entries()) {
    room -= Buffer.byteLength(block) + 1;
    if (room < 0) {
      parts.push(`\n_… ${blocks.length - i} bagian lagi tidak muat di ringkasan ini; semuanya ada di log langkah pemeriksaan._\n`);
      break;
    }
    parts.push(`${block}\n`);
  }
  return `${parts.join('').trimEnd()}\n${tail}`;
}

/**
 * Text printed to the log with workflow commands switched off around it (`::stop-commands::`), so
 * that no line of it, whatever a contributor wrote, is read as a command. `token` must be
 * unguessable (a fresh random value per run): the line `::<token>::` switches commands back on.
 */
export function withoutCommands(text: string, token: string): string {
  return `::stop-commands::${token}\n${text.replace(/\n$/, '')}\n::${token}::\n`;
}
