/**
 * Validates the built HTML with html-validate. Runs on `dist/` rather than on components
 * because only the built page shows what a reader's browser (and a screen reader) gets: the
 * layout, the components and the contributor's Markdown together.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { MAX_TITLE_LENGTH } from '../../format/schemas/common.ts';
import type { SiteProblem } from './types.ts';
import { listFiles } from '../../format/files.ts';

/**
 * The recommended preset. A rule may only be changed here with a comment saying why.
 */
const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Headlines are written by contributors and may run to MAX_TITLE_LENGTH characters (the
    // schema refuses longer ones); search engines shorten what they show, tabs and screen
    // readers should get the whole headline.
    'long-title': ['error', { maxlength: MAX_TITLE_LENGTH }],
  },
};

/**
 * The configuration resolved once for every page. html-validate's static loader merges the
 * presets and builds the element table again for each file it validates, which was a third of
 * the validation's time; its file-system loader keeps the resolved configuration for reuse too,
 * but per file name, and every page has its own.
 */
class ResolvedOnceLoader extends StaticConfigLoader {
  private resolved: ReturnType<StaticConfigLoader['getConfigFor']> | undefined;

  override getConfigFor(handle: string, configOverride?: ConfigData): ReturnType<StaticConfigLoader['getConfigFor']> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    return (this.resolved ??= super.getConfigFor(handle));
  }
}

/** Longest piece of source quoted in a report; built pages are one long minified line. */
const SNIPPET_LENGTH = 100;

/** Every `.html` file under `distDir`, relative and with `/` separators, as reports show them. */
export function listHtmlFiles(distDir: string): string[] {
  return listFiles(distDir)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

/**
 * The offending source from the start of its tag, because line and column mean little on a
 * minified one-line page.
 */
function snippet(source: string, { offset }: Message): string {
  const tag = source.lastIndexOf('<', offset);
  let start = tag >= 0 && offset - tag <= SNIPPET_LENGTH ? tag : offset;
  // An end tag alone says little ("</title>"); show the element it closes instead.
  if (tag > 0 && source.startsWith('</', tag)) start = Math.max(0, source.lastIndexOf('<', tag - 1));
  const text = source.slice(start, start + SNIPPET_LENGTH + 1).replace(/\s+/g, ' ');
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

/** Every HTML error in `files` (relative to `distDir`), one problem per message. */
export async function validateFiles(distDir: string, files: readonly string[]): Promise<SiteProblem[]> {
  const validator = new HtmlValidate(new ResolvedOnceLoader(CONFIG));
  const problems: SiteProblem[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(distDir, file), 'utf8');
    const report = await validator.validateString(source, file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push({
        file,
        check: 'html',
        message: `aturan ${message.ruleId}: ${message.message} (baris ${message.line}, kolom ${message.column}: «${snippet(source, message)}»)`,
      });
    }
  }
  return problems;
}

/** Pages below this many are validated in the calling thread: a worker's start-up would cost more. */
const PAGES_PER_WORKER = 200;

/**
 * Every HTML error in the built site, one problem per message. html-validate's own message is
 * kept in English (it names the element and attribute precisely); the rule id lets the reader
 * look it up at html-validate.org.
 *
 * Validation is the longest of the site checks (about half of them for a kabupaten's 2,000
 * pages) and is single-threaded: it runs in worker threads, one per core, while the caller's
 * other checks (links, page weight, policies) go on beside them. Those take about two thirds of
 * the validation's time and then leave their core idle, so a worker on every core finishes
 * sooner than one core kept back for them (`check:site` on the bench's kabupaten, two cores,
 * three runs each: 30.7 to 36.5 s against 39.2 to 42.1 s).
 */
export async function validateHtml(distDir: string, { workers }: { workers?: number } = {}): Promise<SiteProblem[]> {
  const files = listHtmlFiles(distDir);
  const count = workers ?? Math.min(availableParallelism(), Math.floor(files.length / PAGES_PER_WORKER));
  if (count === 0) return validateFiles(distDir, files);
  // Interleaved, so each worker gets its share of the large pages, which sit together in a folder.
  const shares = Array.from({ length: count }, (_, w) => files.filter((_, i) => i % count === w));
  const started = shares.map((share) => inWorker(distDir, share));
  try {
    return (await Promise.all(started.map((s) => s.result))).flat();
  } finally {
    // After a failure the others' work is no longer wanted; after success they have exited.
    await Promise.all(started.map((s) => s.worker.terminate()));
  }
}

function inWorker(distDir: string, files: string[]): { worker: Worker; result: Promise<SiteProblem[]> } {
  const worker = new Worker(new URL('./html-worker.ts', import.meta.url), { workerData: { distDir, files } });
  const result = new Promise<SiteProblem[]>((resolve, reject) => {
    let problems: SiteProblem[] | undefined;
    worker.once('message', (posted: SiteProblem[]) => (problems = posted));
    worker.once('error', reject);
    worker.once('exit', (code) => (problems ? resolve(problems) : reject(new Error(`Pemeriksaan HTML berhenti tanpa hasil (kode keluar ${code}).`))));
  });
  return { worker, result };
}
