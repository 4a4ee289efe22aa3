import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { historyEventType, HistoryLimitReached, HistoryRecorder } from "./history.ts";

describe("HistoryRecorder", () => {
  it("numbers events from 1 and renders payloads as JSON strings in the AWS detail fields", () => {
    const h = new HistoryRecorder(() => 0, true, 100);
    expect(h.add("ExecutionStarted", 0, undefined, { a: 1 }, { roleArn: "r" })).toBe(1);
    h.add("PassStateEntered", 1, "P", { a: 1 });
    h.add("PassStateExited", 2, "P", [1], { assignedVariables: { x: "1" } });
    h.add("TaskScheduled", 3, undefined, { FunctionName: "f" }, { resourceType: "lambda", resource: "invoke" });
    h.add("LambdaFunctionStarted", 4);
    h.add("MapIterationStarted", 5, "M", 0);
    const [started, entered, exited, scheduled, lambdaStarted, iteration] = h.materialize();
    expect(started).toMatchObject({
      id: 1,
      previousEventId: 0,
      type: "ExecutionStarted",
      executionStartedEventDetails: { input: '{"a":1}', inputDetails: { truncated: false }, roleArn: "r" },
    });
    expect(started?.timestamp).toEqual(new Date(0));
    expect(entered).toMatchObject({ stateEnteredEventDetails: { name: "P", input: '{"a":1}' } });
    expect(exited).toMatchObject({ stateExitedEventDetails: { name: "P", output: "[1]", assignedVariables: { x: "1" } } });
    expect(scheduled).toMatchObject({
      taskScheduledEventDetails: { resourceType: "lambda", resource: "invoke", parameters: '{"FunctionName":"f"}' },
    });
    expect(lambdaStarted).not.toHaveProperty("lambdaFunctionStartedEventDetails");
    expect(iteration).toMatchObject({ mapIterationStartedEventDetails: { name: "M", index: 0 } });
  });

  it("keeps every event across storage chunks, in order", () => {
    const h = new HistoryRecorder(() => 0, true, 10_000);
    for (let i = 0; i < 2_500; i++) h.add("PassStateEntered", i, `S${i}`, i);
    const events = h.materialize();
    expect(events).toHaveLength(2_500);
    expect(events[2_499]).toMatchObject({ id: 2_500, previousEventId: 2_499, stateEnteredEventDetails: { name: "S2499", input: "2499" } });
  });

  it("keeps each event's own timestamp, previous event id and details", () => {
    let now = 1_700_000_000_000;
    const h = new HistoryRecorder(() => now, true, Number.POSITIVE_INFINITY);
    h.add("ExecutionStarted", 0, undefined, { a: 1 }, { roleArn: "r" });
    h.add("PassStateEntered", 1, "P", { a: 1 });
    now += 1;
    h.add("PassStateExited", 2, "P", { a: 1 });
    h.add("MapIterationStarted", 3_000_000, "M", 7);
    now = 1_800_000_000_000;
    h.add("TaskScheduled", 2 ** 40, undefined, null, { resource: "invoke" });
    h.add("TaskStarted", 5);
    const events = h.materialize();
    expect(events.map((e) => e.timestamp.getTime())).toEqual([1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_001, 1_800_000_000_000, 1_800_000_000_000]);
    expect(events.map((e) => e.previousEventId)).toEqual([0, 1, 2, 3_000_000, 2 ** 40, 5]);
    expect(events[3]).toMatchObject({ type: "MapIterationStarted", mapIterationStartedEventDetails: { name: "M", index: 7 } });
    expect(events[4]).toMatchObject({ type: "TaskScheduled", taskScheduledEventDetails: { resource: "invoke", parameters: "null" } });
    expect(h.materialize(5).map((e) => [e.id, e.timestamp.getTime()])).toEqual([[5, 1_800_000_000_000], [6, 1_800_000_000_000]]);
  });

  it("keeps a long history in under 32 bytes of V8 heap per event (three slots each)", () => {
    // What survives the young generation's collections makes V8 grow it: a Map's history is most of that.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const h = new HistoryRecorder(() => 1_700_000_000_000, true, Number.POSITIVE_INFINITY);
    const names = ["I1", "I2", "I3"];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let id = 1; id <= 100_000; id++) h.add(id % 2 === 0 ? "PassStateExited" : "PassStateEntered", id - 1, names[id % 3], id);
    gc();
    const perEvent = (process.memoryUsage().heapUsed - before) / 100_000;
    expect(h.count).toBe(100_000);
    expect(perEvent).toBeLessThan(32);
  });

  it("counts but keeps nothing when disabled, and stops at the limit", () => {
    const h = new HistoryRecorder(() => 0, false, 3);
    h.add("A", 0);
    h.add("B", 1);
    expect(h.materialize()).toEqual([]);
    expect(() => h.add("C", 2)).toThrow(HistoryLimitReached);
  });

  it("keeps the last slot for the event that ends the execution, and nothing after it", () => {
    const h = new HistoryRecorder(() => 0, true, 3);
    h.add("ExecutionStarted", 0);
    h.add("PassStateEntered", 1, "P");
    expect(() => h.add("PassStateExited", 2, "P")).toThrow(
      expect.objectContaining({ error: "States.Runtime", cause: "The execution reached the maximum number of history events (3)." }),
    );
    expect(h.count).toBe(2);
    expect(h.add("ExecutionFailed", 2)).toBe(3);
    expect(() => h.add("ExecutionFailed", 3)).toThrow(HistoryLimitReached);
    expect(h.materialize().map((e) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered", "ExecutionFailed"]);
  });

  it("records an event given by its type's code exactly as one given by name, at the limit too", () => {
    const h = new HistoryRecorder(() => 0, true, 3);
    const entered = historyEventType("PassStateEntered");
    expect(historyEventType("PassStateEntered")).toBe(entered);
    expect(historyEventType("PassStateExited")).not.toBe(entered);
    h.add(historyEventType("ExecutionStarted"), 0, undefined, { a: 1 });
    h.add(entered, 1, "P", { a: 1 });
    expect(() => h.add(historyEventType("PassStateExited"), 2, "P")).toThrow(HistoryLimitReached);
    expect(h.add(historyEventType("ExecutionFailed"), 2)).toBe(3);
    const [started, passEntered, failed] = h.materialize();
    expect(started).toMatchObject({ type: "ExecutionStarted", executionStartedEventDetails: { input: '{"a":1}' } });
    expect(passEntered).toMatchObject({ type: "PassStateEntered", previousEventId: 1, stateEnteredEventDetails: { name: "P" } });
    expect(failed).toMatchObject({ type: "ExecutionFailed", previousEventId: 2 });
  });
});
