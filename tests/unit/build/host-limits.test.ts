/**
 * Which free hosts can take a built site (src/build/host-limits.ts), judged from planted figures:
 * the demo's and the benchmark's kabupaten, province and national sites, and sites one byte or
 * one file over each documented limit.
 */
import { describe, expect, it } from 'vitest';
import { formatBytes, hostById, HOSTS, hostReport, judgeHosts, needsSharedPreviews, sharedPreviewsAdvice, type SiteStats } from '../../../src/build/host-limits.ts';

const MiB = 1024 * 1024;
const stats = (parts: Partial<SiteStats>): SiteStats => ({
  files: 1_000,
  bytes: 10_000_000,
  largest: { path: '_astro/foto.webp', bytes: 200_000 },
  fullestFolder: { path: '_astro', entries: 400 },
  ...parts,
});
const fitting = (s: SiteStats) => judgeHosts(s).filter((v) => v.fits).map((v) => v.host.id);

describe('the hosts and their documented limits', () => {
  it('lists GitHub Pages, Cloudflare Pages and Netlify, each with where its limits are written', () => {
    expect(HOSTS.map((h) => h.id)).toEqual(['github-pages', 'cloudflare-pages', 'netlify']);
    for (const host of HOSTS) expect(host.sources.every((url) => url.startsWith('https://'))).toBe(true);
    expect(hostById('cloudflare-pages')).toMatchObject({ files: 20_000, fileBytes: { bytes: 25 * MiB } });
    expect(hostById('github-pages')).toMatchObject({ siteBytes: { bytes: 1_000_000_000 } });
    expect(hostById('netlify')).toMatchObject({ folderEntries: 54_000 });
    expect(hostById('vercel')).toBeUndefined();
  });
});

describe('judgeHosts', () => {
  // Figures from bench/README.md (files, output MB), with the largest file and folder a build of that size has.
  it('fits the benchmark kabupaten on all three, and its province on all three with socialCards: kim', () => {
    expect(fitting(stats({ files: 5_755, bytes: 148_000_000, fullestFolder: { path: 'pagefind/fragment', entries: 1_344 } }))).toEqual(['github-pages', 'cloudflare-pages', 'netlify']);
    // Its own preview card for every story and place: more files than Cloudflare Pages' free plan takes.
    expect(fitting(stats({ files: 24_206, bytes: 600_000_000, fullestFolder: { path: 'pagefind/fragment', entries: 5_900 } }))).toEqual(['github-pages', 'netlify']);
    expect(fitting(stats({ files: 19_708, bytes: 362_000_000, fullestFolder: { path: 'pagefind/fragment', entries: 5_900 } }))).toEqual(['github-pages', 'cloudflare-pages', 'netlify']);
  });

  it('fits the national network on none of them: its stories alone are over 279,000 folders in cerita/', () => {
    const national = stats({ files: 1_790_000, bytes: 40_000_000_000, fullestFolder: { path: 'cerita', entries: 279_211 } });
    const verdicts = judgeHosts(national);
    expect(verdicts.map((v) => [v.host.id, v.problems.map((p) => p.limit)])).toEqual([
      ['github-pages', ['siteBytes']],
      ['cloudflare-pages', ['files']],
      ['netlify', ['folderEntries']],
    ]);
  });

  it('allows exactly the limit and refuses one more, for every limit', () => {
    const cf = hostById('cloudflare-pages')!;
    expect(judgeHosts(stats({ files: 20_000 }), [cf])[0]!.fits).toBe(true);
    expect(judgeHosts(stats({ files: 20_001 }), [cf])[0]!.problems).toEqual([{ limit: 'files', actual: 20_001, allowed: 20_000 }]);
    expect(judgeHosts(stats({ largest: { path: 'a.bin', bytes: 25 * MiB } }), [cf])[0]!.fits).toBe(true);
    expect(judgeHosts(stats({ largest: { path: 'a.bin', bytes: 25 * MiB + 1 } }), [cf])[0]!.problems).toEqual([{ limit: 'fileBytes', actual: 25 * MiB + 1, allowed: 25 * MiB, path: 'a.bin' }]);
    const gh = hostById('github-pages')!;
    expect(judgeHosts(stats({ bytes: 1e9 }), [gh])[0]!.fits).toBe(true);
    expect(judgeHosts(stats({ bytes: 1e9 + 1 }), [gh])[0]!.fits).toBe(false);
    const netlify = hostById('netlify')!;
    expect(judgeHosts(stats({ fullestFolder: { path: 'a', entries: 54_000 } }), [netlify])[0]!.fits).toBe(true);
    expect(judgeHosts(stats({ fullestFolder: { path: 'a', entries: 54_001 } }), [netlify])[0]!.fits).toBe(false);
    expect(judgeHosts(stats({ largest: { path: 'v.mp4', bytes: 10_000_001 } }), [netlify])[0]!.fits).toBe(false);
  });

  it('fits an empty site everywhere', () => {
    expect(fitting({ files: 0, bytes: 0, largest: null, fullestFolder: null })).toHaveLength(3);
  });
});

describe('hostReport', () => {
  it('says plainly that a small site fits everywhere, with how much of each limit it uses', () => {
    const report = hostReport(stats({ files: 3_545, bytes: 25_200_000 })).split('\n');
    expect(report[0]).toBe('Batas hosting gratis. Situs ini: 3.545 berkas; 25,2 MB; berkas terbesar 200 KB (_astro/foto.webp); folder _astro berisi 400 berkas dan subfolder.');
    expect(report[1]).toBe('  ✓ GitHub Pages: muat (25,2 MB dari 1 GB).');
    expect(report[2]).toBe('  ✓ Cloudflare Pages: muat (3.545 dari 20.000 berkas; berkas terbesar 200 KB dari 25 MiB).');
    expect(report[3]).toBe('  ✓ Netlify: muat (folder terpadat 400 dari 54.000 berkas dan subfolder; berkas terbesar 200 KB dari 10 MB).');
    expect(report[4]).toBe('Situs ini bisa diterbitkan di GitHub Pages, Cloudflare Pages dan Netlify.');
    expect(report[5]).toBe('Host limits: fits GitHub Pages, Cloudflare Pages, Netlify.');
  });

  it('names the hosts that cannot take a site, and why', () => {
    const report = hostReport(stats({ files: 20_001, largest: { path: 'unduh/besar.bin', bytes: 26 * MiB } })).split('\n');
    expect(report[2]).toBe('  ✗ Cloudflare Pages: tidak muat: 20.001 berkas, batasnya 20.000 berkas per situs; berkas unduh/besar.bin 27,3 MB, batasnya 25 MiB per berkas.');
    expect(report[3]).toBe('  ✗ Netlify: tidak muat: berkas unduh/besar.bin 27,3 MB, batasnya 10 MB per berkas.');
    expect(report[4]).toBe('Situs ini bisa diterbitkan di GitHub Pages; tidak di Cloudflare Pages maupun Netlify.');
    expect(report[5]).toBe('Host limits: fits GitHub Pages; too large for Cloudflare Pages (file count, file size), Netlify (file size).');
  });

  it('points to the way for larger networks when no host can take the site', () => {
    const report = hostReport(stats({ files: 1_049_412, bytes: 5_389_800_000, fullestFolder: { path: '.', entries: 60_000 } }));
    expect(report).toContain('  ✗ GitHub Pages: tidak muat: situs 5,4 GB, batasnya 1 GB per situs.');
    expect(report).toContain('  ✗ Netlify: tidak muat: folder utama berisi 60.000 berkas dan subfolder, batasnya 54.000 per folder.');
    expect(report).toContain('Tidak ada hosting gratis di atas yang bisa menampung situs ini. Lihat README, bagian "Jaringan besar di hosting gratis".');
    expect(report.split('\n').at(-1)).toBe(
      'Host limits: fits none of the free hosts; too large for GitHub Pages (site size), Cloudflare Pages (file count), Netlify (entries per folder).',
    );
  });
});

describe('formatBytes', () => {
  it('writes sizes in KB, MB and GB with a decimal comma', () => {
    expect(formatBytes(512)).toBe('0,5 KB');
    expect(formatBytes(25_200_000)).toBe('25,2 MB');
    expect(formatBytes(5_389_800_000)).toBe('5,4 GB');
  });
});

describe('sharedPreviewsAdvice', () => {
  const previews = { files: 4_499, bytes: 237_000_000 };
  const advice = (s: SiteStats) => sharedPreviewsAdvice(s, judgeHosts(s), previews);

  it('names the hosts the site would fit once stories and places share their KIM’s card', () => {
    const over = stats({ files: 24_000, bytes: 1_100_000_000 });
    expect(advice(over)).toBe(
      'Saran: dengan "socialCards: kim" di network.yaml, cerita dan potensi memakai gambar pratinjau KIM-nya, ' +
        'sehingga 4.499 berkas (237 MB) tidak dibuat dan situs ini juga muat di GitHub Pages dan Cloudflare Pages.',
    );
  });

  it('says nothing when every host fits, when sharing would win no host, or when there is nothing to share', () => {
    expect(advice(stats({}))).toBeUndefined();
    // The province of the bench: 20,402 files even without the entries' cards.
    expect(advice(stats({ files: 24_901, bytes: 602_000_000 }))).toBeUndefined();
    const over = stats({ files: 21_000 });
    expect(sharedPreviewsAdvice(over, judgeHosts(over), { files: 0, bytes: 0 })).toBeUndefined();
    // A file too large stays too large: the cards are never the largest file.
    const big = stats({ files: 21_000, largest: { path: 'data/cerita.json', bytes: 30 * MiB } });
    expect(advice(big)).toBeUndefined();
  });
});

describe('needsSharedPreviews', () => {
  // The benchmark province at ac4c941 (bench/README.md): 24,206 files and 600 MB with its 4,498
  // stories' and places' own cards, 19,708 files and 362 MB without them.
  const province = stats({ files: 24_206, bytes: 600_000_000, fullestFolder: { path: 'pagefind/fragment', entries: 5_883 } });
  const cards = { files: 4_498, bytes: 238_000_000 };
  const cloudflare = hostById('cloudflare-pages')!;

  it('builds the benchmark province again with KIM cards for Cloudflare Pages, the one host that refuses it', () => {
    expect(needsSharedPreviews(province, cloudflare, cards, 'auto')).toBe(true);
    expect(needsSharedPreviews(province, hostById('github-pages')!, cards, 'auto')).toBe(false);
    expect(needsSharedPreviews(province, hostById('netlify')!, cards, 'auto')).toBe(false);
  });

  it('shares them for GitHub Pages when the cards\' bytes are what take a site over 1 GB', () => {
    const heavy = stats({ files: 40_000, bytes: 1_150_000_000 });
    expect(needsSharedPreviews(heavy, hostById('github-pages')!, { files: 8_000, bytes: 420_000_000 }, 'auto')).toBe(true);
    expect(needsSharedPreviews(heavy, hostById('github-pages')!, { files: 8_000, bytes: 100_000_000 }, 'auto')).toBe(false);
  });

  it('keeps a network\'s own choice, and never rebuilds for nothing', () => {
    expect(needsSharedPreviews(province, cloudflare, cards, 'entries')).toBe(false);
    expect(needsSharedPreviews(province, cloudflare, cards, 'kim')).toBe(false);
    // Too many files even without the cards: a second build would not make it fit.
    expect(needsSharedPreviews(stats({ files: 24_901 }), cloudflare, cards, 'auto')).toBe(false);
    expect(needsSharedPreviews(stats({ files: 21_000 }), cloudflare, { files: 0, bytes: 0 }, 'auto')).toBe(false);
    // A file over 25 MiB stays over: cards are never the largest file.
    expect(needsSharedPreviews(stats({ files: 21_000, largest: { path: 'data/cerita.json', bytes: 30 * MiB } }), cloudflare, cards, 'auto')).toBe(false);
  });
});
