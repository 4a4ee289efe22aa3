import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareStateMachine } from "@stepcraft/runtime";
import { CoverageRecorder } from "@stepcraft/runtime/testing";
import { describe, expect, it } from "vitest";
import { captureIo } from "../capture-io.ts";
import { main } from "../main.ts";

const dir = mkdtempSync(join(tmpdir(), "stepcraft-coverage-cli-"));
const definition = {
  StartAt: "Charge",
  States: {
    Charge: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }], Next: "Done" },
    Done: { Type: "Succeed" },
    Failed: { Type: "Fail", Error: "ChargeFailed" },
  },
};

/** Runs the machine with `answer` as Charge's handler and saves its coverage as a reporter would. */
async function saved(name: string, answer: () => unknown): Promise<string> {
  const recorder = new CoverageRecorder();
  await prepareStateMachine(definition, { name: "Orders", coverage: recorder, tasks: { "arn:aws:lambda:us-east-1:123456789012:function:charge": answer } }).run({});
  writeFileSync(join(dir, name), JSON.stringify(recorder.snapshot()));
  return name;
}

describe("stepcraft coverage", () => {
  it("prints the table of one saved file, naming what is not covered", async () => {
    const file = await saved("ok.json", () => ({ ok: true }));
    const io = captureIo(dir);
    expect(await main(["coverage", file], io)).toBe(0);
    expect(io.stdout()).toMatch(/Orders \([0-9a-f]{8}\)\s+66\.6% \(2\/3\)\s+100% \(0\/0\)\s+0% \(0\/1\)/);
    expect(io.stdout()).toContain("catchers: Charge Catch[0] States.ALL → Failed");
  });

  it("merges several files into one machine, one line per machine with --summary", async () => {
    const ok = await saved("ok.json", () => ({ ok: true }));
    const failing = await saved("fail.json", () => {
      throw new Error("card declined");
    });
    const io = captureIo(dir);
    expect(await main(["coverage", "--summary", ok, failing], io)).toBe(0);
    expect(io.stdout()).toBe("Orders: states 100% (3/3), branches 100% (0/0), catchers 100% (1/1), retriers 100% (0/0), edges 100% (2/2)\n");
  });

  it("prints JSON with the metrics and the uncovered items", async () => {
    const file = await saved("ok.json", () => ({ ok: true }));
    const io = captureIo(dir);
    expect(await main(["coverage", "--json", file], io)).toBe(0);
    const report = JSON.parse(io.stdout()) as { machines: Array<{ name: string; metrics: { states: unknown }; uncovered: Array<{ label: string }> }> };
    expect(report.machines[0]?.metrics.states).toEqual({ covered: 2, total: 3, percent: 66.6 });
    expect(report.machines[0]?.uncovered.map((u) => u.label)).toEqual(["Charge Catch[0] States.ALL → Failed", "Charge → Failed (Catch[0])", "Failed"]);
  });

  it("writes an HTML report: an index and the graph of each machine with unreached states and edges marked", async () => {
    const file = await saved("ok.json", () => ({ ok: true }));
    const io = captureIo(dir);
    expect(await main(["coverage", file, "--html", "html-report"], io)).toBe(0);
    const pages = readdirSync(join(dir, "html-report")).sort();
    expect(pages).toHaveLength(2);
    expect(pages).toContain("index.html");
    const page = readFileSync(join(dir, "html-report", pages.find((p) => p !== "index.html")!), "utf8");
    expect(page).toMatch(/class="node t-fail cov-miss" data-state="Failed"/);
    expect(page).toMatch(/class="node t-task cov-hit" data-state="Charge"/);
    expect(page).toMatch(/class="edge k-catch cov-miss" data-from="Charge" data-to="Failed"/);
    expect(page).toMatch(/class="edge k-next cov-hit" data-from="Charge" data-to="Done"/);
    expect(readFileSync(join(dir, "html-report", "index.html"), "utf8")).toContain(`href="${pages.find((p) => p !== "index.html")}"`);
  });

  it("says what is wrong with a missing or foreign file (exit 2)", async () => {
    writeFileSync(join(dir, "other.json"), JSON.stringify({ result: { numTotalTests: 3 } }));
    const missing = captureIo(dir);
    expect(await main(["coverage", "nope.json"], missing)).toBe(2);
    expect(missing.stderr()).toMatch(/cannot read coverage 'nope.json': no such file/);
    const foreign = captureIo(dir);
    expect(await main(["coverage", "other.json"], foreign)).toBe(2);
    expect(foreign.stderr()).toMatch(/'other.json' is not stepcraft workflow coverage \(version 1\).*WorkflowCoverageReporter/);
    const defaultFile = captureIo(dir);
    expect(await main(["coverage"], defaultFile)).toBe(2);
    expect(defaultFile.stderr()).toContain("coverage/stepcraft/coverage.json");
  });
});
