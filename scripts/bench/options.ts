/**
 * The benchmark's command line: which scales to build and how large a network to generate there.
 */
import { parseArgs } from 'node:util';
import { SOCIAL_CARD_MODES, type SocialCardMode } from '../../src/format/schemas/network.ts';
import { GENERATE_DEFAULTS } from './synthetic.ts';

/** The scales the issue names, smallest first; the order is also the order of the tables. */
export const SCALES = {
  kota: { scope: ['64.74'], label: 'Kota Bontang (64.74)' },
  kabupaten: { scope: ['64.02'], label: 'Kab. Kutai Kartanegara (64.02)' },
  provinsi: { scope: ['64'], label: 'Prov. Kalimantan Timur (64)' },
  nasional: { scope: ['ID'], label: 'Seluruh Indonesia (ID)' },
} as const;
/** A scale name as the command line takes it. */
export type ScaleName = keyof typeof SCALES;
const DEFAULT_SCALES: readonly ScaleName[] = ['kota', 'kabupaten', 'provinsi'];

export interface Options {
  scales: ScaleName[];
  kimShare: number;
  storiesPerKim: number;
  placesPerKim: number;
  coverShare: number;
  seed: number;
  keep: boolean;
  rebuild: boolean;
  /** The rebuild adds one new story to one KIM instead of changing one story's text. */
  newStory: boolean;
  /** Build with scripts/build-sharded.ts (province shards) instead of one `astro build`. */
  sharded: boolean;
  /** Villages per region shard of a sharded build, when not the build's default. */
  shardVillages?: number;
  /**
   * Build only the network shard and this many region shards spread over the plan, and estimate
   * the whole network from them (sample.ts); no rebuild.
   */
  sampleShards?: number;
  /** `socialCards` in the network's `network.yaml`: `kim` shares each KIM's preview with its stories and places. */
  socialCards: SocialCardMode;
  /** Rewrite bench/README.md from bench/results.json without building anything. */
  reportOnly: boolean;
}

export const USAGE =
  'Usage: node scripts/bench/run.ts [--scale kota|kabupaten|provinsi|nasional|all (comma-separated)] ' +
  '[--kim-share 0.33] [--stories 10] [--places 3] [--cover-share 0.1] [--seed 1] [--keep] [--no-rebuild] [--new-story] [--sharded] [--shard-villages 600] [--sample-shards 6] [--social-cards entries|kim] [--report-only]';

/** The options of a command line, or 'help' when it asks for the usage; throws on a bad value. */
export function parseOptions(args: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scale: { type: 'string' },
      'kim-share': { type: 'string' },
      stories: { type: 'string' },
      places: { type: 'string' },
      'cover-share': { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      'new-story': { type: 'boolean', default: false },
      sharded: { type: 'boolean', default: false },
      'shard-villages': { type: 'string' },
      'sample-shards': { type: 'string' },
      'social-cards': { type: 'string', default: 'entries' },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const number = (name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !ok(n)) throw new Error(`--${name}: invalid value "${raw}"`);
    return n;
  };
  const requested = (values.scale ?? DEFAULT_SCALES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const scales = requested.includes('all') ? (Object.keys(SCALES) as ScaleName[]) : requested;
  for (const scale of scales) if (!(scale in SCALES)) throw new Error(`--scale: unknown scale "${scale}"`);
  const socialCards = values['social-cards'];
  if (!(SOCIAL_CARD_MODES as readonly string[]).includes(socialCards)) throw new Error(`--social-cards: invalid value "${socialCards}"`);
  if (values['shard-villages'] !== undefined && !values.sharded) throw new Error('--shard-villages: only with --sharded');
  const sampling = values['sample-shards'] !== undefined;
  if (sampling && !values.sharded) throw new Error('--sample-shards: only with --sharded');
  if (sampling && values['new-story']) throw new Error('--sample-shards: a sample is not rebuilt; leave out --new-story');
  return {
    scales: scales as ScaleName[],
    kimShare: number('kim-share', values['kim-share'], GENERATE_DEFAULTS.kimShare, (n) => n > 0 && n <= 1),
    storiesPerKim: number('stories', values.stories, GENERATE_DEFAULTS.storiesPerKim, (n) => Number.isInteger(n) && n >= 0),
    placesPerKim: number('places', values.places, GENERATE_DEFAULTS.placesPerKim, (n) => Number.isInteger(n) && n >= 0),
    coverShare: number('cover-share', values['cover-share'], GENERATE_DEFAULTS.coverShare, (n) => n >= 0 && n <= 1),
    seed: number('seed', values.seed, GENERATE_DEFAULTS.seed, Number.isInteger),
    keep: values.keep,
    rebuild: !values['no-rebuild'] && !sampling,
    newStory: values['new-story'],
    sharded: values.sharded,
    ...(values['shard-villages'] !== undefined && { shardVillages: number('shard-villages', values['shard-villages'], 0, (n) => Number.isInteger(n) && n > 0) }),
    ...(sampling && { sampleShards: number('sample-shards', values['sample-shards'], 0, (n) => Number.isInteger(n) && n > 0) }),
    socialCards: socialCards as SocialCardMode,
    reportOnly: values['report-only'],
  };
}

/** The process's options: prints the usage and exits on --help (0) or a bad value (2). */
export function readOptions(): Options {
  let options: Options | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    process.exit(0);
  }
  return options;
}
