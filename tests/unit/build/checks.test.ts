/**
 * The built-site checks over tiny `dist/` folders written by hand: a few HTML pages and images
 * made with sharp, each with one planted problem, so every check is seen both passing and failing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkImageMetadata,
  checkLinks,
  checkPublicDir,
  checkSite,
  formatSiteProblems,
  normalizeBase,
  srcsetUrls,
  validateHtml,
  type SiteProblem,
} from '../../../src/build/checks/index.ts';
import { PROJECT_ROOT } from '../../helpers/fixture.ts';
import { page } from '../../helpers/built-page.ts';
import { writeTree } from '../../helpers/files.ts';

const folders: string[] = [];

/** Writes a built-site folder from scratch and returns its path. */
function writeDist(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-dist-'));
  folders.push(dir);
  writeTree(dir, files);
  return dir;
}

const square = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f766e' } });
let strippedJpeg: Buffer;
let iccOnlyPng: Buffer;
let exifJpeg: Buffer;
let gpsJpeg: Buffer;

/** A site that passes every check: root-relative, relative, query, fragment, srcset, %-escaped and external links. */
function cleanSite(): Record<string, string | Uint8Array> {
  return {
    'index.html': page(
      '<h1>Beranda</h1>' +
        '<p><a href="/">Beranda</a> <a href="/kim/">KIM</a> <a href="kim/">KIM relatif</a> ' +
        '<a href="/kim/?halaman=2#daftar">Daftar KIM</a> <a href="/kim/index.html">Berkas</a> ' +
        '<a href="https://wa.me/6281234567890">WhatsApp</a> <a href="mailto:kim@contoh.id">Surel</a> ' +
        '<a href="tel:+6281234567890">Telepon</a> <a href="//cdn.example.org/x.js">CDN</a> <a href="#">Atas</a></p>' +
        '<picture><source srcset="/foto/dermaga%20kecil.png 1x, /foto/dermaga.jpg 2x" type="image/png">' +
        '<img src="/foto/dermaga.jpg" srcset="/foto/dermaga.jpg 800w" sizes="100vw" alt="Dermaga" width="8" height="8"></picture>',
    ),
    'kim/index.html': page('<h1 id="daftar">Daftar KIM</h1><p><a href="../">Kembali</a> <a href="/404.html">Hilang</a></p>'),
    '404.html': page('<h1>Halaman tidak ditemukan</h1><p><a href="/">Beranda</a></p>'),
    '_astro/gaya.css': 'body { margin: 0; }',
    'foto/dermaga.jpg': strippedJpeg,
    'foto/dermaga kecil.png': iccOnlyPng,
  };
}

const messages = (problems: readonly SiteProblem[]) => problems.map((p) => `${p.file} [${p.check}] ${p.message}`);

beforeAll(async () => {
  strippedJpeg = await square().jpeg().toBuffer();
  iccOnlyPng = await square().png().withIccProfile('srgb').toBuffer();
  exifJpeg = await square().jpeg().withExif({ IFD0: { Copyright: 'Warga Bontang Kuala', Make: 'KameraHP' } }).toBuffer();
  // IFD3 is the GPS section in sharp's (libvips') numbering.
  gpsJpeg = await square()
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' } })
    .toBuffer();
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('checkSite', () => {
  it('finds nothing wrong in a clean site', async () => {
    expect(messages((await checkSite(writeDist(cleanSite()))).problems)).toEqual([]);
  });

  it('finds nothing wrong in a clean site served from a base folder', async () => {
    const dist = writeDist({
      'index.html': page('<h1>Beranda</h1><p><a href="/jembatan/kim/">KIM</a> <a href="/jembatan">Beranda</a></p>', '/jembatan/'),
      'kim/index.html': page('<h1>KIM</h1><p><a href="../">Kembali</a></p>', '/jembatan/'),
      '_astro/gaya.css': '',
    });
    expect(messages((await checkSite(dist, { base: '/jembatan/' })).problems)).toEqual([]);
  });
});

describe('checkLinks', () => {
  it('reports a link to a page that was not built, with the page and the href', () => {
    const site = cleanSite();
    site['kim/index.html'] = page('<h1 id="daftar">KIM</h1><p><a href="/kim/kim-hilang/">KIM yang hilang</a></p>');
    expect(checkLinks(writeDist(site))).toEqual([
      {
        file: 'kim/index.html',
        check: 'link',
        message: '<a href="/kim/kim-hilang/">: halaman atau berkas "kim/kim-hilang/index.html" tidak ada di hasil build.',
      },
    ]);
  });

  it('reports a missing image in a srcset and a missing script', () => {
    const site = cleanSite();
    site['kim/index.html'] = page(
      '<h1 id="daftar">KIM</h1><img src="/foto/dermaga.jpg" srcset="/foto/dermaga.jpg 1x, /foto/besar.jpg 2x" alt="Dermaga"><script src="/_astro/hilang.js"></script>',
    );
    expect(messages(checkLinks(writeDist(site)))).toEqual([
      expect.stringContaining('<img srcset="/foto/besar.jpg">'),
      expect.stringContaining('<script src="/_astro/hilang.js">'),
    ]);
  });

  it('reports a root-relative link that misses the base folder, which would 404 on GitHub Pages', () => {
    const dist = writeDist({
      'index.html': page('<h1>Beranda</h1><p><a href="/kim/">KIM</a></p>', '/jembatan/'),
      'kim/index.html': page('<h1>KIM</h1>', '/jembatan/'),
      '_astro/gaya.css': '',
    });
    const problems = checkLinks(dist, '/jembatan/');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'index.html', check: 'link' });
    expect(problems[0]?.message).toContain('<a href="/kim/">');
    expect(problems[0]?.message).toContain('"/jembatan/"');
  });

  it('reports a relative link that climbs out of the base folder', () => {
    const dist = writeDist({ 'index.html': page('<h1>Beranda</h1><p><a href="../lain/">Lain</a></p>', '/jembatan/'), '_astro/gaya.css': '' });
    expect(messages(checkLinks(dist, 'jembatan'))).toEqual([expect.stringContaining('ke luar folder situs "/jembatan/"')]);
  });

  it('reports a link to a folder without its trailing slash, saying how to write it', () => {
    const site = cleanSite();
    site['404.html'] = page('<h1>Tidak ada</h1><p><a href="/kim#daftar">KIM</a></p>');
    expect(messages(checkLinks(writeDist(site)))).toEqual([expect.stringContaining('tulis "/kim/#daftar"')]);
  });

  it('reports a fragment without a matching id, on the same page and on another page', () => {
    const site = cleanSite();
    site['404.html'] = page('<h1>Tidak ada</h1><p><a href="#tidak-ada">Lompat</a> <a href="/kim/#hilang">KIM</a></p>');
    expect(messages(checkLinks(writeDist(site)))).toEqual([
      '404.html [link] <a href="#tidak-ada">: tidak ada elemen dengan id "tidak-ada" di halaman ini.',
      '404.html [link] <a href="/kim/#hilang">: tidak ada elemen dengan id "hilang" di halaman "kim/index.html".',
    ]);
  });

  it('reports a skip link whose target is gone', () => {
    const site = cleanSite();
    site['404.html'] = page('<h1>Tidak ada</h1>').replace('<main id="isi">', '<main>');
    expect(messages(checkLinks(writeDist(site)))).toEqual([expect.stringContaining('<a href="#isi">')]);
  });
});

describe('validateHtml', () => {
  it('reports a duplicate id, an unclosed element and an image without alt, naming the rule', async () => {
    const site = cleanSite();
    site['rusak.html'] = page(
      '<h1 id="judul">Rusak</h1><p id="judul">Teks</p><img src="/foto/dermaga.jpg"><section><span>Terbuka</section>',
    );
    const problems = await validateHtml(writeDist(site));
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['rusak.html']));
    const text = messages(problems).join('\n');
    expect(text).toContain('aturan no-dup-id');
    expect(text).toContain('aturan close-order');
    expect(text).toContain('aturan wcag/h37');
    expect(text).toContain('«<img src="/foto/dermaga.jpg">');
  });

  it('finds the same problems when a site is validated in worker threads, whatever their number', async () => {
    // Broken pages side by side, so that with interleaved shares each falls to another worker.
    const site = cleanSite();
    for (let i = 0; i < 240; i++) site[`cerita/${String(i).padStart(3, '0')}/index.html`] = page(`<h1>Cerita ${i}</h1>`);
    site['cerita/100/index.html'] = page('<h1 id="a">Satu</h1><p id="a">Dua</p>');
    site['cerita/101/index.html'] = page('<h1>Tiga</h1><img src="/foto/dermaga.jpg">');
    site['cerita/102/index.html'] = page('<h1>Empat</h1><p id="b">Lima</p><p id="b">Enam</p>');
    const dist = writeDist(site);
    const expected = ['cerita/100/index.html aturan no-dup-id', 'cerita/101/index.html aturan wcag/h37', 'cerita/102/index.html aturan no-dup-id'];
    const found = (problems: SiteProblem[]) => problems.map((p) => `${p.file} ${p.message.split(':')[0]}`).sort();
    // As the machine decides (one worker on two cores), and split between one, two and three.
    expect(found(await validateHtml(dist))).toEqual(expected);
    for (const workers of [1, 2, 3]) expect(found(await validateHtml(dist, { workers })), `${workers}`).toEqual(expected);
  });
});

describe('checkImageMetadata', () => {
  it('passes images without metadata, and with only an ICC colour profile', async () => {
    expect(await checkImageMetadata(writeDist(cleanSite()))).toEqual([]);
  });

  it('reports an image with EXIF', async () => {
    const problems = await checkImageMetadata(writeDist({ 'foto/exif.jpg': exifJpeg }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'foto/exif.jpg', check: 'metadata' });
    expect(problems[0]?.message).toContain('EXIF');
    expect(problems[0]?.message).not.toContain('GPS');
  });

  it('says GPS when the EXIF holds a position', async () => {
    const problems = await checkImageMetadata(writeDist({ 'foto/gps.jpg': gpsJpeg }));
    expect(messages(problems)).toEqual([expect.stringContaining('berisi koordinat GPS')]);
  });

  it('reports XMP and an image that cannot be read', async () => {
    const xmp = await square()
      .webp()
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .toBuffer();
    // Files are recognised by content: b.png starts like a PNG but is broken; c.png is text, not an image at all.
    const brokenPng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('bukan gambar')]);
    const problems = await checkImageMetadata(writeDist({ 'a.webp': xmp, 'b.png': brokenPng, 'c.png': 'bukan gambar' }));
    expect(messages(problems)).toEqual([
      expect.stringContaining('a.webp [metadata] berisi metadata XMP'),
      expect.stringContaining('b.png [metadata] gambar tidak dapat dibaca'),
    ]);
  });
});

describe('formatSiteProblems', () => {
  it('counts the problems and groups them by file, in Indonesian', () => {
    const report = formatSiteProblems([
      { file: 'kim/index.html', check: 'link', message: 'tautan rusak' },
      { file: 'foto/a.jpg', check: 'metadata', message: 'berisi metadata EXIF' },
      { file: 'kim/index.html', check: 'html', message: 'aturan no-dup-id' },
    ]);
    expect(report).toBe(
      [
        'Situs hasil build bermasalah: 3 temuan di 2 berkas.',
        '',
        '✗ foto/a.jpg',
        '    [metadata gambar] berisi metadata EXIF',
        '',
        '✗ kim/index.html',
        '    [tautan] tautan rusak',
        '    [HTML] aturan no-dup-id',
        '',
      ].join('\n'),
    );
  });
});

describe('srcsetUrls and normalizeBase', () => {
  it('reads the URLs of a srcset as browsers do, commas inside a URL included', () => {
    expect(srcsetUrls('/a.jpg 400w, /b.jpg 800w')).toEqual(['/a.jpg', '/b.jpg']);
    expect(srcsetUrls('/a.jpg, /b.jpg 2x')).toEqual(['/a.jpg', '/b.jpg']);
    expect(srcsetUrls('/a.jpg,/b.jpg 2x')).toEqual(['/a.jpg,/b.jpg']);
    expect(srcsetUrls('data:image/png;base64,AAAA 1x, /b.jpg 2x')).toEqual(['data:image/png;base64,AAAA', '/b.jpg']);
  });

  it('writes every spelling of a base as /name/', () => {
    expect(['/', '', 'jembatan', '/jembatan', 'jembatan/', '/jembatan/'].map(normalizeBase)).toEqual([
      '/',
      '/',
      '/jembatan/',
      '/jembatan/',
      '/jembatan/',
      '/jembatan/',
    ]);
  });
});

describe('checkPublicDir', () => {
  it('names links, GPS photos under any name and scripted SVGs by their path in public/', async () => {
    const dir = writeDist({ 'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', 'foto.jfif': gpsJpeg, 'ikon.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' });
    symlinkSync('/etc', path.join(dir, 'etc'));
    const problems = await checkPublicDir(dir);
    expect(problems.map((p) => `${p.file} [${p.check}]`).sort()).toEqual(['public/etc [file]', 'public/foto.jfif [metadata]', 'public/ikon.svg [svg]']);
  });

  it('refuses a public/ that is itself a link, without looking inside', async () => {
    const dir = writeDist({ 'bersih.txt': 'x' });
    const linked = `${dir}-tautan`;
    symlinkSync(dir, linked);
    folders.push(linked);
    expect(await checkPublicDir(linked)).toEqual([{ file: 'public', check: 'file', message: expect.stringContaining('tautan simbolik') }]);
  });

  it('finds nothing in the project\'s own public/', async () => {
    expect(await checkPublicDir(path.join(PROJECT_ROOT, 'public'))).toEqual([]);
  });
});

describe('scripts/check-site.ts', () => {
  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.BASE_PATH;
    return spawnSync(process.execPath, ['scripts/check-site.ts', ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  };

  it('exits 0 and counts pages and images for a clean site', () => {
    const result = run(writeDist(cleanSite()));
    expect(result.stdout).toContain('Situs lolos pemeriksaan: 3 halaman HTML, 2 gambar.');
    expect(result.status).toBe(0);
  });

  /**
   * One planted problem of every kind the command checks, each through the command CI runs: the
   * report names the file and the check, and the command fails.
   */
  const PLANTED: { name: string; plant: (site: Record<string, string | Uint8Array>) => void; file: string; label: string; dir?: (dist: string) => void }[] = [
    { name: 'invalid HTML', plant: (site) => (site['kim/index.html'] = page('<h1>KIM</h1><p><div>blok di dalam paragraf</div></p>')), file: 'kim/index.html', label: 'HTML' },
    { name: 'a link to a page that does not exist', plant: (site) => (site['kim/index.html'] = page('<h1>KIM</h1><p><a href="/hilang/">Hilang</a></p>')), file: 'kim/index.html', label: 'tautan' },
    { name: 'a GPS photo under a name that hides it', plant: (site) => (site['unduh/foto.jfif'] = gpsJpeg), file: 'unduh/foto.jfif', label: 'metadata gambar' },
    { name: 'an SVG with a script', plant: (site) => (site['logo.svg'] = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), file: 'logo.svg', label: 'SVG' },
    { name: 'a page over its weight budget', plant: (site) => (site['kim/index.html'] = page(`<h1>KIM</h1>${Array.from({ length: 3000 }, (_, i) => `<p>${i.toString(36)}${Math.sin(i).toString(36)}</p>`).join('')}`)), file: 'kim/index.html', label: 'bobot halaman' },
    { name: 'a content page that loads a script', plant: (site) => Object.assign(site, { 'kim/index.html': page('<h1>KIM</h1><script type="module" src="/_astro/x.js"></script>'), '_astro/x.js': 'console.log(1);' }), file: 'kim/index.html', label: 'bobot halaman' },
    { name: 'a page without its security policy', plant: (site) => (site['kim/index.html'] = page('<h1>KIM</h1>').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')), file: 'kim/index.html', label: 'kebijakan keamanan' },
    { name: 'a page whose policy allows inline scripts', plant: (site) => (site['kim/index.html'] = page('<h1>KIM</h1>').replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")), file: 'kim/index.html', label: 'kebijakan keamanan' },
    { name: 'a symbolic link', plant: () => undefined, dir: (dist) => symlinkSync('/etc/hostname', path.join(dist, 'rahasia.txt')), file: 'rahasia.txt', label: 'berkas' },
  ];
  for (const planted of PLANTED) {
    it(`exits 1 and names the file when ${planted.name} is planted`, () => {
      const site = cleanSite();
      planted.plant(site);
      const dist = writeDist(site);
      planted.dir?.(dist);
      const result = run(dist);
      expect(result.status, result.stdout + result.stderr).toBe(1);
      const report = result.stderr.split('\n');
      const at = report.indexOf(`✗ ${planted.file}`);
      expect(at, result.stderr).toBeGreaterThanOrEqual(0);
      const problems = report.slice(at + 1, report.indexOf('', at));
      expect(problems.some((line) => line.includes(`[${planted.label}]`)), result.stderr).toBe(true);
    });
  }

  it('checks links against the base given with --base', () => {
    const dist = writeDist({ 'index.html': page('<h1>Beranda</h1>', '/jembatan/'), '_astro/gaya.css': '' });
    expect(run(dist, '--base', '/jembatan/').status).toBe(0);
    expect(run(dist).status).toBe(1);
  });

  it('exits 1 when the folder holds no built pages', () => {
    const result = run(path.join(tmpdir(), 'jembatan-tidak-ada'));
    expect(result.stderr).toContain('Tidak ada halaman HTML');
    expect(result.status).toBe(1);
  });
});
