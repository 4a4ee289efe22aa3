import { describe, expect, it } from "vitest";
import { buildTrace, formatDuration, type TraceEvent } from "./execution-trace.ts";

const at = (ms: number): Date => new Date(Date.UTC(2026, 0, 1) + ms);
const entered = (name: string) => ({ stateEnteredEventDetails: { name } });

describe("buildTrace", () => {
  it("nests branch states under their Parallel and counts retries and errors", () => {
    const history: TraceEvent[] = [
      { id: 1, previousEventId: 0, type: "ExecutionStarted", timestamp: at(0) },
      { id: 2, previousEventId: 1, type: "ParallelStateEntered", timestamp: at(0), ...entered("Both") },
      { id: 3, previousEventId: 2, type: "ParallelStateStarted", timestamp: at(0) },
      { id: 4, previousEventId: 3, type: "TaskStateEntered", timestamp: at(0), ...entered("Call") },
      { id: 5, previousEventId: 4, type: "TaskScheduled", timestamp: at(0) },
      { id: 6, previousEventId: 5, type: "TaskFailed", timestamp: at(0), taskFailedEventDetails: { error: "Boom" } },
      { id: 7, previousEventId: 6, type: "TaskScheduled", timestamp: at(1000) },
      { id: 8, previousEventId: 7, type: "TaskSucceeded", timestamp: at(1000) },
      { id: 9, previousEventId: 8, type: "TaskStateExited", timestamp: at(1000), stateExitedEventDetails: { name: "Call" } },
      { id: 10, previousEventId: 9, type: "PassStateEntered", timestamp: at(1000), ...entered("After") },
      { id: 11, previousEventId: 10, type: "PassStateExited", timestamp: at(1000), stateExitedEventDetails: { name: "After" } },
      { id: 12, previousEventId: 11, type: "ParallelStateExited", timestamp: at(1500), stateExitedEventDetails: { name: "Both" } },
    ];
    expect(buildTrace(history)).toEqual([
      { name: "Both", stateType: "Parallel", depth: 0, enteredAtMs: 0, durationMs: 1500, retries: 0, errors: [] },
      { name: "Call", stateType: "Task", depth: 1, enteredAtMs: 0, durationMs: 1000, retries: 1, errors: ["Boom"] },
      { name: "After", stateType: "Pass", depth: 1, enteredAtMs: 1000, durationMs: 0, retries: 0, errors: [] },
    ]);
  });
});

describe("formatDuration", () => {
  it("reads naturally from milliseconds to days", () => {
    expect([0, 250, 1500, 60_000, 125_000, 3_600_000, 90_061_000].map(formatDuration)).toEqual(["0 ms", "250 ms", "1.5 s", "1 min", "2 min 5 s", "1 h", "1 d 1 h"]);
  });
});
