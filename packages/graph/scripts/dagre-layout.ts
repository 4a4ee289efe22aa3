// The same contract as layered-layout.ts (boxes and labelled edges in, top-left corners and routed
// polylines out), computed by dagre (@dagrejs/dagre: network-simplex ranking, barycentre
// ordering, Brandes-Köpf placement). Edge labels are dagre edge labels, so dagre keeps room for
// them like it does for nodes.
import { Graph, layout } from "@dagrejs/dagre";
import type { LayeredLayout, LayoutInputEdge, LayoutInputNode, LayoutOptions, Point, RoutedEdge } from "../src/layered-layout.ts";

/** dagre's spacing, in px: close to the hand-written layout's, so areas compare fairly. */
const SPACING = { nodesep: 32, edgesep: 14, ranksep: 40 } as const;

/** Lays out a directed graph top to bottom with dagre; deterministic for the same input. */
export function dagreLayout(nodes: readonly LayoutInputNode[], edges: readonly LayoutInputEdge[], _options: Partial<LayoutOptions> = {}): LayeredLayout {
  for (const edge of edges) {
    if (!nodes[edge.from] || !nodes[edge.to]) throw new RangeError(`edge ${edge.from}->${edge.to} names a node that does not exist`);
  }
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", ...SPACING, marginx: 0, marginy: 0 });
  nodes.forEach((node, i) => graph.setNode(String(i), { width: node.width, height: node.height }));
  edges.forEach((edge, i) => {
    const label = edge.label ? { width: edge.label.width, height: edge.label.height, labelpos: "c" as const } : {};
    graph.setEdge(String(edge.from), String(edge.to), { ...label }, String(i));
  });
  layout(graph);

  const centres: Point[] = nodes.map((_, i) => {
    const placed = graph.node(String(i)) as { x?: number; y?: number } | undefined;
    return { x: placed?.x ?? 0, y: placed?.y ?? 0 };
  });
  const routes = edges.map((edge, i) => {
    const placed = graph.edge({ v: String(edge.from), w: String(edge.to), name: String(i) }) as { points?: Point[]; x?: number; y?: number } | undefined;
    const points = (placed?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const labelCenter = edge.label && placed?.x !== undefined && placed.y !== undefined ? { x: placed.x, y: placed.y } : undefined;
    return { edge, points, labelCenter };
  });

  // dagre may place things at negative coordinates (self-loops, labels): shift all to the origin.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cover = (x: number, y: number, halfWidth = 0, halfHeight = 0): void => {
    minX = Math.min(minX, x - halfWidth);
    maxX = Math.max(maxX, x + halfWidth);
    minY = Math.min(minY, y - halfHeight);
    maxY = Math.max(maxY, y + halfHeight);
  };
  nodes.forEach((node, i) => cover(centres[i]?.x ?? 0, centres[i]?.y ?? 0, node.width / 2, node.height / 2));
  for (const route of routes) {
    for (const p of route.points) cover(p.x, p.y);
    if (route.labelCenter && route.edge.label) cover(route.labelCenter.x, route.labelCenter.y, route.edge.label.width / 2, route.edge.label.height / 2);
  }
  if (minX === Infinity) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const move = (p: Point): Point => ({ x: p.x - minX, y: p.y - minY });

  const routed: RoutedEdge[] = routes.map(({ edge, points, labelCenter }) => {
    const from = centres[edge.from] ?? { x: 0, y: 0 };
    const to = centres[edge.to] ?? { x: 0, y: 0 };
    return {
      points: points.map(move),
      ...(labelCenter ? { labelCenter: move(labelCenter) } : {}),
      back: edge.from !== edge.to && to.y < from.y,
      selfLoop: edge.from === edge.to,
    };
  });
  return {
    nodes: nodes.map((node, i) => move({ x: (centres[i]?.x ?? 0) - node.width / 2, y: (centres[i]?.y ?? 0) - node.height / 2 })),
    edges: routed,
    width: Math.ceil(maxX - minX),
    height: Math.ceil(maxY - minY),
  };
}
