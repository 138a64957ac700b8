/**
 * A grid index for the land check's geometry (`land-geometry.ts`): fixed-size cells over the
 * boxes of the items, so a look-up only examines the items near a point.
 */

/** A box in degrees: latitudes south to north, longitudes west to east. */
export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * Fixed-size cells over a box, each listing item indices (CSR layout: one flat array plus offsets,
 * so 100,000 look-ups touch no hash map and allocate nothing).
 */
export interface Grid {
  south: number;
  west: number;
  cell: number;
  rows: number;
  cols: number;
  start: Int32Array;
  items: Int32Array;
}

/** Puts each item into every cell its box touches. */
export function buildGrid(boxes: readonly Box[], cell: number): Grid {
  if (boxes.length === 0) {
    return { south: 0, west: 0, cell, rows: 0, cols: 0, start: new Int32Array(1), items: new Int32Array(0) };
  }
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  for (const b of boxes) {
    south = Math.min(south, b.south);
    north = Math.max(north, b.north);
    west = Math.min(west, b.west);
    east = Math.max(east, b.east);
  }
  const rows = Math.floor((north - south) / cell) + 1;
  const cols = Math.floor((east - west) / cell) + 1;
  const span = (b: Box) => ({
    r0: Math.floor((b.south - south) / cell),
    r1: Math.min(rows - 1, Math.floor((b.north - south) / cell)),
    c0: Math.floor((b.west - west) / cell),
    c1: Math.min(cols - 1, Math.floor((b.east - west) / cell)),
  });
  const start = new Int32Array(rows * cols + 1);
  for (const b of boxes) {
    const { r0, r1, c0, c1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]!++;
  }
  for (let i = 0; i < rows * cols; i++) start[i + 1]! += start[i]!;
  const items = new Int32Array(start[rows * cols]!);
  const fill = start.slice(0, rows * cols);
  boxes.forEach((b, index) => {
    const { r0, r1, c0, c1 } = span(b);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[fill[r * cols + c]!++] = index;
  });
  return { south, west, cell, rows, cols, start, items };
}
