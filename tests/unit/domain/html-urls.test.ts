import { describe, expect, it } from 'vitest';
import { portableHtml } from '../../../src/domain/html-urls.ts';

const page = 'https://kim.example.org/cerita/benua-elai/';

describe('HTML taken off the site', () => {
  it('makes links, images and srcset candidates absolute against the page', () => {
    const { html, images } = portableHtml(
      '<p><a href="/potensi/benua-elai/">Benua Elai</a> <a href="../lain/">lain</a> <a href="#catatan">catatan</a></p><img src="/_astro/a.webp" srcset="/_astro/a-480.webp 480w, /_astro/a-720.webp 720w" alt="Danau">',
      page,
    );
    expect(html).toContain('href="https://kim.example.org/potensi/benua-elai/"');
    expect(html).toContain('href="https://kim.example.org/cerita/lain/"');
    expect(html).toContain('href="https://kim.example.org/cerita/benua-elai/#catatan"');
    expect(html).toContain('srcset="https://kim.example.org/_astro/a-480.webp 480w, https://kim.example.org/_astro/a-720.webp 720w"');
    expect(images).toEqual(['https://kim.example.org/_astro/a.webp']);
  });

  it('leaves addresses elsewhere alone and decodes entities before resolving', () => {
    const { html } = portableHtml('<a href="https://www.youtube.com/watch?v=1&amp;t=2">video</a><a href="/cari/?q=a&amp;b=&quot;c&quot;">cari</a>', page);
    expect(html).toContain('href="https://www.youtube.com/watch?v=1&amp;t=2"');
    expect(html).toContain('href="https://kim.example.org/cari/?q=a&amp;b=%22c%22"');
  });

  it("drops the site's own data attributes and keeps text escaped", () => {
    const { html } = portableHtml('<figure><figcaption data-pagefind-ignore>Foto: &lt;script&gt;</figcaption></figure>', page);
    expect(html).toBe('<figure><figcaption>Foto: &lt;script&gt;</figcaption></figure>');
  });
});

describe('HTML for republishing', () => {
  it('leaves out media and the figures they leave empty, except what is marked to keep', () => {
    const { html } = portableHtml(
      '<figure data-keep><img data-keep src="/_astro/sampul.webp" alt="Sampul"><figcaption>Foto: KIM</figcaption></figure><p>Teks <img src="/_astro/x.webp" alt="x"></p><div class="gallery"><figure><img src="/a.webp" alt=""></figure></div><figure class="video"><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe><figcaption><a href="https://www.youtube.com/watch?v=x">Video</a></figcaption></figure>',
      page,
      { dropMedia: true },
    );
    expect(html).toBe(
      '<figure><img src="https://kim.example.org/_astro/sampul.webp" alt="Sampul"><figcaption>Foto: KIM</figcaption></figure><p>Teks </p><figure class="video"><figcaption><a href="https://www.youtube.com/watch?v=x">Video</a></figcaption></figure>',
    );
  });
});
