// The dagre adapter used by the layout comparison keeps layered-layout.ts's contract, so the
// comparison measures the two engines on the same boxes and edges.
import { describe, expect, it } from "vitest";
import { dagreLayout } from "../scripts/dagre-layout.ts";

const box = { width: 100, height: 40 };

describe("dagreLayout", () => {
  it("places a chain top to bottom without overlaps, from the origin", () => {
    const placed = dagreLayout([box, box, box], [{ from: 0, to: 1 }, { from: 1, to: 2 }]);
    const [a, b, c] = placed.nodes;
    expect(Math.min(...placed.nodes.map((n) => n.x))).toBe(0);
    expect(a?.y).toBe(0);
    expect((a?.y ?? 0) + box.height).toBeLessThanOrEqual(b?.y ?? 0);
    expect((b?.y ?? 0) + box.height).toBeLessThanOrEqual(c?.y ?? 0);
    expect(placed.height).toBeGreaterThanOrEqual((c?.y ?? 0) + box.height);
  });

  it("routes each edge from its source to its target and gives labelled edges a label centre", () => {
    const placed = dagreLayout([box, box], [{ from: 0, to: 1, label: { width: 60, height: 16 } }]);
    const [edge] = placed.edges;
    const points = edge?.points ?? [];
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points[0]?.y).toBeCloseTo((placed.nodes[0]?.y ?? 0) + box.height, 0);
    expect(points.at(-1)?.y).toBeCloseTo(placed.nodes[1]?.y ?? 0, 0);
    expect(edge?.labelCenter).toBeDefined();
    expect(edge).toMatchObject({ back: false, selfLoop: false });
  });

  it("flags loops as back edges and self-loops, and rejects an edge to a missing node", () => {
    const placed = dagreLayout([box, box], [{ from: 0, to: 1 }, { from: 1, to: 0 }, { from: 1, to: 1 }]);
    expect(placed.edges.map((e) => [e.back, e.selfLoop])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(() => dagreLayout([box], [{ from: 0, to: 3 }])).toThrow(/edge 0->3 names a node that does not exist/);
  });
});
