/**
 * References between entries (a story's KIM and places, a place's KIM) and to the official
 * region data, with the id that was probably meant when one is mistyped.
 */
import type { CollectionName } from '../schemas/index.ts';
import { isRegionCodeShape } from '../../domain/regions/codes.ts';
import type { RegionTree } from '../../domain/regions/tree.ts';
import { isSlug, slugify } from '../../domain/slug.ts';
import { msg } from '../messages.ts';
import { MAX_ID_LENGTH } from '../schemas/common.ts';
import type { Report } from './report.ts';
import type { Readable } from './types.ts';

/** A code or id as written, when it is text or a number YAML read from unquoted digits. */
export const asString = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** Wrong references of one check that get a "Maksud Anda …?". */
const MAX_SUGGESTIONS = 50;

/** The closest existing id to a mistyped reference, if one is close enough to be what was meant. */
export function suggestId(written: string, ids: Iterable<string>, prefix = ''): string | undefined {
  // No id is longer, and the comparison costs the square of the length.
  if (written.length > MAX_ID_LENGTH) return undefined;
  const slug = slugify(written);
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    if (id === slug || id === `${prefix}${slug}`) return id;
    const distance = editDistance(slug, id);
    if (distance <= Math.max(2, Math.floor(id.length / 6)) && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Checks the references of every readable file, valid or not, so one build reports everything.
 * `ids` holds every entry file's id (to its path) by collection, whether or not the entry itself is valid: a
 * reference to a file that exists but is broken is not reported twice.
 */
export function checkReferences({ tree, scopeLabel, readable, ids, report }: { tree: RegionTree; scopeLabel: string; readable: readonly Readable[]; ids: Record<CollectionName, ReadonlyMap<string, string>>; report: Report }): void {
  // Each suggestion compares the wrong id with every id of its collection: a file listing a
  // thousand wrong ids would hold the check for minutes. The first ones are where help is read.
  let suggestionsLeft = MAX_SUGGESTIONS;
  for (const { file, data } of readable) {
    const checkRegion = (field: string) => {
      const code = asString(data[field]);
      if (!code || !isRegionCodeShape(code)) return; // The schema reports a malformed code.
      const region = tree.get(code);
      if (!region) report.fail(file.displayPath, field, msg.regionUnknown(code));
      else if (!region.inScope) report.fail(file.displayPath, field, msg.regionOutOfScope(code, region.fullName, scopeLabel));
    };
    const checkReference = (collection: 'kim' | 'places', field: string, value: unknown) => {
      const id = asString(value);
      // An id longer than any file name has been reported by the schema.
      if (!id || id.length > MAX_ID_LENGTH || (isSlug(id) && ids[collection].has(id))) return;
      // Only for a reference that is wrong: comparing with every id is the slow part.
      const suggestion = suggestionsLeft-- > 0 ? suggestId(id, ids[collection].keys(), collection === 'kim' ? 'kim-' : '') : undefined;
      if (!isSlug(id)) {
        // The schema has said the id is malformed; say which one was meant when it is clear.
        const reported = report.errors.find((e) => e.file === file.displayPath && e.field === field);
        if (reported && suggestion) reported.message += msg.suggestion(suggestion);
        return;
      }
      const message = collection === 'kim' ? msg.kimUnknown(id) : msg.placeUnknown(id);
      report.fail(file.displayPath, field, suggestion ? message + msg.suggestion(suggestion) : message);
    };
    // A KIM's folder (`stories/kim-batuah/`) holds only that KIM's entries: the folder is what
    // CODEOWNERS gives the KIM's own reviewers, so an entry there must not speak for another KIM.
    const [, owner, ...rest] = file.path.split('/');
    if (file.collection !== 'kim' && owner && rest.length > 0 && ids.kim.has(owner) && asString(data.kim) !== owner) {
      report.fail(file.displayPath, 'kim', msg.kimFolder(`${file.path.split('/')[0]}/${owner}/`, owner, asString(data.kim)));
    }
    if (file.collection === 'kim') checkRegion('village');
    if (file.collection === 'places') {
      checkRegion('region');
      checkReference('kim', 'kim', data.kim);
    }
    if (file.collection === 'stories') {
      checkReference('kim', 'kim', data.kim);
      (Array.isArray(data.places) ? data.places : []).forEach((value, i) => checkReference('places', `places[${i}]`, value));
    }
  }
}
