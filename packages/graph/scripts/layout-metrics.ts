// Measures how readable a laid-out diagram is, so layout engines can be compared on numbers
// rather than taste: edge crossings, edges drawn through boxes they do not connect, total edge
// length and drawing area. Edges are measured as the routed polylines (the SVG smooths them).
import type { DiagramBlock, DiagramEdge, DiagramNode } from "../src/diagram-layout.ts";
import type { Point } from "../src/layered-layout.ts";

/** The numbers of one diagram, summed over its blocks (nested Map/Parallel blocks included). */
export interface LayoutMetrics {
  /** Pairs of segments of two different edges of a block that cross. */
  readonly crossings: number;
  /** Edge segments that pass through a box other than the edge's own ends. */
  readonly edgesThroughNodes: number;
  /** Length of all routed edges, px. */
  readonly edgeLength: number;
  /** Width × height of the whole drawing, px². */
  readonly area: number;
}

/** Measures a diagram laid out by layoutDiagram. */
export function measureLayout(root: DiagramBlock): LayoutMetrics {
  const total = { crossings: 0, edgesThroughNodes: 0, edgeLength: 0 };
  const visit = (block: DiagramBlock): void => {
    const segments = block.edges.map((edge) => segmentsOf(edge.points));
    for (let a = 0; a < segments.length; a++) {
      for (let b = a + 1; b < segments.length; b++) total.crossings += crossingsBetween(segments[a] ?? [], segments[b] ?? []);
    }
    block.edges.forEach((edge, i) => {
      total.edgeLength += (segments[i] ?? []).reduce((sum, [p, q]) => sum + Math.hypot(q.x - p.x, q.y - p.y), 0);
      total.edgesThroughNodes += throughNodes(edge, segments[i] ?? [], block.nodes);
    });
    for (const node of block.nodes) node.blocks.forEach(visit);
  };
  visit(root);
  return { ...total, area: root.width * root.height };
}

type Segment = readonly [Point, Point];

function segmentsOf(points: readonly Point[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (p && q && (p.x !== q.x || p.y !== q.y)) segments.push([p, q]);
  }
  return segments;
}

function crossingsBetween(a: readonly Segment[], b: readonly Segment[]): number {
  let count = 0;
  for (const s of a) for (const t of b) if (properlyCross(s, t)) count++;
  return count;
}

/** Strict crossing: the segments' interiors cut each other (touching ends, e.g. at a shared node, do not count). */
function properlyCross([p1, p2]: Segment, [q1, q2]: Segment): boolean {
  const d1 = orientation(q1, q2, p1);
  const d2 = orientation(q1, q2, p2);
  const d3 = orientation(p1, p2, q1);
  const d4 = orientation(p1, p2, q2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return Math.abs(value) < 1e-9 ? 0 : Math.sign(value);
}

/** Segments of the edge that enter the box (shrunk by 2px, so grazing a border does not count) of a node it does not connect. */
function throughNodes(edge: DiagramEdge, segments: readonly Segment[], nodes: readonly DiagramNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.name === edge.from || node.name === edge.to) continue;
    const box = { left: node.x + 2, right: node.x + node.width - 2, top: node.y + 2, bottom: node.y + node.height - 2 };
    if (segments.some((segment) => segmentHitsBox(segment, box))) count++;
  }
  return count;
}

function segmentHitsBox([p, q]: Segment, box: { left: number; right: number; top: number; bottom: number }): boolean {
  // Liang-Barsky clipping: does any part of the segment lie inside the box?
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const checks: [number, number][] = [
    [-dx, p.x - box.left],
    [dx, box.right - p.x],
    [-dy, p.y - box.top],
    [dy, box.bottom - p.y],
  ];
  for (const [edge, distance] of checks) {
    if (edge === 0) {
      if (distance < 0) return false;
      continue;
    }
    const t = distance / edge;
    if (edge < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
