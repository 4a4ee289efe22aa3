import { describe, expect, it } from "vitest";
import { prepareStateMachine, runExecution } from "./machine.ts";

// AWS: "Avoid reaching the history quota" (docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html):
// at 24,999 events the execution waits for the next one; event 25,000 is ExecutionSucceeded, or
// ExecutionFailed with States.Runtime "The execution reached the maximum number of history events (25000)."
const CAUSE = "The execution reached the maximum number of history events (25000).";

/** A loop of Pass states that never ends on its own (a Choice keeps it valid: it could). */
const endlessLoop = {
  StartAt: "A",
  States: {
    A: { Type: "Pass", Next: "B" },
    B: { Type: "Pass", Next: "Check" },
    Check: { Type: "Choice", Choices: [{ Variable: "$.done", IsPresent: true, Next: "Done" }], Default: "A" },
    Done: { Type: "Succeed" },
  },
};

describe("the 25,000-event history limit of Standard executions", () => {
  it("fails a loop of Pass states with States.Runtime in AWS's words, ExecutionFailed being event 25,000", async () => {
    const exec = prepareStateMachine(endlessLoop).start({});
    expect(await exec.result).toEqual({ status: "FAILED", error: "States.Runtime", cause: CAUSE });
    const history = exec.history;
    expect(history).toHaveLength(25_000);
    expect(history[24_999]).toMatchObject({ id: 25_000, type: "ExecutionFailed", executionFailedEventDetails: { error: "States.Runtime", cause: CAUSE } });
    expect(history[24_998]?.type).not.toMatch(/^Execution/);
    // A failure the history could not hold: AWS refuses to redrive it.
    expect(exec.redriveStatusReason).toBe("Execution history event limit exceeded.");
  });

  it("no Catch or Retry sees it, even States.ALL", async () => {
    const def = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [endlessLoop],
          Retry: [{ ErrorEquals: ["States.ALL"] }],
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "Caught" }],
          End: true,
        },
        Caught: { Type: "Pass", End: true },
      },
    };
    expect(await runExecution(def, {}, { maxHistoryEvents: 200 })).toEqual({
      status: "FAILED",
      error: "States.Runtime",
      cause: "The execution reached the maximum number of history events (200).",
    });
  });

  it("succeeds when its ExecutionSucceeded is exactly the last event allowed", async () => {
    // ExecutionStarted, A entered/exited, B entered/exited, ExecutionSucceeded: 6 events.
    const def = { StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } } };
    const exact = prepareStateMachine(def, { maxHistoryEvents: 6 }).start({});
    expect((await exact.result).status).toBe("SUCCEEDED");
    expect(exact.history).toHaveLength(6);
    const short = prepareStateMachine(def, { maxHistoryEvents: 5 }).start({});
    expect(await short.result).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(short.history.map((e) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "ExecutionFailed"]);
  });

  it("does not apply to Express executions, nor with maxHistoryEvents: false", async () => {
    // 8,000 rounds of a Pass and a Choice: 32,000 events.
    const counted = {
      StartAt: "Count",
      States: {
        Count: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, 1)" }, Next: "Check" },
        Check: { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThanEquals: 8000, Next: "Done" }], Default: "Count" },
        Done: { Type: "Succeed" },
      },
    };
    expect(await runExecution(counted, { n: 0 }, { stateMachineType: "EXPRESS" })).toEqual({ status: "SUCCEEDED", output: { n: 8000 } });
    expect(await runExecution(counted, { n: 0 }, { maxHistoryEvents: false })).toEqual({ status: "SUCCEEDED", output: { n: 8000 } });
    expect(await runExecution(counted, { n: 0 })).toMatchObject({ status: "FAILED", cause: CAUSE });
  });
});
