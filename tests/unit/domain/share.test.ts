import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../../src/domain/share.ts';

describe('shareLinks', () => {
  const links = shareLinks({ title: 'Benua Elai & "Danau" #1?', url: 'https://kim.example.org/cerita/benua-elai/' });

  it('puts WhatsApp first and offers the usual networks and e-mail', () => {
    expect(links.map((l) => l.service)).toEqual(['whatsapp', 'facebook', 'x', 'telegram', 'email']);
  });

  it('carries the title and address whole, whatever characters the title has', () => {
    const whatsapp = new URL(links[0]!.href);
    expect(whatsapp.origin).toBe('https://wa.me');
    expect(whatsapp.searchParams.get('text')).toBe('Benua Elai & "Danau" #1?\nhttps://kim.example.org/cerita/benua-elai/');
    const x = new URL(links[2]!.href);
    expect(x.searchParams.get('url')).toBe('https://kim.example.org/cerita/benua-elai/');
    expect(x.searchParams.get('text')).toBe('Benua Elai & "Danau" #1?');
    expect(links[4]!.href.startsWith('mailto:?subject=Benua%20Elai%20%26%20%22Danau%22%20%231%3F&body=')).toBe(true);
  });
});
