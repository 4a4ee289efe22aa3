// Opens the generated page in a real headless Chromium (Debian's package, driven by
// playwright-core) and checks what a person would see: every state drawn and visible, the
// execution's path coloured, text inside its boxes, no boxes on top of each other, no network.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { headlessChromiumSuite } from "../../../scripts/testing/headless-chromium.ts";
import { allStates, buildGraphModel } from "./definition-model.ts";
import type { StateStatus } from "./execution-status.ts";
import { HistoryBuilder } from "./test-fixtures/history-builder.ts";
import { toHtml } from "./html.ts";

const ARTIFACTS = join(import.meta.dirname, "../../../.vitest-artifacts");
// The only corpus definition with Parallel, Map, Choice and Catch together (and loops).
const DEFINITION_FILE =
  resolve(import.meta.dirname, "../../../testdata/corpus/realworld") + "/aws-samples_aws-stepfunctions-examples__sam--demo-generate-steady-state-events--statemachines--event_emitter.asl.json";

/**
 * A synthetic run: the Parallel initialises, Get Config is retried twice, the Map's first
 * iteration loops once (Send Event retried, then its error caught), and Reload Config then fails, failing the Map and
 * the execution.
 */
function syntheticHistory(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.enter("Parallel", "Initialize DDB");
  h.add("ParallelStateStarted");
  h.task("Check Config").step("Choice", "Choice").step("Succeed", "Initialization Success");
  h.add("ParallelStateSucceeded");
  h.exit("Parallel", "Initialize DDB");
  h.task("Get Config", 2).step("Choice", "Continue Distributed Map?").step("Pass", "Generate Items");
  h.enter("Map", "Distributed Map");
  h.add("MapStateStarted", { mapStateStartedEventDetails: { length: 1 } });
  h.add("MapIterationStarted", { mapIterationStartedEventDetails: { name: "Distributed Map", index: 0 } });
  h.task("Reload Config").step("Choice", "Continue Item Processor?").step("Pass", "Set Parallelism");
  h.enter("Map", "Parallel Work");
  h.add("MapStateStarted", { mapStateStartedEventDetails: { length: 1 } });
  h.add("MapIterationStarted", { mapIterationStartedEventDetails: { name: "Parallel Work", index: 0 } });
  h.step("Pass", "Determine Wait Time").step("Wait", "Wait").task("Send Event", 2, "caught").step("Succeed", "Success");
  h.add("MapIterationSucceeded", { mapIterationSucceededEventDetails: { name: "Parallel Work", index: 0 } });
  h.add("MapStateSucceeded");
  h.exit("Map", "Parallel Work");
  h.task("Reload Config", 0, "uncaught", "DynamoDB.ResourceNotFoundException");
  h.add("MapIterationFailed", { mapIterationFailedEventDetails: { name: "Distributed Map", index: 0 } });
  h.add("MapStateFailed", { mapStateFailedEventDetails: { error: "DynamoDB.ResourceNotFoundException", cause: "table missing" } });
  h.fail("DynamoDB.ResourceNotFoundException", "table missing");
  return h;
}

const EXPECTED: Readonly<Record<string, StateStatus>> = {
  "Initialize DDB": "succeeded",
  "Check Config": "succeeded",
  Choice: "succeeded",
  "Initialize Continuation": "not-visited",
  "Initialization Success": "succeeded",
  "Get Config": "retried",
  "Continue Distributed Map?": "succeeded",
  "Generate Items": "succeeded",
  "Distributed Map": "failed",
  "Reload Config": "failed",
  "Continue Item Processor?": "succeeded",
  "Set Parallelism": "succeeded",
  "Parallel Work": "succeeded",
  "Determine Wait Time": "succeeded",
  Wait: "succeeded",
  "Send Event": "caught",
  Success: "succeeded",
  "Item Processor Success": "not-visited",
  "End Execution": "not-visited",
};

// Runs in the page (the repo's TypeScript has no DOM types, so it is plain JS text): lists text
// overflowing its node's shape and nodes of the same block whose boxes intersect on screen.
const LAYOUT_CHECK = `(() => {
  const found = [];
  const seen = new Map();
  for (const node of document.querySelectorAll("g.node[data-state]")) {
    const name = node.getAttribute("data-state");
    const shape = node.querySelector(":scope > .shape");
    if (!shape) { found.push(name + ": no shape"); continue; }
    const box = shape.getBoundingClientRect();
    for (const text of node.querySelectorAll(":scope > text")) {
      const t = text.getBoundingClientRect();
      if (t.left < box.left || t.right > box.right || t.top < box.top || t.bottom > box.bottom) found.push(name + ": text '" + text.textContent + "' overflows its box");
    }
    const siblings = seen.get(node.parentElement) || [];
    for (const other of siblings) {
      const o = other.box;
      if (box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom) found.push(name + " overlaps " + other.name);
    }
    siblings.push({ name, box });
    seen.set(node.parentElement, siblings);
  }
  return found;
})()`;

const requests: string[] = [];
const definition: unknown = JSON.parse(readFileSync(DEFINITION_FILE, "utf8"));
const stateNames = allStates(buildGraphModel(definition).root).map((s) => s.name);

// A launch failure fails every test (not skips it) with the install command in the message.
const suite = headlessChromiumSuite({ viewport: { width: 1280, height: 900 } });
let page: Page;

beforeAll(async () => {
  page = suite.page;
  page.on("request", (request) => requests.push(request.url()));
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, "graph.html");
  writeFileSync(file, toHtml(definition, syntheticHistory().events, { title: "event_emitter.asl.json (synthetic failed execution)" }));
  await page.goto(`file://${file}`);
});

describe("graph HTML in headless Chromium", () => {
  it("the test covers every state of the definition", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...stateNames].sort());
  });

  it("draws every state as a visible element with its data-state", async () => {
    for (const name of stateNames) {
      const node = page.locator(`g.node[data-state="${name.replace(/"/g, '\\"')}"]`);
      await expect.poll(() => node.count(), { message: name }).toBe(1);
      expect(await node.isVisible(), name).toBe(true);
    }
  });

  it("marks each state with the status the execution gave it", async () => {
    const statuses = await page.$$eval("g.node[data-state]", (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute("data-state"), n.getAttribute("data-status")])));
    expect(statuses).toEqual(EXPECTED);
    expect(await page.getAttribute('g.node[data-state="Get Config"]', "data-retries")).toBe("2");
    expect(await page.textContent('g.node[data-state="Get Config"] .badge')).toBe("↻ 3 attempts");
  });

  it("paints the statuses in distinct colours", async () => {
    const fill = (name: string): Promise<string> =>
      page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(`g.node[data-state="${name}"] > .shape`)})).fill`);
    const colours = await Promise.all(["Check Config", "Reload Config", "Get Config", "End Execution", "Send Event"].map(fill));
    expect(new Set(colours).size).toBe(5);
    // The caught error left through the Catch: that arrow is the one drawn as taken.
    expect(await page.locator('path.edge.k-catch.taken[data-from="Send Event"]').count()).toBe(1);
    expect(colours[0]).toBe("rgb(230, 244, 234)");
    expect(colours[1]).toBe("rgb(252, 232, 230)");
  });

  it("keeps every state's text inside its box and no two boxes of a block overlap", async () => {
    const problems = await page.evaluate<string[]>(LAYOUT_CHECK);
    expect(problems).toEqual([]);
  });

  it("the layout check itself catches overflowing text and overlapping nodes", async () => {
    const scratch = await suite.browser.newPage();
    await scratch.setContent(`<svg width="400" height="200">
      <g class="node" data-state="A"><rect class="shape" width="50" height="30"/><text x="5" y="20">far too long for the box</text></g>
      <g class="node" data-state="B" transform="translate(20 10)"><rect class="shape" width="50" height="30"/></g>
    </svg>`);
    expect(await scratch.evaluate<string[]>(LAYOUT_CHECK)).toEqual(["A: text 'far too long for the box' overflows its box", "B overlaps A"]);
    await scratch.close();
  });

  it("draws the edges and a legend", async () => {
    expect(await page.locator("path.edge").count()).toBeGreaterThan(20);
    expect(await page.locator("path.edge.taken").count()).toBeGreaterThan(5);
    expect(await page.locator(".legend").isVisible()).toBe(true);
    expect(await page.locator('[data-outcome="failed"]').textContent()).toBe("failed");
  });

  it("moves the focus between states with the arrow keys, shows a focus ring and the state's details", async () => {
    const active = (): Promise<string | null> => page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-state')");
    await page.focus("#fit");
    await page.keyboard.press("Tab");
    expect(await active()).toBe("Initialize DDB");
    await page.focus('g.node[data-state="Get Config"]');
    await page.keyboard.press("ArrowDown");
    expect(await active()).toBe("Continue Distributed Map?");
    await page.keyboard.press("ArrowUp");
    expect(await active()).toBe("Get Config");
    const ring = await page.evaluate<string>(`getComputedStyle(document.querySelector('g.node[data-state="Get Config"] > .focus-ring')).display`);
    expect(ring).not.toBe("none");
    expect(await page.textContent("#inspector")).toContain("Get Config (Task)\nstatus: retried\nattempts: 3 (2 retries)");
    expect(await page.getAttribute('g.node[data-state="Get Config"]', "aria-label")).toBe("Get Config, Task state, retried, 3 attempts");
    await page.screenshot({ path: join(ARTIFACTS, "graph-focus.png") });
  });

  it("loads nothing from the network and saves a screenshot", async () => {
    expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
    const path = join(ARTIFACTS, "graph.png");
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe("PNG");
  });
});
