import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATASETS, mergeCsv, mergeJson, toCsv, toJson, type Row } from '../../../src/domain/open-data.ts';

const meta = { site: 'https://kim.example.org/', documentation: 'https://kim.example.org/data/' };
const story = (id: string, date: string, title = `Cerita ${id}`): Row => ({ id, title, date, url: `https://kim.example.org/cerita/${id}/`, tags: ['Wisata desa', 'Danau'], authors: [] });
const readCsv = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('open data files', () => {
  it('write every column of the dataset, in order, newest story first', () => {
    const json = JSON.parse(toJson('cerita', [story('a', '2026-10-01'), story('b', '2026-11-01')], meta));
    expect(json).toMatchObject({ dataset: 'cerita', count: 2, documentation: meta.documentation });
    expect(json.items.map((r: Row) => r.id)).toEqual(['b', 'a']);
    expect(Object.keys(json.items[0])).toEqual([...DATASETS.cerita]);
    const csv = readCsv(toCsv('cerita', [story('a', '2026-10-01'), story('b', '2026-11-01')]));
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual([...DATASETS.cerita]);
    expect(csv.data.map((r) => r.id)).toEqual(['b', 'a']);
    expect(csv.data[0]!.tags).toBe('Wisata desa; Danau');
  });

  it('keep commas, quotes and line breaks inside a cell, and start with a BOM for spreadsheets', () => {
    const title = 'Panen "raya", lalu\npesta';
    const text = toCsv('cerita', [story('a', '2026-10-01', title)]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(readCsv(text).data[0]!.title).toBe(title);
  });

  it('neutralise a cell a spreadsheet would run as a formula, but not a phone number', () => {
    const rows = ['=HYPERLINK("http://jahat.example","klik")', '+SUM(1)', '-1+2', '@cmd'].map((title, i) => story(`s${i}`, `2026-10-0${i + 1}`, title));
    const csv = readCsv(toCsv('cerita', rows));
    for (const row of csv.data) expect(row.title!.startsWith("'")).toBe(true);
    const kim = readCsv(toCsv('kim', [{ id: 'k', whatsapp: '+6281234567890', village_code: '64.74.01.1001' }]));
    expect(kim.data[0]!.whatsapp).toBe('+6281234567890');
    // JSON is read by programs, not spreadsheets: the text stays exactly as written.
    expect(JSON.parse(toJson('cerita', rows, meta)).items.map((r: Row) => r.title)).toContain('=HYPERLINK("http://jahat.example","klik")');
  });

  it('merge shards into the file a single build writes', () => {
    const all = [story('a', '2026-10-01'), story('b', '2026-11-01'), story('c', '2026-09-01', '=1+1')];
    const shards = [[all[0]!, all[2]!], [all[1]!]];
    expect(toJson('cerita', mergeJson(shards.map((rows) => toJson('cerita', rows, meta))), meta)).toBe(toJson('cerita', all, meta));
    expect(mergeCsv('cerita', shards.map((rows) => toCsv('cerita', rows)))).toBe(toCsv('cerita', all));
  });
});
