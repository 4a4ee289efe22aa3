// Draws a laid-out diagram as one SVG element with its own <style>, so it works inline in the
// HTML page or saved on its own. Type shows in shape and caption; with an execution, fill shows status.
import { METRICS, type DiagramBlock, type DiagramEdge, type DiagramNode } from "./diagram-layout.ts";
import type { ExecutionSummary, StateRun, StateStatus } from "./execution-status.ts";
import type { Point } from "./layered-layout.ts";
import { textWidth } from "./text-measure.ts";

const BADGE_FONT = 10;

/** Blank space around the drawing. */
export const SVG_MARGIN = 24;

/** The stylesheet the SVG carries: type colours, status colours, edge styles. */
export const SVG_STYLE = `
.sc-graph text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; fill: #1f1f1f; }
.sc-graph .caption { font-size: ${METRICS.captionFont}px; letter-spacing: .04em; fill: #5f6368; font-weight: 600; }
.sc-graph .name { font-size: ${METRICS.nameFont}px; }
.sc-graph .shape { stroke-width: 1.5; }
.sc-graph .t-task .shape { fill: #e8f0fe; stroke: #3367d6; }
.sc-graph .t-pass .shape { fill: #f1f3f4; stroke: #5f6368; stroke-dasharray: 5 3; }
.sc-graph .t-wait .shape { fill: #fff8e1; stroke: #b08000; stroke-dasharray: 1.5 3; stroke-width: 2.2; }
.sc-graph .t-choice .shape { fill: #f3e8fd; stroke: #8430ce; }
.sc-graph .t-succeed .shape { fill: #e6f4ea; stroke: #188038; }
.sc-graph .t-fail .shape { fill: #fce8e6; stroke: #c5221f; }
.sc-graph .t-parallel > .shape { fill: #fbfbfd; stroke: #3367d6; stroke-width: 2; }
.sc-graph .t-map > .shape { fill: #fdfbff; stroke: #8430ce; stroke-width: 2; stroke-dasharray: 8 4; }
.sc-graph .t-unknown .shape { fill: #ffffff; stroke: #9aa0a6; stroke-dasharray: 2 2; }
.sc-graph .marker .shape { fill: #3c4043; stroke: #3c4043; }
.sc-graph .marker text { fill: #ffffff; font-size: 12px; font-weight: 600; }
.sc-graph .block > .frame { fill: #ffffff; stroke: #c4c7c5; stroke-dasharray: 4 3; }
.sc-graph .block > .title { font-size: ${METRICS.labelFont}px; fill: #5f6368; }
.sc-graph .s-succeeded > .shape { fill: #e6f4ea; stroke: #188038; }
.sc-graph .s-failed > .shape { fill: #fce8e6; stroke: #c5221f; stroke-width: 2.5; }
.sc-graph .s-caught > .shape { fill: #fff0e0; stroke: #b45309; stroke-width: 2.5; stroke-dasharray: 6 3; }
.sc-graph .s-retried > .shape { fill: #fef7e0; stroke: #e37400; stroke-width: 2.5; }
.sc-graph .s-in-progress > .shape { fill: #e8f0fe; stroke: #1a73e8; stroke-width: 2.5; }
.sc-graph .s-not-visited > .shape { fill: #f8f9fa; stroke: #bdc1c6; }
.sc-graph .s-not-visited > text { fill: #5f6368; }
.sc-graph .t-parallel.s-succeeded > .shape, .sc-graph .t-map.s-succeeded > .shape { fill: #f6fbf7; }
.sc-graph .t-parallel.s-failed > .shape, .sc-graph .t-map.s-failed > .shape { fill: #fef8f7; }
.sc-graph .badge rect { fill: #b45309; }
.sc-graph .badge text { fill: #ffffff; font-size: ${BADGE_FONT}px; font-weight: 700; }
.sc-graph .edge { fill: none; stroke: #5f6368; stroke-width: 1.4; }
.sc-graph .edge.k-catch { stroke: #c5221f; stroke-dasharray: 5 4; }
.sc-graph .edge.k-default { stroke-dasharray: 1 0; }
.sc-graph .edge.taken { stroke: #188038; stroke-width: 2.2; }
.sc-graph .edge-label rect { fill: #ffffff; stroke: #dadce0; }
.sc-graph .edge-label text { font-size: ${METRICS.labelFont}px; fill: #3c4043; }
.sc-graph .edge-label.k-catch text { fill: #a50e0e; }
`;

/**
 * Extra classes for states and edges, for views other than one execution (workflow coverage marks
 * what the tests never reached). A class returned here is added to the node's or edge's own.
 */
export interface DiagramMarks {
  stateClass?(name: string): string | undefined;
  edgeClass?(edge: DiagramEdge): string | undefined;
}

/** Renders the diagram; with a summary, each state node gets data-status and its status colour. */
export function renderSvg(root: DiagramBlock, summary?: ExecutionSummary, marks: DiagramMarks = {}): string {
  const width = Math.ceil(root.width + 2 * SVG_MARGIN);
  const height = Math.ceil(root.height + 2 * SVG_MARGIN);
  const body = renderBlockContent(root, summary, marks);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sc-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="State machine diagram">`,
    `<style>${SVG_STYLE}</style>`,
    "<defs>",
    arrowMarker("arrow", "#5f6368"),
    arrowMarker("arrow-catch", "#c5221f"),
    arrowMarker("arrow-taken", "#188038"),
    "</defs>",
    `<g transform="translate(${SVG_MARGIN} ${SVG_MARGIN})">`,
    body,
    "</g>",
    "</svg>",
  ].join("\n");
}

function arrowMarker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${colour}"/></marker>`;
}

function renderBlockContent(block: DiagramBlock, summary: ExecutionSummary | undefined, marks: DiagramMarks): string {
  const parts: string[] = [];
  for (const edge of block.edges) parts.push(renderEdge(edge, summary, marks));
  for (const node of block.nodes) parts.push(renderNode(node, summary, marks));
  // Labels last: they carry a white background and must not be hidden under another edge.
  for (const edge of block.edges) parts.push(renderEdgeLabel(edge));
  return parts.join("\n");
}

function renderNestedBlock(block: DiagramBlock, summary: ExecutionSummary | undefined, marks: DiagramMarks): string {
  return [
    `<g class="block" transform="translate(${fmt(block.x)} ${fmt(block.y)})">`,
    `<rect class="frame" width="${fmt(block.width)}" height="${fmt(block.height)}" rx="6"/>`,
    `<text class="title" x="${METRICS.blockPad}" y="${METRICS.blockPad + 8}">${escapeXml(block.title)}</text>`,
    `<g transform="translate(${fmt(block.contentX)} ${fmt(block.contentY)})">`,
    renderBlockContent(block, summary, marks),
    "</g>",
    "</g>",
  ].join("\n");
}

function statusOf(node: DiagramNode, summary: ExecutionSummary | undefined): { status: StateStatus; run: StateRun | undefined } | undefined {
  if (!summary || node.kind !== "state") return undefined;
  const run = summary.states.get(node.name);
  return { status: run?.status ?? "not-visited", run };
}

function renderNode(node: DiagramNode, summary: ExecutionSummary | undefined, marks: DiagramMarks): string {
  if (node.kind !== "state") return renderMarker(node);
  const typeClass = `t-${["Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map"].includes(node.type) ? node.type.toLowerCase() : "unknown"}`;
  const status = statusOf(node, summary);
  const mark = marks.stateClass?.(node.name);
  const classes = ["node", typeClass, ...(status ? [`s-${status.status}`] : []), ...(mark === undefined ? [] : [mark])].join(" ");
  const attributes = [
    `class="${classes}"`,
    `data-state="${escapeXml(node.name)}"`,
    `data-type="${escapeXml(node.type)}"`,
    ...(status ? [`data-status="${status.status}"`] : []),
    ...(status?.run && status.run.retries > 0 ? [`data-retries="${status.run.retries}"`, `data-attempts="${status.run.attempts}"`] : []),
    `transform="translate(${fmt(node.x)} ${fmt(node.y)})"`,
  ];
  const parts = [`<g ${attributes.join(" ")}>`, `<title>${escapeXml(tooltip(node, status?.status, status?.run))}</title>`, shape(node)];
  const container = node.type === "Parallel" || node.type === "Map";
  const centreX = node.width / 2;
  if (container) {
    parts.push(`<text class="caption" x="${METRICS.nodePadX}" y="${METRICS.nodePadY + 8}">${escapeXml(node.type.toUpperCase())}</text>`);
    parts.push(`<text class="name" x="${METRICS.nodePadX}" y="${METRICS.nodePadY + 8 + METRICS.nameLine}" font-weight="600">${escapeXml(node.lines[0] ?? "")}</text>`);
  } else {
    parts.push(`<text class="caption" x="${fmt(centreX)}" y="${METRICS.nodePadY + 9}" text-anchor="middle">${escapeXml(node.type.toUpperCase())}</text>`);
    node.lines.forEach((line, i) => {
      const y = METRICS.nodePadY + METRICS.captionLine + (i + 1) * METRICS.nameLine - 4;
      parts.push(`<text class="name" x="${fmt(centreX)}" y="${fmt(y)}" text-anchor="middle">${escapeXml(line)}</text>`);
    });
  }
  if (status?.run && status.run.retries > 0) parts.push(badge(node, `↻ ${status.run.attempts} attempts`));
  for (const block of node.blocks) parts.push(renderNestedBlock(block, summary, marks));
  parts.push("</g>");
  return parts.join("\n");
}

/** A pill straddling the node's top edge, so it never covers the caption or the name. */
function badge(node: DiagramNode, text: string): string {
  const width = Math.ceil(textWidth(text, BADGE_FONT) * 1.1) + 12;
  const x = Math.max(0, node.width - width - 6);
  return `<g class="badge"><rect x="${fmt(x)}" y="-8" width="${width}" height="15" rx="7.5"/><text x="${fmt(x + width / 2)}" y="3" text-anchor="middle">${escapeXml(text)}</text></g>`;
}

function shape(node: DiagramNode): string {
  const { width: w, height: h } = node;
  switch (node.type) {
    case "Choice": {
      const i = METRICS.choiceInset;
      const points = [[i, 0], [w - i, 0], [w, h / 2], [w - i, h], [i, h], [0, h / 2]];
      return `<polygon class="shape" points="${points.map(([x, y]) => `${fmt(x ?? 0)},${fmt(y ?? 0)}`).join(" ")}"/>`;
    }
    case "Succeed":
    case "Fail":
      return `<rect class="shape" width="${fmt(w)}" height="${fmt(h)}" rx="${fmt(h / 2)}"/>`;
    case "Parallel":
    case "Map":
      return `<rect class="shape" width="${fmt(w)}" height="${fmt(h)}" rx="8"/>`;
    default:
      return `<rect class="shape" width="${fmt(w)}" height="${fmt(h)}" rx="5"/>`;
  }
}

function renderMarker(node: DiagramNode): string {
  return [
    `<g class="marker" data-marker="${node.kind}" transform="translate(${fmt(node.x)} ${fmt(node.y)})">`,
    `<rect class="shape" width="${fmt(node.width)}" height="${fmt(node.height)}" rx="${fmt(node.height / 2)}"/>`,
    `<text x="${fmt(node.width / 2)}" y="${fmt(node.height / 2 + 4)}" text-anchor="middle">${escapeXml(node.name)}</text>`,
    "</g>",
  ].join("");
}

function tooltip(node: DiagramNode, status: StateStatus | undefined, run: StateRun | undefined): string {
  const lines = [`${node.name} (${node.type})`];
  if (status) lines.push(`status: ${status}${run?.stopped ? " (stopped when the execution ended)" : ""}`);
  if (run && run.visits > 1) lines.push(`visits: ${run.visits}`);
  if (run && run.retries > 0) lines.push(`attempts: ${run.attempts} (${run.retries} ${run.retries === 1 ? "retry" : "retries"})`);
  if (run?.caught) lines.push("an error was caught here");
  if (run?.error !== undefined) lines.push(`error: ${run.error}`);
  if (run?.cause !== undefined) lines.push(`cause: ${run.cause.length > 300 ? `${run.cause.slice(0, 300)}…` : run.cause}`);
  return lines.join("\n");
}

function isTaken(edge: DiagramEdge, summary: ExecutionSummary | undefined): boolean {
  if (!summary) return false;
  if (edge.kind === "start") return summary.states.has(edge.to);
  if (edge.kind === "end") {
    const from = summary.states.get(edge.from);
    return from !== undefined && from.status !== "failed" && from.status !== "in-progress";
  }
  // A Catch and a Next to the same state are told apart by whether the state had failed.
  const caught = edge.kind === "catch";
  return summary.transitions.some((t) => t.from === edge.from && t.to === edge.to && t.caught === caught);
}

function renderEdge(edge: DiagramEdge, summary: ExecutionSummary | undefined, marks: DiagramMarks): string {
  if (edge.points.length < 2) return "";
  const taken = isTaken(edge, summary);
  const mark = marks.edgeClass?.(edge);
  const kind = `k-${edge.kind}${mark === undefined ? "" : ` ${mark}`}`;
  const marker = taken ? "arrow-taken" : edge.kind === "catch" ? "arrow-catch" : "arrow";
  const d = edge.selfLoop ? polyline(edge.points) : smoothPath(edge.points);
  return `<path class="edge ${kind}${taken ? " taken" : ""}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" data-kind="${edge.kind}" d="${d}" marker-end="url(#${marker})"/>`;
}

function renderEdgeLabel(edge: DiagramEdge): string {
  const box = edge.labelBox;
  if (!box || edge.labelLines.length === 0) return "";
  const texts = edge.labelLines.map(
    (line, i) => `<text x="${fmt(box.x + box.width / 2)}" y="${fmt(box.y + 2 + (i + 1) * METRICS.labelLine - 3)}" text-anchor="middle">${escapeXml(line)}</text>`,
  );
  const title = edge.label === undefined ? "" : `<title>${escapeXml(edge.label)}</title>`;
  return `<g class="edge-label k-${edge.kind}">${title}<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.width)}" height="${fmt(box.height)}" rx="3"/>${texts.join("")}</g>`;
}

/**
 * A smooth curve through the routed points: vertical where it leaves and enters a node, and
 * Catmull-Rom tangents in between, so a long edge bends gently instead of wiggling at each layer.
 */
function smoothPath(points: readonly Point[]): string {
  const [first] = points;
  if (!first) return "";
  const tangent = (i: number): Point => {
    const p = points[i] ?? first;
    const prev = points[i - 1];
    const next = points[i + 1];
    if (!prev || !next) {
      const other = prev ?? next ?? p;
      return { x: 0, y: Math.abs(other.y - p.y) * Math.sign((next ? next.y - p.y : p.y - other.y) || 1) };
    }
    return { x: (next.x - prev.x) / 2, y: (next.y - prev.y) / 2 };
  };
  let d = `M${fmt(first.x)} ${fmt(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const ta = tangent(i - 1);
    const tb = tangent(i);
    d += ` C${fmt(a.x + ta.x / 3)} ${fmt(a.y + ta.y / 3)} ${fmt(b.x - tb.x / 3)} ${fmt(b.y - tb.y / 3)} ${fmt(b.x)} ${fmt(b.y)}`;
  }
  return d;
}

function polyline(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${fmt(p.x)} ${fmt(p.y)}`).join(" ");
}

/** Rounds to 0.1 px so output is short and stable across platforms. */
function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Escapes text for XML/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
