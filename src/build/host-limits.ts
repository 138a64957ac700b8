/**
 * Whether a built site fits the free static hosts the README offers, and a plain report saying
 * which of them can take it and why not the others. Pure: the figures come from `measureSite`
 * (site-stats.ts), run after every build, after a sharded build's merge and by `check:site`.
 *
 * Each host's limits are the documented ones, with where they are written. What no host
 * documents as a deploy limit (bandwidth, build minutes, requests) is not judged here.
 */
import { formatNumber } from '../domain/dates.ts';
import type { SocialCardSetting } from '../format/schemas/network.ts';

/** What a built site is made of, as the hosts count it. */
export interface SiteStats {
  files: number;
  bytes: number;
  /** The largest file, with `/` separators relative to the site; null for an empty site. */
  largest: { path: string; bytes: number } | null;
  /**
   * The folder with the most entries directly in it (files and subfolders, not what the
   * subfolders hold); `.` is the site's root.
   */
  fullestFolder: { path: string; entries: number } | null;
}

type HostId = 'github-pages' | 'cloudflare-pages' | 'netlify';

/** A host's documented limits for one deploy of a static site on its free plan. */
export interface HostLimits {
  id: HostId;
  name: string;
  /** Where each limit is documented. */
  sources: readonly string[];
  /** Files in the whole site. */
  files?: number;
  /** Bytes of one file, and how the host writes that limit. */
  fileBytes?: { bytes: number; label: string };
  /** Bytes of the whole site, and how the host writes that limit. */
  siteBytes?: { bytes: number; label: string };
  /** Entries directly in one folder. */
  folderEntries?: number;
}

const MiB = 1024 * 1024;

export const HOSTS: readonly HostLimits[] = [
  {
    id: 'github-pages',
    name: 'GitHub Pages',
    // "Published GitHub Pages sites may be no larger than 1 GB." Counted strictly, as 10^9 bytes.
    // The 100 MB per-file limit is git's, for sites published from a branch; a site deployed from
    // Actions as an artifact (deploy-github-pages.yml) does not go through git.
    sources: ['https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits'],
    siteBytes: { bytes: 1_000_000_000, label: '1 GB' },
  },
  {
    id: 'cloudflare-pages',
    name: 'Cloudflare Pages',
    // Free plan: 20,000 files per site (paid plans 100,000); 25 MiB per file.
    sources: ['https://developers.cloudflare.com/pages/platform/limits/'],
    files: 20_000,
    fileBytes: { bytes: 25 * MiB, label: '25 MiB' },
  },
  {
    id: 'netlify',
    name: 'Netlify',
    // No limit on files per deploy, but at most 54,000 files in one directory (counted here with
    // the subfolders, which the documentation does not say it leaves out); and "files over
    // 10 MByte in size are not well-supported by our CDN and will likely fail to upload".
    sources: ['https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit', 'https://www.netlify.com/docs/build-gotchas/'],
    folderEntries: 54_000,
    fileBytes: { bytes: 10_000_000, label: '10 MB' },
  },
];

/** The limits `id` names, for a command's `--host` option. */
export function hostById(id: string): HostLimits | undefined {
  return HOSTS.find((host) => host.id === id);
}

type LimitKind = 'files' | 'fileBytes' | 'siteBytes' | 'folderEntries';

/** One limit a site goes over. */
interface HostProblem {
  limit: LimitKind;
  actual: number;
  allowed: number;
  /** The file or folder concerned, for the per-file and per-folder limits. */
  path?: string;
}

export interface HostVerdict {
  host: HostLimits;
  fits: boolean;
  problems: HostProblem[];
}

/** Judges a site's figures against every host, in the order of `hosts`. */
export function judgeHosts(stats: SiteStats, hosts: readonly HostLimits[] = HOSTS): HostVerdict[] {
  return hosts.map((host) => {
    const problems: HostProblem[] = [];
    if (host.files !== undefined && stats.files > host.files) problems.push({ limit: 'files', actual: stats.files, allowed: host.files });
    if (host.siteBytes && stats.bytes > host.siteBytes.bytes) problems.push({ limit: 'siteBytes', actual: stats.bytes, allowed: host.siteBytes.bytes });
    if (host.fileBytes && stats.largest && stats.largest.bytes > host.fileBytes.bytes) {
      problems.push({ limit: 'fileBytes', actual: stats.largest.bytes, allowed: host.fileBytes.bytes, path: stats.largest.path });
    }
    if (host.folderEntries !== undefined && stats.fullestFolder && stats.fullestFolder.entries > host.folderEntries) {
      problems.push({ limit: 'folderEntries', actual: stats.fullestFolder.entries, allowed: host.folderEntries, path: stats.fullestFolder.path });
    }
    return { host, fits: problems.length === 0, problems };
  });
}

/** Bytes as a reader says them: KB, MB, GB in powers of ten, with an Indonesian decimal comma. */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1e9 ? ['GB', 1e9] : bytes >= 1e6 ? ['MB', 1e6] : ['KB', 1e3];
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(bytes / (size as number))} ${unit}`;
}

const folderName = (folder: string) => (folder === '.' ? 'folder utama' : `folder ${folder}`);

/** Why a host cannot take the site, one limit at a time. */
function problemText(host: HostLimits, problem: HostProblem): string {
  switch (problem.limit) {
    case 'files':
      return `${formatNumber(problem.actual)} berkas, batasnya ${formatNumber(problem.allowed)} berkas per situs`;
    case 'siteBytes':
      return `situs ${formatBytes(problem.actual)}, batasnya ${host.siteBytes!.label} per situs`;
    case 'fileBytes':
      return `berkas ${problem.path} ${formatBytes(problem.actual)}, batasnya ${host.fileBytes!.label} per berkas`;
    case 'folderEntries':
      return `${folderName(problem.path!)} berisi ${formatNumber(problem.actual)} berkas dan subfolder, batasnya ${formatNumber(problem.allowed)} per folder`;
  }
}

/** Why a host refuses a site: each limit it goes over, as the report says it. */
export const whyRefused = ({ host, problems }: HostVerdict) => problems.map((p) => problemText(host, p)).join('; ');

/** How much of each of a host's limits the site uses, for a host that takes it. */
function headroomText(host: HostLimits, stats: SiteStats): string {
  const parts: string[] = [];
  if (host.files !== undefined) parts.push(`${formatNumber(stats.files)} dari ${formatNumber(host.files)} berkas`);
  if (host.siteBytes) parts.push(`${formatBytes(stats.bytes)} dari ${host.siteBytes.label}`);
  if (host.folderEntries !== undefined && stats.fullestFolder) parts.push(`folder terpadat ${formatNumber(stats.fullestFolder.entries)} dari ${formatNumber(host.folderEntries)} berkas dan subfolder`);
  if (host.fileBytes && stats.largest) parts.push(`berkas terbesar ${formatBytes(stats.largest.bytes)} dari ${host.fileBytes.label}`);
  return parts.join('; ');
}

const LIMIT_WORDS: Record<LimitKind, string> = { files: 'file count', siteBytes: 'site size', fileBytes: 'file size', folderEntries: 'entries per folder' };

/** "a, b dan c" */
const list = (items: readonly string[], and = 'dan') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);

/**
 * The report: the site's figures, one line per host saying whether it fits and why not, a plain
 * sentence naming the hosts that can take it, and one English line for maintainers.
 */
export function hostReport(stats: SiteStats, verdicts: readonly HostVerdict[] = judgeHosts(stats)): string {
  const figures = [
    `${formatNumber(stats.files)} berkas`,
    formatBytes(stats.bytes),
    ...(stats.largest ? [`berkas terbesar ${formatBytes(stats.largest.bytes)} (${stats.largest.path})`] : []),
    ...(stats.fullestFolder ? [`${folderName(stats.fullestFolder.path)} berisi ${formatNumber(stats.fullestFolder.entries)} berkas dan subfolder`] : []),
  ];
  const lines = [`Batas hosting gratis. Situs ini: ${figures.join('; ')}.`];
  for (const { host, fits, problems } of verdicts) {
    lines.push(
      fits ? `  ✓ ${host.name}: muat (${headroomText(host, stats)}).` : `  ✗ ${host.name}: tidak muat: ${whyRefused({ host, fits, problems })}.`,
    );
  }
  const able = verdicts.filter((v) => v.fits).map((v) => v.host.name);
  const unable = verdicts.filter((v) => !v.fits);
  if (unable.length === 0) lines.push(`Situs ini bisa diterbitkan di ${list(able)}.`);
  else if (able.length === 0) {
    lines.push(`Tidak ada hosting gratis di atas yang bisa menampung situs ini. Lihat README, bagian "Jaringan besar di hosting gratis".`);
  } else lines.push(`Situs ini bisa diterbitkan di ${list(able)}; tidak di ${list(unable.map((v) => v.host.name), 'maupun')}.`);
  const english = [
    able.length > 0 ? `fits ${able.join(', ')}` : 'fits none of the free hosts',
    ...(unable.length > 0 ? [`too large for ${unable.map((v) => `${v.host.name} (${v.problems.map((p) => LIMIT_WORDS[p.limit]).join(', ')})`).join(', ')}`] : []),
  ];
  lines.push(`Host limits: ${english.join('; ')}.`);
  return lines.join('\n');
}

/** The stories' and places' own preview images in a built site (site-stats.ts, `measureEntryPreviews`). */
export interface EntryPreviews {
  files: number;
  bytes: number;
}

/**
 * The site's figures without the stories' and places' own previews, as `socialCards: kim` would
 * build it. The largest file and the fullest folder stay as they are: previews are neither.
 */
const withSharedPreviews = (stats: SiteStats, previews: EntryPreviews): SiteStats => ({ ...stats, files: stats.files - previews.files, bytes: stats.bytes - previews.bytes });

/**
 * What sharing previews (`socialCards: kim` in network.yaml) would do for a site some host
 * refuses, given the files and bytes of the stories' and places' own previews: a sentence naming
 * the hosts that would then take it, or undefined when it would win none.
 */
export function sharedPreviewsAdvice(stats: SiteStats, verdicts: readonly HostVerdict[], entryPreviews: EntryPreviews): string | undefined {
  const refused = verdicts.filter((v) => !v.fits).map((v) => v.host);
  if (refused.length === 0 || entryPreviews.files === 0) return undefined;
  const gained = judgeHosts(withSharedPreviews(stats, entryPreviews), refused).filter((v) => v.fits).map((v) => v.host.name);
  if (gained.length === 0) return undefined;
  return (
    `Saran: dengan "socialCards: kim" di network.yaml, cerita dan potensi memakai gambar pratinjau KIM-nya, ` +
    `sehingga ${formatNumber(entryPreviews.files)} berkas (${formatBytes(entryPreviews.bytes)}) tidak dibuat dan situs ini juga muat di ${list(gained)}.`
  );
}

/**
 * Whether a build for `host` should be made again with the KIM's previews (`npm run build:host`):
 * only when the host refuses the site, the stories' and places' own previews are what makes the
 * difference, and the network left the choice to the build (`socialCards: auto`).
 */
export function needsSharedPreviews(stats: SiteStats, host: HostLimits, entryPreviews: EntryPreviews, setting: SocialCardSetting): boolean {
  if (setting !== 'auto' || entryPreviews.files === 0) return false;
  const [now] = judgeHosts(stats, [host]);
  if (now!.fits) return false;
  const [shared] = judgeHosts(withSharedPreviews(stats, entryPreviews), [host]);
  return shared!.fits;
}
