/**
 * The dashboard pages (`/statistik/` and one per province, kabupaten/kota and kecamatan): what a
 * Diskominfo reads to see where a KIM is missing, which KIM have gone quiet, how fresh the place
 * data is, and which potential each area has. Figures come from `NetworkStatistics`, counted once.
 */
import { percent, type AreaFigures, type KimStatus } from '../../domain/statistics.ts';
import { PLACE_KIND_KEYS, SECTOR_KEYS } from '../../domain/taxonomy.ts';
import type { Region } from '../../domain/regions/tree.ts';
import { regionParam } from '../../domain/urls.ts';
import { buildsHere, buildsNetworkWide, config, getNetwork, getStatistics, t, urls } from '../network.ts';
import { label } from './cards.ts';
import type { Crumb, Link, PageHead } from './page.ts';

type DashboardLevel = 'network' | Exclude<Region['level'], 'village'>;

/** One smaller area in a table of areas: its figures and where they lead. */
interface AreaRow {
  name: string;
  /** The name as a chart writes it: a kecamatan's or village's without its kind, which the chart's title gives. */
  short: string;
  /** Its own dashboard page. */
  href: string;
  figures: AreaFigures;
  coverage: number;
}

interface KimRow {
  name: string;
  href: string;
  village: string;
  status: KimStatus;
  statusLabel: string;
  lastStory: string | null;
  monthly: number[];
  total: number;
}

/** Which village (or kecamatan) has which kinds of potential, and which KIM carry which brand there. */
interface PotentialRow {
  name: string;
  short: string;
  href: string;
  /** Places (for a village) or villages with places (for a kecamatan) of each kind, in `kinds` order. */
  cells: number[];
  /** For a village: its KIM, each with its brand's flagship potential and colour. */
  kims: { name: string; href: string; flagship: string | undefined; color: string }[];
  /** For a village: whether it has no KIM yet. For a kecamatan: villages with no potential recorded. */
  withoutKim?: boolean;
  withoutPotential?: number;
}

export interface StatisticsView extends PageHead {
  level: DashboardLevel;
  heading: string;
  /** The area's own page under `/wilayah/`. */
  region: Link | undefined;
  figures: AreaFigures;
  coverage: number;
  /** The months of the activity figures, as the charts label them ("Des", "Des 2025"). */
  months: { short: string; long: string }[];
  /** The last month counted, as the page says it ("Desember 2026"). */
  until: string;
  settings: { quietDays: number; staleDays: number };
  childHeading: string | undefined;
  children: AreaRow[];
  kinds: { key: string; label: string }[];
  potential: PotentialRow[] | undefined;
  /** KIM to call: quiet or marked inactive (kabupaten/kota and kecamatan). */
  quiet: KimRow[] | undefined;
  /** Every KIM of a kecamatan with its month-by-month activity. */
  kims: KimRow[] | undefined;
  /** Villages of a kecamatan still without a KIM. */
  withoutKim: Link[] | undefined;
  placesToCheck: { name: string; href: string; verified: string | null; village: string }[] | undefined;
  /** Over the whole network only: KIM per sector and places per kind. */
  sectors: { label: string; value: number }[] | undefined;
  placeKinds: { label: string; value: number }[] | undefined;
  openData: string;
}

const MONTH_FORMAT = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('id-ID', { ...options, timeZone: 'UTC' });
const monthDate = (key: string) => new Date(`${key}-01T00:00:00Z`);

/** `getStaticPaths` of `statistik/[...path].astro`: the network's dashboard and every area's this build holds. */
export async function statisticsPaths() {
  const network = await getNetwork();
  const areas = [...network.tree.withPages()].filter((region) => region.level !== 'village' && buildsHere(region.code));
  return [
    ...(buildsNetworkWide ? [{ params: { path: undefined }, props: { code: null } }] : []),
    ...areas.map((region) => ({ params: { path: regionParam(region) }, props: { code: region.code } })),
  ];
}

/** A kabupaten and a kota can share a name ("Kabupaten Kutai Kartanegara", "Kota Bontang"): they keep their kind. */
const shortName = (region: Region) => (region.level === 'district' || region.level === 'village' ? region.name : region.fullName);

function statusLabel(status: KimStatus): string {
  return t(`dashboard.status.${status}`);
}

export async function statisticsView(code: string | null): Promise<StatisticsView> {
  const [network, statistics] = await Promise.all([getNetwork(), getStatistics()]);
  const { tree } = network;
  const region = code === null ? undefined : tree.require(code);
  const level: DashboardLevel = region ? (region.level as DashboardLevel) : 'network';
  const figures = statistics.area(code ?? undefined);
  const kinds = PLACE_KIND_KEYS.map((key) => ({ key, label: label('sector', key) }));

  // The areas one level down: a network of one province lists its kabupaten/kota directly.
  const roots = tree.roots();
  const childAreas: Region[] = region
    ? region.level === 'district'
      ? []
      : tree.children(region.code)
    : roots.length === 1
      ? tree.children(roots[0]!.code)
      : roots;
  const children = childAreas.map((child) => {
    const f = statistics.area(child.code);
    return { name: child.fullName, short: shortName(child), href: urls.statistics(child), figures: f, coverage: percent(f.villagesWithKim, f.villages) };
  });
  const childLevel = childAreas[0]?.level as Exclude<Region['level'], 'village'> | undefined;
  const childHeading = childLevel ? t(`dashboard.children.${childLevel}`) : undefined;

  const kimRow = (k: { id: string; name: string; village: string; status: KimStatus; lastStory: string | null; monthly: number[] }): KimRow => ({
    name: k.name,
    href: urls.kim(k.id),
    village: tree.require(k.village).fullName,
    status: k.status,
    statusLabel: statusLabel(k.status),
    lastStory: k.lastStory,
    monthly: k.monthly,
    total: k.monthly.reduce((a, b) => a + b, 0),
  });

  let potential: PotentialRow[] | undefined;
  if (region?.level === 'district') {
    potential = tree.children(region.code).map((village) => {
      const byKind = statistics.kindsOfVillage(village.code);
      const kims = network.kimsInVillage(village.code).map((k) => ({ name: k.data.name, href: urls.kim(k.id), flagship: k.data.flagship, color: network.brand(k.id).color }));
      return { name: village.fullName, short: village.name, href: urls.region(village), cells: PLACE_KIND_KEYS.map((key) => byKind.get(key) ?? 0), kims, withoutKim: kims.length === 0 };
    });
  } else if (region?.level === 'regency' || region?.level === 'province') {
    potential = children.map((child) => ({
      name: child.name,
      short: child.short,
      href: child.href,
      cells: PLACE_KIND_KEYS.map((key) => child.figures.villagesByKind[key] ?? 0),
      kims: [],
      withoutPotential: child.figures.villagesWithoutPotential,
    }));
  }

  const months = statistics.months.map((key) => ({
    short: MONTH_FORMAT({ month: 'short' }).format(monthDate(key)),
    long: MONTH_FORMAT({ month: 'long', year: 'numeric' }).format(monthDate(key)),
  }));
  const heading = region ? t('dashboard.titleOf', { name: region.fullName }) : t('dashboard.title');
  const crumbs: Crumb[] = [
    { label: t('nav.home'), href: urls.home() },
    ...(region ? [{ label: t('dashboard.title'), href: urls.statistics() }] : []),
    ...(region ? tree.ancestors(region.code).map((r) => ({ label: r.fullName, href: urls.statistics(r) })) : []),
    { label: region ? region.fullName : t('dashboard.title') },
  ];
  const district = region?.level === 'district' ? region : undefined;
  return {
    title: heading,
    description: t('dashboard.description', { name: region?.fullName ?? config.name }),
    crumbs,
    level,
    heading,
    region: region && { label: region.fullName, href: urls.region(region) },
    figures,
    coverage: percent(figures.villagesWithKim, figures.villages),
    months,
    until: months.at(-1)!.long,
    settings: config.statistics,
    childHeading,
    children,
    kinds,
    potential,
    quiet: region && (region.level === 'regency' || region.level === 'district') ? statistics.quietKims(region.code).map(kimRow) : undefined,
    kims: district && statistics.kimsOfDistrict(district.code).map(kimRow),
    withoutKim: district && tree.children(district.code).filter((v) => network.kimsInVillage(v.code).length === 0).map((v) => ({ label: v.fullName, href: urls.region(v) })),
    placesToCheck:
      district &&
      statistics.placesToCheck(district.code).map((p) => ({ name: p.name, href: urls.place(p.id), verified: p.verified, village: tree.require(p.region).fullName })),
    sectors: region ? undefined : SECTOR_KEYS.map((key) => ({ label: label('sector', key), value: statistics.sectors()[key] ?? 0 })),
    placeKinds: region ? undefined : PLACE_KIND_KEYS.map((key) => ({ label: label('sector', key), value: statistics.kinds()[key] ?? 0 })),
    openData: urls.openData(),
  };
}
