import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredLayout, type LayeredLayout, type LayoutInputEdge, type LayoutInputNode } from "./layered-layout.ts";

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const boxes = (nodes: readonly LayoutInputNode[], layout: LayeredLayout): Box[] =>
  nodes.map((n, i) => ({ ...(layout.nodes[i] ?? { x: NaN, y: NaN }), width: n.width, height: n.height }));

const node = (width = 100, height = 40): LayoutInputNode => ({ width, height });

describe("layeredLayout", () => {
  it("stacks a chain top to bottom on one vertical line", () => {
    const nodes = [node(), node(), node()];
    const layout = layeredLayout(nodes, [
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    const [a, b, c] = layout.nodes;
    expect(a && b && c).toBeTruthy();
    expect(a!.y).toBeLessThan(b!.y);
    expect(b!.y).toBeLessThan(c!.y);
    expect(new Set(layout.nodes.map((p) => p.x)).size).toBe(1);
    expect(layout.edges[0]?.points[0]).toEqual({ x: 50, y: a!.y + 40 });
    expect(layout.edges[0]?.points.at(-1)).toEqual({ x: 50, y: b!.y });
  });

  it("uses the longest path for layers: a shortcut edge does not pull its target up", () => {
    const layout = layeredLayout([node(), node(), node()], [
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 0, to: 2 },
    ]);
    expect(layout.nodes[2]!.y).toBeGreaterThan(layout.nodes[1]!.y);
    // The long edge is routed through intermediate points, beside the middle node rather than through it.
    const shortcut = layout.edges[2]!;
    expect(shortcut.points.length).toBeGreaterThan(2);
  });

  it("breaks cycles: a loop edge is marked back and points up", () => {
    const layout = layeredLayout([node(), node(), node()], [
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 1 },
    ]);
    const loop = layout.edges[2]!;
    expect(loop.back).toBe(true);
    expect(loop.points[0]!.y).toBeGreaterThan(loop.points.at(-1)!.y);
    expect(layout.edges[1]!.back).toBe(false);
  });

  it("draws a self-loop on the right of its node and keeps room for it", () => {
    const layout = layeredLayout([node(), node(60)], [{ from: 0, to: 0, label: { width: 40, height: 14 } }, { from: 0, to: 1 }]);
    const loop = layout.edges[0]!;
    expect(loop.selfLoop).toBe(true);
    expect(Math.min(...loop.points.map((p) => p.x))).toBeGreaterThanOrEqual(layout.nodes[0]!.x + 100);
    expect(layout.width).toBeGreaterThanOrEqual(100 + 28 + 40);
  });

  it("puts siblings side by side without overlap, ordered to avoid crossings", () => {
    const nodes = [node(), node(), node(), node(), node()];
    const layout = layeredLayout(nodes, [
      { from: 0, to: 1 },
      { from: 0, to: 2 },
      { from: 1, to: 4 },
      { from: 2, to: 3 },
    ]);
    const [, b, c, d, e] = layout.nodes;
    expect(b!.y).toBe(c!.y);
    // 1 -> 4 and 2 -> 3: the barycentre ordering keeps 4 under 1 and 3 under 2.
    expect(Math.sign(e!.x - d!.x)).toBe(Math.sign(b!.x - c!.x));
  });

  it("gives a label its own room between the layers", () => {
    const nodes = [node(), node()];
    const layout = layeredLayout(nodes, [{ from: 0, to: 1, label: { width: 80, height: 30 } }]);
    const label = layout.edges[0]!.labelCenter!;
    expect(label.y - 15).toBeGreaterThanOrEqual(layout.nodes[0]!.y + 40);
    expect(label.y + 15).toBeLessThanOrEqual(layout.nodes[1]!.y);
  });

  it("moves `bottom` nodes to the last layer", () => {
    const nodes = [node(), node(), node(), node()];
    const edges = [
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 0, to: 3 },
    ];
    expect(layeredLayout(nodes, edges).nodes[3]!.y).toBe(layeredLayout(nodes, edges).nodes[1]!.y);
    expect(layeredLayout(nodes, edges, { bottom: [3] }).nodes[3]!.y).toBe(layeredLayout(nodes, edges).nodes[2]!.y);
  });

  it("rejects an edge to a node that does not exist", () => {
    expect(() => layeredLayout([node()], [{ from: 0, to: 3 }])).toThrow(RangeError);
  });

  it("lays out an empty graph as an empty box", () => {
    expect(layeredLayout([], [])).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });

  it("never overlaps nodes or labels, and every edge starts and ends on its nodes (random graphs)", () => {
    const graph = fc.integer({ min: 1, max: 14 }).chain((count) =>
      fc.record({
        nodes: fc.array(fc.record({ width: fc.integer({ min: 20, max: 220 }), height: fc.integer({ min: 20, max: 90 }) }), { minLength: count, maxLength: count }),
        edges: fc.array(
          fc.record({
            from: fc.nat(count - 1),
            to: fc.nat(count - 1),
            label: fc.option(fc.record({ width: fc.integer({ min: 10, max: 150 }), height: fc.integer({ min: 10, max: 30 }) }), { nil: undefined }),
          }),
          { maxLength: 24 },
        ),
      }),
    );
    fc.assert(
      fc.property(graph, ({ nodes, edges }) => {
        const input: LayoutInputEdge[] = edges.map((e) => (e.label ? { from: e.from, to: e.to, label: e.label } : { from: e.from, to: e.to }));
        const layout = layeredLayout(nodes, input);
        const placed = boxes(nodes, layout);
        const labels: Box[] = input.flatMap((e, i) => {
          const c = layout.edges[i]?.labelCenter;
          return e.label && c && !layout.edges[i]?.selfLoop ? [{ x: c.x - e.label.width / 2, y: c.y - e.label.height / 2, ...e.label }] : [];
        });
        const all = [...placed, ...labels];
        for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
        for (const box of placed) {
          expect(box.x).toBeGreaterThanOrEqual(-0.001);
          expect(box.x + box.width).toBeLessThanOrEqual(layout.width + 0.001);
          expect(box.y + box.height).toBeLessThanOrEqual(layout.height + 0.001);
        }
        input.forEach((e, i) => {
          const points = layout.edges[i]!.points;
          expect(points.length).toBeGreaterThanOrEqual(2);
          const onBox = (p: { x: number; y: number }, b: Box): boolean =>
            p.x >= b.x - 0.001 && p.x <= b.x + b.width + 0.001 && p.y >= b.y - 0.001 && p.y <= b.y + b.height + 0.001;
          expect(onBox(points[0]!, placed[e.from]!)).toBe(true);
          expect(onBox(points.at(-1)!, placed[e.to]!)).toBe(true);
        });
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });

  it("is deterministic", () => {
    const nodes = [node(), node(80), node(120), node()];
    const edges = [
      { from: 0, to: 1 },
      { from: 0, to: 2 },
      { from: 2, to: 0 },
      { from: 1, to: 3 },
    ];
    expect(layeredLayout(nodes, edges)).toEqual(layeredLayout(nodes, edges));
  });
});
