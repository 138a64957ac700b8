import { z } from 'astro/zod';
import { isRegionCodeShape, levelOf } from '../../domain/regions/codes.ts';
import { NATIONAL_SCOPE } from '../../domain/regions/tree.ts';
import { isWebUrl } from '../../domain/links.ts';
import { DEFAULT_TILES, isTileTemplate } from '../../domain/map.ts';
import { DEFAULT_STATISTICS } from '../../domain/statistics.ts';
import { msg } from '../messages.ts';
import { contacts, field, gitAccounts, optionalText, regionCodeText, requiredText } from './common.ts';

const scopeCode = () =>
  regionCodeText(msg.scopeCode)
    .trim()
    .refine((c) => c === NATIONAL_SCOPE || (isRegionCodeShape(c) && levelOf(c) !== 'village'), {
      error: msg.scopeCode,
    });

/** Which pages have a social preview image of their own (site/views/social.ts). */
export const SOCIAL_CARD_MODES = ['entries', 'kim'] as const;
export type SocialCardMode = (typeof SOCIAL_CARD_MODES)[number];
/**
 * What `socialCards` in network.yaml may say: one of the modes, or `auto` (the default), which is
 * `entries` unless the build for a host finds the site too large for it with them, and then
 * `kim` (scripts/build-host.ts).
 */
export const SOCIAL_CARD_SETTINGS = ['auto', ...SOCIAL_CARD_MODES] as const;
export type SocialCardSetting = (typeof SOCIAL_CARD_SETTINGS)[number];

/** Where the CMS keeps the network's content; `coba` keeps edits in the browser, for training. */
const CMS_BACKENDS = ['github', 'gitlab', 'gitea', 'coba'] as const;

/** `content/network.yaml`: who runs this network, where it is published and which area it covers. */
export const networkSchema = z.strictObject({
  name: requiredText(120).meta(field('Nama jaringan', 'Nama jaringan, tampil di kepala setiap halaman.', 'Jaringan KIM Kutai Kartanegara dan Bontang')),
  /** A short name for page titles and small screens, e.g. "KIM Kukar & Bontang". */
  shortName: optionalText(40).meta(field('Nama pendek', 'Untuk judul halaman dan layar kecil.', 'KIM Kukar & Bontang')),
  description: requiredText(300).meta(field('Deskripsi', 'Satu atau dua kalimat tentang jaringan.')),
  /** The full public address, used for canonical links, the sitemap and feeds. */
  site: z.string({ error: msg.siteUrl }).trim().refine(isWebUrl, { error: msg.siteUrl }).meta(field('Alamat situs', 'Alamat publik lengkap situs.', 'https://example.org')),
  /** The folder the site is served from: "/" on its own domain, "/<repo>/" on GitHub Pages. */
  base: z
    .string({ error: msg.basePath })
    // Folder names only: a "." or ".." segment would point links outside the site's folder.
    .regex(/^\/(?:(?!\.{1,2}\/)[a-z0-9._-]+\/)*$/i, { error: msg.basePath })
    .default('/')
    .meta(field('Folder situs', '"/" di domain sendiri, "/nama-repo/" di GitHub Pages.', '/')),
  /** Kemendagri codes of the provinces, regencies or districts the network covers. */
  scope: z.array(scopeCode(), { error: msg.list }).min(1, { error: msg.required }).meta(field('Cakupan wilayah', 'Kode Kemendagri provinsi, kabupaten/kota atau kecamatan, atau "ID" untuk seluruh Indonesia.', '64.74')),
  operator: z
    .strictObject({
      name: requiredText(160).meta(field('Nama pengelola', 'Lembaga yang mengelola jaringan.', 'Diskominfo Kota Bontang')),
      url: z.string().refine(isWebUrl, { error: msg.url }).optional().meta(field('Situs pengelola', 'Alamat situs pengelola.', 'https://example.org')),
      contacts: contacts().meta(field('Kontak pengelola', 'Kontak publik pengelola jaringan.')),
    })
    .optional()
    .meta(field('Pengelola', 'Pengelola jaringan, untuk kaki halaman dan halaman pers.')),
  tagline: optionalText(160).meta(field('Slogan', 'Satu kalimat di beranda.')),
  /** The map's background tiles; OpenStreetMap unless the network has its own tile server or plan. */
  map: z
    .strictObject({
      tiles: z.string({ error: msg.tileUrl }).trim().refine(isTileTemplate, { error: msg.tileUrl }).meta(field('Alamat ubin', 'Alamat ubin peta dengan {z}, {x} dan {y}.', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')),
      attribution: requiredText(200).meta(field('Atribusi', 'Kredit peta dasar yang tampil di bawah peta.', '© OpenStreetMap contributors')),
      attributionUrl: z.string().refine(isWebUrl, { error: msg.url }).optional().meta(field('Tautan atribusi', 'Alamat halaman lisensi peta dasar.', 'https://www.openstreetmap.org/copyright')),
      maxZoom: z.number({ error: msg.number }).int().min(1).max(22).default(DEFAULT_TILES.maxZoom).meta(field('Perbesaran maksimum', 'Tingkat perbesaran peta paling dekat, 1 sampai 22.', '19')),
    })
    .default({ tiles: DEFAULT_TILES.url, attribution: DEFAULT_TILES.attribution, attributionUrl: DEFAULT_TILES.attributionUrl, maxZoom: DEFAULT_TILES.maxZoom })
    .meta(field('Peta dasar', 'Penyedia ubin peta; bawaannya OpenStreetMap.')),
  /** The web CMS at /admin/: where KIM members' edits go and whether editors review them first. */
  cms: z
    .strictObject({
      backend: z.enum(CMS_BACKENDS, { error: msg.oneOf(CMS_BACKENDS) }).optional().meta(field('Layanan git', 'Tempat repositori: github, gitlab, gitea (juga Forgejo), atau coba (isian hanya tersimpan di peramban, untuk pelatihan).', 'github')),
      repo: z
        .string({ error: msg.cmsRepo })
        .trim()
        .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { error: msg.cmsRepo })
        .optional()
        .meta(field('Repositori', 'Pemilik dan nama repositori, dipisah garis miring. Tanpa isian, dipakai repositori tempat GitHub Actions membangun situs.', 'nama-akun/nama-repo')),
      branch: optionalText(100).meta(field('Cabang', 'Cabang git tempat isi diterbitkan; tanpa isian, cabang utama repositori.', 'main')),
      editors: gitAccounts().meta(
        field('Editor jaringan (akun git)', 'Akun atau tim GitHub/GitLab yang meninjau semua isi jaringan; setiap KIM dapat menambah peninjaunya sendiri.', '@organisasi/redaksi'),
      ),
      review: z.boolean({ error: msg.boolean }).default(true).meta(field('Tinjau sebelum terbit', 'true: setiap simpanan menjadi pull request yang ditinjau editor jaringan sebelum terbit; false: langsung terbit.', 'true')),
      openAuthoring: z.boolean({ error: msg.boolean }).default(true).meta(field('Kontributor tanpa akses tulis', 'true: warga tanpa akses tulis ke repositori tetap bisa mengirim lewat salinan (fork) miliknya (hanya GitHub, dengan peninjauan).', 'true')),
      authUrl: z.string({ error: msg.url }).trim().refine(isWebUrl, { error: msg.url }).optional().meta(field('Alamat layanan masuk', 'Alamat pembantu OAuth (mis. Sveltia CMS Authenticator di Cloudflare Workers) untuk masuk dengan akun GitHub, atau alamat GitLab/Gitea sendiri.', 'https://nama-pembantu.workers.dev')),
      apiUrl: z.string({ error: msg.url }).trim().refine(isWebUrl, { error: msg.url }).optional().meta(field('Alamat API', 'Untuk GitLab atau Gitea/Forgejo milik sendiri: alamat API-nya.', 'https://git.example.org/api/v1')),
      appId: optionalText(100).meta(field('ID aplikasi OAuth', 'ID aplikasi OAuth di GitLab atau Gitea/Forgejo.')),
    })
    .default({ editors: [], review: true, openAuthoring: true })
    .meta(field('CMS web', 'Pengaturan halaman /admin/ tempat anggota KIM menulis tanpa git.')),
  /** What the dashboard (`/statistik/`) counts as quiet and as stale. */
  statistics: z
    .strictObject({
      quietDays: z.number({ error: msg.number }).int().min(1).max(3650).default(DEFAULT_STATISTICS.quietDays).meta(field('Batas KIM sepi (hari)', 'KIM aktif yang tidak menerbitkan cerita selama sekian hari disebut sepi di halaman statistik.', '90')),
      staleDays: z.number({ error: msg.number }).int().min(1).max(3650).default(DEFAULT_STATISTICS.staleDays).meta(field('Batas data potensi lama (hari)', 'Data potensi yang terakhir diperiksa lebih lama dari sekian hari disebut perlu diperiksa ulang, dan build memperingatkannya.', '365')),
    })
    .default(DEFAULT_STATISTICS)
    .meta(field('Statistik', 'Batas waktu untuk halaman statistik jaringan.')),
  /**
   * Whether every story and place gets its own preview image, or shows its KIM's: the per-entry
   * images are nearly a fifth of a network's files and two fifths of its bytes (bench/README.md),
   * which decides which free hosts can take a large network. `auto` lets the build for a host
   * decide (scripts/build-host.ts).
   */
  socialCards: z
    .enum(SOCIAL_CARD_SETTINGS, { error: msg.oneOf(SOCIAL_CARD_SETTINGS) })
    .default('auto')
    .meta(
      field(
        'Gambar pratinjau',
        'auto (bawaan): setiap cerita dan potensi punya gambar pratinjau sendiri, kecuali bila situs jadi terlalu besar untuk hosting tujuannya; saat itu build untuk hosting itu memakai gambar pratinjau KIM. entries: selalu gambar sendiri (judulnya tergambar). kim: cerita dan potensi selalu memakai gambar pratinjau KIM-nya (potensi tanpa KIM: gambar wilayahnya), sehingga situs jauh lebih kecil.',
        'auto',
      ),
    ),
  sample: z.boolean({ error: msg.boolean }).default(false).meta(field('Contoh', 'true bila situs ini hanya contoh.', 'false')),
});


export type NetworkConfig = z.output<typeof networkSchema>;

/** The configuration as a build's pages read it: `socialCards` decided (build/settings.ts, `socialCardMode`). */
export type BuildConfig = Omit<NetworkConfig, 'socialCards'> & { socialCards: SocialCardMode };
