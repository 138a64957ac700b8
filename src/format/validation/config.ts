import { networkSchema, type NetworkConfig } from '../schemas/index.ts';
import { NATIONAL_SCOPE, RegionTree, type RegionData } from '../../domain/regions/tree.ts';
import { decodeUtf8, loadYaml } from '../frontmatter.ts';
import { msg } from '../messages.ts';
import type { Report } from './report.ts';
import type { ValidationInput } from './types.ts';
import { indonesianIssue, issuesToErrors } from './zod-issues.ts';

/**
 * The network configuration as written, checked against its schema; undefined when it is
 * missing or wrong (the report says why). Whether its scope's codes exist is `readNetworkConfig`'s
 * to check, with the region data.
 */
export function parseNetworkConfig(network: ValidationInput['network'], report: Report): NetworkConfig | undefined {
  const file = network.displayPath;
  if (!network.bytes) {
    report.fail(file, null, msg.configMissing);
    return undefined;
  }
  const text = decodeUtf8(network.bytes);
  if (text === null) {
    report.fail(file, null, msg.readFailed('bukan teks UTF-8'));
    return undefined;
  }
  const loaded = loadYaml(text.replace(/^\uFEFF/, ''));
  if (!loaded.ok) {
    report.fail(file, null, msg.yamlFile(loaded.error), loaded.line);
    return undefined;
  }
  const parsed = networkSchema.safeParse(loaded.value ?? {}, { error: indonesianIssue });
  if (!parsed.success) {
    report.errors.push(...issuesToErrors(file, loaded.value, parsed.error.issues));
    return undefined;
  }
  return parsed.data;
}

/**
 * The network configuration and the region tree of its scope, which everything else is checked
 * against; undefined when the configuration is missing or wrong (the report says why).
 */
export function readNetworkConfig(network: ValidationInput['network'], regions: RegionData, report: Report): { config: NetworkConfig; tree: RegionTree } | undefined {
  const config = parseNetworkConfig(network, report);
  if (!config) return undefined;
  const file = network.displayPath;
  const known = new Set([...regions.provinces, ...regions.regencies, ...regions.districts].map((r) => r.code));
  config.scope.forEach((code, i) => {
    if (code !== NATIONAL_SCOPE && !known.has(code)) report.fail(file, `scope[${i}]`, msg.scopeUnknown(code));
  });
  return { config, tree: RegionTree.build(regions, config.scope) };
}
