/**
 * The only script a map page loads up front (well under 1 KB): it waits until a reader scrolls
 * near a map, then fetches the map library and draws it. A reader who never reaches the map,
 * or has JavaScript off, downloads nothing more and still has every place as a link on the page.
 */
export function startMaps(): void {
  const frames = [...document.querySelectorAll<HTMLElement>('[data-map]')];
  const open = (frame: HTMLElement) => {
    frame.setAttribute('aria-busy', 'true');
    import('./map.ts')
      .then(({ drawMap }) => drawMap(frame))
      .catch(() => frame.classList.add('map-failed'))
      .finally(() => frame.removeAttribute('aria-busy'));
  };
  if (!('IntersectionObserver' in window)) {
    frames.forEach(open);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        open(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  frames.forEach((frame) => observer.observe(frame));
}
