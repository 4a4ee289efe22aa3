// A single self-contained HTML page: inline CSS, inline SVG, a few lines of inline JS, and a
// Content-Security-Policy that forbids every network fetch, so it opens offline and in CI.
import { buildGraphModel, allStates } from "./definition-model.ts";
import { layoutDiagram } from "./diagram-layout.ts";
import { readExecutionHistory, summarizeExecution, type ExecutionSummary, type StateStatus } from "./execution-status.ts";
import { escapeXml, renderSvg } from "./svg.ts";

const PAGE_STYLE = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f1f1f; background: #f8f9fa; }
header { padding: 16px 24px 8px; }
h1 { font-size: 18px; margin: 0 0 4px; }
.comment { color: #5f6368; margin: 0 0 6px; max-width: 90ch; }
.outcome { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 13px; }
.outcome.o-succeeded { background: #e6f4ea; color: #0d652d; }
.outcome.o-failed, .outcome.o-timed-out { background: #fce8e6; color: #a50e0e; }
.outcome.o-aborted, .outcome.o-running { background: #e8f0fe; color: #174ea6; }
.error { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; white-space: pre-wrap; color: #a50e0e; margin: 6px 0 0; max-width: 120ch; }
details { margin: 4px 0 0; font-size: 12px; color: #5f6368; }
details pre { max-height: 240px; overflow: auto; background: #fff; border: 1px solid #e0e0e0; padding: 6px 8px; }
.warnings { color: #8a4b00; font-size: 12px; margin: 6px 0 0; padding-left: 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; padding: 8px 24px; font-size: 12px; color: #3c4043; border-top: 1px solid #e0e0e0; border-bottom: 1px solid #e0e0e0; background: #fff; }
.legend .group { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.legend .heading { font-weight: 600; color: #5f6368; }
.legend .item { display: inline-flex; align-items: center; gap: 5px; }
.legend svg { overflow: visible; }
.toolbar { padding: 6px 24px; }
.toolbar button { font: inherit; font-size: 12px; padding: 2px 10px; border: 1px solid #c4c7c5; border-radius: 4px; background: #fff; cursor: pointer; }
main { padding: 0 24px 24px; overflow: auto; }
main.fit svg.sc-graph { max-width: 100%; height: auto; }
svg.sc-graph { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; }
`;

// Toggles between natural size (scroll) and fit-to-width; nothing else runs.
const PAGE_SCRIPT = `
document.getElementById("fit").addEventListener("click", function () {
  var main = document.querySelector("main");
  main.classList.toggle("fit");
  this.textContent = main.classList.contains("fit") ? "Actual size" : "Fit to width";
});
`;

const TYPE_SWATCHES: readonly [string, string][] = [
  ["Task", "t-task"],
  ["Pass", "t-pass"],
  ["Wait", "t-wait"],
  ["Choice", "t-choice"],
  ["Succeed", "t-succeed"],
  ["Fail", "t-fail"],
  ["Parallel", "t-parallel"],
  ["Map", "t-map"],
];

const STATUS_SWATCHES: readonly [StateStatus, string][] = [
  ["succeeded", "Succeeded"],
  ["caught", "Caught (error handled by a Catch)"],
  ["retried", "Retried (attempts on the badge)"],
  ["failed", "Failed"],
  ["in-progress", "Running / stopped"],
  ["not-visited", "Not reached"],
];

/** Page options: `title` (e.g. the file name) heads the page; the definition's Comment otherwise. */
export interface HtmlOptions {
  readonly title?: string;
}

/**
 * Renders the definition as an HTML page; with an execution history (GetExecutionHistory events,
 * or the `{ events }` response) the path taken is coloured like the AWS console does.
 */
export function toHtml(definition: unknown, history?: unknown, options: HtmlOptions = {}): string {
  const model = buildGraphModel(definition);
  const summary = history === undefined ? undefined : summarizeExecution(readExecutionHistory(history));
  const svg = renderSvg(layoutDiagram(model), summary);
  // buildGraphModel has just proved the definition is a JSON object.
  const record = definition as Readonly<Record<string, unknown>>;
  const comment = typeof record["Comment"] === "string" ? record["Comment"] : undefined;
  const stateCount = allStates(model.root).length;
  const title = options.title ?? (comment === undefined ? "State machine" : comment.length > 80 ? `${comment.slice(0, 79)}…` : comment);

  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="stepcraft graph">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${escapeXml(title)}</h1>`,
    comment !== undefined && comment !== title ? `<p class="comment">${escapeXml(comment)}</p>` : "",
    `<div>${stateCount} ${stateCount === 1 ? "state" : "states"}${summary ? ` · execution: ${outcomeBadge(summary)}` : ""}</div>`,
    summary ? executionDetails(summary) : "",
    model.warnings.length > 0 ? `<ul class="warnings">${model.warnings.map((w) => `<li>${escapeXml(w)}</li>`).join("")}</ul>` : "",
    "</header>",
    legend(summary !== undefined),
    '<div class="toolbar"><button id="fit" type="button">Fit to width</button></div>',
    `<main>${svg}</main>`,
    `<script>${PAGE_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function outcomeBadge(summary: ExecutionSummary): string {
  return `<span class="outcome o-${summary.outcome}" data-outcome="${summary.outcome}">${summary.outcome.replace("-", " ")}</span>`;
}

function executionDetails(summary: ExecutionSummary): string {
  if (summary.error === undefined && summary.cause === undefined) return "";
  const cause = summary.cause ?? "";
  // Lambda causes are JSON with a stack trace: the message reads better, the rest goes in <details>.
  const message = lambdaErrorMessage(cause) ?? cause;
  const short = message.length > 300 ? `${message.slice(0, 299)}…` : message;
  const headline = [summary.error, short].filter((s) => s !== undefined && s !== "").join(": ");
  const full = cause !== short ? `<details><summary>Full cause</summary><pre class="error">${escapeXml(prettyJson(cause))}</pre></details>` : "";
  return `<p class="error">${escapeXml(headline)}</p>${full}`;
}

function lambdaErrorMessage(cause: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(cause);
    if (typeof parsed === "object" && parsed !== null && "errorMessage" in parsed && typeof parsed.errorMessage === "string") return parsed.errorMessage;
  } catch {
    // Not JSON: the cause is plain text.
  }
  return undefined;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function legend(withStatus: boolean): string {
  // Legend swatches reuse the diagram's classes so they can never drift from the drawing.
  const swatch = (classes: string, shape: string): string =>
    `<svg class="sc-graph" width="30" height="16" viewBox="0 0 30 16" aria-hidden="true"><g class="${classes}">${shape}</g></svg>`;
  const rect = '<rect class="shape" x="1" y="1" width="28" height="14" rx="3"/>';
  const typeShape = (cls: string): string => {
    if (cls === "t-choice") return '<polygon class="shape" points="6,1 24,1 29,8 24,15 6,15 1,8"/>';
    if (cls === "t-succeed" || cls === "t-fail") return '<rect class="shape" x="1" y="1" width="28" height="14" rx="7"/>';
    return rect;
  };
  const types = TYPE_SWATCHES.map(([name, cls]) => `<span class="item">${swatch(`node ${cls}`, typeShape(cls))}${name}</span>`).join("");
  const edge = (cls: string, label: string): string =>
    `<span class="item"><svg class="sc-graph" width="30" height="16" aria-hidden="true"><path class="edge ${cls}" d="M1 8 L29 8"/></svg>${label}</span>`;
  const edges = [edge("k-next", "Next / Default / Choice rule"), edge("k-catch", "Catch")];
  if (withStatus) edges.push(edge("taken", "Path taken"));
  const statuses = withStatus
    ? `<div class="group"><span class="heading">Execution</span>${STATUS_SWATCHES.map(([status, label]) => `<span class="item">${swatch(`node t-task s-${status}`, rect)}${label}</span>`).join("")}</div>`
    : "";
  return [
    '<div class="legend">',
    `<div class="group"><span class="heading">States</span>${types}</div>`,
    `<div class="group"><span class="heading">Arrows</span>${edges.join("")}</div>`,
    statuses,
    "</div>",
  ].join("");
}
