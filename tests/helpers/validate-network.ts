/**
 * A small network for the validateNetwork tests: region data, network.yaml, one valid entry of
 * each collection, and `validate`, which runs the gate over them with photos on a fake disk.
 */
import path from 'node:path';
import { expect } from 'vitest';
import type { RegionData } from '../../src/domain/regions/tree.ts';
import { PHOTO_EXTENSION } from '../../src/format/paths.ts';
import { validateNetwork } from '../../src/format/validate.ts';
import type { ContentFile, ImageFacts, PathFacts, ValidationInput, ValidationResult } from '../../src/format/validation/types.ts';
import { contentFile } from './content-file.ts';

export { contentFile as file };

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

export const NETWORK_PATH = 'content/network.yaml';
export const NETWORK_YAML = `name: Jaringan KIM Bontang
description: KIM di Kota Bontang.
site: https://kim.contoh.id
scope:
  - "64.74"
`;

export const KIM_MD = `---
name: KIM Bontang Kuala
village: "64.74.01.1001"
sectors: [wisata]
---
KIM di kampung atas air.
`;

export const PLACE_MD = `---
name: Kampung Wisata Bontang Kuala
kind: wisata
region: "64.74.01.1001"
kim: kim-bontang-kuala
summary: Permukiman di atas air.
---
`;

export const STORY_MD = `---
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

/** A small readable JPEG as the reader would measure it. */
const PHOTO: ImageFacts = { format: 'jpeg', readable: true, width: 800, height: 600, pages: 1, gps: false };

export const validKim = () => contentFile('kim', 'kim-bontang-kuala.md', KIM_MD);
export const validPlace = () => contentFile('places', 'kampung-bontang-kuala.md', PLACE_MD);
export const validStory = () => contentFile('stories', 'festival-pesisir.md', STORY_MD);

/** The build's clock in these tests: stories dated later are not published. */
const NOW = new Date('2026-12-01T00:00:00Z');

export function validate(options: {
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

/** The errors of a result that must have failed. */
export function errorsOf(result: ValidationResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}
