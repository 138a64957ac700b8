/**
 * Villages as a person looks for them: by name. Seven villages are called Batuah and 98 are
 * called Sidomulyo, so a name alone is not enough; each choice carries its kecamatan and
 * kabupaten/kota in its label, and a search by name lists every namesake with them.
 * `npm run new` and the web CMS's village list both read these, at any scope up to the whole
 * country (about 84,000 villages), so both functions are linear in the number of villages.
 */
import { isRegionCodeShape, parentCodeOf, villageKindOf } from './codes.ts';
import { fullNameOf, regionKindOf, scopeTest, type RegionData } from './tree.ts';

/** One desa or kelurahan to pick from. */
export interface VillageChoice {
  /** Kemendagri code, "64.02.03.2006": what a content file stores. */
  readonly code: string;
  /** Official name, "Batuah". */
  readonly name: string;
  /**
   * The name with its kecamatan and kabupaten/kota, "Batuah — Kec. Loa Janan, Kab. Kutai
   * Kartanegara"; unique among the choices (a desa and a kelurahan of one name in one kecamatan
   * are told apart by their kind, and by their code if that is not enough).
   */
  readonly label: string;
}

/** "Kab. Kutai Kartanegara" for a kabupaten, "Kota Bontang" for a kota, as Indonesians abbreviate them. */
export function regencyLabel(code: string, name: string): string {
  return regionKindOf('regency', code, name) === 'kota' ? name : `Kab. ${name.replace(/^kabupaten\s+/i, '')}`;
}

/**
 * Every desa and kelurahan in the scope (province, regency or district codes, or `ID`), in
 * official order (by code), each with a label naming its kecamatan and kabupaten/kota.
 * Linear in the size of the data: one pass to index the parents, one over the villages.
 */
export function villageChoices(data: RegionData, scope: readonly string[]): VillageChoice[] {
  const inScope = scopeTest(scope);
  const districts = new Map(data.districts.map((d) => [d.code, d.name]));
  const regencies = new Map(data.regencies.map((r) => [r.code, regencyLabel(r.code, r.name)]));
  const where = (code: string) => {
    const district = parentCodeOf(code)!;
    const regency = parentCodeOf(district)!;
    return `Kec. ${districts.get(district) ?? district}, ${regencies.get(regency) ?? regency}`;
  };

  const villages = data.villages.filter((v) => inScope(v.code));
  // idn-area-data lists villages by code already, so this sort costs one pass.
  villages.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const choices = villages.map((v) => ({ code: v.code, name: v.name, label: `${v.name} — ${where(v.code)}` }));

  // Namesakes in one kecamatan (about sixteen in the country, most a desa and a kelurahan).
  const byLabel = new Map<string, number[]>();
  choices.forEach((choice, i) => {
    const same = byLabel.get(choice.label);
    if (same) same.push(i);
    else byLabel.set(choice.label, [i]);
  });
  for (const same of byLabel.values()) {
    if (same.length < 2) continue;
    const named = same.map((i) => `${fullNameOf(villageKindOf(choices[i]!.code), choices[i]!.name)} — ${where(choices[i]!.code)}`);
    same.forEach((i, k) => {
      const stillShared = named.filter((label) => label === named[k]).length > 1;
      choices[i]!.label = stillShared ? `${named[k]} (${choices[i]!.code})` : named[k]!;
    });
  }
  return choices;
}

/**
 * Every kecamatan in the scope, for a place that spans a whole one, labelled like the villages
 * ("Seluruh Kec. Loa Janan, Kab. Kutai Kartanegara") so both can be offered in one list.
 */
export function districtChoices(data: RegionData, scope: readonly string[]): VillageChoice[] {
  const inScope = scopeTest(scope);
  const regencies = new Map(data.regencies.map((r) => [r.code, regencyLabel(r.code, r.name)]));
  return data.districts
    .filter((d) => inScope(d.code))
    .map((d) => ({ code: d.code, name: d.name, label: `Seluruh Kec. ${d.name}, ${regencies.get(parentCodeOf(d.code)!) ?? parentCodeOf(d.code)}` }));
}

/** "Desa", "Kelurahan" and their abbreviations in front of a name, which a person may or may not type. */
const KIND_WORD = /^(?:desa|kelurahan|kel|ds)\s+(?=\S)/;

/**
 * A name as it is compared: accents folded ("Séko" is "seko"), case and punctuation ignored
 * ("Api-api" is "api api", "Regapu’u" is "regapuu"), and a leading "Desa"/"Kelurahan" dropped.
 */
function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(KIND_WORD, '');
}

/** Whether `name` is what was typed, as `findVillages` compares names ("desa batuah" is Batuah). */
export function isVillageName(query: string, name: string): boolean {
  const wanted = searchKey(query);
  return wanted !== '' && searchKey(name) === wanted;
}

/**
 * The choices whose name matches what a person typed, best first: names equal to the query
 * (every namesake, in official order), then names starting with it, then names with a word
 * starting with it, then names containing it. A village code finds its own village. Case,
 * accents, punctuation and a leading "Desa"/"Kelurahan" are ignored on both sides.
 */
export function findVillages(query: string, choices: readonly VillageChoice[]): VillageChoice[] {
  const trimmed = query.trim();
  if (isRegionCodeShape(trimmed)) return choices.filter((choice) => choice.code === trimmed);
  const wanted = searchKey(trimmed);
  if (!wanted) return [];
  const exact: VillageChoice[] = [];
  const start: VillageChoice[] = [];
  const word: VillageChoice[] = [];
  const inside: VillageChoice[] = [];
  for (const choice of choices) {
    const key = searchKey(choice.name);
    if (key === wanted) exact.push(choice);
    else if (key.startsWith(wanted)) start.push(choice);
    else if (key.includes(` ${wanted}`)) word.push(choice);
    else if (key.includes(wanted)) inside.push(choice);
  }
  return [...exact, ...start, ...word, ...inside];
}
