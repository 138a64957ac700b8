/**
 * The geometry of the dashboard's charts, drawn at build time as SVG (components/charts/): no
 * chart library and no JavaScript reaches a reader. Coordinates are in the SVG's own units; the
 * SVG scales to its column, and its text stays about 14 px on a phone because the units are
 * chosen for a phone's width. Every chart also has its numbers in a table beside it.
 */

/** Width of every chart, in SVG units: a phone's column, so 14 units of text read as about 14 px there. */
export const CHART_WIDTH = 400;
const TEXT = 14;

export interface BarInput {
  label: string;
  value: number;
  /** The value as the chart writes it ("12", "45,5%"). */
  text: string;
}

export interface Bar extends BarInput {
  /** Baseline of the label, written above the bar so long names never shrink the bar. */
  labelY: number;
  y: number;
  width: number;
  height: number;
  /** Where the value's text starts, just after the bar. */
  textX: number;
}

/** Horizontal bars, each under its label, scaled to `max` (the largest value when not given). */
export function barChart(rows: readonly BarInput[], { max }: { max?: number } = {}): { width: number; height: number; bars: Bar[] } {
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  const room = CHART_WIDTH - 64; // Leaves the value's text room after the longest bar.
  const rowHeight = TEXT + 4 + 16 + 10;
  const bars = rows.map((row, i) => {
    const y0 = i * rowHeight;
    const width = row.value > 0 ? Math.max(2, (row.value / top) * room) : 0;
    return { ...row, labelY: y0 + TEXT, y: y0 + TEXT + 4, width: round(width), height: 16, textX: round(width + 6) };
  });
  return { width: CHART_WIDTH, height: rows.length * rowHeight, bars };
}

export interface Column {
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the column, where its label and value are written. */
  centre: number;
}

/** Columns over a baseline, one per period (the twelve months), with room for labels under and values over them. */
export function columnChart(values: readonly { label: string; value: number }[]): { width: number; height: number; baseline: number; columns: Column[] } {
  const plot = 150;
  const top = TEXT + 6;
  const baseline = top + plot;
  const step = CHART_WIDTH / Math.max(values.length, 1);
  const max = Math.max(1, ...values.map((v) => v.value));
  const columns = values.map((v, i) => {
    const height = round((v.value / max) * plot);
    const width = round(step * 0.64);
    const centre = round(step * i + step / 2);
    return { ...v, x: round(centre - width / 2), y: baseline - height, width, height, centre };
  });
  return { width: CHART_WIDTH, height: baseline + TEXT + 8, baseline, columns };
}

export interface MatrixCell {
  x: number;
  y: number;
  size: number;
  value: number;
  /** 0 for an empty cell, then 1–3 by how many entries it holds, for the fill's strength. */
  level: 0 | 1 | 2 | 3;
}

/**
 * A grid of rows (villages or kecamatan) and columns (kinds of potential): which row has which
 * kind, at a glance. Row labels are cut to fit; the table beside the chart has them whole.
 */
export function matrixChart(rows: readonly string[], columns: readonly string[], cells: readonly (readonly number[])[]): {
  width: number;
  height: number;
  labelWidth: number;
  header: number;
  size: number;
  rows: { label: string; y: number }[];
  columns: { label: string; x: number }[];
  cells: MatrixCell[];
} {
  const size = 26;
  // Column names are written upwards above their column, cut to what fits.
  const maxColumn = 16;
  const header = Math.round(maxColumn * 12 * 0.6) + 8;
  const labelWidth = CHART_WIDTH - columns.length * size;
  // A row label starts after the KIM's colour dot and ends before the first cell.
  const maxLabel = Math.floor((labelWidth - 20) / (TEXT * 0.6));
  const result = {
    width: CHART_WIDTH,
    height: header + rows.length * size,
    labelWidth,
    header,
    size,
    rows: rows.map((label, r) => ({ label: shorten(label, maxLabel), y: header + r * size + size / 2 + TEXT / 3 })),
    columns: columns.map((label, c) => ({ label: shorten(label, maxColumn), x: labelWidth + c * size + size / 2 + 4 })),
    cells: [] as MatrixCell[],
  };
  rows.forEach((_, r) =>
    columns.forEach((__, c) => {
      const value = cells[r]?.[c] ?? 0;
      result.cells.push({ x: labelWidth + c * size + 2, y: header + r * size + 2, size: size - 4, value, level: value === 0 ? 0 : value === 1 ? 1 : value < 4 ? 2 : 3 });
    }),
  );
  return result;
}

/** A label cut to `max` characters with an ellipsis. */
export function shorten(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

const round = (n: number) => Math.round(n * 10) / 10;
