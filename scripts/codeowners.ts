/**
 * Writes `.github/CODEOWNERS` from the content, or with `--check` says whether it is up to date
 * (the pull-request check runs that, so a KIM's reviewers are never changed without the file).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildTime } from '../src/build/settings.ts';
import { CODEOWNERS_PATH, codeowners, ownershipChanges } from '../src/format/codeowners.ts';
import { printable } from '../src/format/errors.ts';
import { annotation, markdownText } from '../src/format/github-report.ts';
import { runGate } from '../src/format/gate.ts';
import { CONTENT_FOLDER, NETWORK_FILE, resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';
import { printGateResult } from './lib/content-report.ts';

const USAGE = `Cara pakai: npm run codeowners [-- --check] [--content folder-konten]

Menulis ${CODEOWNERS_PATH} dari konten: editor jaringan (network.yaml, cms.editors) meninjau semua
isi, dan peninjau setiap KIM (kolom reviewers di berkas KIM) meninjau profil KIM itu serta folder
cerita dan potensinya (content/stories/<kim>/, content/places/<kim>/). Dengan --check, hanya
memeriksa bahwa berkas itu sesuai konten (keluar dengan kode 1 bila tidak).`;

const args = readArguments(USAGE, { check: { type: 'boolean' }, content: { type: 'string' } }, 0);
const root = process.cwd();
const contentDir = resolveContentDir(root, args.values.content ?? process.env.JEMBATAN_CONTENT_DIR);
const { result } = await runGate(contentDir, { now: readBuildTime(process.env) });
if (!result.ok) {
  printGateResult(result);
  process.exit(1);
}
const text = codeowners({
  contentFolder: CONTENT_FOLDER,
  editors: result.network.config.cms.editors,
  kims: result.network.kim.map((kim) => ({ id: kim.id, reviewers: kim.data.reviewers })),
});
const file = path.join(root, CODEOWNERS_PATH);
const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
if (args.values.check) {
  if (current === text) console.log(`${CODEOWNERS_PATH} sesuai konten.`);
  else {
    reportStale(current);
    process.exitCode = 1;
  }
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${CODEOWNERS_PATH} ${current === text ? 'sudah sesuai' : 'ditulis'}: ${text.split('\n').filter((line) => line && !line.startsWith('#')).length} aturan.`);
}

/**
 * Says whose reviewers changed without the file, and who may fix it: a KIM member who changed
 * `reviewers` (the CMS shows it read-only, a text editor does not) cannot approve that alone.
 * On GitHub Actions also as an annotation on the file that changed and in the job summary.
 */
function reportStale(current: string | null): void {
  if (!result.ok) return;
  const changes = ownershipChanges(current, text);
  const files = changes.editors
    ? [{ file: path.join(contentDir, NETWORK_FILE), what: 'Editor jaringan (cms.editors)', field: 'cms' }]
    : changes.kims.map((id) => {
        const kim = result.network.kim.find((k) => k.id === id);
        // A KIM's name is the contributor's text: a line break in it must not start a line of the log.
        return { file: kim?.displayPath ?? CODEOWNERS_PATH, what: `Peninjau ${printable(kim?.data.name ?? id)} (reviewers)`, field: 'reviewers' };
      });
  const what = files.length > 0 ? files.map((f) => f.what).join('; ') : `Isi ${CODEOWNERS_PATH}`;
  const advice = `Yang menentukan siapa boleh menyetujui isi hanya diterima dari editor jaringan: editor menjalankan "npm run codeowners" di cabang ini dan menyertakan ${CODEOWNERS_PATH} dalam perubahan yang sama.`;
  console.error(`${CODEOWNERS_PATH} tidak sesuai konten. ${what} berubah, tetapi ${CODEOWNERS_PATH} belum. ${advice}`);
  if (process.env.GITHUB_ACTIONS !== 'true') return;
  for (const { file, what: changed, field } of files.length > 0 ? files : [{ file: CODEOWNERS_PATH, what, field: '' }]) {
    const line = field ? lineOf(file, field) : undefined;
    console.log(annotation('error', { file: path.relative(root, path.resolve(root, file)), line, title: 'Peninjau berubah tanpa CODEOWNERS', message: `${changed} berubah, tetapi ${CODEOWNERS_PATH} belum. ${advice}` }));
  }
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, `## Peninjau berubah tanpa ${CODEOWNERS_PATH}\n\n${markdownText(`${what} berubah, tetapi ${CODEOWNERS_PATH} belum.`)}\n\n${markdownText(advice)}\n`);
}

/** The line of a top-level frontmatter or YAML key in a file, for an annotation. */
function lineOf(file: string, key: string): number | undefined {
  try {
    const index = readFileSync(path.resolve(root, file), 'utf8').split('\n').findIndex((line) => line.startsWith(`${key}:`));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}
