/**
 * The host-limit report on a planted over-limit site: a valid page, 20,001 tiny files and one
 * 26 MiB file (sparse, so the test writes almost nothing). Cloudflare Pages' free plan takes
 * 20,000 files and 25 MiB per file, Netlify's CDN 10 MB per file; GitHub Pages takes 1 GB. And
 * the build for a host (`npm run build:host`) on a planted build its stories' own previews take
 * over Cloudflare's file count; tests/integration/build-host.test.ts runs it with real builds.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostById, hostReport, judgeHosts } from '../../src/build/host-limits.ts';
import { measureEntryPreviews, measureSite } from '../../src/build/site-stats.ts';
import type { SocialCardMode, SocialCardSetting } from '../../src/format/schemas/network.ts';
import { buildForHost } from '../../scripts/lib/host-build.ts';
import { page } from '../helpers/built-page.ts';
import { writeTree } from '../helpers/files.ts';
import { cleanEnv, PROJECT_ROOT } from '../helpers/fixture.ts';

const MiB = 1024 * 1024;
let dist: string;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'jembatan-hosting-'));
  writeTree(dist, { 'index.html': page('<h1>Beranda</h1>'), '_astro/gaya.css': 'body{margin:0}' });
  mkdirSync(path.join(dist, 'unduh'));
  for (let i = 0; i < 20_001; i++) writeFileSync(path.join(dist, 'unduh', `${i}.txt`), 'x');
  const big = path.join(dist, 'unduh', 'besar.bin');
  closeSync(openSync(big, 'w'));
  truncateSync(big, 26 * MiB);
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

const checkSite = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check-site.ts'), dist, ...args], { cwd: PROJECT_ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });

describe('a site over Cloudflare Pages\' limits', () => {
  it('is measured as hosts count it', () => {
    expect(measureSite(dist)).toEqual({
      files: 20_004,
      bytes: 20_001 + 26 * MiB + Buffer.byteLength(page('<h1>Beranda</h1>')) + 'body{margin:0}'.length,
      largest: { path: 'unduh/besar.bin', bytes: 26 * MiB },
      fullestFolder: { path: 'unduh', entries: 20_002 },
    });
  });

  it('is reported as too large for Cloudflare Pages and Netlify, saying why, and as fitting GitHub Pages', () => {
    const stats = measureSite(dist);
    expect(judgeHosts(stats).map((v) => [v.host.name, v.fits])).toEqual([
      ['GitHub Pages', true],
      ['Cloudflare Pages', false],
      ['Netlify', false],
    ]);
    const report = hostReport(stats);
    expect(report).toContain('  ✗ Cloudflare Pages: tidak muat: 20.004 berkas, batasnya 20.000 berkas per situs; berkas unduh/besar.bin 27,3 MB, batasnya 25 MiB per berkas.');
    expect(report).toContain('Situs ini bisa diterbitkan di GitHub Pages; tidak di Cloudflare Pages maupun Netlify.');
  });

  it('is reported by check:site, which fails only for the host a deploy names', () => {
    const plain = checkSite();
    expect(plain.stdout).toContain('  ✗ Cloudflare Pages: tidak muat: 20.004 berkas');
    expect(plain.status, plain.stdout + plain.stderr).toBe(0);
    const cloudflare = checkSite('--host', 'cloudflare-pages');
    expect(cloudflare.status).toBe(1);
    expect(cloudflare.stderr).toContain('Situs ini melampaui batas Cloudflare Pages (lihat di atas): tidak bisa diterbitkan di sana.');
    expect(checkSite('--host', 'github-pages').status).toBe(0);
    expect(checkSite('--host', 'vercel').status).toBe(2);
  }, 120_000);
});

describe('a site over Cloudflare Pages\' file count by its stories\' and places\' own previews', () => {
  let previews: string;
  beforeAll(() => {
    previews = mkdtempSync(path.join(tmpdir(), 'jembatan-pratinjau-'));
    writeTree(previews, { 'index.html': page('<h1>Beranda</h1>'), 'pratinjau.jpg': 'x', 'kim/kim-a/pratinjau.jpg': 'x', 'wilayah/kota-a/pratinjau.jpg': 'x' });
    for (let i = 0; i < 20; i++) writeTree(previews, { [`cerita/kabar-${i}/pratinjau.jpg`]: 'xx', [`potensi/tempat-${i}/pratinjau.jpg`]: 'xx' });
    mkdirSync(path.join(previews, 'unduh'));
    for (let i = 0; i < 19_980; i++) writeFileSync(path.join(previews, 'unduh', `${i}.txt`), 'x');
  });
  afterAll(() => rmSync(previews, { recursive: true, force: true }));

  it('counts only the stories\' and places\' cards as what sharing would leave out', () => {
    expect(measureEntryPreviews(previews)).toEqual({ files: 40, bytes: 80 });
  });

  it('gets the advice from check:site', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check-site.ts'), previews], { cwd: PROJECT_ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toContain('  ✗ Cloudflare Pages: tidak muat: 20.024 berkas');
    expect(run.stdout).toContain('Saran: dengan "socialCards: kim" di network.yaml, cerita dan potensi memakai gambar pratinjau KIM-nya, sehingga 40 berkas (0,1 KB)');
    expect(run.stdout).toContain('situs ini juga muat di Cloudflare Pages.');
  }, 120_000);
});

describe('a build for Cloudflare Pages that its stories\' and places\' own previews take over the limit', () => {
  let out: string;
  // A planted build: 19,980 files, a card per KIM, area and the network, and the own card of
  // 20 stories and 20 places unless the build is asked for the KIM's (20,024 files or 19,984).
  const builds: Record<string, string>[] = [];
  const build = async (env: Record<string, string>) => {
    builds.push(env);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(path.join(out, 'unduh'), { recursive: true });
    writeTree(out, { 'index.html': page('<h1>Beranda</h1>'), 'pratinjau.jpg': 'x', 'kim/kim-a/pratinjau.jpg': 'x', 'wilayah/kota-a/pratinjau.jpg': 'x' });
    if (env.JEMBATAN_SOCIAL_CARDS !== 'kim') for (let i = 0; i < 20; i++) writeTree(out, { [`cerita/kabar-${i}/pratinjau.jpg`]: 'xx', [`potensi/tempat-${i}/pratinjau.jpg`]: 'xx' });
    for (let i = 0; i < 19_980; i++) writeFileSync(path.join(out, 'unduh', `${i}.txt`), 'x');
    return 0;
  };
  const notes: string[] = [];
  const hostBuild = (setting: SocialCardSetting, override: SocialCardMode | null = null) => {
    builds.length = 0;
    notes.length = 0;
    return buildForHost({ host: hostById('cloudflare-pages')!, setting, override, outDir: out, build, note: (n) => notes.push(n) });
  };
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'jembatan-hostbuild-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is built again with the KIM\'s previews when network.yaml leaves it to the build, and then fits', async () => {
    expect(await hostBuild('auto')).toEqual({ code: 0, builds: 2 });
    expect(builds).toEqual([{}, { JEMBATAN_SOCIAL_CARDS: 'kim' }]);
    expect(notes).toEqual([
      'Dengan gambar pratinjau sendiri untuk setiap cerita dan potensi, situs ini tidak muat di Cloudflare Pages: 20.024 berkas, batasnya 20.000 berkas per situs. ' +
        'Karena network.yaml memakai "socialCards: auto", situs dibangun ulang dengan gambar pratinjau KIM untuk cerita dan potensinya: 40 berkas (0,1 KB) lebih sedikit. ' +
        'Tulis "socialCards: kim" di network.yaml agar build pertama ini tidak perlu lagi.',
    ]);
    expect(judgeHosts(measureSite(out), [hostById('cloudflare-pages')!])[0]!.fits).toBe(true);
  }, 120_000);

  it('keeps the own previews a network chose: one build, left too large for the host (check:site --host then stops the deploy)', async () => {
    expect(await hostBuild('entries')).toEqual({ code: 0, builds: 1 });
    expect(notes).toEqual([]);
    expect(measureEntryPreviews(out).files).toBe(40);
    expect(judgeHosts(measureSite(out), [hostById('cloudflare-pages')!])[0]!.fits).toBe(false);
  }, 120_000);

  it('keeps the own previews the environment asks for (JEMBATAN_SOCIAL_CARDS=entries), even for an "auto" network', async () => {
    expect(await hostBuild('auto', 'entries')).toEqual({ code: 0, builds: 1 });
    expect(notes).toEqual([]);
    expect(measureEntryPreviews(out).files).toBe(40);
  }, 120_000);
});
