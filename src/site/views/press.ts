/**
 * The press room (`/pers/`): what a journalist needs in one place. How to cite and republish,
 * the network's own contact, every KIM's public contacts by kabupaten/kota with its area and
 * sectors, the brand assets, and the feeds and open data. The contacts go on over further pages
 * (`/pers/halaman/2/`) when there are more than one page holds within the page budget.
 */
import { NETWORK_BRAND } from '../../domain/brand.ts';
import { dataFileName } from '../../domain/open-data.ts';
import { paginateGroups, type GroupedPage } from '../../domain/paginate.ts';
import { LICENSE_KEYS } from '../../domain/taxonomy.ts';
import { listingParam } from '../../domain/urls.ts';
import type { Contacts } from '../../format/schemas/common.ts';
import { buildsNetworkWide, config, getNetwork, t, urls } from '../network.ts';
import { label, licenseOf, placeName } from './cards.ts';

/**
 * How many KIM the press room lists with their contacts. A national network has tens of
 * thousands: past this, its pages name the directory file, which holds every KIM's contacts.
 */
const PRESS_KIMS = 500;

/**
 * KIM per page. The first page's other sections weigh about 3 KB compressed, and a KIM with all
 * seven contacts up to about 150 bytes, so a page stays within the 14 KB budget
 * (src/build/checks/weight.ts) however many contacts each KIM lists; a province's 346 KIM on one
 * page were 17.5 KB.
 */
const PRESS_PAGE_KIMS = 50;

/** Up to this many kabupaten/kota (a province has at most 38), the pages open with an index of them. */
const PRESS_INDEX_REGENCIES = 50;

/** Where a kabupaten/kota's KIM contacts begin: its page and the anchor of its heading. */
export interface PressIndexEntry {
  name: string;
  href: string;
}

interface PressKim {
  name: string;
  href: string;
  area: string;
  sectors: string;
  contacts: Contacts;
  regency: { code: string; name: string };
}

export interface PressView {
  operator: { name: string; url?: string | undefined; contacts: Contacts } | undefined;
  licenses: { name: string; text: string; url: string | undefined }[];
  /** The KIM the pages list with their contacts, in name order. */
  kims: PressKim[];
  /** Every KIM of the network; more than the pages list when they are cut. */
  totalKims: number;
  listedKims: number;
  directory: { csv: string; json: string };
  brand: { card: string; icon: string; color: string };
  /** Whether stories and places have preview cards of their own, or show their KIM's. */
  entryCards: boolean;
}

/** The press room's pages: the first with everything, the rest with the KIM contacts that follow. */
export async function pressPaths() {
  if (!buildsNetworkWide) return [];
  const view = await pressView();
  const pages = pressContactPages(view.kims);
  const starts = pages.flatMap((page) => page.groups.filter((group) => !group.continued).map((group) => ({ name: group.items[0]!.regency.name, href: `${urls.press(page.number)}#${pressAnchor(group.key)}` })));
  const index: PressIndexEntry[] = pages.length > 1 && starts.length > 1 && starts.length <= PRESS_INDEX_REGENCIES ? starts : [];
  return pages.map((contacts) => ({ params: { page: listingParam(undefined, contacts.number) }, props: { view, contacts, index } }));
}

/** The id of a kabupaten/kota's heading in the contacts, from its code ("64.02" → "kontak-64-02"). */
export const pressAnchor = (code: string) => `kontak-${code.replace(/\./g, '-')}`;

/** The KIM in kabupaten/kota order (by code), each kabupaten/kota's by name, cut into pages. */
function pressContactPages(kims: readonly PressKim[]): GroupedPage<PressKim>[] {
  // The sort is stable: within a kabupaten/kota the KIM keep their name order.
  const ordered = [...kims].sort((a, b) => a.regency.code.localeCompare(b.regency.code));
  return paginateGroups(ordered, PRESS_PAGE_KIMS, (kim) => kim.regency.code);
}

async function pressView(): Promise<PressView> {
  const network = await getNetwork();
  // The model keeps its KIM in name order.
  const kims = network.kims.slice(0, PRESS_KIMS).map((kim): PressKim => {
    const village = network.villageOf(kim);
    const regency = network.tree.at(village.code, 'regency');
    return {
      name: kim.data.name,
      href: urls.kim(kim.id),
      area: placeName(network, village),
      sectors: kim.data.sectors.map((s) => label('sector', s)).join(', '),
      contacts: kim.data.contacts,
      regency: { code: regency?.code ?? '', name: regency?.fullName ?? '' },
    };
  });
  return {
    operator: config.operator,
    licenses: LICENSE_KEYS.map((key) => ({ name: licenseOf(key).name, text: t(`story.license.${key}`, { kim: t('press.theKim') }), url: licenseOf(key).url })),
    kims,
    totalKims: network.totals().kims,
    listedKims: kims.length,
    directory: { csv: urls.dataFile(dataFileName('kim', 'csv')), json: urls.dataFile(dataFileName('kim', 'json')) },
    brand: { card: urls.preview(urls.home()), icon: urls.asset('favicon.svg'), color: NETWORK_BRAND.color },
    entryCards: config.socialCards === 'entries',
  };
}
