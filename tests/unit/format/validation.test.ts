import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegionData } from '../../../src/domain/regions/tree.ts';
import { formatContentErrors, fieldPath } from '../../../src/format/errors.ts';
import { parseFrontmatter } from '../../../src/format/frontmatter.ts';
import type { LandVerdict } from '../../../src/domain/land.ts';
import { msg } from '../../../src/format/messages.ts';
import { PHOTO_EXTENSION } from '../../../src/format/paths.ts';
import { contentFile } from '../../helpers/content-file.ts';
import { validateNetwork } from '../../../src/format/validate.ts';
import type { ContentFile, ImageFacts, PathFacts, ValidationInput, ValidationResult } from '../../../src/format/validation/types.ts';

const REGIONS: RegionData = {
  provinces: [{ code: '64', name: 'Kalimantan Timur' }],
  regencies: [
    { code: '64.01', name: 'Kabupaten Paser' },
    { code: '64.74', name: 'Kota Bontang' },
  ],
  districts: [
    { code: '64.01.01', name: 'Batu Sopang' },
    { code: '64.74.01', name: 'Bontang Utara' },
  ],
  villages: [
    { code: '64.01.01.2001', name: 'Batu Sopang' },
    { code: '64.74.01.1001', name: 'Bontang Kuala' },
    { code: '64.74.01.1002', name: 'Api-api' },
  ],
};

const NETWORK_PATH = 'content/network.yaml';
const NETWORK_YAML = `name: Jaringan KIM Bontang
description: KIM di Kota Bontang.
site: https://kim.contoh.id
scope:
  - "64.74"
`;

const KIM_MD = `---
name: KIM Bontang Kuala
village: "64.74.01.1001"
sectors: [wisata]
---
KIM di kampung atas air.
`;

const PLACE_MD = `---
name: Kampung Wisata Bontang Kuala
kind: wisata
region: "64.74.01.1001"
kim: kim-bontang-kuala
summary: Permukiman di atas air.
---
`;

const STORY_MD = `---
title: Festival Pesisir
date: 2026-01-05
kim: kim-bontang-kuala
summary: Warga merayakan festival tahunan.
category: berita
places: [kampung-bontang-kuala]
---
Isi cerita.
`;

const encode = (text: string) => new TextEncoder().encode(text);

const file = contentFile;

/** A small readable JPEG as the reader would measure it. */
const PHOTO: ImageFacts = { format: 'jpeg', readable: true, width: 800, height: 600, pages: 1, gps: false };

const validKim = () => file('kim', 'kim-bontang-kuala.md', KIM_MD);
const validPlace = () => file('places', 'kampung-bontang-kuala.md', PLACE_MD);
const validStory = () => file('stories', 'festival-pesisir.md', STORY_MD);

/** The build's clock in these tests: stories dated later are not published. */
const NOW = new Date('2026-12-01T00:00:00Z');

function validate(options: {
  files: ContentFile[];
  network?: string | Uint8Array | null;
  /** Files on disk, as "<display path of the entry>:<path written in it>" or with their facts by content-relative path. */
  images?: string[];
  disk?: Record<string, PathFacts>;
  land?: ValidationInput['land'];
}): ValidationResult {
  const network = options.network === undefined ? NETWORK_YAML : options.network;
  const disk = new Map<string, PathFacts>(Object.entries(options.disk ?? {}));
  for (const image of options.images ?? []) {
    const [entry, src] = image.split(':') as [string, string];
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(entry.replace(/^content\//, '')), src));
    disk.set(relative, { type: 'file', bytes: 50_000, image: PHOTO_EXTENSION.test(src) ? PHOTO : null });
  }
  return validateNetwork({
    network: { displayPath: NETWORK_PATH, bytes: typeof network === 'string' ? encode(network) : network },
    files: options.files,
    regions: REGIONS,
    now: NOW,
    fileAt: (relative) => disk.get(relative) ?? { type: 'missing' },
    land: options.land,
  });
}

function errorsOf(result: ValidationResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('validateNetwork on valid content', () => {
  it('accepts a network whose entries reference each other correctly', () => {
    const result = validate({ files: [validKim(), validPlace(), validStory()] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.network.config.scope).toEqual(['64.74']);
    expect(result.network.kim.map((k) => k.id)).toEqual(['kim-bontang-kuala']);
    expect(result.network.places.map((p) => p.id)).toEqual(['kampung-bontang-kuala']);
    expect(result.network.stories[0]).toMatchObject({
      id: 'festival-pesisir',
      displayPath: 'content/stories/festival-pesisir.md',
      data: { date: new Date('2026-01-05T00:00:00Z'), license: 'CC-BY-4.0' },
    });
    expect(result.network.tree.require('64.74').inScope).toBe(true);
  });

  it('accepts a network with no entries at all', () => {
    expect(validate({ files: [] }).ok).toBe(true);
  });

  it('accepts a file saved with a UTF-8 byte-order mark and Windows line endings', () => {
    const windows = `\uFEFF${KIM_MD.replace(/\n/g, '\r\n')}`;
    const result = validate({ files: [file('kim', 'kim-bontang-kuala.md', windows)] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.network.kim[0]!.data.name).toBe('KIM Bontang Kuala');
  });

  it('accepts a network.yaml saved with a byte-order mark and Windows line endings', () => {
    const result = validate({ network: `\uFEFF${NETWORK_YAML.replace(/\n/g, '\r\n')}`, files: [validKim()] });
    expect(result.ok).toBe(true);
  });

  it('allows the same file name in two different collections', () => {
    const place = file('places', 'kim-bontang-kuala.md', PLACE_MD);
    expect(validate({ files: [validKim(), place] }).ok).toBe(true);
  });

  it('accepts a story cover that exists next to the story', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/festival.jpg\n  alt: Perahu hias\n  credit: Ani\nplaces:');
    const result = validate({
      files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)],
      images: ['content/stories/festival-pesisir.md:./foto/festival.jpg'],
    });
    expect(result.ok).toBe(true);
  });

  it('accepts a place at a district in scope', () => {
    const place = file('places', 'pesisir-bontang-utara.md', PLACE_MD.replace('"64.74.01.1001"', '"64.74.01"'));
    expect(validate({ files: [validKim(), place] }).ok).toBe(true);
  });
});

describe('validateNetwork region checks', () => {
  it('rejects a village code that does not exist', () => {
    const kim = file('kim', 'kim-hantu.md', KIM_MD.replace('64.74.01.1001', '64.74.01.1999'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-hantu.md', field: 'village', message: msg.regionUnknown('64.74.01.1999') },
    ]);
  });

  it('rejects a village outside the scope, naming the village and the scope', () => {
    const kim = file('kim', 'kim-batu-sopang.md', KIM_MD.replace('64.74.01.1001', '64.01.01.2001'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      {
        file: 'content/kim/kim-batu-sopang.md',
        field: 'village',
        message: msg.regionOutOfScope('64.01.01.2001', 'Desa Batu Sopang', '64.74'),
      },
    ]);
    expect(msg.regionOutOfScope('64.01.01.2001', 'Desa Batu Sopang', '64.74')).toContain('di luar cakupan');
  });

  it('rejects a place region outside the scope', () => {
    const place = file('places', 'gua-batu-sopang.md', PLACE_MD.replace('"64.74.01.1001"', '"64.01.01"'));
    expect(errorsOf(validate({ files: [validKim(), place] }))).toEqual([
      {
        file: 'content/places/gua-batu-sopang.md',
        field: 'region',
        message: msg.regionOutOfScope('64.01.01', 'Kecamatan Batu Sopang', '64.74'),
      },
    ]);
  });

  it('rejects a scope code that does not exist', () => {
    const network = NETWORK_YAML.replace('- "64.74"', '- "64.74"\n  - "64.99"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([
      { file: NETWORK_PATH, field: 'scope[1]', message: msg.scopeUnknown('64.99') },
    ]);
  });

  it('reports the first scope entry as scope[0]', () => {
    const network = NETWORK_YAML.replace('"64.74"', '"65.74"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([
      { file: NETWORK_PATH, field: 'scope[0]', message: msg.scopeUnknown('65.74') },
    ]);
  });

  it('rejects a village code in the scope', () => {
    const network = NETWORK_YAML.replace('"64.74"', '"64.74.01.1001"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([{ file: NETWORK_PATH, field: 'scope[0]', message: msg.scopeCode }]);
  });

  it('accepts the national scope and then any existing village', () => {
    const network = NETWORK_YAML.replace('"64.74"', 'ID');
    const kim = file('kim', 'kim-batu-sopang.md', KIM_MD.replace('64.74.01.1001', '64.01.01.2001'));
    expect(validate({ network, files: [kim] }).ok).toBe(true);
  });
});

describe('validateNetwork references between entries', () => {
  it('rejects a story whose KIM does not exist', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-tidak-ada'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.kimUnknown('kim-tidak-ada') },
    ]);
  });

  it('rejects a story that names a place that does not exist', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[kampung-bontang-kuala, pantai-hilang]'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'places[1]', message: msg.placeUnknown('pantai-hilang') },
    ]);
  });

  it('reports a missing first place as places[0]', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[pantai-hilang]'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'places[0]', message: msg.placeUnknown('pantai-hilang') },
    ]);
  });

  it('rejects a place whose maintaining KIM does not exist', () => {
    expect(errorsOf(validate({ files: [validPlace()] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'kim', message: msg.kimUnknown('kim-bontang-kuala') },
    ]);
  });
});

describe('validateNetwork file names and ids', () => {
  it('rejects two files with the same id in one collection, naming the first', () => {
    const errors = errorsOf(validate({ files: [validKim(), file('kim', 'kim-bontang-kuala.mdx', KIM_MD)] }));
    expect(errors).toEqual([
      {
        file: 'content/kim/kim-bontang-kuala.mdx',
        field: null,
        message: msg.duplicateId('kim-bontang-kuala', 'content/kim/kim-bontang-kuala.md'),
      },
    ]);
  });

  it('rejects a file name with upper case letters', () => {
    expect(errorsOf(validate({ files: [file('kim', 'KIM-Bontang.md', KIM_MD)] }))).toEqual([
      { file: 'content/kim/KIM-Bontang.md', field: null, message: msg.fileName('KIM-Bontang') },
    ]);
  });

  it('rejects a file name with spaces', () => {
    expect(errorsOf(validate({ files: [file('kim', 'kim bontang kuala.md', KIM_MD)] }))).toEqual([
      { file: 'content/kim/kim bontang kuala.md', field: null, message: msg.fileName('kim bontang kuala') },
    ]);
  });
});

describe('validateNetwork references from invalid files', () => {
  it('still checks the references of a file whose other fields fail', () => {
    const story = file(
      'stories',
      'festival-pesisir.md',
      STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-tidak-ada').replace('category: berita', 'category: olahraga'),
    );
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: 'content/stories/festival-pesisir.md', field: 'category', message: expect.stringContaining('nilai tidak dikenal') },
        { file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.kimUnknown('kim-tidak-ada') },
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('does not call a KIM missing when its file exists but is invalid', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors: [wisata]', 'color: teal'));
    expect(errorsOf(validate({ files: [kim, validPlace(), validStory()] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'color', message: msg.color },
    ]);
  });

  it('does not call a place missing when its file exists but has a missing photo', () => {
    const place = file(
      'places',
      'kampung-bontang-kuala.md',
      PLACE_MD.replace('kind:', 'photos:\n  - { src: ./hilang.jpg, alt: Jembatan, credit: Ani }\nkind:'),
    );
    expect(errorsOf(validate({ files: [validKim(), place, validStory()] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'photos[0].src', message: msg.imageMissing('./hilang.jpg') },
    ]);
  });
});

describe('validateNetwork and MDX bodies', () => {
  it('accepts an MDX story written in plain Markdown', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\n## Acara\n\n- Lomba perahu\n`);
    expect(validate({ files: [validKim(), validPlace(), story] }).ok).toBe(true);
  });

  it('rejects a script tag in an MDX story and gives its line in the file', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\n<script>alert(1)</script>\n`);
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    const line = `${STORY_MD}\n`.split('\n').length;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'content/stories/festival-pesisir.mdx', field: null, line });
    expect(errors[0]!.message).toMatch(/^komponen atau tag HTML <script> tidak diizinkan/);
    expect(formatContentErrors(errors)).toContain(`    baris ${line}: komponen atau tag HTML <script>`);
  });

  it('rejects an import in an MDX story', () => {
    const story = file('stories', 'festival-pesisir.mdx', `${STORY_MD}\nimport x from './x.js';\n`);
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), story] }));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('"import" atau "export"')]);
  });

  it('leaves HTML in a plain .md story to the Markdown renderer', () => {
    const story = file('stories', 'festival-pesisir.md', `${STORY_MD}\n<script>alert(1)</script>\n`);
    expect(validate({ files: [validKim(), validPlace(), story] }).ok).toBe(true);
  });
});

describe('validateNetwork field checks', () => {
  it('rejects a javascript: website under contacts.website', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'contacts:\n  website: "javascript:alert(1)"\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'contacts.website', message: msg.unsafeUrl },
    ]);
  });

  it('rejects coordinates off the coast of Africa', () => {
    const place = file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('kind:', 'coordinates: { lat: 0, lng: 0 }\nkind:'));
    expect(errorsOf(validate({ files: [validKim(), place] }))).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.outsideIndonesia },
    ]);
  });

  it('reports a missing required field as required', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('name: KIM Bontang Kuala\n', ''));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'name', message: msg.required },
    ]);
  });

  it('reports an empty required field as required', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('name: KIM Bontang Kuala', 'name:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'name', message: msg.required },
    ]);
  });

  it('rejects an unknown key, naming it', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'nama: KIM Lain\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'nama', message: msg.unknownKey('nama') },
    ]);
  });

  it('names a nested unknown key with its dotted path', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('sectors:', 'contacts:\n  tiktok: "@kim"\nsectors:'));
    expect(errorsOf(validate({ files: [kim] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: 'contacts.tiktok', message: msg.unknownKey('tiktok') },
    ]);
  });

  it('reports a list item with its index', () => {
    const kim = file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('[wisata]', '[wisata, pariwisata]'));
    const [error] = errorsOf(validate({ files: [kim] }));
    expect(error).toMatchObject({ field: 'sectors[1]' });
    expect(error!.message).toContain('nilai tidak dikenal');
  });
});

describe('validateNetwork files that cannot be read', () => {
  it('rejects broken YAML and says on which line', () => {
    const broken = `---\nname: KIM Bontang Kuala\nvillage: "64.74.01.1001\n---\n`;
    const [error, ...rest] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', broken)] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: 'content/kim/kim-bontang-kuala.md', field: null, line: 4 });
    expect(error!.message).toMatch(/^frontmatter YAML tidak dapat dibaca: /);
  });

  it('points at the offending line of a bad mapping', () => {
    const broken = `---\nname: KIM Bontang Kuala\nvillage: a: b\n---\n`;
    const [error] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', broken)] }));
    expect(error!.line).toBe(3);
    expect(formatContentErrors([error!])).toContain('    baris 3: frontmatter YAML tidak dapat dibaca: ');
  });

  it('rejects a file without frontmatter', () => {
    expect(errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', '# KIM Bontang Kuala\n\nTanpa frontmatter.\n')] }))).toEqual([
      { file: 'content/kim/kim-bontang-kuala.md', field: null, message: msg.noFrontmatter },
    ]);
  });

  it('rejects a file that is not UTF-8', () => {
    const [error, ...rest] = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', new Uint8Array([0xff, 0xfe, 0x00]))] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: 'content/kim/kim-bontang-kuala.md', field: null });
    expect(error!.message).toMatch(/^berkas tidak dapat dibaca: bukan teks UTF-8/);
  });

  it('rejects a story cover whose image file is missing', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/hilang.jpg\n  alt: Perahu hias\n  credit: Ani\nplaces:');
    expect(errorsOf(validate({ files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)] }))).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'cover.src', message: msg.imageMissing('./foto/hilang.jpg') },
    ]);
  });

  it('rejects a cover that is not an image even if the file exists', () => {
    const story = STORY_MD.replace('places:', 'cover:\n  src: ./foto/catatan.pdf\n  alt: Catatan\n  credit: Ani\nplaces:');
    const errors = errorsOf(
      validate({
        files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', story)],
        images: ['content/stories/festival-pesisir.md:./foto/catatan.pdf'],
      }),
    );
    expect(errors).toEqual([
      { file: 'content/stories/festival-pesisir.md', field: 'cover.src', message: msg.imageFormat('./foto/catatan.pdf') },
    ]);
  });

  it('rejects an image given as a web address or an absolute path', () => {
    const remote = KIM_MD.replace('sectors:', 'logo: https://contoh.id/logo.png\nsectors:');
    const absolute = KIM_MD.replace('sectors:', 'logo: /logo.png\nsectors:');
    const errors = errorsOf(validate({ files: [file('kim', 'kim-a.md', remote), file('kim', 'kim-b.md', absolute)] }));
    expect(errors).toEqual([
      { file: 'content/kim/kim-a.md', field: 'logo', message: msg.imagePath },
      { file: 'content/kim/kim-b.md', field: 'logo', message: msg.imagePath },
    ]);
  });

  it('names the missing photo of a place by its index', () => {
    const place = PLACE_MD.replace(
      'kind:',
      'photos:\n  - { src: ./a.jpg, alt: Jembatan, credit: Ani }\n  - { src: ./b.jpg, alt: Rumah, credit: Ani }\nkind:',
    );
    const errors = errorsOf(
      validate({
        files: [validKim(), file('places', 'kampung-bontang-kuala.md', place)],
        images: ['content/places/kampung-bontang-kuala.md:./a.jpg'],
      }),
    );
    expect(errors).toEqual([
      { file: 'content/places/kampung-bontang-kuala.md', field: 'photos[1].src', message: msg.imageMissing('./b.jpg') },
    ]);
  });
});

describe('validateNetwork and network.yaml', () => {
  it('reports a missing network.yaml', () => {
    expect(errorsOf(validate({ network: null, files: [] }))).toEqual([{ file: NETWORK_PATH, field: null, message: msg.configMissing }]);
  });

  it('still checks every entry file when network.yaml is missing', () => {
    const errors = errorsOf(validate({ network: null, files: [file('kim', 'Kim Rusak.md', KIM_MD)] }));
    expect(errors).toEqual([
      { file: NETWORK_PATH, field: null, message: msg.configMissing },
      { file: 'content/kim/Kim Rusak.md', field: null, message: msg.fileName('Kim Rusak') },
    ]);
  });

  it('reports broken YAML in network.yaml in Indonesian, with its line', () => {
    const [error, ...rest] = errorsOf(validate({ network: 'name: "Jaringan\nscope: [', files: [] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: NETWORK_PATH, field: null, line: 3 });
    expect(error!.message).toBe(
      'YAML tidak dapat dibaca: tanda kutip ganda (") dibuka tetapi tidak ditutup. Periksa titik dua, tanda kutip dan indentasi di sekitar baris itu.',
    );
  });

  it('names the key written twice in network.yaml', () => {
    const [error] = errorsOf(validate({ network: `${NETWORK_YAML}name: Lagi\n`, files: [] }));
    expect(error).toMatchObject({ line: 6, message: 'YAML tidak dapat dibaca: kolom "name" ditulis dua kali; hapus salah satunya.' });
  });

  it('says to quote a scope code that YAML read as a number', () => {
    const [error, ...rest] = errorsOf(validate({ network: NETWORK_YAML.replace('- "64.74"', '- 64.74'), files: [] }));
    expect(rest).toEqual([]);
    expect(error).toEqual({ file: NETWORK_PATH, field: 'scope[0]', message: msg.codeNeedsQuotes });
  });

  it('reports a network.yaml that is not UTF-8', () => {
    const [error, ...rest] = errorsOf(validate({ network: new Uint8Array([0xff, 0xfe, 0x00]), files: [] }));
    expect(rest).toEqual([]);
    expect(error).toEqual({ file: NETWORK_PATH, field: null, message: msg.readFailed('bukan teks UTF-8') });
  });

  it('reports every required field of an empty network.yaml', () => {
    const errors = errorsOf(validate({ network: '', files: [] }));
    expect(errors.map((e) => e.field).sort()).toEqual(['description', 'name', 'scope', 'site']);
    for (const error of errors) expect(error).toMatchObject({ file: NETWORK_PATH, message: msg.required });
  });

  it('reports an unknown key in network.yaml', () => {
    const errors = errorsOf(validate({ network: `${NETWORK_YAML}cakupan: ["64"]\n`, files: [] }));
    expect(errors).toEqual([{ file: NETWORK_PATH, field: 'cakupan', message: msg.unknownKey('cakupan') }]);
  });
});

describe('validateNetwork reports everything at once', () => {
  it('collects errors from several files and from network.yaml in one result', () => {
    const network = NETWORK_YAML.replace('- "64.74"', '- "64.74"\n  - "64.99"');
    const files = [
      file('kim', 'kim-bontang-kuala.md', KIM_MD.replace('64.74.01.1001', '64.74.01.1999')),
      file('kim', 'kim-api-api.md', KIM_MD.replace('name: KIM Bontang Kuala\n', '').replace('1001', '1002')),
      file('kim', 'Kim Rusak.md', KIM_MD),
      file('places', 'pantai.md', '# tanpa frontmatter\n'),
      file('stories', 'festival-pesisir.md', STORY_MD.replace('[kampung-bontang-kuala]', '[pantai-hilang]')),
    ];
    const errors = errorsOf(validate({ network, files }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: NETWORK_PATH, field: 'scope[1]', message: msg.scopeUnknown('64.99') },
        { file: 'content/kim/kim-bontang-kuala.md', field: 'village', message: msg.regionUnknown('64.74.01.1999') },
        { file: 'content/kim/kim-api-api.md', field: 'name', message: msg.required },
        { file: 'content/kim/Kim Rusak.md', field: null, message: msg.fileName('Kim Rusak') },
        { file: 'content/places/pantai.md', field: null, message: msg.noFrontmatter },
        { file: 'content/stories/festival-pesisir.md', field: 'places[0]', message: msg.placeUnknown('pantai-hilang') },
      ]),
    );
    expect(new Set(errors.map((e) => e.file)).size).toBe(6);
  });

  it('reports several problems of one file together', () => {
    const kim = `---\nname: ""\nvillage: "64.74.01"\ncolor: teal\nwarna: merah\n---\n`;
    const errors = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', kim)] }));
    expect(errors.map((e) => [e.field, e.message])).toEqual(
      expect.arrayContaining([
        ['name', msg.required],
        ['village', msg.villageCode],
        ['color', msg.color],
        ['warna', msg.unknownKey('warna')],
      ]),
    );
  });
});

describe('formatContentErrors', () => {
  const errors = [
    { file: 'content/stories/b.md', field: 'kim', message: msg.kimUnknown('kim-x') },
    { file: 'content/kim/a.md', field: null, message: msg.noFrontmatter },
    { file: 'content/stories/b.md', field: 'places[0]', message: msg.placeUnknown('p') },
  ];
  const report = formatContentErrors(errors);

  it('starts with the number of errors and of files', () => {
    expect(report.split('\n')[0]).toBe(
      'Konten tidak valid: 3 kesalahan di 2 berkas. Situs tidak diterbitkan sampai semuanya diperbaiki.',
    );
  });

  it('groups errors under their file, files in path order', () => {
    const lines = report.split('\n');
    const a = lines.indexOf('✗ content/kim/a.md');
    const b = lines.indexOf('✗ content/stories/b.md');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(lines[a + 1]).toBe(`    ${msg.noFrontmatter}`);
    expect(lines[b + 1]).toBe(`    kolom "kim": ${msg.kimUnknown('kim-x')}`);
    expect(lines[b + 2]).toBe(`    kolom "places[0]": ${msg.placeUnknown('p')}`);
    expect(lines.filter((l) => l.startsWith('✗ '))).toHaveLength(2);
  });
});

describe('fieldPath', () => {
  it('writes keys with dots and list indexes in brackets', () => {
    expect(fieldPath(['photos', 0, 'alt'])).toBe('photos[0].alt');
    expect(fieldPath(['contacts', 'website'])).toBe('contacts.website');
    expect(fieldPath([])).toBeNull();
  });
});

describe('parseFrontmatter', () => {
  it('splits the YAML block from the body and says where the body starts', () => {
    expect(parseFrontmatter('---\nname: KIM A\nsectors: [wisata]\n---\nIsi.\n')).toEqual({
      ok: true,
      data: { name: 'KIM A', sectors: ['wisata'] },
      body: 'Isi.\n',
      bodyLine: 5,
    });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    expect(parseFrontmatter('\uFEFF---\r\nname: KIM A\r\n---\r\nIsi.\r\n')).toEqual({
      ok: true,
      data: { name: 'KIM A' },
      body: 'Isi.\n',
      bodyLine: 4,
    });
  });

  it('accepts a file that ends right after the closing line', () => {
    expect(parseFrontmatter('---\nname: KIM A\n---')).toEqual({ ok: true, data: { name: 'KIM A' }, body: '', bodyLine: 4 });
  });

  it('keeps an unquoted date as written, so an impossible date can be reported', () => {
    expect(parseFrontmatter('---\ndate: 2026-01-05\n---\n')).toMatchObject({ ok: true, data: { date: '2026-01-05' } });
    expect(parseFrontmatter('---\ndate: 2026-02-30\n---\n')).toMatchObject({ ok: true, data: { date: '2026-02-30' } });
  });

  it('treats a block with only comments, or an empty block, as empty data', () => {
    expect(parseFrontmatter('---\n# belum diisi\n---\n')).toMatchObject({ ok: true, data: {}, body: '' });
    expect(parseFrontmatter('---\n---\n')).toMatchObject({ ok: true, data: {} });
  });

  it('accepts blank lines before the block and spaces after its fences, as Astro does', () => {
    expect(parseFrontmatter('\n\n--- \nname: KIM A\n---  \nIsi\n')).toMatchObject({ ok: true, data: { name: 'KIM A' }, body: 'Isi\n' });
  });

  it('counts YAML error lines from the top of the file, blank lines included', () => {
    const result = parseFrontmatter('\n\n---\nname: A\nvillage: a: b\n---\n');
    expect(result).toMatchObject({ ok: false, line: 5 });
  });

  it('reports a file without a leading --- block', () => {
    expect(parseFrontmatter('name: KIM A\n')).toEqual({ ok: false, error: 'noFrontmatter' });
    expect(parseFrontmatter('Isi\n---\nname: KIM A\n---\n')).toEqual({ ok: false, error: 'noFrontmatter' });
  });

  it('reports a list where fields were expected', () => {
    const result = parseFrontmatter('---\n- name\n- village\n---\n');
    expect(result).toMatchObject({ ok: false, line: 2 });
    if (!result.ok) expect(result.error).toContain('nama: nilai');
  });

  it('reports broken YAML in Indonesian with the file line', () => {
    const result = parseFrontmatter('---\nname: KIM A\nvillage: a: b\n---\n');
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (!result.ok) expect(result.error).toContain('Periksa titik dua, tanda kutip dan indentasi');
  });

  it('does not run YAML tags that would build JavaScript objects', () => {
    const result = parseFrontmatter('---\nname: !!js/function "function () {}"\n---\n');
    expect(result.ok).toBe(false);
  });
});

describe('validateNetwork speaks Indonesian for every kind of mistake', () => {
  it('rejects a date the calendar does not have instead of moving it to another day', () => {
    const errors = errorsOf(validate({ files: [validKim(), validPlace(), file('stories', 'festival-pesisir.md', STORY_MD.replace('2026-01-05', '2026-02-30'))] }));
    expect(errors).toEqual([{ file: 'content/stories/festival-pesisir.md', field: 'date', message: msg.date }]);
  });

  it('explains a wrong type without English words', () => {
    const kim = KIM_MD.replace('sectors: [wisata]', 'sectors: [wisata]\nactive: ya\ndecree: SK 12/2020');
    const errors = errorsOf(validate({ files: [file('kim', 'kim-bontang-kuala.md', kim)] }));
    expect(errors.map((e) => e.field).sort()).toEqual(['active', 'decree']);
    for (const error of errors) {
      expect(error.message).toMatch(/^jenis nilai salah: seharusnya /);
      expect(error.message).not.toMatch(/invalid|expected|received/i);
    }
  });

  it('explains a network.yaml that is a list instead of fields', () => {
    const errors = errorsOf(validate({ network: '- "64.74"\n', files: [] }));
    expect(errors).toEqual([{ file: NETWORK_PATH, field: null, message: msg.invalidType('kumpulan kolom "nama: nilai" (bukan teks tunggal)') }]);
  });

  it('explains an operator written as text instead of fields', () => {
    const errors = errorsOf(validate({ network: `${NETWORK_YAML}operator: Diskominfo Bontang\n`, files: [] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'operator' });
    expect(errors[0]!.message).toMatch(/^jenis nilai salah/);
  });
});

describe('validateNetwork and where located entries are', () => {
  const at = (verdict: LandVerdict): ValidationInput['land'] => ({ locate: () => verdict });
  const located = (coordinates: string) => file('places', 'kampung-bontang-kuala.md', PLACE_MD.replace('kind:', `coordinates: ${coordinates}\nkind:`));

  it('names the country a point lies in when it is not Indonesia', () => {
    const errors = errorsOf(validate({ files: [validKim(), located('{ lat: 3.139, lng: 101.687 }')], land: at({ kind: 'foreign', country: 'Malaysia' }) }));
    expect(errors).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.coordinatesForeign('Malaysia') }]);
  });

  it('says how far out at sea a point is', () => {
    const errors = errorsOf(validate({ files: [validKim(), located('{ lat: -5, lng: 111 }')], land: at({ kind: 'sea', km: 103 }) }));
    expect(errors).toEqual([{ file: 'content/places/kampung-bontang-kuala.md', field: 'coordinates', message: msg.coordinatesSea(103) }]);
  });

  it('accepts a point on land or just off the coast', () => {
    expect(validate({ files: [validKim(), located('{ lat: 0.13, lng: 117.5 }')], land: at({ kind: 'coast', km: 0.4 }) }).ok).toBe(true);
  });

  it('warns, without stopping the build, about a point far from the rest of its kabupaten/kota', () => {
    const places = [0, 1, 2].map((i) => file('places', `tempat-${i}.md`, PLACE_MD.replace('kind:', `coordinates: { lat: ${0.13 + i * 0.01}, lng: 117.5 }\nkind:`)));
    const far = file('places', 'tempat-jauh.md', PLACE_MD.replace('kind:', 'coordinates: { lat: -6.2, lng: 106.85 }\nkind:'));
    const result = validate({ files: [validKim(), ...places, far], land: at({ kind: 'land' }) });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ file: 'content/places/tempat-jauh.md', field: 'coordinates', message: expect.stringMatching(/^koordinat berjarak sekitar \d+ km dari titik-titik lain di Kota Bontang/) }]);
  });
});

describe('validateNetwork and names', () => {
  it('refuses an entry named like a listing page of its section', () => {
    const errors = errorsOf(validate({ files: [validKim(), file('kim', 'sektor.md', KIM_MD)] }));
    expect(errors).toEqual([{ file: 'content/kim/sektor.md', field: null, message: msg.reservedId('sektor', 'kim') }]);
  });

  it('suggests the KIM that was meant when a reference is mistyped or in the wrong case', () => {
    const wrongCase = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: KIM-Bontang-Kuala'));
    const [error] = errorsOf(validate({ files: [validKim(), validPlace(), wrongCase] }));
    expect(error).toEqual({ file: 'content/stories/festival-pesisir.md', field: 'kim', message: msg.entryId + msg.suggestion('kim-bontang-kuala') });
    const missingPrefix = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: bontang-kuala'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), missingPrefix] }))[0]!.message).toBe(msg.kimUnknown('bontang-kuala') + msg.suggestion('kim-bontang-kuala'));
  });

  it('suggests nothing when no id is close', () => {
    const story = file('stories', 'festival-pesisir.md', STORY_MD.replace('kim: kim-bontang-kuala', 'kim: kim-samarinda-seberang'));
    expect(errorsOf(validate({ files: [validKim(), validPlace(), story] }))[0]!.message).toBe(msg.kimUnknown('kim-samarinda-seberang'));
  });

  it('prints invisible characters of a file name as escapes in the report', () => {
    const errors = errorsOf(validate({ files: [file('kim', 'kim\u001b[2J\n::error::x.md', KIM_MD)] }));
    const report = formatContentErrors(errors);
    expect(report).toContain('kim\\u001b[2J\\u000a::error::x');
    // eslint-disable-next-line no-control-regex
    expect(report).not.toMatch(/[\u001b]|\n::error::/);
  });
});
