/**
 * Writes `.github/CODEOWNERS` from the content, or with `--check` says whether it is up to date
 * (the pull-request check runs that, so a KIM's reviewers are never changed without the file).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildTime } from '../src/build/settings.ts';
import { CODEOWNERS_PATH, codeowners } from '../src/format/codeowners.ts';
import { runGate } from '../src/format/gate.ts';
import { CONTENT_FOLDER, resolveContentDir } from '../src/format/read.ts';
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
    console.error(`${CODEOWNERS_PATH} tidak sesuai konten (editor atau peninjau KIM berubah). Jalankan "npm run codeowners" dan sertakan berkasnya.`);
    process.exitCode = 1;
  }
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${CODEOWNERS_PATH} ${current === text ? 'sudah sesuai' : 'ditulis'}: ${text.split('\n').filter((line) => line && !line.startsWith('#')).length} aturan.`);
}
