/**
 * Checks a content folder without building the site: the same gate the build runs, in a second
 * instead of a full build. Usage: `npm run check:content [-- path/to/content]`.
 */
import { readBuildTime } from '../src/build/settings.ts';
import { formatContentErrors } from '../src/format/errors.ts';
import { runGate } from '../src/format/gate.ts';
import { resolveContentDir } from '../src/format/read.ts';

const contentDir = resolveContentDir(process.cwd(), process.argv[2] ?? process.env.JEMBATAN_CONTENT_DIR);
const { result } = await runGate(contentDir, { now: readBuildTime(process.env) });
if (result.warnings.length > 0) console.warn(formatContentErrors(result.warnings, 'warning'));
if (result.ok) {
  const { kim, stories, places, tree } = result.network;
  const villages = tree.roots().reduce((sum, r) => sum + r.villageCount, 0);
  console.log(`Konten valid: ${kim.length} KIM, ${stories.length} cerita, ${places.length} potensi, ${villages} desa/kelurahan dalam cakupan.`);
} else {
  console.error(formatContentErrors(result.errors));
  process.exitCode = 1;
}
