// A small Sugiyama-style layered layout for one States block: break cycles, layer by longest path,
// route long edges through dummy vertices, order layers by barycentres, then place x by
// isotonic (pool-adjacent-violators) regression. Edge labels get a dummy vertex of their own
// size on an intermediate rank, so labels are laid out like nodes and never sit on top of one.
// Kept over dagre after a measured comparison on the corpus: see packages/graph/README.md.

/** A point in the layout's coordinate system (y grows downwards). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A box to place. */
export interface LayoutInputNode {
  readonly width: number;
  readonly height: number;
}

/** An arrow to route; `label` is the size of its label box when it has one. */
export interface LayoutInputEdge {
  readonly from: number;
  readonly to: number;
  readonly label?: { readonly width: number; readonly height: number };
}

/** A routed edge: the polyline from source to target, and the label box centre. */
export interface RoutedEdge {
  readonly points: readonly Point[];
  readonly labelCenter?: Point;
  /** True for an edge that points back up the layers (a loop). */
  readonly back: boolean;
  readonly selfLoop: boolean;
}

/** Node top-left corners (same order as the input), routed edges, and the bounding size. */
export interface LayeredLayout {
  readonly nodes: readonly Point[];
  readonly edges: readonly RoutedEdge[];
  readonly width: number;
  readonly height: number;
}

/** Spacing knobs, in px. */
export interface LayoutOptions {
  readonly nodeGap: number;
  readonly dummyGap: number;
  /** Between a node and an edge passing beside it. */
  readonly mixedGap: number;
  readonly rankGap: number;
  /** Nodes pushed down to the last layer (the End marker), so the drawing ends at the bottom. */
  readonly bottom: readonly number[];
}

const DEFAULT_OPTIONS: LayoutOptions = { nodeGap: 32, dummyGap: 14, mixedGap: 26, rankGap: 20, bottom: [] };
const SELF_LOOP_SPACE = 28;
/** Vertex count (nodes plus dummies) above which ordering and placement do fewer sweeps. */
const LARGE_GRAPH = 20_000;

interface Vertex {
  readonly width: number;
  readonly height: number;
  readonly real: boolean;
  /** Extra room kept free to the right (self-loop and its label). */
  readonly rightPad: number;
  rank: number;
  order: number;
  x: number;
}

interface Chain {
  readonly edge: number;
  /** Vertex ids from the upper end to the lower end. */
  readonly vertices: readonly number[];
  readonly back: boolean;
  readonly labelVertex: number | undefined;
}

/** Lays out a directed graph top to bottom; deterministic for the same input. */
export function layeredLayout(
  nodes: readonly LayoutInputNode[],
  edges: readonly LayoutInputEdge[],
  options: Partial<LayoutOptions> = {},
): LayeredLayout {
  const spacing: LayoutOptions = { ...DEFAULT_OPTIONS, ...options };
  for (const edge of edges) {
    if (!nodes[edge.from] || !nodes[edge.to]) throw new RangeError(`edge ${edge.from}->${edge.to} names a node that does not exist`);
  }
  const selfLoopPad = nodes.map((_, i) =>
    edges.filter((e) => e.from === i && e.to === i).reduce((pad, e) => Math.max(pad, SELF_LOOP_SPACE + (e.label?.width ?? 0) + 6), 0),
  );
  const vertices: Vertex[] = nodes.map((n, i) => ({ width: n.width, height: n.height, real: true, rightPad: selfLoopPad[i] ?? 0, rank: 0, order: 0, x: 0 }));
  const back = findBackEdges(nodes.length, edges);
  assignRanks(vertices, edges, back);
  const lastRank = vertices.reduce((m, v) => Math.max(m, v.rank), 0);
  for (const id of spacing.bottom) {
    const v = vertices[id];
    if (v && !edges.some((e) => e.from === id && e.to !== id)) v.rank = lastRank;
  }

  const chains: (Chain | undefined)[] = edges.map((edge, index) => {
    if (edge.from === edge.to) return undefined;
    const isBack = back.has(index);
    const [upper, lower] = isBack ? [edge.to, edge.from] : [edge.from, edge.to];
    const list = [upper];
    let labelVertex: number | undefined;
    const top = vertices[upper]?.rank ?? 0;
    const bottom = vertices[lower]?.rank ?? 0;
    // The label sits on the rank next to the edge's source, where a reader looks for it.
    const labelRank = isBack ? bottom - 1 : top + 1;
    for (let rank = top + 1; rank < bottom; rank++) {
      const label = rank === labelRank ? edge.label : undefined;
      vertices.push({ width: label?.width ?? 0, height: label?.height ?? 0, real: false, rightPad: 0, rank, order: 0, x: 0 });
      if (label) labelVertex = vertices.length - 1;
      list.push(vertices.length - 1);
    }
    list.push(lower);
    return { edge: index, vertices: list, back: isBack, labelVertex };
  });

  // Hundreds of long edges make hundreds of thousands of dummies; fewer sweeps keep that to seconds.
  const sweeps = vertices.length > LARGE_GRAPH ? 4 : 16;
  const layers = orderLayers(vertices, chains, sweeps);
  placeHorizontally(vertices, layers, chains, spacing, Math.min(12, sweeps));
  const heights = layers.map((_, rank) => rankHeight(layers, vertices, rank));
  const rankTop = placeVertically(heights, spacing);

  let minX = Infinity;
  let maxX = -Infinity;
  for (const v of vertices) {
    minX = Math.min(minX, v.x - v.width / 2);
    maxX = Math.max(maxX, v.x + v.width / 2 + v.rightPad);
  }
  if (vertices.length === 0) [minX, maxX] = [0, 0];
  const shift = -minX;
  const center = (id: number): Point => {
    const v = vertices[id];
    return v ? { x: v.x + shift, y: (rankTop[v.rank] ?? 0) + (heights[v.rank] ?? 0) / 2 } : { x: 0, y: 0 };
  };
  const band = (id: number): { top: number; bottom: number } => {
    const rank = vertices[id]?.rank ?? 0;
    const top = rankTop[rank] ?? 0;
    return { top, bottom: top + (heights[rank] ?? 0) };
  };
  const routed = routeEdges(edges, chains, vertices, center, band);
  const height = rankTop.length === 0 ? 0 : (rankTop[rankTop.length - 1] ?? 0) + (heights[heights.length - 1] ?? 0);
  return {
    nodes: nodes.map((n, i) => {
      const c = center(i);
      return { x: c.x - n.width / 2, y: c.y - n.height / 2 };
    }),
    edges: routed,
    width: Math.ceil(maxX - minX),
    height: Math.ceil(height),
  };
}

/** Depth-first search from node 0 (then from every unvisited node in order); edges into the DFS stack are back edges. */
function findBackEdges(count: number, edges: readonly LayoutInputEdge[]): Set<number> {
  const out: number[][] = Array.from({ length: count }, () => []);
  edges.forEach((e, i) => out[e.from]?.push(i));
  const state = new Array<number>(count).fill(0);
  const back = new Set<number>();
  const visit = (start: number): void => {
    // Iterative DFS: definitions can be long chains and recursion depth is not worth the risk.
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const [node, next] = top;
      const edgeIndex = out[node]?.[next];
      if (edgeIndex === undefined) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const target = edges[edgeIndex]?.to ?? node;
      if (target === node) continue;
      if (state[target] === 1) back.add(edgeIndex);
      else if (state[target] === 0) {
        state[target] = 1;
        stack.push([target, 0]);
      }
    }
  };
  for (let i = 0; i < count; i++) if (state[i] === 0) visit(i);
  return back;
}

/** Longest-path layering on the acyclic graph, on even ranks; odd ranks hold edge labels. */
function assignRanks(vertices: Vertex[], edges: readonly LayoutInputEdge[], back: ReadonlySet<number>): void {
  const count = vertices.length;
  const preds: number[][] = Array.from({ length: count }, () => []);
  const succs: number[][] = Array.from({ length: count }, () => []);
  edges.forEach((e, i) => {
    if (e.from === e.to) return;
    const [a, b] = back.has(i) ? [e.to, e.from] : [e.from, e.to];
    succs[a]?.push(b);
    preds[b]?.push(a);
  });
  const indegree = preds.map((p) => p.length);
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  const layer = new Array<number>(count).fill(0);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] ?? 0;
    for (const v of succs[u] ?? []) {
      layer[v] = Math.max(layer[v] ?? 0, (layer[u] ?? 0) + 1);
      indegree[v] = (indegree[v] ?? 1) - 1;
      if (indegree[v] === 0) queue.push(v);
    }
  }
  vertices.forEach((v, i) => (v.rank = (layer[i] ?? 0) * 2));
}

function neighbours(chains: readonly (Chain | undefined)[], count: number): { up: number[][]; down: number[][] } {
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  for (const chain of chains) {
    if (!chain) continue;
    for (let i = 1; i < chain.vertices.length; i++) {
      const a = chain.vertices[i - 1] ?? 0;
      const b = chain.vertices[i] ?? 0;
      down[a]?.push(b);
      up[b]?.push(a);
    }
  }
  return { up, down };
}

/** Barycentric sweeps, keeping the ordering with the fewest crossings seen. */
function orderLayers(vertices: Vertex[], chains: readonly (Chain | undefined)[], sweeps: number): number[][] {
  const rankCount = vertices.reduce((m, v) => Math.max(m, v.rank + 1), 0);
  const layers: number[][] = Array.from({ length: rankCount }, () => []);
  const { up, down } = neighbours(chains, vertices.length);
  // Initial order: real nodes by definition order, each dummy right after its chain's predecessor.
  vertices.forEach((v, i) => layers[v.rank]?.push(i));
  const setOrder = (): void => layers.forEach((layer) => layer.forEach((id, pos) => vertices[id] && (vertices[id].order = pos)));
  setOrder();
  for (let r = 1; r < rankCount; r++) sortByBarycentre(layers, r, up, vertices);
  setOrder();

  let best = layers.map((l) => [...l]);
  let bestCrossings = countCrossings(layers, down, vertices);
  for (let iteration = 0; iteration < sweeps && bestCrossings > 0; iteration++) {
    // Ties broken to the left in two sweeps, to the right in the next two: a chain stuck on one
    // side of an equal-barycentre neighbour gets a chance to move past it.
    const biasRight = iteration % 4 >= 2;
    if (iteration % 2 === 0) for (let r = 1; r < rankCount; r++) sortByBarycentre(layers, r, up, vertices, biasRight);
    else for (let r = rankCount - 2; r >= 0; r--) sortByBarycentre(layers, r, down, vertices, biasRight);
    setOrder();
    const crossings = countCrossings(layers, down, vertices);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((layer) => layer.forEach((id, pos) => vertices[id] && (vertices[id].order = pos)));
  return best;
}

function sortByBarycentre(layers: number[][], rank: number, adjacent: readonly number[][], vertices: Vertex[], biasRight = false): void {
  const layer = layers[rank];
  if (!layer) return;
  const keyed = layer.map((id, pos) => {
    const others = adjacent[id] ?? [];
    const bary = others.length === 0 ? pos : others.reduce((s, o) => s + (vertices[o]?.order ?? 0), 0) / others.length;
    return { id, bary, pos };
  });
  keyed.sort((a, b) => a.bary - b.bary || (biasRight ? b.pos - a.pos : a.pos - b.pos));
  layers[rank] = keyed.map((k) => k.id);
  layers[rank].forEach((id, pos) => vertices[id] && (vertices[id].order = pos));
}

/**
 * Crossings between consecutive ranks: edges sorted by their upper end, then inversions among
 * their lower ends counted with a Fenwick tree, O(E log V) per pair of ranks (big machines make
 * thousands of dummy vertices, and the quadratic count dominated the run time).
 */
function countCrossings(layers: readonly (readonly number[])[], down: readonly number[][], vertices: readonly Vertex[]): number {
  let total = 0;
  layers.forEach((layer, rank) => {
    const pairs: [number, number][] = [];
    for (const id of layer) for (const t of down[id] ?? []) pairs.push([vertices[id]?.order ?? 0, vertices[t]?.order ?? 0]);
    pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const size = (layers[rank + 1]?.length ?? 0) + 1;
    const tree = new Array<number>(size + 1).fill(0);
    let seen = 0;
    for (const [, lower] of pairs) {
      // Edges already seen whose lower end is further right than this one cross it.
      let atMost = 0;
      for (let i = lower + 1; i > 0; i -= i & -i) atMost += tree[i] ?? 0;
      total += seen - atMost;
      for (let i = lower + 1; i <= size; i += i & -i) tree[i] = (tree[i] ?? 0) + 1;
      seen++;
    }
  });
  return total;
}

/** Alternating sweeps pull each vertex towards the mean x of its neighbours, keeping order and gaps. */
function placeHorizontally(vertices: Vertex[], layers: readonly number[][], chains: readonly (Chain | undefined)[], spacing: LayoutOptions, sweeps: number): void {
  const { up, down } = neighbours(chains, vertices.length);
  for (const layer of layers) placeLayer(layer, vertices, layer.map(() => 0), spacing);
  for (let iteration = 0; iteration < sweeps; iteration++) {
    const sweepDown = iteration % 2 === 0;
    const ranks = layers.map((_, r) => r);
    if (!sweepDown) ranks.reverse();
    for (const r of ranks) {
      const layer = layers[r] ?? [];
      // The last passes use both neighbours, balancing the pulls of the downward and upward sweeps.
      const adjacent = iteration >= sweeps - 4 ? (id: number) => [...(up[id] ?? []), ...(down[id] ?? [])] : (id: number) => (sweepDown ? up : down)[id] ?? [];
      const desired = layer.map((id) => {
        const others = adjacent(id);
        if (others.length === 0) return vertices[id]?.x ?? 0;
        return others.reduce((s, o) => s + (vertices[o]?.x ?? 0), 0) / others.length;
      });
      placeLayer(layer, vertices, desired, spacing);
    }
  }
}

/** Positions one ordered layer as close as possible (least squares) to `desired`, without overlaps. */
function placeLayer(layer: readonly number[], vertices: Vertex[], desired: readonly number[], spacing: LayoutOptions): void {
  // Offsets make the constraint x[i+1] - x[i] >= sep[i] into y[i+1] >= y[i]: isotonic regression.
  const offsets: number[] = [];
  let offset = 0;
  layer.forEach((id, i) => {
    if (i > 0) {
      const prev = vertices[layer[i - 1] ?? 0];
      const cur = vertices[id];
      if (prev && cur) {
        const gap = prev.real && cur.real ? spacing.nodeGap : prev.real || cur.real ? spacing.mixedGap : spacing.dummyGap;
        offset += prev.width / 2 + prev.rightPad + gap + cur.width / 2;
      }
    }
    offsets.push(offset);
  });
  const blocks: { weight: number; sum: number; size: number }[] = [];
  layer.forEach((id, i) => {
    // Dummies weigh more so long edges stay straight instead of bending round real nodes.
    const weight = vertices[id]?.real ? 1 : 2;
    const target = (desired[i] ?? 0) - (offsets[i] ?? 0);
    blocks.push({ weight, sum: weight * target, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (!last || !prev || prev.sum / prev.weight <= last.sum / last.weight) break;
      blocks.pop();
      prev.weight += last.weight;
      prev.sum += last.sum;
      prev.size += last.size;
    }
  });
  let i = 0;
  for (const block of blocks) {
    const y = block.sum / block.weight;
    for (let k = 0; k < block.size; k++, i++) {
      const v = vertices[layer[i] ?? 0];
      if (v) v.x = y + (offsets[i] ?? 0);
    }
  }
}

function rankHeight(layers: readonly number[][], vertices: readonly Vertex[], rank: number): number {
  return (layers[rank] ?? []).reduce((m, id) => Math.max(m, vertices[id]?.height ?? 0), 0);
}

function placeVertically(heights: readonly number[], spacing: LayoutOptions): number[] {
  const tops: number[] = [];
  let y = 0;
  for (const height of heights) {
    tops.push(y);
    y += height + spacing.rankGap;
  }
  return tops;
}

function routeEdges(
  edges: readonly LayoutInputEdge[],
  chains: readonly (Chain | undefined)[],
  vertices: readonly Vertex[],
  center: (id: number) => Point,
  band: (id: number) => { top: number; bottom: number },
): RoutedEdge[] {
  // Attachment points: several edges on one side of a node are spread out, sorted by where
  // they go, so parallel edges (Next and Catch to the same state) stay apart and do not cross.
  const sides = new Map<string, { chain: number; toward: number }[]>();
  const attach = (node: number, side: "top" | "bottom", chain: number, toward: number): void => {
    const key = `${node}:${side}`;
    const list = sides.get(key) ?? [];
    list.push({ chain, toward });
    sides.set(key, list);
  };
  chains.forEach((chain, i) => {
    if (!chain) return;
    const vs = chain.vertices;
    attach(vs[0] ?? 0, "bottom", i, vs[1] ?? 0);
    attach(vs[vs.length - 1] ?? 0, "top", i, vs[vs.length - 2] ?? 0);
  });
  const port = new Map<string, Point>();
  for (const [key, list] of sides) {
    const [nodeText, side] = key.split(":");
    const node = Number(nodeText);
    const v = vertices[node];
    if (!v) continue;
    const c = center(node);
    list.sort((a, b) => center(a.toward).x - center(b.toward).x || a.chain - b.chain);
    const step = Math.min(18, (v.width * 0.7) / Math.max(1, list.length));
    list.forEach((entry, i) => {
      const x = c.x + (i - (list.length - 1) / 2) * step;
      port.set(`${entry.chain}:${side}`, { x, y: side === "top" ? c.y - v.height / 2 : c.y + v.height / 2 });
    });
  }

  return edges.map((edge, i) => {
    const chain = chains[i];
    if (!chain) return selfLoop(edge, vertices[edge.from], center(edge.from));
    const points: Point[] = [port.get(`${i}:bottom`) ?? center(chain.vertices[0] ?? 0)];
    let labelCenter: Point | undefined;
    for (const id of chain.vertices.slice(1, -1)) {
      const c = center(id);
      const h = vertices[id]?.height ?? 0;
      // A bend point runs straight down through its whole rank: a diagonal starting at the
      // rank's centre would cut the corner of a taller box beside it.
      const { top, bottom } = h > 0 ? { top: c.y - h / 2, bottom: c.y + h / 2 } : band(id);
      if (bottom > top) points.push({ x: c.x, y: top }, { x: c.x, y: bottom });
      else points.push(c);
      if (id === chain.labelVertex) labelCenter = c;
    }
    points.push(port.get(`${i}:top`) ?? center(chain.vertices[chain.vertices.length - 1] ?? 0));
    if (chain.back) points.reverse();
    return { points, back: chain.back, selfLoop: false, ...(labelCenter ? { labelCenter } : {}) };
  });
}

function selfLoop(edge: LayoutInputEdge, vertex: Vertex | undefined, c: Point): RoutedEdge {
  const right = c.x + (vertex?.width ?? 0) / 2;
  const h = Math.min(12, (vertex?.height ?? 0) / 3);
  const points = [
    { x: right, y: c.y - h },
    { x: right + SELF_LOOP_SPACE - 6, y: c.y - h },
    { x: right + SELF_LOOP_SPACE - 6, y: c.y + h },
    { x: right, y: c.y + h },
  ];
  const label = edge.label;
  return {
    points,
    back: false,
    selfLoop: true,
    ...(label ? { labelCenter: { x: right + SELF_LOOP_SPACE + label.width / 2, y: c.y } } : {}),
  };
}
