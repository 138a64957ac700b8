import type { APIRoute } from 'astro';
import { DATASET_NAMES, dataFileName, toCsv, toJson, type DataFormat, type Dataset } from '../../domain/open-data.ts';
import { urls } from '../../site/network.ts';
import { openDataRows } from '../../site/views/open-data.ts';

/** `/data/<dataset>.json` and `.csv`: the network's open data (see /data/ for every field). */
export function getStaticPaths() {
  return DATASET_NAMES.flatMap((dataset) => (['json', 'csv'] as const).map((format) => ({ params: { file: dataFileName(dataset, format) }, props: { dataset, format } })));
}

const TYPES: Record<DataFormat, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' };

export const GET: APIRoute = async ({ props, site }) => {
  const { dataset, format } = props as { dataset: Dataset; format: DataFormat };
  const absolute = (path: string) => new URL(path, site).href;
  const rows = await openDataRows(dataset, absolute);
  const body = format === 'json' ? toJson(dataset, rows, { site: absolute(urls.home()), documentation: absolute(urls.openData()) }) : toCsv(dataset, rows);
  return new Response(body, { headers: { 'Content-Type': TYPES[format] } });
};
