/**
 * `npm run new` from start to finish, without a terminal (as a script or CI runs it): a KIM, a
 * story and a place added to a network written from scratch, the content check passing, and the
 * real build giving each new entry its page.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, cleanEnv, createFixture, PROJECT_ROOT, removeFixture, TEST_NOW, type BuildResult } from '../helpers/fixture.ts';

let contentDir: string;
let build: BuildResult;
const added = {} as Record<'kim' | 'story' | 'place', SpawnSyncReturns<string>>;

/** Runs a command of scripts/ on the fixture, with stdin not a terminal. */
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: '',
    env: { ...cleanEnv(), JEMBATAN_NOW: TEST_NOW, NO_COLOR: '1' },
    timeout: 60_000,
  });

const STORY_TITLE = 'Kabar "Api-api": #1 kampung';

function page(urlPath: string): CheerioAPI {
  return load(readFileSync(path.join(build.outDir, urlPath, 'index.html'), 'utf8'));
}

beforeAll(async () => {
  contentDir = createFixture({
    network: BASE_NETWORK,
    kim: { 'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: '64.74.01.1001' }, body: 'Tentang KIM Bontang Kuala.' } },
  });
  added.kim = run('new.ts', 'kim', '--name', 'KIM Api-api', '--village', 'Api-api', '--content', contentDir);
  added.story = run('new.ts', 'cerita', '--title', STORY_TITLE, '--kim', 'kim-api-api', '--summary', 'Warga membersihkan jalan titian bersama.', '--category', 'kegiatan', '--content', contentDir);
  added.place = run('new.ts', 'potensi', '--name', 'Dermaga Bontang Kuala', '--kind', 'wisata', '--village', 'kelurahan bontang kuala', '--summary', 'Dermaga kayu di kampung atas air.', '--kim', 'kim-bontang-kuala', '--content', contentDir);
  build = await buildSite(contentDir);
}, 300_000);

afterAll(() => removeFixture(contentDir));

describe('npm run new without a terminal', () => {
  it('writes a KIM, a story and a place, checks the content and gives each page address', () => {
    for (const [kind, result] of Object.entries(added)) expect(result.status, `${kind}:\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(added.kim.stdout).toContain('Desa/kelurahan: Api-api — Kec. Bontang Utara, Kota Bontang (64.74.01.1006)');
    expect(added.kim.stdout).toContain(`Ditulis: ${path.join(contentDir, 'kim', 'kim-api-api.md')}`);
    expect(added.kim.stdout).toContain('Konten valid: 2 KIM, 0 cerita, 0 potensi, 15 desa/kelurahan dalam cakupan.');
    expect(added.kim.stdout).toContain('Alamat halamannya: https://uji.example.org/kim/kim-api-api/');
    expect(added.story.stdout).toContain('Alamat halamannya: https://uji.example.org/cerita/kabar-api-api-1-kampung/');
    expect(added.place.stdout).toContain('Konten valid: 2 KIM, 1 cerita, 1 potensi, 15 desa/kelurahan dalam cakupan.');
    expect(added.place.stdout).toContain('Alamat halamannya: https://uji.example.org/potensi/dermaga-bontang-kuala/');
  });

  it('dates the story today in Kota Bontang (WITA) and stores the village as its code', () => {
    const story = readFileSync(path.join(contentDir, 'stories', 'kim-api-api', 'kabar-api-api-1-kampung.md'), 'utf8');
    expect(story).toContain('\ndate: 2026-12-01\n');
    expect(story).toContain(`\ntitle: ${JSON.stringify(STORY_TITLE)}\n`);
    expect(readFileSync(path.join(contentDir, 'places', 'kim-bontang-kuala', 'dermaga-bontang-kuala.md'), 'utf8')).toContain('\nregion: "64.74.01.1001" # Bontang Kuala — Kec. Bontang Utara, Kota Bontang\n');
  });

  it('leaves content the content check accepts', () => {
    const check = run('check-content.ts', contentDir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('Konten valid: 2 KIM, 1 cerita, 1 potensi');
  });

  it('refuses a village name several villages share, listing them, and writes nothing', () => {
    const before = readdirSync(path.join(contentDir, 'kim'));
    const result = run('new.ts', 'kim', '--name', 'KIM Tanjung', '--village', 'Tanjung', '--content', contentDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('   1. Tanjung Laut — Kec. Bontang Selatan, Kota Bontang  (64.74.02.1001)');
    expect(result.stderr).toContain('   2. Tanjung Laut Indah — Kec. Bontang Selatan, Kota Bontang  (64.74.02.1006)');
    expect(readdirSync(path.join(contentDir, 'kim'))).toEqual(before);
  });

  it('refuses to write over an entry of the same name', () => {
    const result = run('new.ts', 'kim', '--name', 'KIM Api-api', '--village', '64.74.01.1006', '--content', contentDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`--id: nama berkas "kim-api-api" sudah dipakai oleh ${path.join(contentDir, 'kim', 'kim-api-api.md')}.`);
  });
});

describe('the built site with the new entries', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it("gives the new KIM its profile, and lists it on its village's page", () => {
    expect(page('kim/kim-api-api')('h1').text()).toBe('KIM Api-api');
    const village = page('wilayah/kota-bontang/bontang-utara/api-api');
    expect(village('.card h3 a').map((_, a) => village(a).text()).get()).toContain('KIM Api-api');
  });

  it('gives the new story its page with the title exactly as typed, published by the new KIM', () => {
    const $ = page('cerita/kabar-api-api-1-kampung');
    expect($('h1').text()).toBe(STORY_TITLE);
    expect($('article a[href="/kim/kim-api-api/"]').length).toBeGreaterThan(0);
    expect(page('kim/kim-api-api')('main').text()).toContain(STORY_TITLE);
  });

  it('gives the new place its page', () => {
    const $ = page('potensi/dermaga-bontang-kuala');
    expect($('h1').text()).toBe('Dermaga Bontang Kuala');
    expect($('main').text()).toContain('Dermaga kayu di kampung atas air.');
    expect(existsSync(path.join(build.outDir, 'potensi', 'jenis', 'wisata', 'index.html'))).toBe(true);
  });
});
