import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  unbreakable,
  normalizePhone,
  socialProfileUrl,
  whatsappUrl,
} from '../../../src/domain/contacts.ts';
import { hasUrlScheme, isSafeLink, isWebUrl } from '../../../src/domain/links.ts';
import { googleMapsDirectionsUrl, googleMapsSearchUrl, isInIndonesia, openStreetMapSearchUrl, openStreetMapUrl, placeSearchQuery } from '../../../src/domain/geo.ts';

describe('isSafeLink', () => {
  it('accepts http, https and mailto links', () => {
    expect(isSafeLink('https://kim.contoh.id/profil')).toBe(true);
    expect(isSafeLink('http://kim.contoh.id')).toBe(true);
    expect(isSafeLink('mailto:kim@contoh.id')).toBe(true);
  });

  it('rejects javascript: links in any letter case or with hidden whitespace', () => {
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('JavaScript:alert(1)')).toBe(false);
    expect(isSafeLink('  javascript:alert(1)')).toBe(false);
    expect(isSafeLink('java\tscript:alert(1)')).toBe(false);
  });

  it('rejects data: and vbscript: links', () => {
    expect(isSafeLink('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isSafeLink('vbscript:msgbox("x")')).toBe(false);
  });

  it('rejects other schemes and text that is not an absolute URL', () => {
    expect(isSafeLink('ftp://kim.contoh.id/berkas')).toBe(false);
    expect(isSafeLink('kim.contoh.id')).toBe(false);
    expect(isSafeLink('//kim.contoh.id')).toBe(false);
    expect(isSafeLink('')).toBe(false);
  });
});

describe('isWebUrl', () => {
  it('accepts http(s) addresses with a host and nothing else', () => {
    expect(isWebUrl('https://kim.contoh.id')).toBe(true);
    expect(isWebUrl('mailto:kim@contoh.id')).toBe(false);
    expect(isWebUrl('https://')).toBe(false);
    expect(isWebUrl('kim.contoh.id')).toBe(false);
  });
});

describe('normalizePhone', () => {
  it('turns a local number with a leading 0 into international digits', () => {
    expect(normalizePhone('0812-3456-7890')).toBe('6281234567890');
  });

  it('accepts the +62 form with spaces', () => {
    expect(normalizePhone('+62 812 3456 7890')).toBe('6281234567890');
  });

  it('accepts the bare 62 form', () => {
    expect(normalizePhone('6281234567890')).toBe('6281234567890');
  });

  it('accepts a landline written with brackets and dots', () => {
    expect(normalizePhone('(0548) 21.234')).toBe('6254821234');
  });

  it('rejects numbers containing letters', () => {
    expect(normalizePhone('0812-ABCD-7890')).toBeNull();
    expect(normalizePhone('telp 08123456789')).toBeNull();
  });

  it('rejects numbers from other countries', () => {
    expect(normalizePhone('+60 12-345 6789')).toBeNull();
    expect(normalizePhone('+1 202 555 0123')).toBeNull();
  });

  it('rejects numbers that are too short or too long', () => {
    expect(normalizePhone('0812')).toBeNull();
    expect(normalizePhone('0812345678901234567')).toBeNull();
  });

  it('rejects a plus sign anywhere but the start', () => {
    expect(normalizePhone('0812+3456')).toBeNull();
  });
});

describe('whatsappUrl', () => {
  it('links to wa.me with the digits', () => {
    expect(whatsappUrl('6281234567890')).toBe('https://wa.me/6281234567890');
  });

  it('percent-encodes the message so it cannot break out of the query', () => {
    const url = whatsappUrl('6281234567890', 'Halo, saya mau tanya & pesan? #1');
    expect(url).toBe('https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20tanya%20%26%20pesan%3F%20%231');
    expect(new URL(url).searchParams.get('text')).toBe('Halo, saya mau tanya & pesan? #1');
  });

  it('adds no text parameter for an empty message', () => {
    expect(whatsappUrl('6281234567890', '')).toBe('https://wa.me/6281234567890');
  });
});

describe('formatPhone', () => {
  it('groups international digits the way Indonesians read them', () => {
    expect(formatPhone('6281234567890')).toBe('+62 812-3456-7890');
  });

  it('keeps a landline area code apart', () => {
    expect(formatPhone('62548123456')).toBe('+62 548 123456');
    expect(formatPhone('622112345678')).toBe('+62 21 12345678');
  });

  it('can be kept on one line', () => {
    expect(unbreakable('+62 812-3456-7890')).toBe('+62\u00a0812\u20113456\u20117890');
  });
});

describe('socialProfileUrl', () => {
  it('turns an @handle into the profile URL of each network', () => {
    expect(socialProfileUrl('instagram', '@kimbontangkuala')).toBe('https://www.instagram.com/kimbontangkuala');
    expect(socialProfileUrl('facebook', 'kim.bontang.kuala')).toBe('https://www.facebook.com/kim.bontang.kuala');
    expect(socialProfileUrl('youtube', '@kimbontangkuala')).toBe('https://www.youtube.com/@kimbontangkuala');
  });

  it('keeps a full https profile URL as written', () => {
    expect(socialProfileUrl('facebook', ' https://www.facebook.com/kimbk ')).toBe('https://www.facebook.com/kimbk');
  });

  it('rejects a javascript: value', () => {
    expect(socialProfileUrl('instagram', 'javascript:alert(1)')).toBeNull();
    expect(socialProfileUrl('youtube', 'JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('rejects other schemes and handles with spaces or slashes', () => {
    expect(socialProfileUrl('instagram', 'mailto:kim@contoh.id')).toBeNull();
    expect(socialProfileUrl('instagram', '@kim bontang')).toBeNull();
    expect(socialProfileUrl('instagram', '@kim/../x')).toBeNull();
    expect(socialProfileUrl('instagram', '@')).toBeNull();
  });
});

describe('isInIndonesia', () => {
  it('is true for Bontang', () => {
    expect(isInIndonesia({ lat: 0.13, lng: 117.5 })).toBe(true);
  });

  it('is true near the far corners of the country', () => {
    expect(isInIndonesia({ lat: 5.89, lng: 95.32 })).toBe(true); // Sabang
    expect(isInIndonesia({ lat: -8.49, lng: 140.4 })).toBe(true); // Merauke
  });

  it('is false for 0,0 in the Gulf of Guinea off Africa', () => {
    expect(isInIndonesia({ lat: 0, lng: 0 })).toBe(false);
  });

  it('is false when latitude and longitude are swapped', () => {
    expect(isInIndonesia({ lat: 117.5, lng: 0.13 })).toBe(false);
  });

  it('is false when the minus sign of a southern latitude is dropped far from the equator', () => {
    expect(isInIndonesia({ lat: 8.49, lng: 140.4 })).toBe(false);
  });

  it('is false for a negated longitude', () => {
    expect(isInIndonesia({ lat: 0.13, lng: -117.5 })).toBe(false);
  });
});

describe('map links', () => {
  it('point OpenStreetMap and Google Maps at the coordinates', () => {
    const bontang = { lat: 0.13, lng: 117.5 };
    expect(openStreetMapUrl(bontang)).toBe('https://www.openstreetmap.org/?mlat=0.13&mlon=117.5#map=16/0.13/117.5');
    expect(openStreetMapUrl(bontang, 12)).toContain('#map=12/');
    expect(googleMapsDirectionsUrl(bontang)).toBe('https://www.google.com/maps/dir/?api=1&destination=0.13,117.5');
  });
});

describe('hasUrlScheme', () => {
  it('tells an address elsewhere from a relative path, as RFC 3986 spells a scheme', () => {
    for (const text of ['https://example.org', 'mailto:kim@example.org', 'JavaScript:alert(1)', 'data:image/png;base64,', 'web+kim:x', 'c:/foto.jpg']) expect(hasUrlScheme(text), text).toBe(true);
    for (const text of ['./foto.jpg', 'foto/benua-elai.jpg', '../kim/kim-batuah/', '/cari/', '#isi', '1x:foto', ':kosong', '']) expect(hasUrlScheme(text), text).toBe(false);
  });
});

describe('map searches by name', () => {
  const query = placeSearchQuery('Benua Elai', ['Desa Batuah', 'Kecamatan Loa Janan', 'Kabupaten Kutai Kartanegara']);

  it('names the place with its desa, kecamatan and kabupaten, most specific first', () => {
    expect(query).toBe('Benua Elai, Desa Batuah, Kecamatan Loa Janan, Kabupaten Kutai Kartanegara');
  });

  it('skips empty parts', () => {
    expect(placeSearchQuery(' Benua Elai ', ['', 'Kecamatan Loa Janan'])).toBe('Benua Elai, Kecamatan Loa Janan');
  });

  it('encodes the query for OpenStreetMap and Google Maps, which need no API key', () => {
    expect(openStreetMapSearchUrl(query)).toBe('https://www.openstreetmap.org/search?query=Benua%20Elai%2C%20Desa%20Batuah%2C%20Kecamatan%20Loa%20Janan%2C%20Kabupaten%20Kutai%20Kartanegara');
    expect(googleMapsSearchUrl('Kafe & Resto')).toBe('https://www.google.com/maps/search/?api=1&query=Kafe%20%26%20Resto');
  });
});
