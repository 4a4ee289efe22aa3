// Lays out every machine of the real-world corpus with the hand-written layered layout and with
// dagre, prints the measured table (crossings, edges through boxes, edge length, area, time), and
// renders a few machines side by side to PNG with Debian's Chromium (playwright-core).
//   npm run compare-layouts -w @stepcraft/graph            table only
//   npm run compare-layouts -w @stepcraft/graph -- --png   table + docs/images/layout-compare-*.png
//   … -- --png <corpus file name>…                         draws those machines instead
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildGraphModel, type GraphModel } from "../src/definition-model.ts";
import { dagreLayout } from "./dagre-layout.ts";
import { layoutDiagram, type LayoutEngine } from "../src/diagram-layout.ts";
import { layeredLayout } from "../src/layered-layout.ts";
import { measureLayout, type LayoutMetrics } from "./layout-metrics.ts";
import { renderSvg } from "../src/svg.ts";
import { launchHeadlessChromium } from "../../../scripts/chromium.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const CORPUS = join(REPO, "testdata/corpus/realworld");
const IMAGES = join(REPO, "docs/images");
const ENGINES: readonly (readonly [string, LayoutEngine])[] = [
  ["ours", layeredLayout],
  ["dagre", dagreLayout],
];
/** Machines drawn side by side: a mix of Choice-heavy, nested Map/Parallel and Catch-heavy ones. */
const PICTURES = [
  "aws-samples_aws-stepfunctions-examples__sam--demo-generate-steady-state-events--statemachines--event_emitter.asl.json",
];

interface Row {
  readonly file: string;
  readonly states: number;
  readonly metrics: readonly (LayoutMetrics & { readonly ms: number })[];
}

function timeLayout(model: GraphModel, engine: LayoutEngine): number {
  // The median of 3 runs after a warm-up: one machine is too fast for a single reading.
  layoutDiagram(model, { engine });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    layoutDiagram(model, { engine });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

function countStates(model: GraphModel): number {
  const count = (states: GraphModel["root"]["states"]): number => states.reduce((n, s) => n + 1 + s.children.reduce((m, b) => m + count(b.states), 0), 0);
  return count(model.root.states);
}

function measureCorpus(): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith(".asl.json")).sort()) {
    let model: GraphModel;
    try {
      model = buildGraphModel(JSON.parse(readFileSync(join(CORPUS, file), "utf8")));
    } catch {
      continue; // not a state machine at all: nothing to lay out
    }
    rows.push({
      file,
      states: countStates(model),
      metrics: ENGINES.map(([, engine]) => ({ ...measureLayout(layoutDiagram(model, { engine })), ms: timeLayout(model, engine) })),
    });
  }
  return rows;
}

const METRIC_NAMES: readonly (keyof LayoutMetrics | "ms")[] = ["crossings", "edgesThroughNodes", "edgeLength", "area", "ms"];

function summary(rows: readonly Row[]): string {
  const lines = [
    `${rows.length} machines of testdata/corpus/realworld (${rows.reduce((n, r) => n + r.states, 0)} states)`,
    "",
    `| metric | ${ENGINES.map(([name]) => `${name} total`).join(" | ")} | ratio dagre/ours | dagre better | equal | ours better |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const metric of METRIC_NAMES) {
    const totals = ENGINES.map((_, e) => rows.reduce((sum, row) => sum + (row.metrics[e]?.[metric] ?? 0), 0));
    let better = 0;
    let equal = 0;
    let worse = 0;
    for (const row of rows) {
      const [ours, dagre] = [row.metrics[0]?.[metric] ?? 0, row.metrics[1]?.[metric] ?? 0];
      // Within 2%, or both below 0.05 ms, counts as equal: noise, not a difference.
      const close = Math.abs(dagre - ours) <= 0.02 * Math.max(ours, dagre) || (metric === "ms" && Math.max(ours, dagre) < 0.05);
      if (close) equal++;
      else if (dagre < ours) better++;
      else worse++;
    }
    const format = (n: number): string => (metric === "area" ? `${(n / 1e6).toFixed(1)} Mpx²` : metric === "ms" ? `${n.toFixed(0)} ms` : Math.round(n).toLocaleString("en-US"));
    lines.push(`| ${metric} | ${totals.map(format).join(" | ")} | ${(totals[0] ?? 0) === 0 ? "—" : ((totals[1] ?? 0) / (totals[0] ?? 1)).toFixed(2)} | ${better} | ${equal} | ${worse} |`);
  }
  const slowest = [...rows].sort((a, b) => (b.metrics[0]?.ms ?? 0) - (a.metrics[0]?.ms ?? 0)).slice(0, 3);
  lines.push("", "slowest machines (ours / dagre, ms): " + slowest.map((r) => `${r.states} states ${r.metrics[0]?.ms.toFixed(1)} / ${r.metrics[1]?.ms.toFixed(1)}`).join("; "));
  return lines.join("\n");
}

/** The machines drawn as pictures: the fixed one plus the most crossed-over and the largest. */
function pictureFiles(rows: readonly Row[]): string[] {
  const byCrossings = [...rows].sort((a, b) => (b.metrics[0]?.crossings ?? 0) - (a.metrics[0]?.crossings ?? 0));
  const bySize = [...rows].sort((a, b) => b.states - a.states);
  const midSized = rows.filter((r) => r.states >= 12 && r.states <= 20).sort((a, b) => (b.metrics[1]?.crossings ?? 0) - (a.metrics[1]?.crossings ?? 0));
  return [...new Set([...PICTURES, byCrossings[0]?.file, bySize[0]?.file, midSized[0]?.file].filter((f): f is string => f !== undefined))];
}

async function renderPictures(files: readonly string[]): Promise<string[]> {
  const browser = await launchHeadlessChromium();
  const written: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    for (const [i, file] of files.entries()) {
      const model = buildGraphModel(JSON.parse(readFileSync(join(CORPUS, file), "utf8")));
      const columns = ENGINES.map(([name, engine]) => {
        const diagram = layoutDiagram(model, { engine });
        const m = measureLayout(diagram);
        return `<figure><figcaption><b>${name}</b>: ${m.crossings} crossings, ${m.edgesThroughNodes} edges through boxes, edge length ${Math.round(m.edgeLength)} px, ${Math.round(diagram.width)}×${Math.round(diagram.height)} px</figcaption>${renderSvg(diagram)}</figure>`;
      });
      await page.setContent(
        `<!doctype html><body style="margin:0;font:13px system-ui;background:#fff"><p style="margin:8px 12px">${file}</p><div style="display:flex;gap:24px;align-items:flex-start;padding:0 12px 12px">${columns.join("")}</div></body>`,
      );
      const path = join(IMAGES, `layout-compare-${i + 1}.png`);
      await page.screenshot({ path, fullPage: true });
      written.push(`${path.slice(REPO.length + 1)}: ${file}`);
    }
  } finally {
    await browser.close();
  }
  return written;
}

const rows = measureCorpus();
console.log(summary(rows));
if (process.argv.includes("--png")) {
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  for (const line of await renderPictures(named.length > 0 ? named : pictureFiles(rows))) console.log(`wrote ${line}`);
}
