/**
 * Adds a KIM, a story or a place: `npm run new -- story --title "…" --kim kim-batuah …`, or
 * `npm run new` alone at a terminal to be asked question by question. Writes the new file with
 * every field explained, then checks the whole content folder as `npm run check:content` does.
 * The questions live in scripts/lib/new-entry.ts, the file's text in src/format/scaffold.ts.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { timeZoneOf } from '../src/domain/dates.ts';
import { createUrls } from '../src/domain/urls.ts';
import { readBuildTime, siteSettings } from '../src/build/settings.ts';
import { runGate } from '../src/format/gate.ts';
import { resolveContentDir } from '../src/format/read.ts';
import { ENTRY_KINDS, readScaffoldContext, scaffoldEntry, type EntryKind } from '../src/format/scaffold.ts';
import { loadRegionData } from '../src/format/sources/regions.ts';
import { formatContentErrors } from '../src/format/errors.ts';
import { readArguments } from './lib/cli.ts';
import { printGateResult } from './lib/content-report.ts';
import { collectValues, entryKindOf, problemLines, Refusal, VALUE_OPTIONS, type Conversation } from './lib/new-entry.ts';

const USAGE = `Cara pakai: npm run new [-- kim|cerita|potensi [opsi…]]

Menambah satu KIM, cerita atau potensi: menulis berkas baru di content/ dengan setiap kolom
dijelaskan dalam komentar, lalu memeriksa seluruh konten seperti npm run check:content.
Dijalankan di terminal tanpa opsi, perintah ini menanyakan isinya satu per satu.

  npm run new -- kim --name "KIM Batuah" --village "Batuah"
  npm run new -- cerita --title "…" --kim kim-batuah --summary "…" --category berita
  npm run new -- potensi --name "…" --kind wisata --village "Batuah" --summary "…"

Opsi:
  --name       nama KIM atau potensi
  --title      judul cerita
  --summary    ringkasan cerita atau potensi (satu atau dua kalimat)
  --village    desa/kelurahan: nama ("Batuah") atau kode ("64.02.03.2006"); untuk potensi boleh
               kode kecamatan. Nama yang dimiliki beberapa desa ditampilkan dengan kecamatan dan
               kabupaten/kotanya untuk dipilih.
  --kim        nama berkas KIM penerbit cerita atau pengelola potensi, mis. kim-batuah
  --category   kategori cerita: berita, kegiatan, potensi, pengumuman, layanan-publik
  --kind       jenis potensi: wisata, kuliner, kerajinan, umkm, budaya, pertanian, lainnya
  --date       tanggal terbit cerita (bawaannya hari ini di zona waktu KIM-nya), mis. 2026-11-30
  --id         nama berkas sendiri (bawaannya dibuat dari judul atau nama)
  --content    folder konten lain (bawaannya content/, atau JEMBATAN_CONTENT_DIR)

Keluar dengan kode 2 bila perintahnya salah atau belum lengkap, 1 bila isinya tidak valid.`;

const args = readArguments(USAGE, {
  ...Object.fromEntries(VALUE_OPTIONS.map((option) => [option, { type: 'string' as const }])),
  content: { type: 'string' },
});
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const lines = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
let finished = false;
// Ctrl+D or Ctrl+C at a question: stop, writing nothing.
lines?.on('close', () => {
  if (!finished) {
    console.log('\nDibatalkan; tidak ada berkas yang ditulis.');
    process.exit(130);
  }
});
const talk: Conversation = { ask: lines ? (question) => lines.question(question) : null, say: (line) => console.log(line) };

/** A path as the person sees it: from where the command runs, or in full when it lies elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function stop(message: string, code: 1 | 2): never {
  finished = true;
  lines?.close();
  console.error(message);
  return process.exit(code);
}

async function main(): Promise<void> {
  const cwd = process.cwd();
  const contentDir = resolveContentDir(cwd, args.values.content ?? process.env.JEMBATAN_CONTENT_DIR);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) stop(`Folder konten ${path.relative(cwd, contentDir) || '.'} tidak ada.`, 2);

  let kind: EntryKind | undefined;
  const word = args.positionals[0];
  if (word !== undefined) {
    kind = entryKindOf(word);
    if (!kind) stop(`"${word}" bukan jenis isi: tulis kim, cerita atau potensi. Lihat --help.`, 2);
  } else if (talk.ask) {
    while (!kind) {
      kind = entryKindOf((await talk.ask('Apa yang ingin ditambahkan? (kim, cerita, potensi): ')) || '-');
      if (!kind) talk.say('Tulis kim, cerita atau potensi.');
    }
  } else stop('Sebutkan yang ingin ditambahkan: kim, cerita atau potensi. Lihat --help.', 2);

  const { context, network, problems } = await readScaffoldContext(contentDir, cwd);
  if (!network) stop(`${formatContentErrors(problems)}\nPerbaiki network.yaml dulu: perintah ini perlu cakupan wilayah jaringan.`, 1);
  const now = readBuildTime(process.env);
  const regions = { data: await loadRegionData(), scope: network.scope };

  const options = args.values as Record<string, string | undefined>;
  const given = Object.fromEntries(VALUE_OPTIONS.map((option) => [option, options[option]]));
  let collected: Awaited<ReturnType<typeof collectValues>>;
  try {
    collected = await collectValues(kind, given, { context, regions, now }, talk);
  } catch (error) {
    if (error instanceof Refusal) stop(error.message, error.exitCode);
    throw error;
  }
  finished = true;
  lines?.close();

  const { values, notes } = collected;
  const scaffold = scaffoldEntry(kind, values, context, notes);
  if (!scaffold.ok) stop([`${ENTRY_KINDS[kind].heading} belum dapat ditulis:`, ...problemLines(kind, scaffold.problems)].join('\n'), 1);
  const file = path.join(contentDir, ...scaffold.path.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": never replace a file, even one that appeared since the folder was read.
    writeFileSync(file, scaffold.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') stop(`Berkas ${shown(file)} sudah ada; tidak ada yang ditulis.`, 1);
    throw error;
  }
  console.log(`\nDitulis: ${shown(file)}`);

  const { result } = await runGate(contentDir, { now });
  const valid = printGateResult(result);
  const { site, base } = siteSettings(network, process.env);
  const urls = createUrls({ base });
  const page = { kim: urls.kim, story: urls.story, place: urls.place }[kind](scaffold.id);
  console.log(`Alamat halamannya: ${new URL(page, site).href} (pratinjau: npm run dev, lalu buka http://localhost:4321${page})`);
  const story = result.ok ? result.network.stories.find((s) => s.id === scaffold.id) : undefined;
  if (story && !story.source.published && !story.data.draft) {
    const zone = timeZoneOf(context.kims.find((k) => k.id === values.kim)?.village ?? network.scope[0]!);
    console.log(`Catatan: tanggal ${values.date} dihitung mulai pukul 00.00 UTC (${String(zone.offset).padStart(2, '0')}.00 ${zone.abbreviation}); build sebelum itu belum menerbitkan cerita ini.`);
  }
  const body = ENTRY_KINDS[kind].body;
  console.log(`Lengkapi berkasnya: ${body[0]!.toLowerCase()}${body.slice(1)} ditulis di bawah garis --- kedua; kolom lain dijelaskan di dalamnya.`);
  if (!valid) process.exitCode = 1;
}

await main();
