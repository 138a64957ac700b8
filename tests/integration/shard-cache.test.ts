/**
 * A change rebuilds only what it touches (issue #12): a sharded build with the shard cache builds
 * each shard once, reuses it while its key is unchanged, and after one new story in one
 * kabupaten builds only that story's shard and the network shard. The merge into the site the
 * previous build made relinks only those shards' files, and publishes byte for byte the site a
 * clean build without the cache makes; a story removed disappears with its folder. A story dated
 * later is built on its day; a change of code invalidates every shard; and a CI job in another
 * checkout computes the same keys, so actions/cache finds the shard's output.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../src/build/checks/compare.ts';
import { checkoutCopy } from '../helpers/checkout.ts';
import { writeFileIn } from '../helpers/files.ts';
import { BASE_NETWORK, createFixture, PROJECT_ROOT, removeFixture } from '../helpers/fixture.ts';
import { photo } from '../helpers/photos.ts';
import { buildSharded, type ShardedRun } from '../helpers/sharded.ts';

const SHARDS = ['63', '64-64.02', '64.74-64.74', 'jaringan'];
/** The day after the tests' clock (TEST_NOW, 2026-12-01), when the story dated for it is published. */
const NEXT_DAY = '2026-12-02T12:00:00+08:00';

let contentDir: string;
let work: string;
let cacheDir: string;
type RunName = 'first' | 'again' | 'story' | 'clean' | 'nextDay' | 'removed' | 'removedFull';
/** The builds, in order, and the output folder of each. */
const runs: Record<RunName, ShardedRun & { outDir: string }> = {} as never;
/** The site in the folder that later builds merge into, compared right after a build (before the next changes it). */
const compared: Partial<Record<'againFirst' | 'storyClean' | 'removedFull', ReturnType<typeof compareTrees>>> = {};
/** A page only shard 64.74-64.74 writes, as the merged site holds it before and after the new story. */
const untouched: { before?: bigint; after?: bigint } = {};
const UNTOUCHED_PAGE = 'kim/kim-bontang-kuala/index.html';

/**
 * A sharded build of the fixture with the shard cache (or, for `clean`, without), into `into` (by
 * default a folder of its own, where the merge starts anew; the folder of an earlier build merges
 * into that build's site).
 */
async function build(name: RunName, { cache = true, env = {}, into = name }: { cache?: boolean; env?: Record<string, string>; into?: RunName } = {}): Promise<void> {
  const outDir = path.join(work, into);
  const caching = cache ? ['--cache', cacheDir] : ['--no-cache'];
  // A low village limit splits Kalimantan Timur into two runs of regencies, as a large province would be.
  const run = await buildSharded(PROJECT_ROOT, contentDir, ['--out', outDir, '--work', path.join(work, cache ? 'shards' : 'clean-shards'), '--shard-villages', '100', ...caching], env);
  if (run.code !== 0) throw new Error(run.output);
  runs[name] = { ...run, outDir };
}

/** The shards a run built and the ones it restored, from its log. */
function shardsOf(run: ShardedRun): { built: string[]; restored: string[] } {
  const built = [...run.output.matchAll(/✓ \[\d+\/\d+\] (\S+): \d+ halaman/g)].map((m) => m[1]!);
  const restored = [...run.output.matchAll(/✓ \[\d+\/\d+\] (\S+): dipakai ulang dari cache/g)].map((m) => m[1]!);
  return { built: built.sort(), restored: restored.sort() };
}

function writeStory(id: string, data: Record<string, unknown>): void {
  writeFileIn(contentDir, `stories/${id}.md`, `---\n${yaml.dump(data).trimEnd()}\n---\n\nIsi cerita.\n`);
}

beforeAll(async () => {
  contentDir = createFixture({
    network: { ...BASE_NETWORK, scope: ['64.74', '64.02', '63.03'] },
    kim: {
      'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['kuliner'] } },
      'kim-batuah': { data: { name: 'KIM Batuah', village: '64.02.03.2006', sectors: ['pertanian'] } },
      'kim-banjar': { data: { name: 'KIM Banjar', village: '63.03.01.2001', sectors: ['wisata'] } },
    },
    places: {
      'pasar-terapung': { data: { name: 'Pasar terapung', kind: 'kuliner', region: '63.03.01.2001', kim: 'kim-banjar', summary: 'Pasar di sungai.', coordinates: { lat: -3.28, lng: 114.59 } } },
    },
    stories: {
      'kabar-bontang': {
        data: { title: 'Kabar dari Bontang', date: '2026-11-02', kim: 'kim-bontang-kuala', summary: 'Kabar.', category: 'berita', cover: { src: './foto/dermaga.jpg', alt: 'Dermaga', credit: 'Tim KIM' } },
        body: 'Isi.',
      },
      'kabar-batuah': { data: { title: 'Kabar dari Batuah', date: '2026-11-03', kim: 'kim-batuah', summary: 'Kabar.', category: 'berita' }, body: 'Isi.' },
      'kabar-banjar': { data: { title: 'Kabar dari Banjar', date: '2026-11-04', kim: 'kim-banjar', summary: 'Kabar.', category: 'berita', places: ['pasar-terapung'] }, body: 'Isi.' },
      // Published the day after the tests' clock: in no shard's content until then.
      'panen-besok': { data: { title: 'Panen raya besok', date: '2026-12-02', kim: 'kim-banjar', summary: 'Besok.', category: 'kegiatan' }, body: 'Isi.' },
    },
    files: { 'stories/foto/dermaga.jpg': await photo({ width: 900, height: 600, seed: 7 }) },
  });
  // Committed, as a network's content is: git vouches for its files, and the gate cache skips them.
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@contoh.id', '-c', 'init.defaultBranch=main', ...args], { cwd: contentDir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'konten');
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-shard-cache-'));
  cacheDir = path.join(work, 'cache');
  const inode = () => statSync(path.join(work, 'again', UNTOUCHED_PAGE), { bigint: true }).ino;
  await build('first');
  await build('again');
  compared.againFirst = compareTrees(runs.first.outDir, runs.again.outDir);
  untouched.before = inode();
  // One new story in Kabupaten Banjar (shard 63), about no place elsewhere.
  writeStory('kabar-baru-banjar', { title: 'Kabar baru dari Banjar', date: '2026-11-30', kim: 'kim-banjar', summary: 'Baru.', category: 'berita' });
  await build('story', { into: 'again' });
  untouched.after = inode();
  await build('clean', { cache: false });
  compared.storyClean = compareTrees(runs.clean.outDir, runs.story.outDir);
  await build('nextDay', { env: { JEMBATAN_NOW: NEXT_DAY }, into: 'again' });
  // A story taken down: its shard and the network shard change, and its pages must go.
  rmSync(path.join(contentDir, 'stories', 'kabar-batuah.md'));
  await build('removed', { env: { JEMBATAN_NOW: NEXT_DAY }, into: 'again' });
  // Every shard from the cache, merged into an empty folder.
  await build('removedFull', { env: { JEMBATAN_NOW: NEXT_DAY } });
  compared.removedFull = compareTrees(runs.removedFull.outDir, runs.removed.outDir);
}, 600_000);

afterAll(() => {
  removeFixture(contentDir);
  rmSync(work, { recursive: true, force: true });
});

describe('a sharded build with the shard cache', () => {
  it('builds every shard the first time, and says why', () => {
    expect(shardsOf(runs.first)).toEqual({ built: [...SHARDS].sort(), restored: [] });
    expect(runs.first.output).toContain('0 dari 4 bagian dipakai ulang, 4 dibangun.');
    expect(runs.first.output).toContain('bagian 63 dibangun: belum ada di cache');
  });

  it('checks every file the first time, and the next time only the files git does not vouch for', () => {
    expect(runs.first.output).toMatch(/konten diperiksa: \d+ entri \([^)]*; 0 berkas diingat dari pemeriksaan sebelumnya, 8 dibaca\)/);
    expect(runs.again.output).toMatch(/8 berkas diingat dari pemeriksaan sebelumnya, 0 dibaca\)/);
    // The new story is not committed: read, though the other eight are not.
    expect(runs.story.output).toMatch(/8 berkas diingat dari pemeriksaan sebelumnya, 1 dibaca\)/);
    // A build without the cache reads every file; its site is the same byte for byte (below).
    expect(runs.clean.output).not.toContain('diingat dari pemeriksaan sebelumnya');
  });

  it('builds nothing when nothing changed, and publishes the same site', () => {
    expect(shardsOf(runs.again)).toEqual({ built: [], restored: [...SHARDS].sort() });
    expect(runs.again.output).toContain('4 dari 4 bagian dipakai ulang, 0 dibangun.');
    expect(compared.againFirst).toMatchObject({ onlyBefore: [], onlyAfter: [], changed: [], renamed: [] });
  });

  it('after one new story in one kabupaten, builds only its shard and the network shard, and restores the rest', () => {
    expect(shardsOf(runs.story)).toEqual({ built: ['63', 'jaringan'], restored: ['64-64.02', '64.74-64.74'] });
    // Its own dashboard counts the story too: the figures it is handed change with its content.
    expect(runs.story.output).toContain('bagian 63 dibangun: konten bagian dan angka jaringan berubah');
    // The network pages list the story and count it.
    expect(runs.story.output).toContain('bagian jaringan dibangun: konten bagian dan angka jaringan berubah');
    expect(readFileSync(path.join(runs.story.outDir, 'cerita/kabar-baru-banjar/index.html'), 'utf8')).toContain('Kabar baru dari Banjar');
    expect(readFileSync(path.join(runs.story.outDir, 'cerita/index.html'), 'utf8')).toContain('Kabar baru dari Banjar');
  });

  it('merges into the previous site only the shards that changed, leaving the others’ files alone', () => {
    expect(runs.story.output).toContain('2 dari 4 bagian berubah sejak penggabungan sebelumnya');
    expect(runs.again.output).toMatch(/\d+ berkas dari 4 bagian ditautkan ke folder situs yang baru/);
    expect(untouched.after).toBe(untouched.before);
  });

  it('publishes byte for byte the site a clean build of the changed content makes without the cache', () => {
    expect(shardsOf(runs.clean).built).toEqual([...SHARDS].sort());
    expect(compared.storyClean).toEqual({ onlyBefore: [], onlyAfter: [], changed: [], renamed: [], same: expect.any(Number) });
    expect(compared.storyClean!.same).toBeGreaterThan(100);
  });

  it('takes a removed story’s pages out of the previous site, as a merge from scratch would', () => {
    expect(shardsOf(runs.removed)).toEqual({ built: ['64-64.02', 'jaringan'], restored: ['63', '64.74-64.74'] });
    const site = runs.removed.outDir;
    expect(existsSync(path.join(site, 'cerita/kabar-batuah'))).toBe(false);
    expect(readFileSync(path.join(site, 'cerita/index.html'), 'utf8')).not.toContain('Kabar dari Batuah');
    expect(shardsOf(runs.removedFull).built, runs.removedFull.output).toEqual([]);
    expect(compared.removedFull).toEqual({ onlyBefore: [], onlyAfter: [], changed: [], renamed: [], same: expect.any(Number) });
  });

  it('builds a story dated later on its day, with its shard and the network shard', () => {
    expect(runs.story.output).not.toContain('Panen raya besok');
    expect(shardsOf(runs.nextDay)).toEqual({ built: ['63', 'jaringan'], restored: ['64-64.02', '64.74-64.74'] });
    expect(readFileSync(path.join(runs.nextDay.outDir, 'cerita/panen-besok/index.html'), 'utf8')).toContain('Panen raya besok');
  });
});

/**
 * CI looks each shard's output up in actions/cache by the key `--keys` prints, in a fresh checkout
 * on another machine (.github/workflows/bangun-nasional.yml): the same code and content must give
 * the same keys there, and a change of code must give every shard a new one.
 */
describe('shard keys in other checkouts of the project', () => {
  let keysHere: Record<string, string>;
  let keysThere: Record<string, string>;
  let keysChanged: Record<string, string>;
  let changedBuild: ShardedRun;

  beforeAll(async () => {
    const keys = async (project: string) => {
      const run = await buildSharded(project, contentDir, ['--keys', '--work', path.join(work, `keys-${path.basename(project)}`), '--shard-villages', '100']);
      if (run.code !== 0) throw new Error(run.output);
      return JSON.parse(run.stdout) as Record<string, string>;
    };
    keysHere = await keys(PROJECT_ROOT);
    keysThere = await keys(checkoutCopy(path.join(work, 'checkout')));
    const changed = checkoutCopy(path.join(work, 'checkout-changed'));
    // A change of code that changes no page: the key cannot know that, and must not guess.
    appendFileSync(path.join(changed, 'src/domain/urls.ts'), '\n// Perubahan kode.\n');
    keysChanged = await keys(changed);
    // At the clock of the latest build, so the code is all that changed since it.
    changedBuild = await buildSharded(changed, contentDir, ['--only', '63', '--work', path.join(work, 'changed-shards'), '--shard-villages', '100', '--cache', cacheDir], { JEMBATAN_NOW: NEXT_DAY });
    if (changedBuild.code !== 0) throw new Error(changedBuild.output);
  }, 300_000);

  it('prints one key per shard, as JSON on stdout', () => {
    expect(Object.keys(keysHere)).toEqual(SHARDS);
    for (const key of Object.values(keysHere)) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are the same in another checkout of the same code, over the same content', () => {
    expect(keysThere).toEqual(keysHere);
  });

  it('all change with a change of code, and the cache builds the shard again for it', () => {
    for (const shard of SHARDS) expect(keysChanged[shard], shard).not.toBe(keysHere[shard]);
    expect(changedBuild.output).toContain('bagian 63 dibangun: kode berubah');
  });
});
