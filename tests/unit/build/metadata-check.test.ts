/**
 * The built-site checks for image metadata and SVG scripts recognise files by content, not by
 * name: a GPS photo published as `foto.jfif`, `foto.jpe` or `foto` is found, and so is an SVG with
 * a script under any name. Fixtures are made from scratch with sharp in a temporary folder.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkImageMetadata,
  checkSite,
  checkSvgFiles,
  formatSiteProblems,
  listImageFiles,
  listSvgFiles,
  svgActiveContent,
} from '../../../src/build/checks/index.ts';
import { checkImages } from '../../../src/build/checks/metadata.ts';
import { writeTree } from '../../helpers/files.ts';

const square = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f766e' } });
const GPS = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 30/1 0/1' } };
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Warga"/></rdf:RDF></x:xmpmeta>';
const HOSTILE_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script></svg>';
const CLEAN_SVG =
  '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0f766e"/></svg>';

const folders: string[] = [];
let dist: string;

function writeFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jembatan-meta-'));
  folders.push(dir);
  writeTree(dir, files);
  return dir;
}

beforeAll(async () => {
  const gpsJpeg = await square().jpeg().withExif(GPS).toBuffer();
  dist = writeFolder({
    'foto/foto.jfif': gpsJpeg,
    'foto/foto.jpe': gpsJpeg,
    'foto/foto': gpsJpeg,
    'foto/bersih.webp': await square().webp().toBuffer(),
    'foto/xmp.png': await square().png().withXmp(XMP).toBuffer(),
    'gambar/jahat.svg': HOSTILE_SVG,
    'gambar/logo.svg': CLEAN_SVG,
    'index.html': '<!DOCTYPE html><html lang="id"><head><title>Beranda</title></head><body><main><h1>Beranda</h1></main></body></html>',
  });
});

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('checkImageMetadata', () => {
  it('reports exactly the three GPS JPEGs, whatever their names, and the PNG with XMP', async () => {
    const problems = await checkImageMetadata(dist);
    expect(problems.map((p) => p.file)).toEqual(['foto/foto', 'foto/foto.jfif', 'foto/foto.jpe', 'foto/xmp.png']);
    for (const problem of problems) expect(problem.check).toBe('metadata');
    for (const problem of problems.slice(0, 3)) expect(problem.message).toContain('berisi koordinat GPS (metadata EXIF)');
    expect(problems[3]?.message).toContain('berisi metadata XMP');
    expect(problems[3]?.message).not.toContain('GPS');
  });

  it('explains a file whose name hides that it is an image, and not one with a usual JPEG name', async () => {
    const [noExtension, jfif, jpe] = await checkImageMetadata(dist);
    expect(noExtension?.message).toContain('Isinya gambar JPEG walaupun nama berkasnya tidak berakhiran .jpg.');
    expect(jfif?.message).not.toContain('Isinya');
    expect(jpe?.message).not.toContain('Isinya');
  });

  it('finds metadata sharp cannot see: EXIF appended after the end of a JPEG', async () => {
    const hidden = Buffer.concat([await square().jpeg().toBuffer(), await square().jpeg().withExif(GPS).toBuffer()]);
    const problems = await checkImageMetadata(writeFolder({ 'lampiran.bin': hidden }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'lampiran.bin', check: 'metadata', message: expect.stringContaining('berisi koordinat GPS') }),
    ]);
  });

  it('reports a broken file that sniffs as a format sharp reads, but not a BMP that sharp cannot read', async () => {
    const png = await square().png().toBuffer();
    const bmp = Buffer.alloc(58);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeUInt16LE(1, 26);
    const problems = await checkImageMetadata(writeFolder({ 'rusak.png': png.subarray(0, 40), 'ikon.bmp': bmp }));
    expect(problems).toEqual([{ file: 'rusak.png', check: 'metadata', message: 'gambar tidak dapat dibaca; berkasnya mungkin rusak.' }]);
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const outside = writeFolder({ 'gps.jpg': await square().jpeg().withExif(GPS).toBuffer() });
    const dir = writeFolder({ 'bersih.jpg': await square().jpeg().toBuffer() });
    symlinkSync(outside, path.join(dir, 'luar'));
    symlinkSync(path.join(outside, 'gps.jpg'), path.join(dir, 'tautan.jpg'));
    expect(await checkImageMetadata(dir)).toEqual([]);
    expect(listImageFiles(dir)).toEqual(['bersih.jpg']);
  });
});

describe('listImageFiles and listSvgFiles', () => {
  it('list raster images and SVG documents by content, never HTML', () => {
    expect(listImageFiles(dist)).toEqual(['foto/bersih.webp', 'foto/foto', 'foto/foto.jfif', 'foto/foto.jpe', 'foto/xmp.png']);
    expect(listSvgFiles(dist)).toEqual(['gambar/jahat.svg', 'gambar/logo.svg']);
  });
});

describe('checkImages', () => {
  it('finds what the metadata and SVG checks find, from one reading of the folder', async () => {
    expect(await checkImages(dist)).toEqual([...(await checkImageMetadata(dist)), ...checkSvgFiles(dist)]);
    expect((await checkImages(dist)).map((p) => p.check)).toEqual(['metadata', 'metadata', 'metadata', 'metadata', 'svg']);
  });
});

describe('checkSvgFiles', () => {
  it('reports only the SVG with a script', () => {
    const problems = checkSvgFiles(dist);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'gambar/jahat.svg', check: 'svg' });
    expect(problems[0]?.message).toContain('elemen <script>');
    expect(problems[0]?.message).toContain('GitHub Pages');
  });

  it('finds an SVG with a script under any name, labelled SVG in the site report', async () => {
    const dir = writeFolder({
      'data/peta.xml': HOSTILE_SVG,
      'index.html': '<!DOCTYPE html><html lang="id"><head><title>x</title></head><body><main><h1>x</h1></main></body></html>',
    });
    const { problems } = await checkSite(dir);
    const svg = problems.filter((p) => p.check === 'svg');
    expect(svg.map((p) => p.file)).toEqual(['data/peta.xml']);
    expect(formatSiteProblems(svg)).toContain('✗ data/peta.xml\n    [SVG] SVG ini berisi elemen <script>');
  });

  it('names every way an SVG can run a script, obfuscated or prefixed', () => {
    const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
    expect(svgActiveContent(svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">x()</html:script>'))).toEqual(['elemen <script>']);
    expect(svgActiveContent(svg('<rect onload="x()"/>'))).toEqual(['atribut peristiwa on…= (mis. onload)']);
    expect(svgActiveContent(svg('<rect\n\tONCLICK = "x()"/>'))).toEqual(['atribut peristiwa on…= (mis. onload)']);
    expect(svgActiveContent(svg('<foreignObject width="8" height="8"><p>teks</p></foreignObject>'))).toEqual(['elemen <foreignObject>']);
    expect(svgActiveContent(svg('<a href="JavaScript:x()"><text>x</text></a>'))).toEqual(['alamat javascript:']);
    expect(svgActiveContent(svg('<a href="jav&#x61;script&#58;x()"><text>x</text></a>'))).toEqual(['alamat javascript:']);
    expect(svgActiveContent(svg('<a href="java\tscript:x()"><text>x</text></a>'))).toEqual(['alamat javascript:']);
    expect(svgActiveContent(svg('<set attributeName="href" to="javascript:x()"/>'))).toEqual(['alamat javascript:']);
  });

  it('passes an SVG with ordinary drawing, text and links', () => {
    expect(svgActiveContent(CLEAN_SVG)).toEqual([]);
    expect(
      svgActiveContent(
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://kim.example.id/online"><text font-family="Noto Sans">Dermaga</text></a>' +
          '<style>.scripted { fill: red }</style><use href="#ikon"/></svg>',
      ),
    ).toEqual([]);
  });
});
