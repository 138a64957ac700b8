/**
 * A network split into province shards must publish exactly the site one build would: the same
 * pages byte for byte, the same sitemap URLs, with one search index per province. Built as a CI
 * matrix (one job per shard, each in its own checkout, then a merge job), it must publish exactly
 * the one-machine sharded site.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/build/checks/index.ts';
import { compareTrees } from '../../src/build/checks/compare.ts';
import type { ShardPlan } from '../../src/build/shards/plan.ts';
import { checkoutCopy } from '../helpers/checkout.ts';
import { findLeaks } from '../helpers/published.ts';
import { photo } from '../helpers/photos.ts';
import { BASE_NETWORK, buildSite, createFixture, PROJECT_ROOT, removeFixture, type BuildResult } from '../helpers/fixture.ts';
import { buildSharded as runSharded } from '../helpers/sharded.ts';

let contentDir: string;

/** Runs `scripts/build-sharded.ts` in a project folder over the fixture, as CI would; never throws on a failed run. */
const buildSharded = (project: string, args: string[]) => runSharded(project, contentDir, args);

let work: string;
let single: BuildResult;
let sharded: { code: number | null; output: string; outDir: string };

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
const sitemapUrls = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^sitemap-.*\d+\.xml$/.test(f))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').match(/<loc>[^<]+<\/loc>/g) ?? [])
    .sort();

beforeAll(async () => {
  contentDir = createFixture({
    network: { ...BASE_NETWORK, scope: ['64.74', '64.02', '63.03'] },
    kim: {
      'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['kuliner'] } },
      'kim-banjar': { data: { name: 'KIM Banjar', village: '63.03.01.2001', sectors: ['wisata'], coordinates: { lat: -3.3, lng: 114.6 } } },
    },
    places: {
      'dermaga-bontang': { data: { name: 'Dermaga Bontang', kind: 'wisata', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Dermaga.', coordinates: { lat: 0.13, lng: 117.5 } } },
      'pasar-terapung': { data: { name: 'Pasar terapung', kind: 'kuliner', region: '63.03.01.2001', kim: 'kim-banjar', summary: 'Pasar di sungai.', coordinates: { lat: -3.28, lng: 114.59 } } },
    },
    stories: {
      'kunjungan-ke-banjar': {
        data: {
          title: 'Kunjungan ke pasar terapung',
          date: '2026-11-02',
          kim: 'kim-bontang-kuala',
          summary: 'Warga Bontang berkunjung.',
          category: 'kegiatan',
          places: ['pasar-terapung'],
          tags: ['pasar terapung', 'Sungai'],
          cover: { src: './foto/pasar.jpg', alt: 'Perahu di pasar terapung', credit: 'Tim KIM' },
        },
        body: 'Cerita lintas provinsi.',
      },
      'kabar-banjar': { data: { title: 'Kabar dari Banjar', date: '2026-11-03', kim: 'kim-banjar', summary: 'Kabar.', category: 'berita', places: ['dermaga-bontang'], tags: ['Pasar Terapung'] }, body: 'Isi.\n\n![Sungai pagi hari](./foto/sungai.jpg)' },
      'kabar-mdx': { ext: 'mdx', data: { title: 'Kabar MDX', date: '2026-11-04', kim: 'kim-banjar', summary: 'MDX.', category: 'berita', tags: ['sungai'] }, body: 'Isi **tebal**.\n\n<Gallery>\n\n![Dermaga](./foto/galeri.jpg)\n\n</Gallery>' },
      'draf-banjar': { data: { title: 'Draf dari Banjar', date: '2026-11-05', kim: 'kim-banjar', summary: 'Belum.', category: 'berita', draft: true, tags: ['rahasia'], cover: { src: './foto/draf.jpg', alt: 'Draf', credit: 'Tim KIM' } } },
    },
    files: Object.fromEntries(
      await Promise.all(
        ['pasar', 'sungai', 'galeri', 'draf'].map(async (name, i) => [`stories/foto/${name}.jpg`, await photo({ width: 900, height: 600, seed: i + 1 })]),
      ),
    ),
  });
  work = mkdtempSync(path.join(tmpdir(), 'jembatan-sharded-'));
  single = await buildSite(contentDir);
  if (single.code !== 0) throw new Error(single.output);
  const outDir = path.join(work, 'dist');
  // A low village limit splits Kalimantan Timur into two runs of regencies, as a large province would be.
  // Without the shard cache: every shard is built (tests/integration/shard-cache.test.ts has the cache).
  // Two at a time, as a maintainer's machine builds a large network.
  sharded = { ...(await buildSharded(PROJECT_ROOT, ['--out', outDir, '--work', path.join(work, 'shards'), '--shard-villages', '100', '--no-cache', '--jobs', '2'])), outDir };
  if (sharded.code !== 0) throw new Error(sharded.output);
}, 240_000);

afterAll(() => {
  removeFixture(contentDir);
  rmSync(work, { recursive: true, force: true });
});

describe('a network built in province shards', () => {
  it('splits into shards of at most the village limit, whole regencies each, plus the network pages', () => {
    expect(sharded.output).toContain('Jaringan dibagi menjadi 4 bagian: 3 bagian wilayah dari 2 provinsi dan halaman jaringan.');
  });

  it('builds two shards at once, neither waiting for the other to release the project folder', () => {
    const logs = readdirSync(path.join(work, 'shards'))
      .map((shard) => path.join(work, 'shards', shard, 'build.log'))
      .filter((log) => existsSync(log));
    expect(logs).toHaveLength(4);
    // What a build says when another build of the same Astro root holds it (src/build/root-lock.ts).
    for (const log of logs) expect(readFileSync(log, 'utf8')).not.toContain('Menunggu build lain');
  });

  it('publishes the same pages as a single build, byte for byte', () => {
    const pages = htmlFiles(single.outDir);
    expect(htmlFiles(sharded.outDir)).toEqual(pages);
    for (const page of pages) {
      const read = (dir: string) => readFileSync(path.join(dir, page), 'utf8');
      // The search page alone differs: it is told to merge the provinces' indexes.
      const normal = page === path.join('cari', 'index.html') ? read(single.outDir).replace('data-sharded="false"', 'data-sharded="true"') : read(single.outDir);
      expect(read(sharded.outDir), page).toBe(normal);
    }
  });

  it('publishes every other file of a single build too, byte for byte, and nothing more', () => {
    // Search indexes and sitemaps are split by shard on purpose (tested below); the rest is the same site.
    const sameSite = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => !f.endsWith('.html') && !f.startsWith(`pagefind${path.sep}`) && f !== 'pagefind' && !/^sitemap-.*\.xml$/.test(f) && statSync(path.join(dir, f)).isFile())
        .sort();
    const files = sameSite(single.outDir);
    expect(files).toEqual(expect.arrayContaining(['_headers', 'robots.txt', path.join('data', 'peta.geojson')]));
    expect(files.some((f) => f.startsWith(`_astro${path.sep}`))).toBe(true);
    expect(sameSite(sharded.outDir)).toEqual(files);
    for (const file of files) {
      expect(readFileSync(path.join(sharded.outDir, file)).equals(readFileSync(path.join(single.outDir, file))), file).toBe(true);
    }
  });

  it('builds the topic pages with the network pages, from stories of every shard, never a draft\'s topic', () => {
    const topic = (key: string) => path.join(sharded.outDir, 'cerita', 'topik', key, 'index.html');
    const listed = load(readFileSync(topic('pasar-terapung'), 'utf8'))('main .grid a[href^="/cerita/"]')
      .map((_, a) => a.attribs.href)
      .get();
    expect(new Set(listed)).toEqual(new Set(['/cerita/kunjungan-ke-banjar/', '/cerita/kabar-banjar/']));
    expect(existsSync(topic('sungai'))).toBe(true);
    expect(existsSync(topic('rahasia'))).toBe(false);
  });

  it('passes the site checks CI runs, merged, and publishes nothing of the draft', async () => {
    const { problems } = await checkSite(sharded.outDir);
    expect(problems).toEqual([]);
    expect(await findLeaks(sharded.outDir, contentDir)).toEqual({ metadata: [], unpublished: [] });
    // The draft and its photo never even reached a shard's content folder.
    expect(readdirSync(path.join(work, 'shards'), { recursive: true, encoding: 'utf8' }).filter((f) => /draf/.test(f))).toEqual([]);
  }, 60_000);

  it('lists the same URLs in its sitemaps, each once', () => {
    const urls = sitemapUrls(sharded.outDir);
    expect(urls).toEqual(sitemapUrls(single.outDir));
    expect(new Set(urls).size).toBe(urls.length);
    expect(readFileSync(path.join(sharded.outDir, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-63-0.xml');
    expect(readFileSync(path.join(sharded.outDir, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-64.74-64.74-0.xml');
  });

  it('keeps one search index per region shard, made after each shard\'s Astro process, and a router over them', () => {
    const { routes, ...list } = JSON.parse(readFileSync(path.join(sharded.outDir, 'pagefind/shards.json'), 'utf8')) as { routes: Record<string, string> };
    expect(list).toEqual({
      // The network shard indexes the guide, which no region shard does.
      guides: 'jaringan',
      shards: ['63', '64-64.02', '64.74-64.74'],
      // A search narrowed to one kabupaten/kota loads only the index that holds it.
      kabupaten: { 'Kabupaten Banjar': '63', 'Kabupaten Kutai Kartanegara': '64-64.02', 'Kota Bontang': '64.74-64.74' },
      // What the search page says it searched.
      labels: { '63': 'Kalimantan Selatan', '64-64.02': 'Kalimantan Timur: Kabupaten Kutai Kartanegara', '64.74-64.74': 'Kalimantan Timur: Kota Bontang' },
    });
    // One router record per shard (tests/browser/sharded-search.test.ts searches with it).
    expect(Object.values(routes).sort()).toEqual(['63', '64-64.02', '64.74-64.74', 'jaringan']);
    const router = readdirSync(path.join(sharded.outDir, 'pagefind/rute'));
    expect(router).toEqual(expect.arrayContaining(['pagefind-entry.json', 'index', 'wasm.id.pagefind']));
    // A router record is a whole shard's vocabulary, never shown: it is not published.
    expect(router).not.toContain('fragment');
    expect(sharded.output).toMatch(/Rute pencarian: 4 bagian, \d+ kata/);
    // The guide's index holds the guide alone: no listing or home page is searchable.
    expect(readFileSync(path.join(work, 'shards', 'jaringan', 'search.log'), 'utf8')).toMatch(/Indeks pencarian: 1 halaman/);
    expect(readdirSync(path.join(sharded.outDir, 'pagefind/jaringan'))).toContain('pagefind-entry.json');
    expect(readdirSync(path.join(sharded.outDir, 'pagefind/64.74-64.74'))).toContain('pagefind-entry.json');
    const log = readFileSync(path.join(work, 'shards', '64.74-64.74', 'build.log'), 'utf8');
    expect(log).not.toContain('Indeks pencarian');
    expect(readFileSync(path.join(work, 'shards', '64.74-64.74', 'search.log'), 'utf8')).toMatch(/Indeks pencarian: \d+ halaman/);
  });

  it('publishes one map file with the places and KIM of every shard, as a single build does', () => {
    const map = (dir: string) => readFileSync(path.join(dir, 'data', 'peta.geojson'), 'utf8');
    expect(JSON.parse(map(single.outDir)).features.map((f: { properties: { nama: string } }) => f.properties.nama)).toEqual([
      'Dermaga Bontang',
      'Pasar terapung',
      'KIM Banjar',
    ]);
    expect(map(sharded.outDir)).toBe(map(single.outDir));
  });
});

/**
 * The same network built as the GitHub Actions matrix builds it (.github/workflows/bangun-nasional.yml):
 * a plan job prints the shard plan, one job per shard builds it with --only in a checkout of its
 * own, only each shard's output travels on (as an artifact does), and a merge job in yet another
 * checkout merges them with --merge-only. The merged site must be the one-machine sharded build,
 * byte for byte, every file; and so (tests above) the single build's pages.
 */
describe('the same network built as a CI matrix, one job per shard in its own checkout', () => {
  let plan: ShardPlan;
  let matrixOut: string;
  let merge: { code: number | null; output: string };
  const jobLogs = new Map<string, { keys: string; build: string }>();
  const keys = new Map<string, string>();

  beforeAll(async () => {
    const matrix = path.join(work, 'matrix');
    const planned = await buildSharded(PROJECT_ROOT, ['--plan', '--shard-villages', '100']);
    if (planned.code !== 0) throw new Error(planned.output);
    plan = JSON.parse(planned.stdout) as ShardPlan;
    const artifacts = path.join(matrix, 'artifacts');
    for (const shard of plan.shards) {
      // A fresh runner: its own checkout, its own work folder; only the shard's output leaves it.
      const job = checkoutCopy(path.join(matrix, `job-${shard}`));
      // The job's key step validates and plans the whole network and prepares its shard; the shard
      // missed actions/cache, so the build step builds it from what the key step prepared, and
      // leaves storing it to actions/cache.
      const keyed = await buildSharded(job, ['--only', shard, '--work', 'bagian', '--shard-villages', '100', '--keys']);
      if (keyed.code !== 0) throw new Error(keyed.output);
      keys.set(shard, (JSON.parse(keyed.stdout) as Record<string, string>)[shard]!);
      const run = await buildSharded(job, ['--only', shard, '--work', 'bagian', '--no-cache', '--prepared']);
      if (run.code !== 0) throw new Error(run.output);
      jobLogs.set(shard, { keys: keyed.output, build: run.output });
      cpSync(path.join(job, 'bagian', shard, 'dist'), path.join(artifacts, shard), { recursive: true });
      rmSync(job, { recursive: true, force: true });
    }
    const mergeJob = checkoutCopy(path.join(matrix, 'job-merge'));
    mkdirSync(path.join(mergeJob, 'bagian'));
    writeFileSync(path.join(mergeJob, 'bagian', 'plan.json'), planned.stdout);
    for (const shard of plan.shards) cpSync(path.join(artifacts, shard), path.join(mergeJob, 'bagian', shard, 'dist'), { recursive: true });
    matrixOut = path.join(matrix, 'dist');
    merge = await buildSharded(mergeJob, ['--merge-only', '--work', 'bagian', '--out', matrixOut]);
    if (merge.code !== 0) throw new Error(merge.output);
  }, 300_000);

  it('takes its jobs from the plan --plan prints, the plan the one-machine build wrote', () => {
    expect(plan.shards).toEqual(['63', '64-64.02', '64.74-64.74', 'jaringan']);
    expect(plan).toEqual(JSON.parse(readFileSync(path.join(work, 'shards', 'plan.json'), 'utf8')));
  });

  it('prepares and builds in each job only the shard it names, validating the network once', () => {
    for (const [shard, log] of jobLogs) {
      expect(log.keys).toContain('konten diperiksa');
      expect(log.keys).toContain('1 bagian disiapkan; folder konten ditulis untuk 1 bagian yang akan dibangun.');
      expect(log.build).toContain('Memakai 1 bagian yang sudah disiapkan');
      // The build step reads the prepared shard: the network's content is not checked again.
      expect(log.build).not.toContain('konten diperiksa');
      expect(log.build).toMatch(new RegExp(`✓ \\[1/4\\] ${shard.replace(/\./g, '\\.')}: \\d+ halaman`));
    }
  });

  it('gives each job the key its shard has when the whole network is keyed at once', async () => {
    const whole = await buildSharded(PROJECT_ROOT, ['--keys', '--work', path.join(work, 'keys'), '--shard-villages', '100']);
    expect(whole.code, whole.output).toBe(0);
    expect(Object.fromEntries(keys)).toEqual(JSON.parse(whole.stdout));
  });

  it('refuses to build a shard no key step prepared', async () => {
    const job = checkoutCopy(path.join(work, 'matrix', 'job-unprepared'));
    const run = await buildSharded(job, ['--only', '63', '--work', 'bagian', '--no-cache', '--prepared']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Bagian 63 belum disiapkan di bagian: jalankan dulu build:sharded --only 63 --work bagian --keys.');
    rmSync(job, { recursive: true, force: true });
  });

  it('merges into the one-machine sharded site, every file byte for byte', () => {
    expect(compareTrees(sharded.outDir, matrixOut)).toEqual({ onlyBefore: [], onlyAfter: [], changed: [], renamed: [], same: expect.any(Number) });
    expect(compareTrees(sharded.outDir, matrixOut).same).toBeGreaterThan(100);
  });

  it('says after the merge which free hosts can take the site', () => {
    expect(merge.output).toContain('Situs ini bisa diterbitkan di GitHub Pages, Cloudflare Pages dan Netlify.');
  });
});
