/**
 * `npm run build:host` with real builds of a small network that leaves its preview images to the
 * build (`socialCards: auto`, the default): for a host that takes the site, one build with every
 * story's and place's own card; for a host whose file limit the own cards go over, a second build
 * that gives them their KIM's card and fits. (A host with a limit that small is made up: a fixture
 * of 20,000 files would take minutes. tests/integration/host-limits.test.ts plays the real
 * Cloudflare Pages limit on a planted build.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeHosts, type HostLimits } from '../../src/build/host-limits.ts';
import { measureSite } from '../../src/build/site-stats.ts';
import { buildForHost } from '../../scripts/lib/host-build.ts';
import { BASE_NETWORK, buildSite, cleanEnv, createFixture, PROJECT_ROOT, removeFixture, TEST_NOW } from '../helpers/fixture.ts';

let contentDir: string;
let outDir: string;
const env = () => ({
  ...cleanEnv(),
  JEMBATAN_CONTENT_DIR: contentDir,
  JEMBATAN_CACHE_DIR: `${contentDir}-cache`,
  JEMBATAN_NOW: TEST_NOW,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
});
const buildHost = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build-host.ts'), ...args], { cwd: PROJECT_ROOT, env: env(), encoding: 'utf8', timeout: 300_000 });
const previewOf = (page: string) => load(readFileSync(path.join(outDir, page, 'index.html'), 'utf8'))('meta[property="og:image"]').attr('content');
const cards = () => readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('pratinjau.jpg')).sort();

beforeAll(() => {
  contentDir = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001', sectors: ['wisata'] } } },
    stories: { 'kabar-dermaga': { data: { title: 'Kabar dari dermaga', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Ringkasan.', category: 'berita' }, body: 'Isi.' } },
    places: { dermaga: { data: { name: 'Dermaga Bontang Kuala', kind: 'wisata', region: '64.74.01.1001', kim: 'kim-bontang-kuala', summary: 'Dermaga kayu.' } } },
  });
  outDir = `${contentDir}-dist`;
});
afterAll(() => removeFixture(contentDir));

describe('npm run build:host', () => {
  it('builds once, with every story’s and place’s own card, for a host that takes the site', () => {
    const run = buildHost('--host', 'netlify', '--out', outDir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ Netlify: muat');
    expect(run.stdout).not.toContain('dibangun ulang');
    expect(previewOf('cerita/kabar-dermaga/')).toBe('https://uji.example.org/cerita/kabar-dermaga/pratinjau.jpg');
    expect(cards()).toContain('potensi/dermaga/pratinjau.jpg');
  }, 300_000);

  it('refuses a host it does not know and a preview mode it does not know, before building', () => {
    const host = buildHost('--host', 'vercel');
    expect(host.status).toBe(2);
    expect(host.stderr).toContain('--host harus salah satu dari github-pages, cloudflare-pages, netlify, bukan "vercel".');
    const mode = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build-host.ts'), '--host', 'netlify'], { cwd: PROJECT_ROOT, env: { ...env(), JEMBATAN_SOCIAL_CARDS: 'semua' }, encoding: 'utf8' });
    expect(mode.status).toBe(2);
    expect(mode.stderr).toContain('JEMBATAN_SOCIAL_CARDS="semua" tidak dikenal: tulis entries atau kim.');
  });

  it('builds again with the KIM’s card on stories and places when their own cards take the site over the host’s file limit', async () => {
    // The first test's site, or the same built here when this test runs alone.
    if (!existsSync(outDir)) expect((await buildSite(contentDir, { outDir })).code).toBe(0);
    const files = measureSite(outDir).files;
    // One file fewer than the site with its own cards: the two cards of the story and the place are what goes over.
    const host: HostLimits = { id: 'cloudflare-pages', name: 'Hosting uji', sources: [], files: files - 1 };
    const logs: string[] = [];
    const notes: string[] = [];
    const result = await buildForHost({
      host,
      setting: 'auto',
      override: null,
      outDir,
      build: async (extra) => {
        const built = await buildSite(contentDir, { env: extra, outDir });
        logs.push(built.output);
        return built.code ?? 1;
      },
      note: (message) => notes.push(message),
    });
    expect(result, logs.join('\n')).toEqual({ code: 0, builds: 2 });
    expect(notes[0]).toContain(`situs ini tidak muat di Hosting uji: ${files} berkas, batasnya ${files - 1} berkas per situs.`);
    expect(logs[1]).toContain('Gambar pratinjau: cerita dan potensi memakai gambar pratinjau KIM-nya (socialCards: auto, JEMBATAN_SOCIAL_CARDS=kim).');
    const kimCard = 'https://uji.example.org/kim/kim-bontang-kuala/pratinjau.jpg';
    expect(previewOf('cerita/kabar-dermaga/')).toBe(kimCard);
    expect(previewOf('potensi/dermaga/')).toBe(kimCard);
    expect(cards().filter((f) => f.startsWith('cerita/') || f.startsWith('potensi/'))).toEqual([]);
    expect(judgeHosts(measureSite(outDir), [host])[0]!.fits).toBe(true);
    // The press room tells journalists where the cards are now.
    const press = load(readFileSync(path.join(outDir, 'pers', 'index.html'), 'utf8'))('main').text();
    expect(press).toContain('Cerita dan potensi memakai kartu pratinjau KIM-nya.');
    expect(press).not.toContain('Setiap cerita, potensi, KIM dan wilayah punya kartu pratinjau sendiri');
  }, 300_000);
});
