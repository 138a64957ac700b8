/**
 * The network's open data: the KIM directory, the places, the stories' index and the coverage of
 * every desa/kelurahan, each as JSON and CSV under `/data/`, documented on `/data/`.
 *
 * Rows are plain data with fixed columns; this module orders them and writes them (csv-stringify
 * for CSV). A shard of a national build writes the rows whose pages it builds and the merge reads
 * them all back (csv-parse) into one file, ordered the same way, so a sharded site's files equal
 * a single build's.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const OPEN_DATA_FOLDER = 'data';

/** A column: its key in JSON and header in CSV; the page documents each (`opendata.field.<key>`). */
type Cell = string | number | boolean | null | readonly string[];
export type Row = Record<string, Cell>;

export const DATASETS = {
  /** Every KIM: who, where, what, its decree, how to reach it, its latest story. */
  kim: [
    'id', 'name', 'url', 'active', 'sectors',
    'village_code', 'village', 'district_code', 'district', 'regency_code', 'regency', 'province_code', 'province',
    'decree_number', 'decree_date', 'decree_issuer', 'registration', 'founded',
    'whatsapp', 'phone', 'email', 'website', 'instagram', 'facebook', 'youtube',
    'stories', 'last_story_date', 'status', 'stories_12_months',
  ],
  /** Every place of the area's potential. */
  potensi: [
    'id', 'name', 'url', 'kind', 'summary',
    'region_code', 'region', 'district', 'regency', 'province',
    'latitude', 'longitude', 'location_approximate', 'location_source', 'address', 'hours', 'price_range', 'verified',
    'kim_id', 'kim', 'whatsapp', 'phone', 'email', 'website',
  ],
  /** Every published story, newest first. */
  cerita: ['id', 'title', 'url', 'date', 'updated', 'category', 'tags', 'authors', 'summary', 'license', 'kim_id', 'kim', 'village_code', 'village', 'regency'],
  /** Every desa/kelurahan of the network's area, with or without a KIM. */
  cakupan: ['code', 'name', 'kind', 'district_code', 'district', 'regency_code', 'regency', 'province_code', 'province', 'kims', 'stories', 'places', 'url'],
  /** The dashboard's figures of every province, kabupaten/kota and kecamatan (`/statistik/`). */
  statistik: [
    'area_code', 'area', 'level', 'parent_code',
    'villages', 'villages_with_kim', 'coverage_percent', 'kims', 'kims_active', 'kims_quiet', 'kims_inactive',
    'stories_12_months', 'monthly', 'months', 'places', 'places_stale', 'places_unchecked', 'villages_without_potential', 'url',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Dataset = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as Dataset[];
export type DataFormat = 'json' | 'csv';

/** The name of a dataset's file in a format, in the open data's folder. */
export const dataFileName = (dataset: Dataset, format: DataFormat) => `${dataset}.${format}`;

/** The file of a dataset in a format, relative to the site's root. */
export const dataFile = (dataset: Dataset, format: DataFormat) => `${OPEN_DATA_FOLDER}/${dataFileName(dataset, format)}`;

/** Each dataset's order, the same in every build: by region code, then name or date. */
function compare(dataset: Dataset): (a: Row, b: Row) => number {
  const text = (row: Row, key: string) => String(row[key] ?? '');
  switch (dataset) {
    case 'cerita':
      return (a, b) => text(b, 'date').localeCompare(text(a, 'date')) || text(a, 'id').localeCompare(text(b, 'id'));
    case 'cakupan':
      return (a, b) => text(a, 'code').localeCompare(text(b, 'code'));
    case 'statistik':
      return (a, b) => text(a, 'area_code').localeCompare(text(b, 'area_code'));
    case 'kim':
      return (a, b) => text(a, 'village_code').localeCompare(text(b, 'village_code')) || text(a, 'id').localeCompare(text(b, 'id'));
    case 'potensi':
      return (a, b) => text(a, 'region_code').localeCompare(text(b, 'region_code')) || text(a, 'id').localeCompare(text(b, 'id'));
  }
}

/** Rows in the dataset's columns and order. */
function normalise(dataset: Dataset, rows: readonly Row[]): Row[] {
  const columns = DATASETS[dataset];
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))).sort(compare(dataset));
}

/** The JSON file: what it is, under which licences, and its rows. */
export function toJson(dataset: Dataset, rows: readonly Row[], meta: { site: string; documentation: string }): string {
  return `${JSON.stringify({ dataset, site: meta.site, documentation: meta.documentation, count: rows.length, items: normalise(dataset, rows) })}\n`;
}

/**
 * A spreadsheet runs a cell that starts with =, +, - or @ as a formula: a contributor's name like
 * `=HYPERLINK(...)` would run on a Diskominfo clerk's computer. Such text gets a leading
 * apostrophe, which spreadsheets hide and treat as "this is text" (OWASP's advice).
 */
function cellText(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return cellText(value.join('; '));
  if (typeof value !== 'string') return String(value);
  // A bare number (a phone number written +62…) is no formula, and stays as it is.
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(?:\.\d+)?$/.test(value) ? `'${value}` : value;
}

export function toCsv(dataset: Dataset, rows: readonly Row[]): string {
  const columns = DATASETS[dataset];
  return stringify(
    normalise(dataset, rows).map((row) => columns.map((c) => cellText(row[c]!))),
    // A byte-order mark so spreadsheet programs read the names' accents as UTF-8.
    { header: true, columns: [...columns], bom: true, record_delimiter: 'windows' },
  );
}

/** The rows of several shards' JSON files of one dataset. */
export function mergeJson(files: readonly string[]): Row[] {
  return files.flatMap((text) => (JSON.parse(text) as { items: Row[] }).items);
}

/** The rows of several shards' CSV files of one dataset, as the CSV writer wrote them. */
function mergeCsvRows(files: readonly string[]): string[][] {
  return files.flatMap((text) => (parse(text, { bom: true, from_line: 2 }) as string[][]));
}

/** One CSV of a dataset from the rows of several, ordered as a single build orders them. */
export function mergeCsv(dataset: Dataset, files: readonly string[]): string {
  const columns = DATASETS[dataset];
  const rows = mergeCsvRows(files).map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as Row);
  // Already written once: cells are text as they are (a neutralised formula keeps its apostrophe).
  const sorted = rows.sort(compare(dataset));
  return stringify(
    sorted.map((row) => columns.map((c) => String(row[c] ?? ''))),
    { header: true, columns: [...columns], bom: true, record_delimiter: 'windows' },
  );
}
