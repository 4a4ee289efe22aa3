// Sizes every box of the drawing (text wrapped, containers sized by their contents) and places
// them with the layered layout, block by block from the innermost out. Coordinates are local:
// a node is relative to its block's content, a nested block to its container node.
import type { EdgeKind, GraphBlock, GraphModel, GraphState } from "./definition-model.ts";
import { layeredLayout, type LayeredLayout, type LayoutInputEdge, type LayoutInputNode, type LayoutOptions, type Point } from "./layered-layout.ts";
import { textWidth, wrapText } from "./text-measure.ts";

/** Font sizes and paddings shared with the SVG renderer so text fits the boxes it was measured for. */
export const METRICS = {
  nameFont: 13,
  nameLine: 17,
  captionFont: 10,
  captionLine: 13,
  labelFont: 11,
  labelLine: 14,
  nodePadX: 14,
  nodePadY: 9,
  minNodeWidth: 112,
  maxNameWidth: 176,
  maxNameLines: 3,
  maxLabelWidth: 150,
  choiceInset: 12,
  blockPad: 12,
  blockTitle: 20,
  containerHeader: 38,
  markerWidth: 64,
  markerHeight: 28,
} as const;

/** A placed box: a state, a container state, or the Start/End marker. */
export interface DiagramNode {
  readonly kind: "state" | "start" | "end";
  /** The state name (or "Start"/"End" for markers). */
  readonly name: string;
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The name, wrapped to fit. */
  readonly lines: readonly string[];
  /** Parallel branches or the Map processor, placed inside this node. */
  readonly blocks: readonly DiagramBlock[];
}

/** A routed arrow in its block's content coordinates. */
export interface DiagramEdge {
  readonly kind: EdgeKind | "start" | "end";
  readonly from: string;
  readonly to: string;
  readonly points: readonly Point[];
  readonly back: boolean;
  readonly selfLoop: boolean;
  readonly label?: string;
  readonly labelLines: readonly string[];
  readonly labelBox?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** One States block placed inside its container (or the page, for the top level). */
export interface DiagramBlock {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the content (nodes, edges) starts inside the block frame. */
  readonly contentX: number;
  readonly contentY: number;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

interface Sized {
  readonly kind: DiagramNode["kind"];
  readonly name: string;
  readonly type: string;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  readonly blocks: readonly DiagramBlock[];
}

/** Places the boxes and routes the edges of one States block (layered-layout.ts's contract). */
export type LayoutEngine = (nodes: readonly LayoutInputNode[], edges: readonly LayoutInputEdge[], options?: Partial<LayoutOptions>) => LayeredLayout;

/** How to lay out: `engine` swaps the block layout (the layout comparison draws the corpus with each). */
export interface DiagramLayoutOptions {
  readonly engine?: LayoutEngine;
}

/** Lays out the whole model; the root block sits at the origin with Start and End markers. */
export function layoutDiagram(model: GraphModel, options: DiagramLayoutOptions = {}): DiagramBlock {
  return layoutBlock(model.root, true, 0, 0, options.engine ?? layeredLayout);
}

function layoutBlock(block: GraphBlock, root: boolean, x: number, y: number, engine: LayoutEngine): DiagramBlock {
  const sized: Sized[] = [];
  const index = new Map<string, number>();
  if (root) sized.push(marker("start"));
  for (const state of block.states) {
    index.set(state.name, sized.length);
    sized.push(sizeState(state, engine));
  }
  const terminals = root ? block.states.filter((s) => s.terminal) : [];
  if (terminals.length > 0) sized.push(marker("end"));

  type Pending = Omit<DiagramEdge, "points" | "back" | "selfLoop" | "labelBox"> & { readonly fromIndex: number; readonly toIndex: number };
  const pending: Pending[] = [];
  const startIndex = block.startAt === undefined ? undefined : index.get(block.startAt);
  if (root && startIndex !== undefined) pending.push({ kind: "start", from: "Start", to: block.startAt ?? "", fromIndex: 0, toIndex: startIndex, labelLines: [] });
  for (const edge of block.edges) {
    const fromIndex = index.get(edge.from);
    const toIndex = index.get(edge.to);
    if (fromIndex === undefined || toIndex === undefined) continue;
    const labelLines = edge.label === undefined ? [] : wrapText(edge.label, METRICS.labelFont, METRICS.maxLabelWidth, 2);
    pending.push({ kind: edge.kind, from: edge.from, to: edge.to, fromIndex, toIndex, labelLines, ...(edge.label === undefined ? {} : { label: edge.label }) });
  }
  for (const state of terminals) {
    pending.push({ kind: "end", from: state.name, to: "End", fromIndex: index.get(state.name) ?? 0, toIndex: sized.length - 1, labelLines: [] });
  }

  const labelSize = (lines: readonly string[]): { width: number; height: number } => ({
    width: Math.max(...lines.map((l) => textWidth(l, METRICS.labelFont))) + 10,
    height: lines.length * METRICS.labelLine + 4,
  });
  const placed = engine(
    sized,
    pending.map((e) => ({ from: e.fromIndex, to: e.toIndex, ...(e.labelLines.length > 0 ? { label: labelSize(e.labelLines) } : {}) })),
    { bottom: terminals.length > 0 ? [sized.length - 1] : [] },
  );

  const nodes: DiagramNode[] = sized.map((s, i) => {
    const at = placed.nodes[i] ?? { x: 0, y: 0 };
    return { ...s, x: at.x, y: at.y };
  });
  const edges: DiagramEdge[] = pending.map((e, i) => {
    const route = placed.edges[i];
    const { fromIndex: _from, toIndex: _to, ...rest } = e;
    const center = route?.labelCenter;
    const box = center && e.labelLines.length > 0 ? labelSize(e.labelLines) : undefined;
    return {
      ...rest,
      points: route?.points ?? [],
      back: route?.back ?? false,
      selfLoop: route?.selfLoop ?? false,
      ...(box && center ? { labelBox: { x: center.x - box.width / 2, y: center.y - box.height / 2, ...box } } : {}),
    };
  });
  const pad = root ? 0 : METRICS.blockPad;
  const title = root ? 0 : METRICS.blockTitle;
  const titleWidth = root ? 0 : textWidth(block.title, METRICS.labelFont) + 2 * pad;
  return {
    title: block.title,
    x,
    y,
    width: Math.max(placed.width + 2 * pad, titleWidth),
    height: placed.height + 2 * pad + title,
    contentX: pad + Math.max(0, (titleWidth - placed.width - 2 * pad) / 2),
    contentY: pad + title,
    nodes,
    edges,
  };
}

function marker(kind: "start" | "end"): Sized {
  const name = kind === "start" ? "Start" : "End";
  return { kind, name, type: name, width: METRICS.markerWidth, height: METRICS.markerHeight, lines: [name], blocks: [] };
}

function sizeState(state: GraphState, engine: LayoutEngine): Sized {
  const caption = state.type.toUpperCase();
  if (state.type === "Parallel" || state.type === "Map") return sizeContainer(state, caption, engine);
  const lines = wrapText(state.name, METRICS.nameFont, METRICS.maxNameWidth, METRICS.maxNameLines);
  const textSpan = Math.max(textWidth(caption, METRICS.captionFont), ...lines.map((l) => textWidth(l, METRICS.nameFont)));
  // Choice is drawn as a hexagon: its pointed ends need room beyond the text.
  const inset = state.type === "Choice" ? 2 * METRICS.choiceInset : 0;
  return {
    kind: "state",
    name: state.name,
    type: state.type,
    width: Math.max(METRICS.minNodeWidth, textSpan + 2 * METRICS.nodePadX + inset),
    height: 2 * METRICS.nodePadY + METRICS.captionLine + lines.length * METRICS.nameLine,
    lines,
    blocks: [],
  };
}

function sizeContainer(state: GraphState, caption: string, engine: LayoutEngine): Sized {
  const lines = wrapText(state.name, METRICS.nameFont, 2 * METRICS.maxNameWidth, 1);
  const gap = METRICS.blockPad;
  const blocks: DiagramBlock[] = [];
  let x = gap;
  for (const child of state.children) {
    const block = layoutBlock(child, false, x, METRICS.containerHeader, engine);
    blocks.push(block);
    x += block.width + gap;
  }
  const headerWidth = Math.max(textWidth(caption, METRICS.captionFont), ...lines.map((l) => textWidth(l, METRICS.nameFont))) + 2 * METRICS.nodePadX;
  const width = Math.max(METRICS.minNodeWidth, headerWidth, x);
  const height = METRICS.containerHeader + blocks.reduce((m, b) => Math.max(m, b.height), 0) + gap;
  // Centre the branches when the header is wider than they are.
  const shift = (width - x) / 2;
  return {
    kind: "state",
    name: state.name,
    type: state.type,
    width,
    height,
    lines,
    blocks: blocks.map((b) => ({ ...b, x: b.x + shift })),
  };
}
