import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { createMockResolver } from "../mocks/mock-resolver.ts";
import { FN, START, tour, tourMocks } from "./fixtures.ts";
import { formatTrace } from "./format-trace.ts";
import { readHistory } from "./read-history.ts";

async function historyOf(definition: object, states: Parameters<typeof createMockResolver>[0]["states"], input: unknown = {}) {
  const exec = prepareStateMachine(definition, { resolveTask: createMockResolver({ states: states ?? {} }) }).start(input, { startTime: START });
  await exec.result;
  return exec.history;
}

describe("formatTrace", () => {
  test("states in order with virtual offsets, durations, attempts, retry delays, nesting, errors", async () => {
    expect(formatTrace(await historyOf(tour, tourMocks))).toBe(
      [
        "+0s      execution started",
        "+0s      Validate (Pass)",
        "+0s      Charge (Task)  took 3h 00m",
        "           attempt 1 failed: Throttled: slow",
        "           retry #1 after 1h 00m",
        "           attempt 2 failed: Throttled: slow",
        "           retry #2 after 2h 00m",
        "           attempt 3 succeeded",
        "+3h 00m  Fan (Map)  took 1m 00s",
        "+3h 00m    [0] Work (Wait)  took 1m 00s",
        "+3h 01m    [0] Ship (Task)",
        "+3h 00m    [1] Work (Wait)  took 1m 00s",
        "+3h 01m    [1] Ship (Task)",
        "+3h 00m    [2] Work (Wait)  took 1m 00s",
        "+3h 01m    [2] Ship (Task)",
        "+3h 01m  Both (Parallel)",
        "+3h 01m    (branch 0) Left (Pass)",
        "+3h 01m    (branch 1) Right (Task)  caught TypeError: bad thing",
        "+3h 01m    (branch 1) Recover (Pass)",
        "+3h 01m  Boom (Fail)  FAILED Done.Failing: on purpose",
        "+3h 01m  execution FAILED  Done.Failing: on purpose",
      ].join("\n"),
    );
  });

  test("accepts a reading as well as a history, and shows only the first iterations of a large Map", async () => {
    const reading = readHistory(await historyOf(tour, tourMocks));
    const trace = formatTrace(reading, { maxIterations: 1 });
    expect(trace).toContain("    [0] Ship (Task)\n           … 2 more iterations\n");
    expect(trace).not.toContain("[1]");
  });

  test("counts failed iterations among the hidden ones", async () => {
    const map = {
      StartAt: "Each",
      States: {
        Each: { Type: "Map", ToleratedFailureCount: 5, ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, StartAt: "Do", States: { Do: { Type: "Task", Resource: FN, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Give up" }], End: true }, "Give up": { Type: "Fail", Error: "X" } } }, End: true },
      },
    };
    const trace = formatTrace(await historyOf(map, { Do: [{ result: 1 }, { result: 2 }, { error: "E" }] }, [1, 2, 3]), { maxIterations: 1 });
    expect(trace).toContain("… 2 more iterations (1 failed)");
  });

  test("a Lambda error's cause is shown by its errorMessage; long causes are cut", async () => {
    const one = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, End: true } } };
    const thrown = await historyOf(one, {
      T: () => {
        throw new RangeError("amount too large");
      },
    });
    expect(formatTrace(thrown)).toContain("T (Task)  FAILED RangeError: amount too large");
    const long = await historyOf(one, { T: { error: "Long", cause: "x".repeat(500) } });
    expect(formatTrace(long, { maxCauseLength: 20 })).toContain(`FAILED Long: ${"x".repeat(20)}…`);
  });

  test("a running execution says so; a failure without name or cause shows FAILED alone", () => {
    const trace = formatTrace([
      { id: 1, previousEventId: 0, timestamp: START, type: "ExecutionStarted", executionStartedEventDetails: { input: "{}" } },
      { id: 2, previousEventId: 0, timestamp: new Date(START.getTime() + 250), type: "WaitStateEntered", stateEnteredEventDetails: { name: "W", input: "{}" } },
    ]);
    expect(trace).toBe("+0s     execution started\n+250ms  W (Wait)  (running)\n        execution still RUNNING");
    const anonymous = formatTrace([
      { id: 1, previousEventId: 0, timestamp: START, type: "ExecutionStarted", executionStartedEventDetails: { input: "{}" } },
      { id: 2, previousEventId: 0, timestamp: START, type: "FailStateEntered", stateEnteredEventDetails: { name: "F", input: "{}" } },
      { id: 3, previousEventId: 2, timestamp: START, type: "ExecutionFailed", executionFailedEventDetails: {} },
    ]);
    // No error name and no cause (a Fail state without Error): just FAILED, no placeholder.
    expect(anonymous).toContain("F (Fail)  FAILED\n");
    expect(anonymous).not.toContain("no error name");
    expect(anonymous).toContain("execution FAILED");
  });
});

describe("formatTrace of retried groups", () => {
  test("a retried Parallel shows each attempt's end and the branch's error (not 'running')", async () => {
    let calls = 0;
    const def = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          Retry: [{ ErrorEquals: ["Boom"], MaxAttempts: 1, IntervalSeconds: 2 }],
          End: true,
          Branches: [
            { StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, End: true } } },
            { StartAt: "W", States: { W: { Type: "Wait", Seconds: 1, End: true } } },
          ],
        },
      },
    };
    const tasks = {
      f: () => {
        if (calls++ > 0) return 1;
        throw Object.assign(new Error("bad"), { name: "Boom" });
      },
    };
    const exec = prepareStateMachine(def, { tasks }).start({}, { startTime: START });
    await exec.result;
    const trace = formatTrace(exec.history);
    expect(trace).toContain("Both (Parallel)  took 3s\n       attempt 1 failed: Boom: bad\n       retry #1 after 2s\n       attempt 2 succeeded");
    expect(trace).not.toContain("running");
  });

  test("a Fail state inside a failed Parallel carries the execution's error", () => {
    const at = START;
    const trace = formatTrace([
      { id: 1, previousEventId: 0, timestamp: at, type: "ExecutionStarted", executionStartedEventDetails: { input: "{}" } },
      { id: 2, previousEventId: 0, timestamp: at, type: "ParallelStateEntered", stateEnteredEventDetails: { name: "P", input: "{}" } },
      { id: 3, previousEventId: 2, timestamp: at, type: "ParallelStateStarted" },
      { id: 4, previousEventId: 3, timestamp: at, type: "FailStateEntered", stateEnteredEventDetails: { name: "X", input: "{}" } },
      { id: 5, previousEventId: 4, timestamp: at, type: "ParallelStateFailed" },
      { id: 6, previousEventId: 5, timestamp: at, type: "ExecutionFailed", executionFailedEventDetails: { error: "E", cause: "c" } },
    ]);
    expect(trace).toContain("P (Parallel)  FAILED E: c");
    expect(trace).toContain("(branch 0) X (Fail)  FAILED E: c");
  });
});
