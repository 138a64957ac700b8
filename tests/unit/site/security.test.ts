import { describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy, headersFile, metaContentSecurityPolicy } from '../../../src/site/security.ts';

/** The headers a host sends for a path, read the way each host documents it. */
function headersFor(file: string, path: string, host: 'cloudflare' | 'netlify'): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const block of file.trim().split('\n\n')) {
    const [pattern, ...lines] = block.split('\n');
    if (!new RegExp(`^${pattern!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\*', '.*')}$`).test(path)) continue;
    for (const line of lines.map((l) => l.trim())) {
      // Cloudflare Pages: "! Name" detaches a header an earlier rule set; every rule's values are sent.
      if (line.startsWith('! ')) headers.delete(line.slice(2));
      else {
        const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()];
        // Netlify: the last rule that sets a header wins.
        headers.set(name, host === 'netlify' ? [value] : [...(headers.get(name) ?? []), value]);
      }
    }
  }
  return headers;
}

describe('the _headers file', () => {
  const admin = { connect: ['https://api.github.com'], images: ['https://avatars.githubusercontent.com'] };

  for (const host of ['cloudflare', 'netlify'] as const) {
    it(`${host}: readers' pages get the site's strict policy, the CMS exactly its own`, () => {
      const file = headersFile('/jembatan/', { host, admin, tileOrigin: 'https://tile.openstreetmap.org' });
      const page = headersFor(file, '/jembatan/cerita/kabar/', host);
      expect(page.get('Content-Security-Policy')).toHaveLength(1);
      expect(page.get('Content-Security-Policy')![0]).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';.*frame-ancestors 'none'/);
      expect(page.get('Cross-Origin-Opener-Policy')).toEqual(['same-origin']);

      const cms = headersFor(file, '/jembatan/admin/', host);
      expect(cms.get('Content-Security-Policy')).toHaveLength(1);
      expect(cms.get('Content-Security-Policy')![0]).toContain("connect-src 'self' blob: data: https://api.github.com");
      expect(cms.get('Content-Security-Policy')![0]).toContain("frame-ancestors 'none'");
      // The sign-in pop-up (GitHub's OAuth helper) must be able to answer the page that opened it.
      expect(cms.get('Cross-Origin-Opener-Policy')).toEqual(['same-origin-allow-popups']);
      expect(cms.get('X-Content-Type-Options')).toEqual(['nosniff']);
    });
  }

  it('Netlify gets no Cloudflare-only detach lines', () => {
    expect(headersFile('/', { host: 'netlify' })).not.toMatch(/^\s+!/m);
    expect(headersFile('/', { host: 'cloudflare' })).toMatch(/^ {2}! Content-Security-Policy$/m);
  });

  it('the <meta> policies leave out what only a header can say', () => {
    for (const policy of [metaContentSecurityPolicy(), adminContentSecurityPolicy(admin)]) {
      expect(policy).not.toContain('frame-ancestors');
      expect(policy).not.toContain('upgrade-insecure-requests');
    }
    expect(adminContentSecurityPolicy(admin)).toMatch(/script-src 'self';/);
  });
});
