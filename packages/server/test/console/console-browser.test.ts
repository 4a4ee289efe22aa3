// The console in a real headless Chromium (Debian's package, driven by playwright-core): the
// lists load, an execution's graph has the right colours, a state's panel shows its data, the
// history links to the graph, a human-approval task is answered by hand, Stop and Redrive act.
// Screenshots go to .vitest-artifacts/ (docs/images/console-*.png are copies of them).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { toHtml } from "@stepcraft/graph";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { headlessChromiumSuite } from "../../../../scripts/testing/headless-chromium.ts";
import buildConsole from "../../scripts/build-console.ts";
import { startServer, type RunningServer } from "../../src/index.ts";
import { CONTRAST_CHECK } from "./contrast-check.ts";
import { APPROVAL, DOOMED, FANOUT, ORDERS, SLEEPY, api, createMachine, deliverSecondTime, flakyCharge, largeMachine, startExecution } from "./console-machines.ts";

const ARTIFACTS = resolve(import.meta.dirname, "../../../../.vitest-artifacts");

let server: RunningServer;
const machines: Record<string, string> = {};
const offOrigin: string[] = [];
const cspViolations: string[] = [];

async function waitForStatus(executionArn: string, done: (status: string) => boolean): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { status } = await api<{ status: string }>(server, "DescribeExecution", { executionArn });
    if (done(status) || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function executionUrl(executionArn: string): string {
  return `${server.url}/#/execution/${encodeURIComponent(executionArn)}`;
}

async function openExecution(executionArn: string): Promise<void> {
  await suite.page.goto(executionUrl(executionArn));
  await suite.page.locator("#graph g.node[data-state]").first().waitFor();
}

async function screenshot(name: string): Promise<void> {
  await suite.page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`) });
}

const stateNode = (name: string) => suite.page.locator(`#graph g.node[data-state="${name}"]`);

const suite = headlessChromiumSuite({
  viewport: { width: 1400, height: 900 },
  before: async () => {
    await buildConsole();
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      data: ":memory:",
      // Retry intervals of a second pass in a millisecond; the Wait of ten days in under 15 minutes.
      timeScale: 1000,
      tasks: {
        charge: flakyCharge(),
        deliver: deliverSecondTime(),
        ship: async () => {
          throw Object.assign(new Error("no courier today"), { name: "ShipperDown" });
        },
      },
      inputSchemas: { Orders: z.object({ orderId: z.string(), amount: z.number().positive() }) },
    });
    for (const [name, definition] of Object.entries({ Orders: ORDERS, Doomed: DOOMED, Approval: APPROVAL, Sleepy: SLEEPY, Fanout: FANOUT, Large: largeMachine(6) })) {
      machines[name] = await createMachine(server, name, definition);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
  },
  after: async () => {
    await server?.close();
  },
});

beforeAll(() => {
  suite.page.on("request", (request) => {
    if (!request.url().startsWith(server.url)) offOrigin.push(request.url());
  });
  suite.page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

describe("the console in headless Chromium", () => {
  it("lists the state machines and opens one's executions, filtered and searched", async () => {
    await startExecution(server, machines["Doomed"]!, "doomed-1", { orderId: "doomed-1" });
    await startExecution(server, machines["Doomed"]!, "other-2", { orderId: "other-2" });
    await waitForStatus(`${machines["Doomed"]!.replace("stateMachine", "execution")}:other-2`, (s) => s !== "RUNNING");
    await suite.page.goto(`${server.url}/`);
    await expect.poll(() => suite.page.locator("#machines tbody tr").count()).toBe(6);
    await screenshot("machines");
    await suite.page.locator('#machines a:text-is("Doomed")').click();
    await expect.poll(() => suite.page.locator("#executions tbody tr").count()).toBe(2);
    await suite.page.fill("#name-search", "doomed");
    await expect.poll(() => suite.page.locator("#executions tbody tr").count()).toBe(1);
    expect(await suite.page.locator("#executions tbody tr").getAttribute("data-execution")).toBe("doomed-1");
    await suite.page.fill("#name-search", "");
    await suite.page.selectOption("#status-filter", "SUCCEEDED");
    await expect.poll(() => suite.page.textContent("main [role=status]")).toBe("No executions match.");
  });

  it("pages the executions with nextToken", async () => {
    for (let i = 0; i < 30; i++) await startExecution(server, machines["Sleepy"]!, `nap-${String(i).padStart(2, "0")}`);
    await suite.page.goto(`${server.url}/#/machine/${encodeURIComponent(machines["Sleepy"]!)}`);
    await expect.poll(() => suite.page.locator("#executions tbody tr").count()).toBe(25);
    await suite.page.click("#more-executions");
    await expect.poll(() => suite.page.locator("#executions tbody tr").count()).toBe(30);
    expect(await suite.page.locator("#more-executions").isHidden()).toBe(true);
    for (let i = 0; i < 30; i++) await api(server, "StopExecution", { executionArn: `${machines["Sleepy"]!.replace("stateMachine", "execution")}:nap-${String(i).padStart(2, "0")}` });
  });

  it("starts an execution: a JSON error in place, the workflow's schema checked, then the live page", async () => {
    await suite.page.goto(`${server.url}/#/machine/${encodeURIComponent(machines["Orders"]!)}`);
    await suite.page.fill("#start-input", '{"orderId": "o-1",, }');
    expect(await suite.page.textContent("#start-problem")).toMatch(/^The input is not JSON: line 1, column 19/);
    expect(await suite.page.getAttribute("#start-input", "aria-invalid")).toBe("true");
    await suite.page.fill("#start-input", '{"orderId": "o-1", "amount": -5}');
    await suite.page.fill("#start-name", "order-1");
    await suite.page.click("#start-form button[type=submit]");
    await expect.poll(() => suite.page.textContent("#start-problem")).toMatch(/input schema: \$\.amount: .*(>0|positive|greater)/i);
    await suite.page.fill("#start-input", '{"orderId": "o-1", "amount": 12.5}');
    await suite.page.click("#start-form button[type=submit]");
    await suite.page.waitForURL(/#\/execution\//);
    await suite.page.locator('main[data-loaded="true"]').waitFor();
    expect(await suite.page.getAttribute("#execution-status .badge", "data-status")).toBe("SUCCEEDED");
  });

  it("colours the graph by status: retried with its count, caught, not reached", async () => {
    await openExecution(`${machines["Orders"]!.replace("stateMachine", "execution")}:order-1`);
    await suite.page.locator('main[data-loaded="true"]').waitFor();
    const statuses = await suite.page.$$eval("#graph g.node[data-state]", (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute("data-state"), n.getAttribute("data-status")])));
    expect(statuses["Validate"]).toBe("succeeded");
    expect(statuses["Charge"]).toBe("retried");
    expect(await stateNode("Charge").getAttribute("data-retries")).toBe("2");
    expect(statuses["Ship"]).toBe("caught");
    expect(statuses["Refund"]).toBe("succeeded");
    expect(statuses["Done"]).toBe("succeeded");
    const fill = (name: string): Promise<string> => suite.page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(`#graph g.node[data-state="${name}"] > .shape`)})).fill`);
    // Succeeded, retried and caught each have their own colour.
    expect(new Set(await Promise.all(["Validate", "Charge", "Ship"].map(fill))).size).toBe(3);
    expect(await stateNode("Ship").getAttribute("aria-label")).toBe("Ship, Task, caught");
    await screenshot("execution");
  });

  it("clicking a state (or Enter on it) shows its input, output, retries and errors; the history links both ways", async () => {
    await stateNode("Charge").click();
    const panel = suite.page.locator("#panel");
    await expect.poll(() => panel.locator("[data-panel-state]").getAttribute("data-panel-state")).toBe("Charge");
    expect(await suite.page.evaluate<string | undefined>("document.activeElement?.id")).toBe("panel-title");
    expect(await panel.textContent()).toContain('"orderId": "o-1"');
    expect(await panel.locator("table.attempts tbody tr").count()).toBe(3);
    expect(await panel.locator('table.attempts tr[data-attempt="1"]').textContent()).toContain("CardDeclined");
    expect(await panel.textContent()).toContain('"charged": true');
    // Rescued by its retries: the errors are the attempts', the visit did not end in one.
    expect(await panel.locator(".field.failure").count()).toBe(0);
    await screenshot("state-panel");

    // Keyboard: the states are buttons in the accessibility tree; Tab moves between them, Enter opens one.
    await suite.page.getByRole("button", { name: "Charge, Task, retried, 2 retries" }).focus();
    await suite.page.keyboard.press("Tab");
    expect(await suite.page.evaluate<string | undefined>("document.activeElement?.getAttribute('data-state')")).toBe("Ship");
    expect(await suite.page.evaluate<string>("getComputedStyle(document.activeElement.querySelector('.shape')).strokeWidth")).toBe("4px");
    await suite.page.keyboard.press("Enter");
    await expect.poll(() => panel.locator("[data-panel-state]").getAttribute("data-panel-state")).toBe("Ship");
    expect(await panel.locator(".field.failure h4").first().textContent()).toBe("Error (caught)");
    expect(await panel.textContent()).toContain("ShipperDown");
    expect(await panel.textContent()).toContain("no courier today");

    // The history row of Refund selects it in the graph; the panel's link goes back to the row.
    await suite.page.locator('#history button[data-goto-state="Refund"]').first().click();
    await expect.poll(() => stateNode("Refund").getAttribute("class")).toMatch(/\bselected\b/);
    expect(await suite.page.locator("#history .of-selected").count()).toBe(2);
    await panel.locator("button.link", { hasText: /^Event \d+ in the history$/ }).click();
    await expect.poll(() => suite.page.evaluate<string | undefined>('document.activeElement?.closest("[role=row]")?.id')).toMatch(/^event-\d+$/);
  });

  it("shows Map iterations and Parallel branches, and the variables a state assigned", async () => {
    const executionArn = await startExecution(server, machines["Fanout"]!, "fan-1", { items: [1, 2, 3] });
    await waitForStatus(executionArn, (s) => s !== "RUNNING");
    await openExecution(executionArn);
    await suite.page.locator('main[data-loaded="true"]').waitFor();
    // A container's middle is its inner states: reach it by keyboard.
    await stateNode("Each").focus();
    await suite.page.keyboard.press("Enter");
    const panel = suite.page.locator("#panel");
    await expect.poll(() => panel.locator("[data-iteration]").count()).toBe(3);
    await panel.locator('[data-iteration="2"] summary').click();
    expect(await panel.locator('[data-iteration="2"] ol.inner button.link').textContent()).toBe("Double");
    // One iteration alone on the graph: the states outside it were not reached in it.
    await panel.locator('[data-iteration="2"] [data-focus-run]').click();
    await expect.poll(() => stateNode("Both").getAttribute("data-status")).toBe("not-visited");
    expect(await stateNode("Double").getAttribute("data-status")).toBe("succeeded");
    expect(await suite.page.textContent("#run-focus")).toContain("iteration 2 of Each alone");
    await screenshot("iteration");
    await suite.page.click("#show-whole");
    await expect.poll(() => stateNode("Both").getAttribute("data-status")).toBe("succeeded");
    await stateNode("Both").focus();
    await suite.page.keyboard.press(" ");
    await expect.poll(() => panel.locator("[data-branch]").count()).toBe(2);
    expect(await panel.locator("table.variables").textContent()).toBe("$total12");
  });

  it("answers a task waiting for a callback: the token is found and Send task success completes the run live", async () => {
    const executionArn = await startExecution(server, machines["Approval"]!, "approve-1", { amount: 300 });
    await openExecution(executionArn);
    const form = suite.page.locator('[data-callback-state="Ask"]');
    await form.waitFor();
    expect(await form.locator("input.token").inputValue()).toMatch(/^[\w-]{20,}$/);
    expect(await stateNode("Ask").getAttribute("data-status")).toBe("in-progress");
    await screenshot("callback");
    await form.locator('[data-action="heartbeat"]').click();
    await expect.poll(() => suite.page.textContent("#action-result")).toBe("Send heartbeat: done.");
    // What the API refuses is shown as it answers, as an alert.
    const token = await form.locator("input.token").inputValue();
    await form.locator("input.token").fill("not-a-token");
    await form.locator('[data-action="heartbeat"]').click();
    await expect.poll(() => suite.page.textContent("#action-result")).toMatch(/^Send heartbeat failed: (InvalidToken|TaskDoesNotExist): ./);
    expect(await suite.page.getAttribute("#action-result", "role")).toBe("alert");
    await form.locator("input.token").fill(token);
    await form.locator("textarea").fill("{not json");
    await form.locator('[data-action="success"]').click();
    expect(await form.locator(".error").textContent()).toMatch(/^The output is not JSON/);
    await form.locator("textarea").fill('{"approved": true}');
    // The panel of a state that has not run yet follows the run when it does.
    await stateNode("Approved?").focus();
    await suite.page.keyboard.press("Enter");
    expect(await suite.page.textContent("#panel")).toContain("This state has not run in this execution.");
    await form.locator('[data-action="success"]').click();
    await expect.poll(() => suite.page.locator("#panel details.visit").count()).toBe(1);
    expect(await suite.page.textContent("#panel")).toContain('"approved": true');
    // No reload: the event stream brings the end.
    await expect.poll(() => suite.page.getAttribute("#execution-status .badge", "data-status")).toBe("SUCCEEDED");
    expect(await stateNode("Go").getAttribute("data-status")).toBe("succeeded");
    expect(await suite.page.locator("[data-callback-state]").count()).toBe(0);
  });

  it("sends a task failure for a rejection", async () => {
    const executionArn = await startExecution(server, machines["Approval"]!, "reject-1", { amount: 9000 });
    await openExecution(executionArn);
    const form = suite.page.locator('[data-callback-state="Ask"]');
    await form.waitFor();
    await form.locator('[data-action="failure"]').click();
    await expect.poll(() => suite.page.getAttribute("#execution-status .badge", "data-status")).toBe("FAILED");
    expect(await suite.page.textContent("#execution-failure")).toContain("Rejected: Rejected in the stepcraft console");
  });

  it("Stop aborts a running execution", async () => {
    const executionArn = await startExecution(server, machines["Sleepy"]!, "stop-me");
    await openExecution(executionArn);
    await expect.poll(() => stateNode("Nap").getAttribute("data-status")).toBe("in-progress");
    await suite.page.click("#stop");
    await expect.poll(() => suite.page.getAttribute("#execution-status .badge", "data-status")).toBe("ABORTED");
    expect(await suite.page.isHidden("#stop")).toBe(true);
    expect(await waitForStatus(executionArn, (s) => s !== "RUNNING")).toBe("ABORTED");
  });

  it("Redrive runs a failed execution again from its failed state, followed live", async () => {
    const executionArn = `${machines["Doomed"]!.replace("stateMachine", "execution")}:doomed-1`;
    await openExecution(executionArn);
    await suite.page.locator('main[data-loaded="true"]').waitFor();
    expect(await stateNode("Ship").getAttribute("data-status")).toBe("failed");
    // The Lambda cause's message, with the whole JSON (stack trace) one click away.
    expect(await suite.page.textContent("#execution-failure p.error")).toBe("ShipperDown: no courier today");
    expect(await suite.page.textContent("#execution-cause pre")).toContain('"errorType": "ShipperDown"');
    await suite.page.click("#redrive");
    await expect.poll(() => suite.page.textContent("#action-result")).toBe("Redrive: done.");
    // No reload: the stream brings ExecutionRedriven, the new attempt and the end.
    await expect.poll(() => suite.page.getAttribute("#execution-status .badge", "data-status")).toBe("SUCCEEDED");
    await expect.poll(() => stateNode("Ship").getAttribute("data-status")).toBe("succeeded");
    expect(await suite.page.locator("#history [role=row]", { hasText: "ExecutionRedriven" }).count()).toBe(1);
    expect(await suite.page.isHidden("#redrive")).toBe(true);
    expect(await suite.page.textContent("#execution-failure")).not.toContain("ShipperDown");
    const described = await api<{ status: string; redriveCount: number }>(server, "DescribeExecution", { executionArn });
    expect(described).toMatchObject({ status: "SUCCEEDED", redriveCount: 1 });
    await screenshot("redrive");
  });

  it("renders 100 states and over 1,000 history events (measured; see docs/server.md)", async () => {
    const executionArn = await startExecution(server, machines["Large"]!, "large-1");
    expect(await waitForStatus(executionArn, (s) => s !== "RUNNING")).toBe("SUCCEEDED");
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      await suite.page.goto("about:blank");
      await suite.page.goto(executionUrl(executionArn));
      await suite.page.locator('main[data-loaded="true"]').waitFor();
      timings.push(await suite.page.evaluate<number>('performance.getEntriesByName("console:execution-rendered")[0]?.startTime ?? NaN'));
    }
    const events = Number(await suite.page.getAttribute("main", "data-events"));
    expect(events).toBeGreaterThanOrEqual(1000);
    expect(await suite.page.locator("#graph g.node[data-state]").count()).toBe(100);
    expect(await suite.page.locator("#history [role=row][id]").count()).toBe(events);
    await screenshot("large");

    // The baseline in the same browser and run: the static page `stepcraft graph --format html`
    // writes for the same definition and history (no server, no table), until it is painted.
    const history: unknown[] = [];
    let nextToken: string | undefined;
    do {
      const page = await api<{ events: unknown[]; nextToken?: string }>(server, "GetExecutionHistory", { executionArn, maxResults: 1000, ...(nextToken === undefined ? {} : { nextToken }) });
      history.push(...page.events);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    const staticPage = join(ARTIFACTS, "console-large-static.html");
    writeFileSync(staticPage, toHtml(largeMachine(6), history));
    const baseline: number[] = [];
    for (let i = 0; i < 3; i++) {
      await suite.page.goto("about:blank");
      await suite.page.goto(`file://${staticPage}`);
      baseline.push(await suite.page.evaluate<number>("new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))"));
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[1]!;
    // A measurement, not an assertion on speed: the machine is shared and noisy.
    const line = `console render of ${events} events on 100 states: median ${Math.round(median(timings))} ms from navigation to the painted page (runs: ${timings.map(Math.round).join(", ")} ms); the static graph page of the same run: ${Math.round(median(baseline))} ms (runs: ${baseline.map(Math.round).join(", ")} ms), ratio ${(median(timings) / median(baseline)).toFixed(1)}`;
    console.log(line);
    writeFileSync(join(ARTIFACTS, "console-render.json"), `${JSON.stringify({ events, states: 100, consoleMs: timings, staticGraphPageMs: baseline, consoleMedianMs: median(timings), staticMedianMs: median(baseline) }, null, 2)}\n`);
  });

  it("every text passes WCAG AA contrast, on the lists and on executions with every status", async () => {
    await suite.page.goto(`${server.url}/`);
    await suite.page.locator("#machines tbody tr").first().waitFor();
    expect(await suite.page.evaluate<string[]>(CONTRAST_CHECK)).toEqual([]);
    await openExecution(`${machines["Orders"]!.replace("stateMachine", "execution")}:order-1`);
    await suite.page.locator('main[data-loaded="true"]').waitFor();
    await stateNode("Charge").click();
    expect(await suite.page.evaluate<string[]>(CONTRAST_CHECK)).toEqual([]);
    // Failed, and not reached (Stop after the approval).
    for (const execution of [`${machines["Doomed"]!.replace("stateMachine", "execution")}:other-2`, `${machines["Approval"]!.replace("stateMachine", "execution")}:approve-1`]) {
      await openExecution(execution);
      await suite.page.locator('main[data-loaded="true"]').waitFor();
      expect(await suite.page.evaluate<string[]>(CONTRAST_CHECK), execution).toEqual([]);
    }
  });

  it("the contrast check itself finds pale text", async () => {
    const scratch = await suite.browser.newPage();
    await scratch.setContent('<p style="color:#999;background:#fff">pale</p><p style="color:#000">dark</p><svg><g><rect class="shape" width="90" height="20" fill="#f8f9fa"/><text x="4" y="14" fill="#80868b">grey</text></g></svg>');
    expect(await scratch.evaluate<string[]>(CONTRAST_CHECK)).toEqual([expect.stringMatching(/^pale \(p\.\): 2\.85:1, needs 4\.5:1$/), expect.stringMatching(/^grey \(svg text\.\): 3\.\d\d:1/)]);
    await scratch.close();
  });

  it("loads nothing from another origin and breaks no Content-Security-Policy rule", () => {
    expect(offOrigin.filter((url) => !url.startsWith("about:") && !url.startsWith("file://"))).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
