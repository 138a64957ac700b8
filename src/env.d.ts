declare module 'virtual:jembatan/network' {
  /** Absolute path of the content folder this build reads. */
  export const contentDir: string;
  /** The validated `content/network.yaml`, with the preview mode this build uses decided. */
  export const network: import('./format/schemas/network.ts').BuildConfig;
  /** The deploy base ("/" or "/<repo>/") Astro was configured with. */
  export const base: string;
  /** The shard this build makes (a province or run of regencies, or the network-wide pages), or null for all of it. */
  export const shard: string | null;
  /** The whole network's figures when this build holds only part of its entries (the network shard). */
  export const figures: import('./domain/shards.ts').NetworkFigures | null;
  /** The build's clock: stories dated later are not published. */
  export const now: Date;
  /** The build cache folder (Astro's `cacheDir`), kept between builds. */
  export const cacheDir: string;
  /** `owner/name` of the repository when GitHub Actions builds the site, else null. */
  export const repository: string | null;
}

// Leaflet 1.9 ships an ES module build without declaring it; its types are the package's.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
