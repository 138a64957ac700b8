/**
 * Place and region pages that always lead somewhere, read from a network built from scratch in
 * Kecamatan Bontang Utara: places with and without coordinates and contacts, KIM with and without
 * contacts, an operator, and kelurahan without a KIM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_NETWORK, buildSite, createFixture, removeFixture, type BuildResult, type EntrySpec } from '../helpers/fixture.ts';

const BONTANG_KUALA = '64.74.01.1001';
const API_API = '64.74.01.1006';
const UTARA = 'wilayah/kota-bontang/bontang-utara';

let contentDir: string;
let build: BuildResult;

const page = (urlPath: string): CheerioAPI => load(readFileSync(path.join(build.outDir, urlPath, 'index.html'), 'utf8'));
const hrefs = ($: CheerioAPI, selector: string) => $(selector).map((_, a) => $(a).attr('href')).get();
/** The text a reader reads, with the page's whitespace folded. */
const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();
/** The sentences a reader reads in the paragraphs of one part of a page, one after the other. */
const sentences = ($: CheerioAPI, selector: string) =>
  $(`${selector} p`)
    .map((_, p) => $(p).text().replace(/\s+/g, ' ').trim())
    .get()
    .join(' ');

/** Seven stories from KIM Bontang Kuala and one from KIM Api-api, a day apart. */
function stories(): Record<string, EntrySpec> {
  const result: Record<string, EntrySpec> = {};
  for (let day = 1; day <= 7; day++) {
    result[`kabar-kuala-${day}`] = { data: { title: `Kabar Bontang Kuala ${day}`, date: `2026-11-0${day}`, kim: 'kim-bontang-kuala', summary: `Kabar ${day}.`, category: 'berita' } };
  }
  result['kabar-api-api'] = { data: { title: 'Kabar Api-api', date: '2026-11-08', kim: 'kim-api-api', summary: 'Kabar dari Api-api.', category: 'kegiatan' } };
  return result;
}

beforeAll(async () => {
  contentDir = createFixture({
    network: {
      ...BASE_NETWORK,
      operator: { name: 'Diskominfo Kota Uji', url: 'https://diskominfo.example.org', contacts: { email: 'kim@diskominfo.example.org' } },
    },
    kim: {
      'kim-bontang-kuala': { data: { name: 'KIM Bontang Kuala', village: BONTANG_KUALA, contacts: { whatsapp: '0812-3456-7890' } } },
      'kim-api-api': { data: { name: 'KIM Api-api', village: API_API } },
    },
    stories: stories(),
    places: {
      'warung-tepi-laut': {
        data: { name: 'Warung Tepi Laut', kind: 'kuliner', region: BONTANG_KUALA, kim: 'kim-bontang-kuala', summary: 'Warung di tepi laut.', address: 'Jalan Dermaga', hours: 'Setiap hari, 10.00–21.00 WITA', priceRange: 'murah', contacts: { phone: '0548-123456' } },
        body: 'Warung ini menyajikan ikan bakar.',
      },
      'dermaga-kayu': { data: { name: 'Dermaga Kayu', kind: 'wisata', region: BONTANG_KUALA, kim: 'kim-bontang-kuala', summary: 'Dermaga kayu.', coordinates: { lat: 0.1333, lng: 117.5 } } },
      'tambak-kuala': { data: { name: 'Tambak Kuala', kind: 'umkm', region: BONTANG_KUALA, summary: 'Tambak warga.' } },
      'pasar-api-api': { data: { name: 'Pasar Api-api', kind: 'kuliner', region: API_API, kim: 'kim-api-api', summary: 'Pasar kuliner.' } },
      'kebun-guntung': { data: { name: 'Kebun Guntung', kind: 'wisata', region: '64.74.01.1004', summary: 'Kebun warga.' } },
    },
  });
  build = await buildSite(contentDir);
  if (build.code !== 0) throw new Error(`Fixture build failed:\n${build.output}`);
}, 240_000);

afterAll(() => removeFixture(contentDir));

describe('a place page', () => {
  it('puts the description first, under its own heading, then the address, hours and price', () => {
    const $ = page('potensi/warung-tepi-laut');
    const headings = $('article h2').map((_, h) => $(h).text()).get();
    expect(headings.slice(0, 3)).toEqual(['Tentang tempat ini', 'Petunjuk arah', 'Kontak']);
    expect(text($, 'article section:has(#tentang)')).toContain('Warung ini menyajikan ikan bakar.');
    const facts = Object.fromEntries($('dl.facts dt').map((_, dt) => [[$(dt).text(), $(dt).next('dd').text()]]).get());
    expect(facts).toMatchObject({ Alamat: 'Jalan Dermaga', 'Jam buka': 'Setiap hari, 10.00–21.00 WITA', 'Kisaran harga': 'Murah' });
  });

  it('offers directions by name, kelurahan, kecamatan and kota when it has no coordinates', () => {
    const $ = page('potensi/warung-tepi-laut');
    const query = encodeURIComponent('Warung Tepi Laut, Kelurahan Bontang Kuala, Kecamatan Bontang Utara, Kota Bontang');
    expect(text($, '[data-directions="nama"]')).toBe('Cari di Google Maps Cari di OpenStreetMap');
    expect(hrefs($, '[data-directions="nama"] a')).toEqual([`https://www.google.com/maps/search/?api=1&query=${query}`, `https://www.openstreetmap.org/search?query=${query}`]);
    expect($('main').text()).toContain('Koordinat tempat ini belum dicantumkan.');
  });

  it('keeps directions to the point when it has coordinates', () => {
    const $ = page('potensi/dermaga-kayu');
    expect(hrefs($, '[data-directions="titik"] a')).toEqual(['https://www.google.com/maps/dir/?api=1&destination=0.1333,117.5', 'https://www.openstreetmap.org/?mlat=0.1333&mlon=117.5#map=16/0.1333/117.5']);
  });

  it('lists its own contacts when it has them', () => {
    const $ = page('potensi/warung-tepi-laut');
    expect($('[data-contact="place"] p').length).toBe(0);
    expect(hrefs($, '[data-contact="place"] a')).toEqual(['tel:+62548123456']);
  });

  it('falls back to the KIM that keeps it, with that KIM\'s contacts', () => {
    const $ = page('potensi/dermaga-kayu');
    expect(sentences($, '[data-contact="kim"]')).toBe('Tempat ini belum mencantumkan kontak. Hubungi KIM Bontang Kuala, yang mengelola informasi tempat ini.');
    expect(hrefs($, '[data-contact="kim"] a')[0]).toBe('/kim/kim-bontang-kuala/');
    expect(hrefs($, '[data-contact="kim"] a').some((href) => href!.startsWith('https://wa.me/6281234567890'))).toBe(true);
  });

  it('falls back to the KIM of its kelurahan when it names no KIM', () => {
    const $ = page('potensi/tambak-kuala');
    expect(sentences($, '[data-contact="kim"]')).toBe('Tempat ini belum mencantumkan kontak. Hubungi KIM Bontang Kuala, yang mengelola informasi Kelurahan Bontang Kuala.');
  });

  it('falls back to the network\'s operator when its KIM lists no contact, and says so', () => {
    const $ = page('potensi/pasar-api-api');
    expect(sentences($, '[data-contact="operator"]')).toBe(
      'Tempat ini belum mencantumkan kontak. KIM Api-api juga belum mencantumkan kontak publik. Hubungi pengelola jaringan ini, Diskominfo Kota Uji.',
    );
    expect(hrefs($, '[data-contact="operator"] a')).toEqual(['/kim/kim-api-api/', 'https://diskominfo.example.org', 'mailto:kim@diskominfo.example.org']);
  });

  it('falls back to the operator for a place in a kelurahan without a KIM', () => {
    const $ = page('potensi/kebun-guntung');
    expect(sentences($, '[data-contact="operator"]')).toBe('Tempat ini belum mencantumkan kontak. Hubungi pengelola jaringan ini, Diskominfo Kota Uji.');
    expect($('main').text()).not.toContain('KIM ini belum mencantumkan kontak publik');
  });
});

describe('a kecamatan page', () => {
  it('lists its five latest stories and links to all of them', () => {
    const $ = page(UTARA);
    const section = $('section:has(h2:contains("Cerita terbaru dari Kecamatan Bontang Utara"))');
    const storyLinks = section.find('a[href^="/cerita/"]').map((_, a) => $(a).attr('href')).get();
    expect(storyLinks.filter((href) => href!.startsWith('/cerita/kabar'))).toEqual(['/cerita/kabar-api-api/', '/cerita/kabar-kuala-7/', '/cerita/kabar-kuala-6/', '/cerita/kabar-kuala-5/', '/cerita/kabar-kuala-4/']);
    expect(section.find('a[href="/cerita/wilayah/kota-bontang/bontang-utara/"]').text()).toBe('Semua cerita dari Kecamatan Bontang Utara (8)\u00a0→');
  });

  it('lists its places as cards linking to them, and links to all of them', () => {
    const $ = page(UTARA);
    const section = $('section:has(h2:contains("Potensi di Kecamatan Bontang Utara"))');
    const placeLinks = section.find('a[href^="/potensi/"]').map((_, a) => $(a).attr('href')).get();
    expect(placeLinks).toEqual(expect.arrayContaining(['/potensi/warung-tepi-laut/', '/potensi/dermaga-kayu/', '/potensi/kebun-guntung/', '/potensi/pasar-api-api/', '/potensi/tambak-kuala/']));
    expect(placeLinks).toContain('/potensi/wilayah/kota-bontang/bontang-utara/');
  });

  it('links its counts of stories and places to their listings', () => {
    const $ = page(UTARA);
    expect($('ul.stats a').map((_, a) => `${text($, `ul.stats a[href="${$(a).attr('href')}"]`)} → ${$(a).attr('href')}`).get()).toEqual([
      '8 cerita → /cerita/wilayah/kota-bontang/bontang-utara/',
      '5 potensi → /potensi/wilayah/kota-bontang/bontang-utara/',
    ]);
  });
});

describe('a province page', () => {
  it('lists its five latest stories, with no directory of its own to link, and its counts unlinked', () => {
    const $ = page('wilayah/kalimantan-timur');
    const section = $('section:has(h2:contains("Cerita terbaru dari Provinsi Kalimantan Timur"))');
    expect(hrefs($, 'section:has(h2:contains("Cerita terbaru dari Provinsi Kalimantan Timur")) a[href^="/cerita/kabar"]')).toEqual([
      '/cerita/kabar-api-api/', '/cerita/kabar-kuala-7/', '/cerita/kabar-kuala-6/', '/cerita/kabar-kuala-5/', '/cerita/kabar-kuala-4/',
    ]);
    expect(section.find('a[href^="/cerita/wilayah/"]')).toHaveLength(0);
    expect(hrefs($, 'ul.stats a')).not.toContain(expect.stringMatching(/^\/cerita\//));
  });
});

describe('story directories', () => {
  it('list a kecamatan\'s and a kota\'s stories, newest first', () => {
    const $ = page('cerita/wilayah/kota-bontang/bontang-utara');
    expect($('h1').text()).toBe('Cerita dari Kecamatan Bontang Utara');
    expect($('main a[href^="/cerita/kabar"]').first().attr('href')).toBe('/cerita/kabar-api-api/');
    expect(page('cerita/wilayah/kota-bontang')('main').text()).toContain('8 cerita');
  });

  it('are where the stories listing narrows by kota and the kota page\'s stories lead', () => {
    expect(hrefs(page('cerita'), 'details.areas a')).toEqual(['/cerita/wilayah/kota-bontang/']);
    expect(hrefs(page('wilayah/kota-bontang'), 'main a[href^="/cerita/wilayah/"]')).toContain('/cerita/wilayah/kota-bontang/');
  });
});

describe('a kelurahan without a KIM', () => {
  const guntung = () => page(`${UTARA}/guntung`);

  it('shows the KIM of its kecamatan, nearest first in name order', () => {
    const $ = guntung();
    expect(text($, '[data-around="kim"] h2')).toBe('KIM terdekat, di Kecamatan Bontang Utara');
    expect(hrefs($, '[data-around="kim"] a[href^="/kim/"]')).toEqual(['/kim/kim-api-api/', '/kim/kim-bontang-kuala/']);
  });

  it('shows its kecamatan\'s latest news with a link to all of it', () => {
    const $ = guntung();
    expect(hrefs($, '[data-around="stories"] a[href^="/cerita/kabar"]')).toEqual(['/cerita/kabar-api-api/', '/cerita/kabar-kuala-7/', '/cerita/kabar-kuala-6/', '/cerita/kabar-kuala-5/', '/cerita/kabar-kuala-4/']);
    expect(hrefs($, '[data-around="stories"] a')).toContain('/cerita/wilayah/kota-bontang/bontang-utara/');
  });

  it('links its neighbouring kelurahan and how to form a KIM', () => {
    const $ = guntung();
    // Official order, by code, as the kecamatan's own page lists them.
    expect(hrefs($, '[data-around="neighbours"] a')).toEqual(['bontang-kuala', 'bontang-baru', 'lok-tuan', 'gunung-elai', 'api-api'].map((slug) => `/${UTARA}/${slug}/`));
    expect(hrefs($, '[data-around="neighbours"] a')).toHaveLength(5);
    expect(hrefs($, 'main a')).toContain('/bentuk-kim/');
  });

  it('keeps what lies around it out of its own search entry', () => {
    const $ = guntung();
    for (const part of ['kim', 'stories', 'neighbours']) expect($(`[data-around="${part}"]`).attr('data-pagefind-ignore')).toBeDefined();
  });

  it('is not given to a kelurahan that has a KIM', () => {
    expect(page(`${UTARA}/bontang-kuala`)('[data-around]').length).toBe(0);
  });
});

describe('the press room', () => {
  it('gives the network’s operator as the press contact, with its site and public e-mail', () => {
    const $ = page('pers');
    const section = $('h2:contains("Kontak pengelola jaringan")').nextUntil('h2');
    expect(section.text()).toContain('Diskominfo Kota Uji');
    expect(section.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://diskominfo.example.org', 'mailto:kim@diskominfo.example.org']);
    expect(section.text()).not.toContain('belum mencantumkan');
  });
});
