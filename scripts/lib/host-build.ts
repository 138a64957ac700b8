/**
 * A build for one free host (`npm run build:host`): builds the site, measures it against the
 * host's limits and, when the host refuses it only because every story and place has a preview
 * image of its own, builds it again with their KIM's previews. That is what `socialCards: auto`
 * (the default) in network.yaml means; a network that chose `entries` or `kim` gets exactly that.
 */
import { SOCIAL_CARDS_ENV } from '../../src/build/settings.ts';
import { formatBytes, judgeHosts, needsSharedPreviews, whyRefused, type HostLimits } from '../../src/build/host-limits.ts';
import { measureEntryPreviews, measureSite } from '../../src/build/site-stats.ts';
import { formatNumber } from '../../src/domain/dates.ts';
import type { SocialCardMode, SocialCardSetting } from '../../src/format/schemas/network.ts';

export interface HostBuild {
  host: HostLimits;
  /** `socialCards` in network.yaml. */
  setting: SocialCardSetting;
  /** What the environment already asks for (`JEMBATAN_SOCIAL_CARDS`), if anything. */
  override: SocialCardMode | null;
  /** Where the build writes the site. */
  outDir: string;
  /** Runs `astro build` with these variables added to the environment; resolves to its exit code. */
  build: (env: Record<string, string>) => Promise<number>;
  /** Says, once, why the site is built a second time. */
  note: (message: string) => void;
}

export interface HostBuildResult {
  /** The last build's exit code. */
  code: number;
  /** How many times the site was built: 1, or 2 when the previews were shared. */
  builds: number;
}

export async function buildForHost({ host, setting, override, outDir, build, note }: HostBuild): Promise<HostBuildResult> {
  const code = await build({});
  // The environment or network.yaml has chosen already (`kim`: nothing left to leave out;
  // `entries`: kept on purpose), so there is nothing to measure here: `check:site --host` judges it.
  if (code !== 0 || override !== null || setting !== 'auto') return { code, builds: 1 };
  const stats = measureSite(outDir);
  const previews = measureEntryPreviews(outDir);
  if (!needsSharedPreviews(stats, host, previews, setting)) return { code, builds: 1 };
  note(
    `Dengan gambar pratinjau sendiri untuk setiap cerita dan potensi, situs ini tidak muat di ${host.name}: ${whyRefused(judgeHosts(stats, [host])[0]!)}. ` +
      `Karena network.yaml memakai "socialCards: auto", situs dibangun ulang dengan gambar pratinjau KIM untuk cerita dan potensinya: ` +
      `${formatNumber(previews.files)} berkas (${formatBytes(previews.bytes)}) lebih sedikit. ` +
      `Tulis "socialCards: kim" di network.yaml agar build pertama ini tidak perlu lagi.`,
  );
  return { code: await build({ [SOCIAL_CARDS_ENV]: 'kim' }), builds: 2 };
}
