/**
 * The press room of a network with more KIM than one page holds within the page budget: the
 * contacts go on over `/pers/halaman/2/`, still by kabupaten/kota, a kabupaten/kota that runs over
 * the page break named again as continued, and every page within the 14 KB budget although every
 * KIM lists all seven contacts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionData } from '../../src/format/sources/regions.ts';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult, type EntrySpec } from '../helpers/fixture.ts';

let contentDir: string;
let built: BuildResult;
const page = (at: string) => load(readFileSync(path.join(built.outDir, at, 'index.html'), 'utf8'));

beforeAll(async () => {
  const { villages } = await loadRegionData();
  // 70 KIM in Kota Balikpapan (64.71) and 40 in Kota Bontang (64.74), several in some kelurahan.
  const inCity = (prefix: string) => villages.filter((v) => v.code.startsWith(`${prefix}.`));
  const kim: Record<string, EntrySpec> = {};
  const add = (prefix: string, count: number, city: string) => {
    const list = inCity(prefix);
    for (let i = 0; i < count; i++) {
      const n = String(i + 1).padStart(2, '0');
      // Every contact a KIM may list, each different: the heaviest a page of contacts can be.
      const digits = String(1_000_000 + i * 7_919 + (city === 'bontang' ? 500_000 : 0)).slice(-7);
      const contacts = {
        whatsapp: `0812${digits}1`,
        phone: `0542-7${digits.slice(1)}`,
        email: `kim-${city}-${n}@uji.example.org`,
        instagram: `@kim.${city}.${n}`,
        facebook: `kim.${city}.${digits}`,
        youtube: `@kim${city}${digits}`,
        website: `https://kim-${city}-${n}.uji.example.org/profil-${digits}`,
      };
      kim[`kim-${city}-${n}`] = { data: { name: `KIM ${city} ${n}`, village: list[i % list.length]!.code, sectors: ['wisata', 'kuliner'], contacts } };
    }
  };
  add('64.71', 70, 'balikpapan');
  add('64.74', 40, 'bontang');
  contentDir = createFixture({ network: { ...BASE_NETWORK, scope: ['64.71', '64.74'] }, kim });
  built = await buildSite(contentDir);
  if (built.code !== 0) throw new Error(built.output);
}, 300_000);

afterAll(() => removeFixture(contentDir));

describe('a press room with more KIM than one page holds', () => {
  const names = (at: string) => {
    const $ = page(at);
    return $('.press-kim strong').map((_, k) => $(k).text()).get();
  };
  const range = (city: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `KIM ${city} ${String(from + i).padStart(2, '0')}`);

  it('lists fifty by kabupaten/kota on /pers/, then goes on at /pers/halaman/2/ and /pers/halaman/3/', () => {
    const first = page('pers/');
    expect(first('h1').text()).toBe('Ruang pers');
    expect(first('h3').map((_, h) => first(h).text()).get()).toEqual(['Kota Balikpapan']);
    expect(names('pers/')).toEqual(range('balikpapan', 1, 50));
    expect(first('.pagination a[rel="next"]').attr('href')).toBe('/pers/halaman/2/');
    expect(first('main').text()).toContain('Kontak publik setiap KIM, menurut kabupaten/kota, di 3 halaman.');

    const second = page('pers/halaman/2/');
    expect(second('h1').text()).toBe('Kontak KIM');
    expect(second('title').text()).toContain('Kontak KIM (Halaman 2 dari 3)');
    // Below the page's h1, the kabupaten/kota are h2: no heading level is skipped.
    expect(second('h2').map((_, h) => second(h).text()).get()).toEqual(['Kota Balikpapan (lanjutan)', 'Kota Bontang']);
    expect(second('h3').length).toBe(0);
    expect(names('pers/halaman/2/')).toEqual([...range('balikpapan', 51, 70), ...range('bontang', 1, 30)]);
    expect(second('.pagination a[rel="prev"]').attr('href')).toBe('/pers/');
    expect(second('.pagination a[rel="next"]').attr('href')).toBe('/pers/halaman/3/');
    expect(second('.press-kim a[href="mailto:kim-bontang-30@uji.example.org"]').length).toBe(1);
    // What only the first page holds: citing, the network's contact, brand assets.
    expect(second('dl.fields').length).toBe(0);
    expect(second('main a[href="/data/kim.csv"]').length).toBe(1);
    expect(second('nav.breadcrumbs a').map((_, a) => second(a).attr('href')).get()).toEqual(['/', '/pers/']);

    expect(names('pers/halaman/3/')).toEqual(range('bontang', 31, 40));
    expect(page('pers/halaman/3/')('h2').first().text()).toBe('Kota Bontang (lanjutan)');
  });

  it('opens every page with an index of where each kabupaten/kota begins', () => {
    for (const at of ['pers/', 'pers/halaman/2/']) {
      const $ = page(at);
      expect($('nav[aria-label="Kabupaten/kota"] a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get(), at).toEqual([
        ['Kota Balikpapan', '/pers/#kontak-64-71'],
        ['Kota Bontang', '/pers/halaman/2/#kontak-64-74'],
      ]);
    }
    expect(page('pers/')('h3[id]').map((_, h) => page('pers/')(h).attr('id')).get()).toEqual(['kontak-64-71']);
    // A continued heading is not a second target of the same anchor.
    expect(page('pers/halaman/2/')('h2[id]').map((_, h) => page('pers/halaman/2/')(h).attr('id')).get()).toEqual(['kontak-64-74']);
    expect(page('pers/halaman/3/')('h2[id]').length).toBe(0);
  });

  it('keeps every page of it within the 14 KB budget', () => {
    for (const at of ['pers/', 'pers/halaman/2/', 'pers/halaman/3/']) expect(gzipSync(readFileSync(path.join(built.outDir, at, 'index.html'))).length, at).toBeLessThan(14 * 1024);
  });
});
