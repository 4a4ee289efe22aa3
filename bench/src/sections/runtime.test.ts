// The runtime section with fake engines: output checking, failures, ratios, JSONata twins.
import { describe, expect, it } from "vitest";
import type { Engine } from "../engines/engine.ts";
import type { Role } from "../engines/index.ts";
import { QUICK_PLAN } from "../plan.ts";
import type { Workload } from "../workloads.ts";
import { measureWorkload, measureWorkloads, runSample } from "./runtime.ts";

/** A fake engine whose i-th output is right except where `wrongAt` says. */
function fakeEngine(name: string, wrongAt: number | undefined): Engine {
  return {
    name,
    supportsJsonata: false,
    prepare: () => {
      let i = 0;
      return { run: async (input) => (i++ === wrongAt ? { n: -1 } : input) };
    },
  };
}

const echo: Workload = {
  id: "echo",
  title: "echo_3",
  definition: {},
  executions: 3,
  transitionsPerExecution: 2,
  input: (i) => ({ n: i }),
  expected: (i) => ({ n: i }),
  lambdas: {},
  cold: false,
  twinOf: undefined,
  jsonata: false,
};

describe("output checking in the runtime section", () => {
  it("accepts right outputs and times them", async () => {
    expect(await runSample(fakeEngine("right", undefined), echo, undefined)).toBeGreaterThan(0);
  });
  it("rejects a sample with one wrong output", async () => {
    const engine = fakeEngine("wrong", 2);
    await expect(runSample(engine, echo, engine.prepare({}, {}))).rejects.toThrow(
      "wrong output of execution 2: $.n: expected 2, got -1",
    );
  });
  it("marks the row not ok and drops the wrong engine's number", async () => {
    const engines: Record<Role, Engine> = { ours: fakeEngine("ours", 1), peer: fakeEngine("peer", undefined) };
    const row = await measureWorkload(echo, engines, QUICK_PLAN);
    expect(row.ok).toBe(false);
    expect(row.ours.tps).toBeNull();
    expect(row.ours.error).toContain("wrong output of execution 1");
    expect(row.peer.tps).toBeGreaterThan(0);
    expect(row.ratio).toBeNull();
  });
  it("reports a failing execution as a failure, not a wrong number", async () => {
    const failing: Engine = { name: "boom", supportsJsonata: false, prepare: () => ({ run: () => Promise.reject(new Error("States.Runtime")) }) };
    const row = await measureWorkload(echo, { ours: failing, peer: fakeEngine("peer", undefined) }, QUICK_PLAN);
    expect(row.ok).toBe(false);
    expect(row.ours.error).toBe("execution failed: States.Runtime");
  });
  it("gives the ratio of medians when both engines are right", async () => {
    const row = await measureWorkload(echo, { ours: fakeEngine("a", undefined), peer: fakeEngine("b", undefined) }, QUICK_PLAN);
    expect(row.ok).toBe(true);
    expect(row.ours.samples).toBe(QUICK_PLAN.samples);
    expect(row.ratio).toBeCloseTo((row.ours.tps ?? 0) / (row.peer.tps ?? 1), 10);
  });
  it("does not run a JSONata twin on an engine without JSONata, and does not call that a failure", async () => {
    const twin: Workload = { ...echo, id: "echo-jsonata", twinOf: "echo", jsonata: true };
    const ours: Engine = { ...fakeEngine("ours", undefined), supportsJsonata: true };
    const row = await measureWorkload(twin, { ours, peer: fakeEngine("peer", 0) }, QUICK_PLAN);
    expect(row.ok).toBe(true);
    expect(row.peer.unsupported).toBe(true);
    expect(row.peer.tps).toBeNull();
    expect(row.ours.tps).toBeGreaterThan(0);
  });
  it("gives each engine its own copy of the definition", async () => {
    const seen: unknown[] = [];
    const mutating: Engine = {
      name: "mutating",
      supportsJsonata: false,
      prepare: (definition) => {
        (definition as Record<string, unknown>)["QueryLanguage"] = "JSONPath";
        return { run: async (input) => input };
      },
    };
    const recording: Engine = {
      name: "recording",
      supportsJsonata: false,
      prepare: (definition) => {
        seen.push(structuredClone(definition));
        return { run: async (input) => input };
      },
    };
    const workload: Workload = { ...echo, definition: { StartAt: "x" } };
    await measureWorkload(workload, { ours: mutating, peer: recording }, QUICK_PLAN);
    expect(seen).toEqual([{ StartAt: "x" }]);
    expect(workload.definition).toEqual({ StartAt: "x" });
  });
  it("alternates a workload's samples with its JSONata twin's, one row each", async () => {
    const twin: Workload = { ...echo, id: "echo-jsonata", twinOf: "echo", jsonata: true };
    const order: string[] = [];
    const recording = (name: string, supportsJsonata: boolean): Engine => ({
      name,
      supportsJsonata,
      prepare: (definition) => ({
        run: async (input) => {
          order.push(`${name}:${(definition as { id?: string }).id ?? ""}`);
          return input;
        },
      }),
    });
    const base: Workload = { ...echo, definition: { id: "base" } };
    const rows = await measureWorkloads([base, { ...twin, definition: { id: "twin" } }], { ours: recording("ours", true), peer: recording("peer", false) }, { ...QUICK_PLAN, warmupSeconds: 0 });
    expect(rows.map((row) => [row.id, row.ok, row.ours.samples, row.peer.unsupported])).toEqual([
      ["echo", true, QUICK_PLAN.samples, false],
      ["echo-jsonata", true, QUICK_PLAN.samples, true],
    ]);
    // One execution of each sample per entry: ours/base, peer/base, ours/twin, then reversed.
    const firstOfEachSample = order.filter((_, index) => index % echo.executions === 0);
    expect(firstOfEachSample.slice(0, 6)).toEqual(["ours:base", "peer:base", "ours:twin", "ours:twin", "peer:base", "ours:base"]);
    expect(await measureWorkloads([], { ours: recording("ours", true), peer: recording("peer", false) }, QUICK_PLAN)).toEqual([]);
  });
  it("warms each engine up until it has run warmupSeconds, but a slow engine only its `warmup` samples", async () => {
    const calls = { ours: 0, peer: 0 };
    const sleeping = (role: Role, ms: number): Engine => ({
      name: role,
      supportsJsonata: false,
      prepare: () => ({
        run: async (input) => {
          calls[role]++;
          await new Promise((resolve) => setTimeout(resolve, ms));
          return input;
        },
      }),
    });
    // ours: about 3-5 ms a sample (3 executions of 1 ms timers); the peer: 60 ms or more.
    const row = await measureWorkload(echo, { ours: sleeping("ours", 1), peer: sleeping("peer", 20) }, { ...QUICK_PLAN, samples: 1, warmup: 1, warmupSeconds: 0.05 });
    expect(row.ok).toBe(true);
    expect([row.ours.samples, row.peer.samples]).toEqual([1, 1]);
    expect(calls.peer).toBe(2 * echo.executions);
    const oursWarmup = calls.ours / echo.executions - 1;
    expect(oursWarmup).toBeGreaterThanOrEqual(3);
    expect(oursWarmup).toBeLessThanOrEqual(17);
  });
});
