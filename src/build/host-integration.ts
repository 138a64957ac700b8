import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { hostReport } from './host-limits.ts';
import { measureSite } from './site-stats.ts';

/**
 * Says after every build which free hosts can take the site (host-limits.ts). Listed after the
 * other integrations, so the site it measures is the finished one: the search index and the
 * sitemap are written by their own `astro:build:done` hooks, which run in the order the
 * integrations are listed. A shard of a sharded build is only part of a site: the merged whole is
 * measured after the merge (scripts/build-sharded.ts).
 */
export function hostLimitsReport({ shard = null }: { shard?: string | null } = {}): AstroIntegration {
  return {
    name: 'jembatan:hosting',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (shard === null) logger.info(`\n${hostReport(measureSite(fileURLToPath(dir)))}`);
      },
    },
  };
}
