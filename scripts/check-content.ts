/**
 * Checks a content folder without building the site: the same gate the build runs, in a second
 * instead of a full build. Usage: `npm run check:content [-- path/to/content] [--format github]`.
 *
 * On GitHub Actions (or with `--format github`) the report is also written where a contributor
 * sees it: an annotation on the file and line of each problem, and the whole report grouped by
 * file in the job summary (src/format/github-report.ts).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readBuildTime } from '../src/build/settings.ts';
import { contentAnnotations, contentSummary, withoutCommands } from '../src/format/github-report.ts';
import { runGate } from '../src/format/gate.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';
import { gateVerdict, printGateResult } from './lib/content-report.ts';

const USAGE = `Cara pakai: npm run check:content [-- folder-konten=content] [--format teks|github]

Memeriksa folder konten seperti build memeriksanya (network.yaml, setiap berkas KIM, cerita dan
potensi, foto, rujukan antarberkas dan kode wilayah), tanpa membangun situs. Keluar dengan kode 1
bila ada kesalahan, dengan setiap kesalahan disebut berkas dan kolomnya.

--format github (bawaan di GitHub Actions) juga menandai setiap kesalahan di berkas dan barisnya
(anotasi) dan menulis laporannya ke ringkasan job (GITHUB_STEP_SUMMARY).`;

const args = readArguments(USAGE, { format: { type: 'string', default: process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'teks' } });
const format = args.values.format;
if (format !== 'teks' && format !== 'github') {
  console.error(`--format harus "teks" atau "github", bukan "${format}".`);
  process.exit(2);
}
const contentDir = resolveContentDir(process.cwd(), args.positionals[0] ?? process.env.JEMBATAN_CONTENT_DIR);
if (!existsSync(contentDir)) {
  console.error(`Folder konten ${path.relative(process.cwd(), contentDir) || '.'} tidak ada.`);
  process.exit(2);
}
const { result } = await runGate(contentDir, { now: readBuildTime(process.env) });
const errors = result.ok ? [] : result.errors;
const { warnings, counts, verdict } = gateVerdict(result);

if (format === 'teks') printGateResult(result);
else {
  // The plain report, read as text only; then the annotations, which are this command's own lines.
  process.stdout.write(withoutCommands(`${warnings}${verdict}`, randomUUID()));
  const annotations = [...contentAnnotations(errors, 'error'), ...contentAnnotations(result.warnings, 'warning')];
  if (annotations.length > 0) process.stdout.write(`${annotations.join('\n')}\n`);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, contentSummary({ errors, warnings: result.warnings, valid: counts }));
}
process.exitCode = counts ? 0 : 1;
