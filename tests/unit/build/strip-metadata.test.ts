/**
 * `stripMetadata` (and its command line, `npm run strip-metadata`) over a content folder made
 * from scratch: photos recognised by content under any name, stripped in their own format and
 * turned upright, links and other files left alone, and nothing to do on a second run.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanMetadata, sniffImageFormat, type ImageFormat } from '../../../src/domain/image-files.ts';
import { stripMetadata, type StripResult } from '../../../src/build/strip-metadata.ts';
import { cleanEnv, PROJECT_ROOT } from '../../helpers/fixture.ts';
import { GPS_EXIF, GPS_XMP } from '../../helpers/photos.ts';

const MARKDOWN = '---\ntitle: Kabar desa\n---\n\n![Dermaga](./foto/gps.jpg)\n';
/** A 12 × 8 photo, so a quarter turn shows in the dimensions. */
const photo = () => sharp({ create: { width: 12, height: 8, channels: 3, background: '#0f766e' } });

/** Photos in the content folder: name, expected format, and width × height after stripping. */
const PHOTOS: [name: string, format: ImageFormat, width: number, height: number][] = [
  ['foto/gps.jpg', 'jpeg', 12, 8],
  ['foto/gps.jfif', 'jpeg', 12, 8],
  ['foto/exif.png', 'png', 12, 8],
  ['foto/exif.webp', 'webp', 12, 8],
  ['foto/xmp.jpg', 'jpeg', 12, 8],
  ['foto/miring.jpg', 'jpeg', 8, 12],
];

const folders: string[] = [];
let content: string;
let outside: string;
let outsideBytes: Buffer;
let first: StripResult;
let second: StripResult;

function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-strip-'));
  folders.push(dir);
  return dir;
}

async function metadataOf(file: string) {
  const bytes = readFileSync(file);
  const { exif, xmp, iptc, orientation, width, height } = await sharp(bytes).metadata();
  return { sharp: { exif: Boolean(exif), xmp: Boolean(xmp), iptc: Boolean(iptc) }, scan: scanMetadata(bytes), orientation, width, height };
}

beforeAll(async () => {
  content = tempFolder();
  outside = path.join(tempFolder(), 'rumah.jpg');
  outsideBytes = await photo().jpeg().withExif(GPS_EXIF).toBuffer();
  writeFileSync(outside, outsideBytes);
  const gpsJpeg = await photo().jpeg().withExif(GPS_EXIF).toBuffer();
  const files: Record<string, Uint8Array | string> = {
    'foto/gps.jpg': gpsJpeg,
    'foto/gps.jfif': gpsJpeg,
    'foto/exif.png': await photo().png().withExif(GPS_EXIF).toBuffer(),
    'foto/exif.webp': await photo().webp().withExif(GPS_EXIF).toBuffer(),
    'foto/xmp.jpg': await photo().jpeg().withXmp(GPS_XMP).toBuffer(),
    // Stored on its side with Orientation 6 ("turn 90° clockwise to view"), as phones do.
    'foto/miring.jpg': await photo().jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    'cerita/kabar.md': MARKDOWN,
  };
  for (const [relative, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, relative)), { recursive: true });
    writeFileSync(path.join(content, relative), data);
  }
  chmodSync(path.join(content, 'foto/gps.jpg'), 0o600);
  symlinkSync(outside, path.join(content, 'foto/tautan.jpg'));
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('stripMetadata', () => {
  const formatsBefore = new Map<string, ImageFormat | null>();
  const before = new Map<string, Awaited<ReturnType<typeof metadataOf>>>();

  beforeAll(async () => {
    for (const [name] of PHOTOS) {
      formatsBefore.set(name, sniffImageFormat(readFileSync(path.join(content, name))));
      before.set(name, await metadataOf(path.join(content, name)));
    }
    first = await stripMetadata(content);
    second = await stripMetadata(content);
  });

  it('starts from photos that really carry EXIF or XMP, with GPS and orientation where planted', () => {
    for (const [name] of PHOTOS) {
      const planted = before.get(name)!;
      expect(planted.sharp.exif || planted.sharp.xmp, name).toBe(true);
      expect(planted.scan.exif || planted.scan.xmp, name).toBe(true);
      expect(planted.scan.gps, name).toBe(name !== 'foto/miring.jpg');
    }
    expect(before.get('foto/miring.jpg')).toMatchObject({ orientation: 6, width: 12, height: 8 });
  });

  it('strips every photo, whatever its name, and skips the symbolic link', () => {
    expect([...first.stripped].sort()).toEqual(PHOTOS.map(([name]) => path.join(content, name)).sort());
    expect(first.skipped).toEqual([path.join(content, 'foto/tautan.jpg')]);
    expect(first.failed).toEqual([]);
  });

  it('leaves no EXIF, XMP or IPTC, by sharp and by the raw scan', async () => {
    for (const [name] of PHOTOS) {
      const after = await metadataOf(path.join(content, name));
      expect(after.sharp, name).toEqual({ exif: false, xmp: false, iptc: false });
      expect(after.scan, name).toEqual({ exif: false, xmp: false, iptc: false, gps: false });
    }
  });

  it('keeps each photo in its format, at its size, and turns the rotated one upright', async () => {
    for (const [name, format, width, height] of PHOTOS) {
      expect(formatsBefore.get(name), name).toBe(format);
      expect(sniffImageFormat(readFileSync(path.join(content, name))), name).toBe(format);
      const after = await metadataOf(path.join(content, name));
      expect({ width: after.width, height: after.height }, name).toEqual({ width, height });
      expect(after.orientation, name).toBeUndefined();
    }
  });

  it('keeps the file mode, and leaves no temporary file behind', () => {
    expect(statSync(path.join(content, 'foto/gps.jpg')).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(content, 'foto')).filter((name) => name.includes('strip-tmp'))).toEqual([]);
  });

  it('does not follow the link: it stays a link, and the photo outside the folder is untouched', () => {
    expect(lstatSync(path.join(content, 'foto/tautan.jpg')).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside).equals(outsideBytes)).toBe(true);
  });

  it('leaves a Markdown file byte for byte as it was', () => {
    expect(readFileSync(path.join(content, 'cerita/kabar.md'), 'utf8')).toBe(MARKDOWN);
  });

  it('strips nothing on a second run', () => {
    expect(second).toEqual({ stripped: [], skipped: [path.join(content, 'foto/tautan.jpg')], failed: [] });
  });

  it('reports an image with metadata in a format it cannot write, and leaves it as it was', async () => {
    const dir = tempFolder();
    // A BMP with EXIF appended: sharp reads no BMP, the raw scan finds the EXIF.
    const bmp = Buffer.alloc(58);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeUInt16LE(1, 26);
    const withExif = Buffer.concat([bmp, (await sharp(outsideBytes).metadata()).exif!]);
    writeFileSync(path.join(dir, 'ikon.bmp'), withExif);
    const lines: string[] = [];
    const result = await stripMetadata(dir, { log: (line) => lines.push(line), cwd: dir });
    expect(result).toEqual({ stripped: [], skipped: [], failed: [path.join(dir, 'ikon.bmp')] });
    expect(lines).toEqual([expect.stringContaining('Tidak dapat dibersihkan: ikon.bmp: format BMP tidak dapat ditulis ulang.')]);
    expect(readFileSync(path.join(dir, 'ikon.bmp')).equals(withExif)).toBe(true);
  });
});

describe('scripts/strip-metadata.ts', () => {
  const node = path.join(PROJECT_ROOT, 'node_modules/.bin/node');
  const run = (...args: string[]) =>
    spawnSync(node, ['scripts/strip-metadata.ts', ...args], { cwd: PROJECT_ROOT, env: cleanEnv(), encoding: 'utf8' });

  it('strips a photo without an extension, says so in Indonesian and exits 0', async () => {
    const dir = tempFolder();
    writeFileSync(path.join(dir, 'foto'), await photo().jpeg().withExif(GPS_EXIF).toBuffer());
    const result = run(dir);
    expect(result.stderr).toBe('');
    // Shown relative to where the command runs, or in full when it lies outside, as here.
    expect(result.stdout).toContain(`Metadata dihapus: ${path.join(dir, 'foto')}\n`);
    expect(result.stdout).toContain('1 foto dibersihkan dari metadata.');
    expect(result.status).toBe(0);
    expect(scanMetadata(readFileSync(path.join(dir, 'foto')))).toEqual({ exif: false, xmp: false, iptc: false, gps: false });
  });

  it('prints its usage with --help', () => {
    const result = run('--help');
    expect(result.stdout).toContain('Cara pakai: npm run strip-metadata [-- folder-konten]');
    expect(result.status).toBe(0);
  });
});
