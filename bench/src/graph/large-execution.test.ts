import { buildGraphModel, allStates, summarizeExecution, readExecutionHistory } from "@stepcraft/graph";
import { describe, expect, it } from "vitest";
import { largeExecution } from "./large-execution.ts";

describe("the graph benchmark's large execution", () => {
  it("is a 100-state machine with about 1,000 history events, retries, catches, Map iterations and Parallel branches", async () => {
    const { definition, events } = await largeExecution();
    expect(allStates(buildGraphModel(definition).root)).toHaveLength(100);
    expect(events.length).toBeGreaterThanOrEqual(1_000);
    expect(events.length).toBeLessThan(1_100);
    const summary = summarizeExecution(readExecutionHistory(events));
    const statuses = [...summary.states.values()].map((s) => s.status);
    expect(statuses).toContain("retried");
    expect(statuses).toContain("caught");
    expect(summary.runs.filter((r) => r.kind === "iteration")).toHaveLength(37);
    expect(summary.runs.filter((r) => r.kind === "branch")).toHaveLength(2);
  });
});
