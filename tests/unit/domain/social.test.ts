import { describe, expect, it } from 'vitest';
import { socialCardKey, socialCardSvg, type SocialCard } from '../../../src/domain/social.ts';

const card: SocialCard = { seed: 'benua-elai', brand: { color: '#0f766e', ink: '#ffffff' }, icon: 'tree-palm', title: 'Benua Elai', subtitle: 'KIM Batuah · Desa Batuah, Kutai Kartanegara' };

describe('a social card', () => {
  it('is drawn in the shipped typeface, never the machine’s', () => {
    const svg = socialCardSvg(card);
    expect(svg).toContain('font-family="Source Sans 3"');
    expect(svg).not.toContain('system-ui');
  });

  it('carries hostile text as text', () => {
    const svg = socialCardSvg({ ...card, title: '</text><script>alert(1)</script>', subtitle: '"><image href="https://jahat.example/x.png"/>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<image');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
  });

  it('keeps a long subtitle to one line, dropping its widest places first', () => {
    const svg = socialCardSvg({ ...card, subtitle: 'KIM Pemuda Pelopor Informasi · Kelurahan Sungai Pinang Dalam, Kecamatan Sungai Pinang, Kota Samarinda' });
    expect(svg).toMatch(/>KIM Pemuda Pelopor Informasi · Kelurahan Sungai Pinang Dalam<\/text><\/svg>$/);
    const one = socialCardSvg({ ...card, subtitle: `KIM ${'Sangat '.repeat(12)}Panjang` });
    expect(one).toMatch(/…<\/text><\/svg>$/);
  });

  it('is cached under a key that changes with anything it shows, and only then', () => {
    const key = (c: SocialCard) => socialCardKey(socialCardSvg(c));
    expect(key(card)).toBe(key({ ...card }));
    const others = [{ title: 'Benua Elai 2' }, { subtitle: 'KIM lain' }, { brand: { color: '#b91c1c', ink: '#ffffff' as const } }, { seed: 'lain' }, { icon: 'utensils' as const }];
    for (const change of others) expect(key({ ...card, ...change })).not.toBe(key(card));
  });
});
