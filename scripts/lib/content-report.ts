import { formatContentErrors } from '../../src/format/errors.ts';
import type { ValidationResult } from '../../src/format/validation/types.ts';

/**
 * Prints what the content gate found, as `npm run check:content` and `npm run new` both report
 * it: the warnings, then either the problems (grouped by file) or one line counting what is valid.
 * Returns whether the content is valid.
 */
export function printGateResult(result: ValidationResult): boolean {
  if (result.warnings.length > 0) console.warn(formatContentErrors(result.warnings, 'warning'));
  if (!result.ok) {
    console.error(formatContentErrors(result.errors));
    return false;
  }
  const { kim, stories, places, tree } = result.network;
  const villages = tree.roots().reduce((sum, r) => sum + r.villageCount, 0);
  console.log(`Konten valid: ${kim.length} KIM, ${stories.length} cerita, ${places.length} potensi, ${villages} desa/kelurahan dalam cakupan.`);
  return true;
}
