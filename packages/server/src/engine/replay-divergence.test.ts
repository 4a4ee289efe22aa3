import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "@stepcraft/runtime";
import { reportDivergence } from "./replay-divergence.ts";

const event = (id: number, type: string): HistoryEvent => ({ id, type, previousEventId: id - 1, timestamp: new Date(0) });

describe("reportDivergence", () => {
  it("stays quiet when the replay retraces the committed events (and goes further)", () => {
    const lines: string[] = [];
    expect(reportDivergence("arn:x", ["ExecutionStarted", "PassStateEntered"], [event(1, "ExecutionStarted"), event(2, "PassStateEntered"), event(3, "PassStateExited")], (t) => lines.push(t))).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it("names the execution and the first event that differs", () => {
    const lines: string[] = [];
    const at = reportDivergence("arn:x", ["ExecutionStarted", "WaitStateEntered"], [event(1, "ExecutionStarted"), event(2, "PassStateEntered")], (t) => lines.push(t));
    expect(at).toBe(2);
    expect(lines).toEqual(["stepcraft serve: execution arn:x resumed on a different path than it had run: event 2 was WaitStateEntered and is now PassStateEntered; its history keeps the committed events\n"]);
  });
});
