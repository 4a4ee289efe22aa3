import { describe, expect, it } from "vitest";
import type { ConformanceCase } from "./case-types.ts";
import { compareOutcome, historyMatches } from "./compare.ts";
import { sortAsRecorded } from "./recorded-parallel-order.ts";

const base = (expected: ConformanceCase["expected"], extra: Partial<ConformanceCase> = {}): ConformanceCase => ({
  id: "c",
  category: "base",
  definition: {},
  expected,
  ...extra,
});

describe("compareOutcome", () => {
  it("passes equal outputs regardless of key order, and reports differences", () => {
    expect(compareOutcome(base({ status: "SUCCEEDED", output: { a: 1, b: [1, 2] } }), { status: "SUCCEEDED", output: { b: [1, 2], a: 1 } })).toEqual([]);
    expect(compareOutcome(base({ status: "SUCCEEDED", output: [1, 2] }), { status: "SUCCEEDED", output: [2, 1] })).toHaveLength(1);
    expect(compareOutcome(base({ status: "SUCCEEDED" }), { status: "FAILED" })[0]).toMatch(/^status/);
  });

  it("compares error and cause for failures, parsing the cause when AWS recorded an object", () => {
    const c = base({ status: "FAILED", error: "E", cause: { errorMessage: "m", requestId: "x" } }, { ignore: ["$.cause.requestId"] });
    expect(compareOutcome(c, { status: "FAILED", error: "E", cause: '{"errorMessage":"m","requestId":"other"}' })).toEqual([]);
    expect(compareOutcome(c, { status: "FAILED", error: "E2", cause: '{"errorMessage":"m"}' })).toHaveLength(1);
    expect(compareOutcome(base({ status: "FAILED" }), { status: "FAILED", error: "E" })).toHaveLength(1);
  });

  it("checks patterns instead of values", () => {
    const c = base({ status: "SUCCEEDED", output: { id: "<uuid>" } }, { patterns: { "$.output.id": "^[0-9]+$" } });
    expect(compareOutcome(c, { status: "SUCCEEDED", output: { id: "123" } })).toEqual([]);
    expect(compareOutcome(c, { status: "SUCCEEDED", output: { id: "abc" } })).toHaveLength(1);
  });

  it("checks number formatting against outputText, and only status for CREATE_FAILED or time-sensitive cases", () => {
    const c = base({ status: "SUCCEEDED", output: 0, outputText: "0.0" });
    expect(compareOutcome(c, { status: "SUCCEEDED", output: 0, outputText: "0" })).toHaveLength(1);
    expect(compareOutcome(base({ status: "CREATE_FAILED", cause: "x" }), { status: "CREATE_FAILED" })).toEqual([]);
    expect(compareOutcome(base({ status: "SUCCEEDED", output: 1 }, { timeSensitive: true }), { status: "SUCCEEDED", output: 2 })).toEqual([]);
    expect(compareOutcome(base({ status: "TIMED_OUT" }), { status: "TIMED_OUT", error: "States.Timeout" })).toEqual([]);
  });
});

describe("historyMatches", () => {
  it("compares event sequences when the case has one", () => {
    expect(historyMatches(base({ status: "SUCCEEDED" }, { history: ["A", "B"] }), { status: "SUCCEEDED", history: ["A", "B"] })).toBe(true);
    expect(historyMatches(base({ status: "SUCCEEDED" }, { history: ["A"] }), { status: "SUCCEEDED", history: ["B"] })).toBe(false);
    expect(historyMatches(base({ status: "SUCCEEDED" }), { status: "SUCCEEDED", history: [] })).toBeUndefined();
    const parallel = ["ParallelStateStarted", "PassStateEntered:A", "PassStateEntered:B", "PassStateExited:A", "PassStateExited:B", "ParallelStateExited:P"];
    const interleaved = ["ParallelStateStarted", "PassStateEntered:A", "PassStateExited:A", "PassStateEntered:B", "PassStateExited:B", "ParallelStateExited:P"];
    const note = { historyNote: "events inside Parallel blocks were re-sorted by the recording test; order is not AWS's" };
    const aws = [...interleaved.slice(0, -1), "ParallelStateSucceeded", "ParallelStateExited:P"];
    expect(historyMatches(base({ status: "SUCCEEDED" }, { history: parallel, ...note }), { status: "SUCCEEDED", history: aws })).toBe(true);
    // Without the note the sequence is AWS's own: compared as it is.
    expect(historyMatches(base({ status: "SUCCEEDED" }, { history: parallel }), { status: "SUCCEEDED", history: interleaved })).toBe(false);
  });
});

describe("sortAsRecorded (the recording test's Parallel transformer)", () => {
  it("sorts the branch events and drops the ParallelStateSucceeded before an exit, as the recordings show", () => {
    const aws = ["ExecutionStarted", "ParallelStateEntered:P", "ParallelStateStarted", "PassStateEntered:B", "PassStateEntered:A", "PassStateExited:B", "PassStateExited:A", "ParallelStateSucceeded", "ParallelStateExited:P", "ExecutionSucceeded"];
    expect(sortAsRecorded(aws)).toEqual(["ExecutionStarted", "ParallelStateEntered:P", "ParallelStateStarted", "PassStateEntered:A", "PassStateEntered:B", "PassStateExited:A", "PassStateExited:B", "ParallelStateExited:P", "ExecutionSucceeded"]);
  });

  it("loses a nested Parallel's own closing events the way the transformer's splices do (test_parallel_state_nested)", () => {
    const aws = [
      "ExecutionStarted", "ParallelStateEntered:L1", "ParallelStateStarted", "ParallelStateEntered:L2", "ParallelStateStarted",
      "PassStateEntered:X", "PassStateExited:X", "ParallelStateSucceeded", "ParallelStateExited:L2", "ParallelStateSucceeded", "ParallelStateExited:L1", "ExecutionSucceeded",
    ];
    expect(sortAsRecorded(aws)).toEqual([
      "ExecutionStarted", "ParallelStateEntered:L1", "ParallelStateStarted", "ParallelStateEntered:L2", "ParallelStateStarted",
      "PassStateEntered:X", "PassStateExited:X", "ParallelStateExited:L1", "ExecutionSucceeded",
    ]);
  });

  it("leaves a failed Parallel's events in place", () => {
    const aws = ["ExecutionStarted", "ParallelStateEntered:P", "ParallelStateStarted", "FailStateEntered:F", "ParallelStateFailed", "ExecutionFailed"];
    expect(sortAsRecorded(aws)).toEqual(aws);
  });
});
