// `npm run bench:graph`: how long the one renderer (@stepcraft/graph) takes to draw a 100-state
// machine coloured by a ~1,000-event execution — the model, the history summary, the layout and
// the SVG, then the whole static page in headless Chromium (Debian's chromium, playwright-core) —
// and, as the peer measured in the same run, dagre laying out the same machine.
// Numbers are medians; see docs/performance.md.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildGraphModel, layoutDiagram, readExecutionHistory, renderSvg, summarizeExecution, toHtml } from "@stepcraft/graph";
import { dagreLayout } from "../../../packages/graph/scripts/dagre-layout.ts";
import { CHROMIUM, launchHeadlessChromium } from "../../../scripts/chromium.ts";
import { progress } from "../progress.ts";
import { median } from "../stats.ts";
import { largeExecution } from "./large-execution.ts";

const RUNS = 15;
const PEER_RUNS = 3;
const BROWSER_RUNS = 5;

/** Median wall time of `fn` in ms, after one warm-up call. */
async function timed(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function browserMs(html: string): Promise<number | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`;
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Loaded, laid out by the browser and painted: two animation frames after the load event.
    return await timed(BROWSER_RUNS, async () => {
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    });
  } finally {
    await browser.close();
  }
}

const { definition, events: raw } = await largeExecution();
const events = readExecutionHistory(raw);
const model = buildGraphModel(definition);
const diagram = layoutDiagram(model);
const summary = summarizeExecution(events);
progress(`graph: ${summary.states.size} states visited, ${events.length} events ...`);

const stages = {
  model: await timed(RUNS, () => buildGraphModel(definition)),
  summary: await timed(RUNS, () => summarizeExecution(events)),
  layout: await timed(RUNS, () => layoutDiagram(model)),
  svg: await timed(RUNS, () => renderSvg(diagram, summary)),
};
const total = await timed(RUNS, () => renderSvg(layoutDiagram(buildGraphModel(definition)), summarizeExecution(events)));
const html = toHtml(definition, raw, { title: "bench: 100 states, ~1,000 events" });
const page = await timed(RUNS, () => toHtml(definition, raw));
progress("graph: dagre (peer) ...");
const dagre = await timed(PEER_RUNS, () => layoutDiagram(model, { engine: dagreLayout }));
progress("graph: headless Chromium ...");
const browser = await browserMs(html);

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const lines = [
  `graph: a ${100}-state machine, an execution of ${events.length} history events (median of ${RUNS})`,
  `  model ${ms(stages.model)} · history summary ${ms(stages.summary)} · layout ${ms(stages.layout)} · SVG ${ms(stages.svg)}`,
  `  model + summary + layout + SVG: ${ms(total)}`,
  `  toHtml (the whole static page): ${ms(page)}, ${(html.length / 1024).toFixed(0)} KiB`,
  `  headless Chromium, page loaded and painted: ${typeof browser === "number" ? ms(browser) : browser}`,
  `  peer: dagre lays out the same machine in ${ms(dagre)} (median of ${PEER_RUNS}) = ${(dagre / stages.layout).toFixed(1)}× our layout`,
];
process.stdout.write(`${lines.join("\n")}\n`);
