/**
 * Share links for a page: plain links to each service's own share address, so sharing needs no
 * script and the page loads nothing from anyone. WhatsApp first: it is how news travels between
 * villages. Each message carries the title and the address, which every app turns into a preview.
 */
type ShareService = 'whatsapp' | 'facebook' | 'x' | 'telegram' | 'email';

export interface ShareLink {
  service: ShareService;
  href: string;
}

export function shareLinks({ title, url }: { title: string; url: string }): ShareLink[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { service: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}` },
    { service: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { service: 'x', href: `https://x.com/intent/post?text=${text}&url=${u}` },
    { service: 'telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { service: 'email', href: `mailto:?subject=${text}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}
