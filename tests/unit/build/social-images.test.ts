import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { drawSocialCard, socialCardImage } from '../../../src/build/social-images.ts';
import type { SocialCard } from '../../../src/domain/social.ts';

const card: SocialCard = {
  seed: 'kim-batuah',
  brand: { color: '#fde047', ink: '#000000' },
  icon: 'radio',
  title: 'Lebih dari 100 KIM di Kutai Kartanegara, tersebar dari pesisir sampai hulu Mahakam',
  subtitle: 'KIM Batuah · Desa Batuah, Kutai Kartanegara',
};
const cache = mkdtempSync(path.join(tmpdir(), 'jembatan-social-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('drawing a social card', () => {
  it('makes a 1200 × 630 JPEG well under 100 KB', async () => {
    const image = await drawSocialCard(card);
    const meta = await sharp(image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    expect(image.length).toBeLessThan(100_000);
  });

  it('draws text: the title band is not the flat brand colour', async () => {
    const { data, info } = await sharp(await drawSocialCard(card)).extract({ left: 80, top: 200, width: 700, height: 120 }).raw().toBuffer({ resolveWithObject: true });
    let dark = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 80 && data[i + 1]! < 80 && data[i + 2]! < 80) dark++;
    // Black letters on yellow: a good share of the band's pixels are ink.
    expect(dark / (info.width * info.height)).toBeGreaterThan(0.05);
  });

  it('keeps a drawn card in the cache and reads it back', async () => {
    const drawn = await socialCardImage(card, cache);
    expect(readdirSync(path.join(cache, 'social'))).toHaveLength(1);
    expect((await socialCardImage(card, cache)).equals(drawn)).toBe(true);
    expect(readdirSync(path.join(cache, 'social'))).toHaveLength(1);
  });
});
