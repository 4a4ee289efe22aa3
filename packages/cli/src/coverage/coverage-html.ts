// Workflow coverage as HTML: an index of machines, and per machine its graph (drawn by the same
// renderer as `stepcraft graph`) with the states and edges the tests never reached in red.
import { COVERAGE_METRICS, summarizeMachine } from "@stepcraft/runtime/testing";
import type { CoverageData, MachineCoverage, MachineSummary } from "@stepcraft/runtime/testing";
import { buildGraphModel, escapeXml, GraphInputError, layoutDiagram, renderSvg, type DiagramMarks } from "@stepcraft/graph";

const PAGE_STYLE = `
body { margin: 0; padding: 16px 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f1f1f; background: #f8f9fa; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 18px 0 6px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #e0e0e0; padding: 4px 10px; text-align: left; font-variant-numeric: tabular-nums; }
td.low { background: #fce8e6; color: #a50e0e; font-weight: 600; }
td.full { background: #e6f4ea; color: #0d652d; }
ul.missing { margin: 4px 0; padding-left: 20px; color: #a50e0e; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; vertical-align: middle; margin-right: 4px; }
svg.sc-graph { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; max-width: 100%; height: auto; }
.sc-graph .node.cov-hit > .shape { fill: #e6f4ea; stroke: #188038; }
.sc-graph .node.cov-miss > .shape { fill: #fce8e6; stroke: #c5221f; stroke-width: 2.5; stroke-dasharray: 6 3; }
.sc-graph .node.cov-miss > text { fill: #a50e0e; }
.sc-graph path.edge.cov-hit { stroke: #188038; stroke-width: 2; }
.sc-graph path.edge.cov-miss { stroke: #d93025; stroke-width: 2.4; stroke-dasharray: 6 4; }
`;

function page(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="stepcraft coverage">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    `<body>${body}</body>`,
    "</html>",
    "",
  ].join("\n");
}

/** The file name of a machine's page: its name made safe, and the start of its hash. */
export function machinePageName(machine: { readonly name: string; readonly hash: string }): string {
  return `${machine.name.replace(/[^A-Za-z0-9_.-]+/g, "_")}-${machine.hash.slice(0, 8)}.html`;
}

function metricCells(summary: MachineSummary): string {
  return COVERAGE_METRICS.map((m) => {
    const { covered, total, percent } = summary.metrics[m];
    return `<td class="${percent === 100 ? "full" : "low"}">${percent}% (${covered}/${total})</td>`;
  }).join("");
}

const HEADER = `<tr><th>machine</th>${COVERAGE_METRICS.map((m) => `<th>${m}</th>`).join("")}</tr>`;

/** Classes that mark each state and edge as reached or not. */
function coverageMarks(summary: MachineSummary): DiagramMarks {
  const stateHits = new Map<string, number>();
  const edgeHits = new Map<string, number>();
  for (const item of summary.items) {
    if (item.metric === "states") stateHits.set(item.state, item.hits);
    if (item.edge !== undefined) {
      const key = `${item.edge.kind}\u0000${item.edge.from}\u0000${item.edge.to}`;
      edgeHits.set(key, (edgeHits.get(key) ?? 0) + item.hits);
    }
  }
  const mark = (hits: number | undefined): string | undefined => (hits === undefined ? undefined : hits > 0 ? "cov-hit" : "cov-miss");
  return {
    stateClass: (name) => mark(stateHits.get(name)),
    edgeClass: (edge) => mark(edgeHits.get(`${edge.kind}\u0000${edge.from}\u0000${edge.to}`)),
  };
}

function machinePage(machine: MachineCoverage, summary: MachineSummary): string {
  let graph: string;
  try {
    graph = renderSvg(layoutDiagram(buildGraphModel(machine.definition)), undefined, coverageMarks(summary));
  } catch (error) {
    if (!(error instanceof GraphInputError)) throw error;
    graph = `<p>cannot draw this definition: ${escapeXml(error.message)}</p>`;
  }
  const missing = COVERAGE_METRICS.map((metric) => {
    const names = summary.items.filter((i) => i.metric === metric && i.hits === 0).map((i) => i.label);
    return names.length === 0 ? "" : `<h2>${metric} not covered</h2><ul class="missing">${names.map((n) => `<li>${escapeXml(n)}</li>`).join("")}</ul>`;
  }).join("");
  const title = `${machine.name} — workflow coverage`;
  return page(
    title,
    [
      `<h1>${escapeXml(title)}</h1>`,
      `<p><a href="index.html">All machines</a> · definition ${escapeXml(machine.hash)}</p>`,
      `<table>${HEADER}<tr><td>${escapeXml(machine.name)}</td>${metricCells(summary)}</tr></table>`,
      '<p class="legend"><span><i class="swatch" style="background:#e6f4ea;border:1px solid #188038"></i>reached</span><span><i class="swatch" style="background:#fce8e6;border:1px dashed #c5221f"></i>never reached (state or edge)</span></p>',
      graph,
      missing,
    ].join("\n"),
  );
}

/** Every page of the HTML report: `index.html` and one page per machine. */
export function coverageHtmlPages(data: CoverageData): Readonly<Record<string, string>> {
  const pages: Record<string, string> = {};
  const rows: string[] = [];
  for (const machine of data.machines) {
    const summary = summarizeMachine(machine);
    const file = machinePageName(machine);
    pages[file] = machinePage(machine, summary);
    rows.push(`<tr><td><a href="${escapeXml(file)}">${escapeXml(machine.name)}</a></td>${metricCells(summary)}</tr>`);
  }
  pages["index.html"] = page(
    "Workflow coverage",
    `<h1>Workflow coverage</h1>${rows.length === 0 ? "<p>No state machine ran with coverage recording on.</p>" : `<table>${HEADER}${rows.join("")}</table>`}`,
  );
  return pages;
}
