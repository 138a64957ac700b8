/**
 * The small network the build tests read: three KIM in Kota Bontang (one with every profile
 * field, one inactive), a story with a cover photo and an MDX body, raw HTML to escape, a draft
 * and a story dated in the future, enough stories for a second listing page, and two places
 * (one located, one spanning a kecamatan).
 */
import sharp from 'sharp';
import { BASE_NETWORK, createFixture, type EntrySpec } from './fixture.ts';

const kelurahan = (code: string) => ({ village: code });

/** Thirteen published stories, so the story listing needs a second page. */
function manyStories(): Record<string, EntrySpec> {
  const stories: Record<string, EntrySpec> = {};
  for (let i = 1; i <= 11; i++) {
    stories[`kabar-${i}`] = {
      data: { title: `Kabar nomor ${i}`, date: `2026-10-${String(i).padStart(2, '0')}`, kim: 'kim-api-api', summary: `Ringkasan kabar ${i}.`, category: 'berita' },
      body: `Isi kabar ${i}.`,
    };
  }
  return stories;
}

/** Writes the network to a new content folder and returns its path. */
export async function createSmallNetwork(): Promise<string> {
  const cover = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3b82f6' } }).jpeg().toBuffer();
  return createFixture({
    network: { ...BASE_NETWORK, tagline: 'Kabar dari kelurahan' },
    kim: {
      'kim-bontang-kuala': {
        data: {
          name: 'KIM Bontang Kuala',
          ...kelurahan('64.74.01.1001'),
          decree: { number: '12/2021', date: '2021-03-01', issuer: 'Lurah Bontang Kuala' },
          registration: 'KIM-6474-001',
          sectors: ['kuliner', 'wisata', 'kuliner'],
          tagline: 'Kampung di atas laut',
          color: '#1d4ed8',
          contacts: { whatsapp: '0812-3456-7890', instagram: '@kimbontangkuala', website: 'https://kim.example.org' },
        },
        body: 'Tentang **KIM Bontang Kuala**.',
      },
      'kim-pemuda-bontang-kuala': { data: { name: 'KIM Pemuda Bontang Kuala', ...kelurahan('64.74.01.1001'), sectors: ['teknologi'] } },
      'kim-api-api': { data: { name: 'KIM Api-api', ...kelurahan('64.74.01.1006'), active: false } },
    },
    stories: {
      'festival-kampung-laut': {
        ext: 'mdx',
        data: {
          title: 'Festival kampung laut',
          date: '2026-11-20',
          updated: '2026-11-22',
          correction: 'Jumlah perahu hias diperbaiki.',
          kim: 'kim-bontang-kuala',
          summary: 'Warga menggelar festival di atas air.',
          category: 'kegiatan',
          tags: ['Wisata', 'budaya'],
          authors: ['Tim Redaksi KIM'],
          cover: { src: './festival.jpg', alt: 'Perahu hias di dermaga', credit: 'Tim Redaksi KIM' },
          places: ['dermaga-bontang-kuala'],
        },
        body: 'Festival berlangsung **meriah**.\n\nPerahu hias bersandar di [dermaga](../../potensi/dermaga-bontang-kuala/).',
      },
      'pengumuman-lama': {
        data: { title: 'Pengumuman lama', date: '2026-01-05', kim: 'kim-bontang-kuala', summary: 'Pengumuman.', category: 'pengumuman', license: 'hak-cipta', tags: ['wisata'] },
        body: 'Jangan jalankan ini: <script>alert("xss")</script> <img src="x" onerror="alert(1)">',
      },
      'masih-draf': { data: { title: 'Masih draf', date: '2026-11-01', kim: 'kim-bontang-kuala', summary: 'Belum siap.', category: 'berita', draft: true } },
      'dari-masa-depan': { data: { title: 'Dari masa depan', date: '2999-01-01', kim: 'kim-bontang-kuala', summary: 'Belum waktunya.', category: 'berita' } },
      ...manyStories(),
    },
    places: {
      'dermaga-bontang-kuala': {
        data: {
          name: 'Dermaga Bontang Kuala',
          kind: 'wisata',
          region: '64.74.01.1001',
          kim: 'kim-bontang-kuala',
          summary: 'Dermaga kayu di kampung atas laut.',
          coordinates: { lat: 0.1333, lng: 117.5 },
          hours: 'Setiap hari, 08.00–17.00 WITA',
          priceRange: 'gratis',
          contacts: { whatsapp: '+62 813-1111-2222', phone: '0548-123456' },
          featured: true,
        },
        body: 'Dermaga ini ramai pada sore hari.',
      },
      'kawasan-pesisir': { data: { name: 'Kawasan pesisir Bontang Selatan', kind: 'kuliner', region: '64.74.02', summary: 'Kuliner pesisir.' } },
    },
    files: { 'stories/festival.jpg': cover },
  });
}
