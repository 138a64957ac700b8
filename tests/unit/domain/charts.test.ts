import { describe, expect, it } from 'vitest';
import { barChart, CHART_WIDTH, columnChart, matrixChart, shorten } from '../../../src/domain/charts.ts';

describe('barChart', () => {
  it('scales bars to the given maximum, leaves empty rows without a bar, and writes each label above its bar', () => {
    const chart = barChart(
      [
        { label: 'Kota Bontang', value: 100, text: '100%' },
        { label: 'Kabupaten Kutai Kartanegara', value: 25, text: '25%' },
        { label: 'Kosong', value: 0, text: '0%' },
      ],
      { max: 100 },
    );
    const [full, quarter, empty] = chart.bars;
    expect(full!.width).toBe(CHART_WIDTH - 64);
    expect(quarter!.width).toBeCloseTo((CHART_WIDTH - 64) / 4, 0);
    expect(empty!.width).toBe(0);
    expect(full!.labelY).toBeLessThan(full!.y);
    expect(quarter!.y).toBeGreaterThan(full!.y + full!.height);
    expect(chart.height).toBeGreaterThanOrEqual(empty!.y + empty!.height);
    // The value is written just after its bar, never over it.
    expect(quarter!.textX).toBeGreaterThan(quarter!.width);
  });
});

describe('columnChart', () => {
  it('stands twelve columns on one baseline, the tallest at the top of the plot', () => {
    const values = Array.from({ length: 12 }, (_, i) => ({ label: String(i + 1), value: i === 10 ? 5 : i % 3 }));
    const chart = columnChart(values);
    expect(chart.columns).toHaveLength(12);
    for (const column of chart.columns) expect(column.y + column.height).toBe(chart.baseline);
    const tallest = chart.columns[10]!;
    expect(tallest.height).toBe(Math.max(...chart.columns.map((c) => c.height)));
    expect(chart.columns.at(-1)!.x + chart.columns.at(-1)!.width).toBeLessThanOrEqual(CHART_WIDTH);
    expect(chart.columns[0]!.height).toBe(0);
  });
});

describe('matrixChart', () => {
  it('puts a cell for every row and column, its strength by count, and cuts labels that would reach the cells', () => {
    const chart = matrixChart(['Muara Wis', 'Desa dengan nama yang sangat panjang sekali'], ['Wisata', 'Kuliner', 'Kerajinan & batik'], [[0, 1, 5], [2]]);
    expect(chart.cells.map((c) => c.level)).toEqual([0, 1, 3, 2, 0, 0]);
    expect(chart.rows[0]!.label).toBe('Muara Wis');
    expect(chart.rows[1]!.label.endsWith('…')).toBe(true);
    expect(chart.columns.at(-1)!.x).toBeLessThan(CHART_WIDTH);
    for (const cell of chart.cells) expect(cell.x).toBeGreaterThanOrEqual(chart.labelWidth);
  });
});

describe('shorten', () => {
  it('keeps a short label and cuts a long one at a character, not a byte', () => {
    expect(shorten('Batuah', 10)).toBe('Batuah');
    expect(shorten('Tanjung Laut Indah', 8)).toBe('Tanjung…');
    expect([...shorten('Ā'.repeat(20), 5)]).toHaveLength(5);
  });
});
