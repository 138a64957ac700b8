/**
 * The content gate's checks over a whole network, in one pass: the configuration, every file
 * on its own (validation/entry.ts), every photo it names (validation/photos.ts), then what only
 * the whole network can tell (references, locations). It reports every problem it finds, so a
 * contributor fixes them in one round instead of one build per mistake.
 */
import type { CollectionName, KimData, PlaceData, StoryData } from './schemas/index.ts';
import { msg } from './messages.ts';
import { readNetworkConfig } from './validation/config.ts';
import { checkEntry, checkEntryName } from './validation/entry.ts';
import { checkAdvice } from './validation/advice.ts';
import { checkLocations } from './validation/locations.ts';
import { PhotoChecker } from './validation/photos.ts';
import { checkReferences } from './validation/references.ts';
import { Report } from './validation/report.ts';
import type { ContentFile, Entry, EntryFacts, FileFacts, Readable, RememberedFile, ValidationInput, ValidationResult, ValidNetwork } from './validation/types.ts';

/** Called with the facts of every file read in this run, for the gate cache to keep. */
export type RememberFacts = (file: ContentFile, facts: FileFacts) => void;

export function validateNetwork(input: ValidationInput, remember?: RememberFacts): ValidationResult;
/** Some files' facts remembered (format/gate-cache.ts): the network's entries know their facts but not their bodies. */
export function validateNetwork(input: ValidationInput<ContentFile | RememberedFile>, remember?: RememberFacts): ValidationResult<EntryFacts>;
export function validateNetwork(input: ValidationInput<ContentFile | RememberedFile>, remember?: RememberFacts): ValidationResult<EntryFacts> {
  const report = new Report();

  // Nothing but plain files and folders: a link could publish any file of the build machine or
  // hand the loader a file the gate never read.
  for (const { path, kind } of input.irregular ?? []) report.fail(path, null, msg.notRegular(kind === 'link' ? 'tautan simbolik (symbolic link)' : 'bukan berkas biasa'));
  for (const path of input.unread ?? []) report.warn(path, null, msg.unreadEntry);
  for (const path of input.gitAttributes ?? []) report.fail(path, null, msg.gitattributes);

  const network = readNetworkConfig(input.network, input.regions, report);

  const ids: Record<CollectionName, Map<string, string>> = { kim: new Map(), stories: new Map(), places: new Map() };
  const entries: Record<CollectionName, Entry<unknown, EntryFacts>[]> = { kim: [], stories: [], places: [] };
  // Every file whose frontmatter could be read, valid or not, so references are checked for all.
  const readable: Readable[] = [];
  const photos = new PhotoChecker(input.fileAt, report);
  for (const file of input.files) {
    if (!checkEntryName(file, ids, report)) continue;
    const checked = checkEntry(file, { now: input.now, photos, report });
    if (remember && !file.remembered) remember(file, checked.facts);
    if (checked.readable) readable.push(checked.readable);
    if (checked.entry) entries[file.collection].push(checked.entry);
  }

  // A photo nobody uses still sits in the public repository with its position.
  for (const photo of input.gpsPhotos ?? []) {
    if (!photos.gpsWarned.has(photo.path)) report.warn(photo.displayPath, null, msg.imageGps(photo.path.split('/').pop()!));
  }

  if (network) {
    const { config, tree } = network;
    checkReferences({ tree, scopeLabel: config.scope.join(', '), readable, ids, report });
    if (input.land) {
      const valid = new Set(Object.values(entries).flatMap((list) => list.map((e) => e.displayPath)));
      checkLocations({ tree, land: input.land, readable, valid, report });
    }
    checkAdvice({ config, kim: entries.kim as Entry<KimData, EntryFacts>[], places: entries.places as Entry<PlaceData, EntryFacts>[], now: input.now, report });
  }

  const { errors, warnings } = report;
  if (errors.length > 0 || !network) return { ok: false, errors, warnings };
  // The schemas of each collection made each list's data; the casts only restore what they said.
  const valid: ValidNetwork<EntryFacts> = {
    ...network,
    kim: entries.kim as Entry<KimData, EntryFacts>[],
    stories: entries.stories as Entry<StoryData, EntryFacts>[],
    places: entries.places as Entry<PlaceData, EntryFacts>[],
  };
  return { ok: true, network: valid, warnings };
}
