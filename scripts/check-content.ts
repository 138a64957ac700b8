/**
 * Checks a content folder without building the site: the same gate the build runs, in a second
 * instead of a full build. Usage: `npm run check:content [-- path/to/content]`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBuildTime } from '../src/build/settings.ts';
import { runGate } from '../src/format/gate.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { readArguments } from './lib/cli.ts';
import { printGateResult } from './lib/content-report.ts';

const USAGE = `Cara pakai: npm run check:content [-- folder-konten=content]

Memeriksa folder konten seperti build memeriksanya (network.yaml, setiap berkas KIM, cerita dan
potensi, foto, rujukan antarberkas dan kode wilayah), tanpa membangun situs. Keluar dengan kode 1
bila ada kesalahan, dengan setiap kesalahan disebut berkas dan kolomnya.`;

const args = readArguments(USAGE, {});
const contentDir = resolveContentDir(process.cwd(), args.positionals[0] ?? process.env.JEMBATAN_CONTENT_DIR);
if (!existsSync(contentDir)) {
  console.error(`Folder konten ${path.relative(process.cwd(), contentDir) || '.'} tidak ada.`);
  process.exit(2);
}
const { result } = await runGate(contentDir, { now: readBuildTime(process.env) });
if (!printGateResult(result)) process.exitCode = 1;
