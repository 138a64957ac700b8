/**
 * What `npm run new` asks, and how it reads what it is given: options first, questions for what
 * is missing when someone is at the terminal, and every answer checked at once with the gate's
 * own words. The village is found by name (or code), and namesakes are listed with their
 * kecamatan and kabupaten/kota to pick from. Talks through a `Conversation`, so the tests can
 * answer the questions.
 */
import { calendarDateIn, timeZoneOf } from '../../src/domain/dates.ts';
import { isRegionCodeShape, levelOf, parentCodeOf } from '../../src/domain/regions/codes.ts';
import { findVillages, isVillageName, regencyLabel, villageChoices, type VillageChoice } from '../../src/domain/regions/names.ts';
import { NATIONAL_SCOPE, scopeTest, type RegionData } from '../../src/domain/regions/tree.ts';
import { ENTRY_KINDS, scaffoldEntry, type EntryKind, type ScaffoldContext, type ScaffoldProblem } from '../../src/format/scaffold.ts';
import { describeFields, type FieldDoc } from '../../src/format/schemas/fields.ts';

/** How the command talks to a person; `ask` is null when nobody can answer (no terminal). */
export interface Conversation {
  ask: ((question: string) => Promise<string>) | null;
  say: (line: string) => void;
}

/** Why the command stops without writing anything: the message to print, and the exit code (2 for a wrong command line). */
export class Refusal extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The words the command takes for each kind, in English and in Indonesian. */
const KIND_WORDS: Record<string, EntryKind> = { kim: 'kim', story: 'story', cerita: 'story', place: 'place', potensi: 'place' };

/** The kind named by a word of the command line (`story` or `cerita`), if it names one. */
export function entryKindOf(word: string): EntryKind | undefined {
  return KIND_WORDS[word.trim().toLowerCase()];
}

/** The command's options and the field each fills, by kind. */
const FIELD_OPTIONS: Record<EntryKind, Record<string, string>> = {
  kim: { name: 'name', village: 'village', id: 'id' },
  story: { title: 'title', kim: 'kim', category: 'category', summary: 'summary', date: 'date', id: 'id' },
  place: { name: 'name', kind: 'kind', village: 'region', summary: 'summary', kim: 'kim', id: 'id' },
};

/** Every option that fills a field, for the command's argument parser. */
export const VALUE_OPTIONS = [...new Set(Object.values(FIELD_OPTIONS).flatMap((options) => Object.keys(options)))];

/** The option a field is given with, as a contributor types it. */
function optionOf(kind: EntryKind, field: string): string {
  const option = Object.entries(FIELD_OPTIONS[kind]).find(([, f]) => f === field)?.[0];
  return option ? `--${option}` : field;
}

/** The fields asked for, in order: the required ones, and for a place the KIM that maintains it. */
const ASKED: Record<EntryKind, { field: string; optional?: true }[]> = {
  kim: [{ field: 'name' }, { field: 'village' }],
  story: [{ field: 'title' }, { field: 'kim' }, { field: 'category' }, { field: 'summary' }],
  place: [{ field: 'name' }, { field: 'kind' }, { field: 'region' }, { field: 'summary' }, { field: 'kim', optional: true }],
};

/** The official region data and the network's scope, for finding villages. */
export interface RegionSetting {
  data: RegionData;
  scope: readonly string[];
  /** The scope's villages; computed once when missing. */
  choices?: readonly VillageChoice[];
}

/** A village or kecamatan found for what was typed: its code, or the candidates to choose from, or why none. */
export type AreaFound = { code: string; label: string } | { candidates: VillageChoice[] } | { problem: string };

/** How many candidates are listed at most; beyond that the person is asked to be more precise. */
const MAX_LISTED = 30;

/**
 * The village (or, where `districts` allows it, the kecamatan) meant by a name or a code. A name
 * with one exact match is that village; namesakes, or names that only start like it, come back
 * as candidates; a code is looked up directly, and one outside the scope is refused with where it is.
 */
export function findArea(query: string, setting: RegionSetting, { districts = false } = {}): AreaFound {
  const typed = query.trim();
  const choices = (setting.choices ??= villageChoices(setting.data, setting.scope));
  const inScope = scopeTest(setting.scope);
  const scopeLabel = setting.scope.join(', ');
  if (isRegionCodeShape(typed)) {
    const level = levelOf(typed);
    if (level === 'village') {
      const choice = choices.find((c) => c.code === typed);
      if (choice) return { code: choice.code, label: choice.label };
      const outside = findVillages(typed, villageChoices(setting.data, [NATIONAL_SCOPE]))[0];
      return { problem: outside ? `${outside.label} (${typed}) berada di luar cakupan jaringan ini (${scopeLabel}).` : `kode wilayah "${typed}" tidak ada dalam data wilayah Kemendagri (idn-area-data).` };
    }
    if (level === 'district' && districts) {
      const district = setting.data.districts.find((d) => d.code === typed);
      if (!district) return { problem: `kode wilayah "${typed}" tidak ada dalam data wilayah Kemendagri (idn-area-data).` };
      const regency = setting.data.regencies.find((r) => r.code === parentCodeOf(typed));
      const label = `Kec. ${district.name}, ${regency ? regencyLabel(regency.code, regency.name) : parentCodeOf(typed)}`;
      return inScope(typed) ? { code: typed, label } : { problem: `${label} (${typed}) berada di luar cakupan jaringan ini (${scopeLabel}).` };
    }
    return { problem: districts ? 'tulis nama desa/kelurahan, atau kodenya (misalnya "64.74.01.1001") atau kode kecamatan (misalnya "64.02.05").' : 'tulis nama desa/kelurahan atau kodenya, misalnya "64.74.01.1001".' };
  }
  const found = findVillages(typed, choices);
  const exact = found.filter((c) => isVillageName(typed, c.name));
  if (exact.length === 1) return { code: exact[0]!.code, label: exact[0]!.label };
  if (exact.length > 1) return { candidates: exact };
  if (found.length > 0) return { candidates: found };
  const elsewhere = findVillages(typed, villageChoices(setting.data, [NATIONAL_SCOPE])).filter((c) => !inScope(c.code));
  const where = elsewhere.length > 0 ? ` Nama itu ada di luar cakupan: ${elsewhere.slice(0, 3).map((c) => c.label).join('; ')}${elsewhere.length > 3 ? '; …' : ''}.` : '';
  return { problem: `tidak ada desa/kelurahan bernama "${typed}" dalam cakupan jaringan ini (${scopeLabel}).${where}` };
}

/** Candidates as a numbered list, with their codes: what a person picks from, or copies a code out of. */
function candidateLines(candidates: readonly VillageChoice[]): string[] {
  return candidates.slice(0, MAX_LISTED).map((c, i) => `  ${String(i + 1).padStart(2)}. ${c.label}  (${c.code})`).concat(candidates.length > MAX_LISTED ? [`  … dan ${candidates.length - MAX_LISTED} lainnya; tulis namanya lebih lengkap.`] : []);
}

/** The problems as lines naming the option each concerns. */
export function problemLines(kind: EntryKind, problems: readonly ScaffoldProblem[]): string[] {
  return problems.map((p) => `  ${optionOf(kind, p.field)}: ${p.message}`);
}

interface Choice {
  value: string;
  label: string;
}

/**
 * Asks for one of a list: by number, or by typing the value or part of its label. Returns the
 * value, or '' when `optional` and the answer is empty.
 */
async function choose(ask: (q: string) => Promise<string>, say: (line: string) => void, question: string, options: readonly Choice[], optional: boolean): Promise<string> {
  let shown = options;
  for (;;) {
    if (shown.length <= MAX_LISTED) shown.forEach((o, i) => say(`  ${String(i + 1).padStart(2)}. ${o.label}`));
    const answer = (await ask(`${question}${optional ? ' (kosongkan bila tidak ada)' : ''}: `)).trim();
    if (answer === '') {
      if (optional) return '';
      say('Pilih salah satu.');
      continue;
    }
    const number = /^\d+$/.test(answer) ? Number(answer) : NaN;
    if (number >= 1 && number <= shown.length && shown.length <= MAX_LISTED) return shown[number - 1]!.value;
    const exact = options.find((o) => o.value.toLowerCase() === answer.toLowerCase());
    if (exact) return exact.value;
    const matching = answer === '' ? [] : options.filter((o) => `${o.value} ${o.label}`.toLowerCase().includes(answer.toLowerCase()));
    if (matching.length === 1) return matching[0]!.value;
    if (matching.length === 0) say(`Tidak ada pilihan yang cocok dengan "${answer}".`);
    else shown = matching;
  }
}

/** A message of the gate's, which continues a field's name, as a sentence on its own. */
const sentence = (message: string) => `${message[0]!.toUpperCase()}${message.slice(1)}`;

/** A field's label and hint as a question. */
const questionOf = (field: FieldDoc) => `${field.label ?? field.key} (${(field.hint ?? '').replace(/\.$/, '')})`;

/**
 * The values of a new entry of `kind`: those given as options, and, when someone can answer, the
 * missing ones asked one by one and checked as they come. The village or kecamatan is given as a
 * name or a code and stored as its code, with its label as the field's note; a story is dated
 * today where its KIM is (`now` in the time zone of the KIM's province). Without anyone to ask, a
 * missing value or an ambiguous village name ends in a `Refusal`; wrong values are left for
 * `scaffoldEntry` to list all at once.
 */
export async function collectValues(
  kind: EntryKind,
  options: Readonly<Record<string, string | undefined>>,
  { context, regions, now }: { context: ScaffoldContext; regions: RegionSetting; now: Date },
  { ask, say }: Conversation,
): Promise<{ values: Record<string, string>; notes: Record<string, string> }> {
  const { schema, titleField, noun } = ENTRY_KINDS[kind];
  const fields = new Map(describeFields(schema).map((f) => [f.key, f]));
  const values: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const [option, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const field = FIELD_OPTIONS[kind][option];
    if (!field) {
      const wanted = Object.keys(FIELD_OPTIONS[kind]).map((o) => `--${o}`).join(', ');
      throw new Refusal(`Opsi --${option} tidak dipakai untuk ${noun}; yang dipakai: ${wanted}. Lihat --help.`, 2);
    }
    values[field] = value;
  }

  const problemsFor = (field: string, candidate: Record<string, string>) => {
    const result = scaffoldEntry(kind, candidate, context);
    return result.ok ? [] : result.problems.filter((p) => p.field === field);
  };
  const area = kind === 'place' ? 'region' : kind === 'kim' ? 'village' : undefined;
  const missing: string[] = [];

  for (const { field, optional } of ASKED[kind]) {
    const doc = fields.get(field)!;
    if (field === area) {
      let typed = values[field];
      delete values[field];
      for (;;) {
        if (typed === undefined) {
          if (!ask) break;
          typed = await ask(`${doc.label} (nama atau kode${kind === 'place' ? '; kode kecamatan untuk kawasan yang melintasi beberapa desa' : ''}): `);
        }
        const found = findArea(typed, regions, { districts: kind === 'place' });
        if ('code' in found) {
          values[field] = found.code;
          notes[field] = found.label;
          say(`${doc.label}: ${found.label} (${found.code})`);
          break;
        }
        if (!ask) {
          if ('problem' in found) throw new Refusal(`${optionOf(kind, field)}: ${found.problem}`);
          throw new Refusal([`Ada ${found.candidates.length} desa/kelurahan yang cocok dengan "${typed}":`, ...candidateLines(found.candidates), `Tulis kodenya, misalnya ${optionOf(kind, field)} ${found.candidates[0]!.code}.`].join('\n'));
        }
        if ('problem' in found) {
          say(sentence(found.problem));
          typed = undefined;
          continue;
        }
        say(`Ada ${found.candidates.length} desa/kelurahan yang cocok dengan "${typed}":`);
        for (const line of candidateLines(found.candidates)) say(line);
        const answer = (await ask(`Pilih nomornya (1–${Math.min(found.candidates.length, MAX_LISTED)}), atau tulis nama atau kode lain: `)).trim();
        const number = /^\d+$/.test(answer) ? Number(answer) : NaN;
        const picked = number >= 1 && number <= Math.min(found.candidates.length, MAX_LISTED) ? found.candidates[number - 1] : undefined;
        if (picked) {
          values[field] = picked.code;
          notes[field] = picked.label;
          say(`${doc.label}: ${picked.label} (${picked.code})`);
          break;
        }
        typed = answer || undefined;
      }
      if (values[field] === undefined) missing.push(field);
      continue;
    }
    if (values[field] !== undefined) continue;
    if (!ask) {
      if (!optional) missing.push(field);
      continue;
    }
    for (;;) {
      let answer: string;
      if (field === 'kim') answer = await choose(ask, say, 'KIM (nomor, atau nama berkasnya)', [...context.kims].sort((a, b) => a.name.localeCompare(b.name, 'id')).map((k) => ({ value: k.id, label: `${k.name} (${k.id})` })), optional === true);
      else if (doc.options) answer = await choose(ask, say, `${doc.label} (nomor atau nama)`, doc.options.map((o) => ({ value: o, label: o })), optional === true);
      else answer = (await ask(`${questionOf(doc)}: `)).trim();
      if (answer === '' && optional) break;
      const problems = problemsFor(field, { ...values, [field]: answer });
      if (problems.length === 0) {
        values[field] = answer;
        break;
      }
      for (const p of problems) say(`${doc.label}: ${p.message}`);
    }
    // A title whose file name is taken: ask for another file name rather than another title.
    if (field === titleField && values.id === undefined) {
      for (let problems = problemsFor('id', values); problems.length > 0; problems = problemsFor('id', values)) {
        for (const p of problems) say(sentence(p.message));
        values.id = (await ask('Nama berkas (huruf kecil, angka dan tanda hubung): ')).trim();
      }
    }
  }

  if (missing.length > 0) {
    const list = missing.map((field) => `${optionOf(kind, field)} (${fields.get(field)!.label})`).join(', ');
    throw new Refusal(`Belum lengkap: ${list}. Tulis ${missing.length > 1 ? 'opsi-opsi' : 'opsi'} itu, atau jalankan perintah ini di terminal untuk menjawab pertanyaannya. Lihat --help.`, 2);
  }

  if (kind === 'story' && values.date === undefined) {
    const village = context.kims.find((k) => k.id === values.kim)?.village;
    values.date = calendarDateIn(now, timeZoneOf(village ?? regions.scope[0] ?? NATIONAL_SCOPE));
  }
  return { values, notes };
}
