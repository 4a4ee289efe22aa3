import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { createMockResolver } from "../mocks/mock-resolver.ts";
import { FN, START, tour, tourMocks } from "./fixtures.ts";
import { readHistory } from "./read-history.ts";

async function historyOf(definition: object, mocks: Parameters<typeof createMockResolver>[0]["states"], input: unknown = {}) {
  const exec = prepareStateMachine(definition, { resolveTask: createMockResolver({ states: mocks ?? {} }) }).start(input, { startTime: START });
  await exec.result;
  return exec.history;
}

describe("readHistory", () => {
  test("reads visits in order, with parsed inputs and outputs, attempts and their virtual times", async () => {
    const reading = readHistory(await historyOf(tour, tourMocks, { order: 7 }));
    expect(reading.status).toBe("FAILED");
    expect(reading.error).toBe("Done.Failing");
    expect(reading.cause).toBe("on purpose");
    expect(reading.input).toEqual({ order: 7 });
    expect(reading.visits.map((v) => `${v.name}:${v.type}:${v.status}`)).toEqual([
      "Validate:Pass:succeeded",
      "Charge:Task:succeeded",
      "Fan:Map:succeeded",
      "Both:Parallel:succeeded",
      "Boom:Fail:failed",
    ]);
    const charge = reading.visits[1]!;
    expect(charge.input).toEqual({ order: 7 });
    expect(charge.output).toEqual({ items: [1, 2, 3] });
    expect(charge.attempts.map((a) => [a.outcome, a.error, a.startedAt.getTime() - START.getTime()])).toEqual([
      ["failed", "Throttled", 0],
      ["failed", "Throttled", 3_600_000],
      ["succeeded", undefined, 3 * 3_600_000],
    ]);
    expect(reading.visits[4]).toMatchObject({ error: "Done.Failing", cause: "on purpose" });
  });

  test("places Map iterations and Parallel branches under their state, with their index", async () => {
    const reading = readHistory(await historyOf(tour, tourMocks));
    const fan = reading.visits[2]!;
    expect(fan.children.map((c) => `${c.index}:${c.name}`).sort()).toEqual(["0:Ship", "0:Work", "1:Ship", "1:Work", "2:Ship", "2:Work"]);
    expect(fan.children.every((c) => c.parent === fan)).toBe(true);
    const ship = fan.children.find((c) => c.name === "Ship" && c.index === 2)!;
    expect(ship.input).toBe(3);
    expect(ship.enteredAt.getTime() - START.getTime()).toBe(3 * 3_600_000 + 60_000);
    const both = reading.visits[3]!;
    expect(both.children.map((c) => `${c.index}:${c.name}:${c.status}`)).toEqual(["0:Left:succeeded", "1:Right:caught", "1:Recover:succeeded"]);
    expect(both.children[1]!.error).toBe("TypeError");
  });

  test("a failure inside a Map fails the Map visit with the iteration's error", async () => {
    const failing = {
      StartAt: "Each",
      States: { Each: { Type: "Map", ItemProcessor: { StartAt: "Do", States: { Do: { Type: "Task", Resource: FN, End: true } } }, End: true } },
    };
    const reading = readHistory(await historyOf(failing, { Do: [{ result: 1 }, { error: "Broken", cause: "item 1" }] }, [1, 2]));
    expect(reading.status).toBe("FAILED");
    const each = reading.visits[0]!;
    expect(each).toMatchObject({ status: "failed", error: "Broken", cause: "item 1" });
    expect(each.children.find((c) => c.status === "failed")).toMatchObject({ name: "Do", error: "Broken" });
  });

  test("a visit still running has no output; states left by retries are running again", () => {
    const reading = readHistory([
      { id: 1, previousEventId: 0, timestamp: START, type: "ExecutionStarted", executionStartedEventDetails: { input: "{}" } },
      { id: 2, previousEventId: 0, timestamp: START, type: "TaskStateEntered", stateEnteredEventDetails: { name: "T", input: "{}" } },
      { id: 3, previousEventId: 2, timestamp: START, type: "TaskScheduled", taskScheduledEventDetails: { resource: "x", resourceType: "y", parameters: "{}" } },
      { id: 4, previousEventId: 3, timestamp: START, type: "TaskFailed", taskFailedEventDetails: { error: "E" } },
      { id: 5, previousEventId: 4, timestamp: START, type: "TaskScheduled", taskScheduledEventDetails: { resource: "x", resourceType: "y", parameters: "{}" } },
    ]);
    expect(reading.status).toBe("RUNNING");
    expect(reading.visits[0]).toMatchObject({ status: "running", output: undefined, error: "E" });
    expect(reading.visits[0]!.attempts.map((a) => a.outcome)).toEqual(["failed", "running"]);
  });

  test("tolerates histories it cannot place (no ExecutionStarted, unknown events, unparsable payloads)", () => {
    const reading = readHistory([
      { id: 1, previousEventId: 0, timestamp: START, type: "PassStateEntered", stateEnteredEventDetails: { name: "P", input: "not json" } },
      { id: 2, previousEventId: 1, timestamp: START, type: "SomethingNew" },
      { id: 3, previousEventId: 2, timestamp: START, type: "PassStateExited", stateExitedEventDetails: { name: "P", output: "[1]" } },
      { id: 4, previousEventId: 9, timestamp: START, type: "PassStateExited", stateExitedEventDetails: { name: "Ghost", output: "1" } },
    ]);
    expect(reading.startedAt).toBeUndefined();
    expect(reading.visits).toHaveLength(1);
    expect(reading.visits[0]).toMatchObject({ name: "P", input: "not json", output: [1], status: "succeeded" });
  });
});
