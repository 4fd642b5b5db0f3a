import { describe, expect, it } from '@jest/globals';
import { layoutFlow } from './flow-layout';
import { FLOWS } from './flows';

describe('layoutFlow', () => {
  it.each(FLOWS.map((flow) => [flow.title, flow] as const))('places every box of "%s" once, inside the drawing, without overlaps', (_title, flow) => {
    const boxes = flow.rows.flat().length;
    for (const narrow of [false, true]) {
      const layout = layoutFlow(flow.rows, narrow);
      expect(layout.nodes).toHaveLength(boxes);
      // One arrow between neighbours of a row; rows are not joined.
      expect(layout.arrows).toHaveLength(boxes - flow.rows.length);
      for (const node of layout.nodes) {
        expect(node.x).toBeGreaterThanOrEqual(0);
        expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
        expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
      }
      for (const [i, a] of layout.nodes.entries()) {
        for (const b of layout.nodes.slice(i + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
    }
  });
});
