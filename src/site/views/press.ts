/**
 * The press room (`/pers/`): what a journalist needs in one place. How to cite and republish,
 * the network's own contact, every KIM's public contacts by kabupaten/kota with its area and
 * sectors, the brand assets, and the feeds and open data.
 */
import { NETWORK_BRAND } from '../../domain/brand.ts';
import { dataFileName } from '../../domain/open-data.ts';
import { LICENSE_KEYS } from '../../domain/taxonomy.ts';
import type { Contacts } from '../../format/schemas/common.ts';
import { config, getNetwork, t, urls } from '../network.ts';
import { label, licenseOf, placeName } from './cards.ts';

/**
 * How many KIM the page lists with their contacts. A national network has tens of thousands: past
 * this, the page names the directory file, which holds every KIM's contacts.
 */
const PRESS_KIMS = 500;

interface PressKim {
  name: string;
  href: string;
  area: string;
  sectors: string;
  contacts: Contacts;
}

export interface PressView {
  operator: { name: string; url?: string | undefined; contacts: Contacts } | undefined;
  licenses: { name: string; text: string; url: string | undefined }[];
  regencies: { name: string; kims: PressKim[] }[];
  /** Every KIM of the network; more than the page lists when it is cut. */
  totalKims: number;
  listedKims: number;
  directory: { csv: string; json: string };
  brand: { card: string; icon: string; color: string };
}

export async function pressView(): Promise<PressView> {
  const network = await getNetwork();
  // The model keeps its KIM in name order.
  const listed = network.kims.slice(0, PRESS_KIMS);
  const groups = new Map<string, { name: string; kims: PressKim[] }>();
  for (const kim of listed) {
    const village = network.villageOf(kim);
    const regency = network.tree.at(village.code, 'regency');
    const key = regency?.code ?? '';
    if (!groups.has(key)) groups.set(key, { name: regency?.fullName ?? '', kims: [] });
    groups.get(key)!.kims.push({
      name: kim.data.name,
      href: urls.kim(kim.id),
      area: placeName(network, village),
      sectors: kim.data.sectors.map((s) => label('sector', s)).join(', '),
      contacts: kim.data.contacts,
    });
  }
  return {
    operator: config.operator,
    licenses: LICENSE_KEYS.map((key) => ({ name: licenseOf(key).name, text: t(`story.license.${key}`, { kim: t('press.theKim') }), url: licenseOf(key).url })),
    regencies: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group),
    totalKims: network.totals().kims,
    listedKims: listed.length,
    directory: { csv: urls.dataFile(dataFileName('kim', 'csv')), json: urls.dataFile(dataFileName('kim', 'json')) },
    brand: { card: urls.preview(urls.home()), icon: urls.asset('favicon.svg'), color: NETWORK_BRAND.color },
  };
}
