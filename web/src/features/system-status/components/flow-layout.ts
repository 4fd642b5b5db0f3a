import type { FlowNode } from './flows';

export interface PlacedNode {
  key: string;
  node: FlowNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Arrow {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface FlowLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  arrows: Arrow[];
}

const WIDE = { width: 720, box: 150, arrow: 40, height: 62, rowGap: 26 };
const NARROW = { width: 260, box: 240, arrow: 26, height: 54, rowGap: 22 };

/**
 * Where each box and arrow of a flow goes. Wide: each row left to right, centred, the seed's
 * look. Narrow (a phone): every box under the one before, so labels stay readable at 375 px
 * instead of a 720-wide drawing shrunk to half size.
 */
export function layoutFlow(rows: readonly FlowNode[][], narrow: boolean): FlowLayout {
  const nodes: PlacedNode[] = [];
  const arrows: Arrow[] = [];
  if (!narrow) {
    let y = 0;
    rows.forEach((row, r) => {
      const rowWidth = row.length * WIDE.box + (row.length - 1) * WIDE.arrow;
      let x = (WIDE.width - rowWidth) / 2;
      row.forEach((node, i) => {
        nodes.push({ key: `${r}-${i}`, node, x, y, width: WIDE.box, height: WIDE.height });
        if (i > 0) arrows.push({ key: `${r}-${i}`, x1: x - WIDE.arrow + 4, y1: y + WIDE.height / 2, x2: x - 4, y2: y + WIDE.height / 2 });
        x += WIDE.box + WIDE.arrow;
      });
      y += WIDE.height + WIDE.rowGap;
    });
    return { width: WIDE.width, height: y - WIDE.rowGap, nodes, arrows };
  }
  let y = 0;
  const x = (NARROW.width - NARROW.box) / 2;
  rows.forEach((row, r) => {
    row.forEach((node, i) => {
      if (i > 0) arrows.push({ key: `${r}-${i}`, x1: NARROW.width / 2, y1: y - NARROW.arrow + 3, x2: NARROW.width / 2, y2: y - 3 });
      nodes.push({ key: `${r}-${i}`, node, x, y, width: NARROW.box, height: NARROW.height });
      y += NARROW.height + NARROW.arrow;
    });
    y += NARROW.rowGap - NARROW.arrow;
  });
  return { width: NARROW.width, height: y - NARROW.rowGap, nodes, arrows };
}
