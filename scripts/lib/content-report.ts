import { formatContentErrors } from '../../src/format/errors.ts';
import type { ValidationResult } from '../../src/format/validation/types.ts';

/**
 * Prints what the content gate found, as `npm run check:content` and `npm run new` both report
 * it: the warnings, then either the problems (grouped by file) or one line counting what is valid.
 * Returns whether the content is valid.
 */
export function printGateResult(result: ValidationResult): boolean {
  const { warnings, counts, verdict } = gateVerdict(result);
  if (warnings) console.warn(warnings);
  if (counts) console.log(verdict);
  else console.error(verdict);
  return counts !== undefined;
}

/** What valid content holds, counted as the report says it. */
export interface ContentCounts {
  kim: number;
  stories: number;
  places: number;
  villages: number;
}

/** The gate's result as text: its warnings, and the one-line count or the problems grouped by file. */
export function gateVerdict(result: ValidationResult): { warnings: string; counts?: ContentCounts; verdict: string } {
  const warnings = result.warnings.length > 0 ? formatContentErrors(result.warnings, 'warning') : '';
  if (!result.ok) return { warnings, verdict: formatContentErrors(result.errors) };
  const { kim, stories, places, tree } = result.network;
  const counts = { kim: kim.length, stories: stories.length, places: places.length, villages: tree.roots().reduce((sum, r) => sum + r.villageCount, 0) };
  return { warnings, counts, verdict: `Konten valid: ${counts.kim} KIM, ${counts.stories} cerita, ${counts.places} potensi, ${counts.villages} desa/kelurahan dalam cakupan.` };
}
