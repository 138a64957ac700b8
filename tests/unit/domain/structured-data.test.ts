import { describe, expect, it } from 'vitest';
import { jsonLdText, newsArticle, openingHours, placeEntity, type Locality } from '../../../src/domain/structured-data.ts';

const where: Locality = { name: 'Desa Batuah', locality: 'Desa Batuah, Kecamatan Loa Janan, Kabupaten Kutai Kartanegara', region: 'Kabupaten Kutai Kartanegara', url: 'https://kim.example.org/wilayah/x/' };
const DAYS = (names: string[]) => names.map((d) => `https://schema.org/${d}`);
const WEEK = DAYS(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

describe('jsonLdText', () => {
  it('cannot end its script element, and parses back to the same text', () => {
    const hostile = 'Judul </script><script>alert("x")</script> & \u2028 \u2029 \'kutip\'';
    const text = jsonLdText([{ '@type': 'Thing', name: hostile }]);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Thing', name: hostile }] });
  });
});

describe('newsArticle', () => {
  const base = {
    url: 'https://kim.example.org/cerita/benua-elai/',
    headline: 'Benua Elai',
    description: 'Ringkasan.',
    published: '2026-11-30',
    language: 'id',
    section: 'Potensi desa',
    keywords: ['Wisata desa'],
    dateline: 'Desa Batuah, Kecamatan Loa Janan, Kabupaten Kutai Kartanegara',
    where,
    publisher: 'https://kim.example.org/kim/kim-batuah/#kim',
    network: 'https://kim.example.org/#jaringan',
    images: [{ url: 'https://kim.example.org/_astro/a.webp', credit: 'Tim KIM Batuah', caption: 'Danau' }],
    license: 'https://creativecommons.org/licenses/by/4.0/deed.id',
  };

  it('has what news aggregators require, with the photo credit and the licence', () => {
    const article = newsArticle({ ...base, authors: ['Tim Redaksi KIM Batuah'] }) as unknown as Record<string, unknown>;
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Benua Elai',
      datePublished: '2026-11-30',
      dateModified: '2026-11-30',
      author: [{ '@type': 'Person', name: 'Tim Redaksi KIM Batuah' }],
      publisher: { '@id': base.publisher },
      dateline: base.dateline,
      locationCreated: { '@type': 'Place', name: 'Desa Batuah' },
      image: [{ '@type': 'ImageObject', url: 'https://kim.example.org/_astro/a.webp', creditText: 'Tim KIM Batuah' }],
      license: base.license,
    });
  });

  it('credits the KIM when no author is named', () => {
    expect((newsArticle({ ...base, authors: [] }) as unknown as Record<string, unknown>).author).toEqual([{ '@id': base.publisher }]);
  });
});

describe('openingHours', () => {
  it('reads the ways hours are usually written', () => {
    expect(openingHours('Setiap hari, 08.00–17.00 WITA')).toEqual({ '@type': 'OpeningHoursSpecification', dayOfWeek: WEEK, opens: '08:00', closes: '17:00' });
    expect(openingHours('Senin - Jumat 7.30 sampai 16.00')).toMatchObject({ dayOfWeek: DAYS(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']), opens: '07:30', closes: '16:00' });
    expect(openingHours("Senin–Jum'at, 08:00-12:00")).toMatchObject({ opens: '08:00', closes: '12:00' });
  });

  it('says nothing rather than guess', () => {
    for (const text of ['Sesuai musim panen', 'Senin 08.00-12.00, Sabtu 09.00-11.00', 'Jumat–Senin 08.00-10.00', 'Setiap hari 25.00-26.00', '<iframe src="javascript:alert(1)"></iframe>']) {
      expect(openingHours(text), text).toBeUndefined();
    }
  });
});

describe('placeEntity', () => {
  const place = { url: 'https://kim.example.org/potensi/x/', name: 'Warung Apung', description: 'Ikan bakar.', where, images: [], hours: 'Setiap hari, 10.00–21.00', price: { label: 'Murah', free: false } };

  it('types a place by its kind and keeps price and hours where the type has them', () => {
    expect(placeEntity({ ...place, type: 'Restaurant', geo: { lat: -0.5, lng: 117.1 } })).toMatchObject({
      '@type': 'Restaurant',
      priceRange: 'Murah',
      geo: { '@type': 'GeoCoordinates', latitude: -0.5, longitude: 117.1 },
      openingHoursSpecification: { opens: '10:00', closes: '21:00' },
      address: { addressCountry: 'ID', addressRegion: 'Kabupaten Kutai Kartanegara' },
    });
    const attraction = placeEntity({ ...place, type: 'TouristAttraction', price: { label: 'Gratis', free: true } }) as unknown as Record<string, unknown>;
    expect(attraction).toMatchObject({ '@type': 'TouristAttraction', isAccessibleForFree: true });
    expect(attraction.priceRange).toBeUndefined();
  });
});
