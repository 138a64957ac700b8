/**
 * Compares two built sites byte for byte and lists every difference; exits 1 when there is one.
 * Usage: `npm run compare:dist -- <folder-sebelum> <folder-sesudah>`.
 */
import path from 'node:path';
import { compareTrees } from '../src/build/checks/compare.ts';
import { readArguments } from './lib/cli.ts';

const USAGE = 'Cara pakai: npm run compare:dist -- <folder-build-sebelum> <folder-build-sesudah>';
const args = readArguments(USAGE, {}, 2);
if (args.positionals.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}
const [before, after] = args.positionals.map((dir) => path.resolve(dir)) as [string, string];
const { onlyBefore, onlyAfter, changed, renamed, same } = compareTrees(before, after);
const list = (title: string, items: string[]) => items.length > 0 && console.log(`${title} (${items.length}):\n${items.map((f) => `  ${f}`).join('\n')}`);
list('Hanya di sebelum', onlyBefore);
list('Hanya di sesudah', onlyAfter);
list('Isinya berbeda', changed);
list('Isi sama, nama baru', renamed.map(([from, to]) => `${from} → ${to}`));
const differences = onlyBefore.length + onlyAfter.length + changed.length;
console.log(differences === 0 ? `Sama persis: ${same} berkas.` : `${differences} perbedaan, ${same} berkas sama.`);
process.exitCode = differences === 0 ? 0 : 1;
