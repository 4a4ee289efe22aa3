import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine, runExecution } from "../engine/machine.ts";

const branch = (name: string, state: Record<string, unknown>) => ({
  StartAt: name,
  States: { [name]: state["Type"] === "Fail" || state["Type"] === "Succeed" ? state : { ...state, End: true } },
});

describe("Parallel", () => {
  it("gives every branch the effective input and collects outputs in branch order", async () => {
    const clock = new VirtualClock(0);
    const def = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Parameters: { "v.$": "$.v" },
          Branches: [branch("Slow", { Type: "Wait", Seconds: 10, OutputPath: "$.v" }), branch("Fast", { Type: "Pass", Result: "fast" })],
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def).start({ v: 1 }, { clock });
    expect((await exec.result).output).toEqual([1, "fast"]);
    expect(clock.now()).toBe(10_000);
  });

  it("records ParallelStateSucceeded, then ParallelStateExited, both pointing at the last branch event", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Parallel", Branches: [branch("A", { Type: "Pass" }), branch("B", { Type: "Pass" })], End: true } } };
    const exec = prepareStateMachine(def).start({});
    await exec.result;
    const events = exec.history;
    expect(events.map((e) => e.type)).toEqual([
      "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
      "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
      "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded",
    ]);
    // AWS's ids (test_parallel_state): the exit's previousEventId is the last branch event, not the success event.
    expect(events[7]).toMatchObject({ id: 8, previousEventId: 7 });
    expect(events[8]).toMatchObject({ id: 9, previousEventId: 7 });
  });

  it("fails with the failing branch's own error (not States.BranchFailed), which Catch can match", async () => {
    const def = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [branch("Ok", { Type: "Pass" }), branch("Bad", { Type: "Fail", Error: "FailureType", Cause: "why" })],
          Catch: [{ ErrorEquals: ["FailureType"], Next: "Caught" }],
          End: true,
        },
        Caught: { Type: "Pass", End: true },
      },
    };
    expect((await runExecution(def, {})).output).toEqual({ Error: "FailureType", Cause: "why" });
    const uncaught = { ...def, States: { P: { ...def.States.P, Catch: undefined } } };
    expect(await runExecution(uncaught, {}, { validate: false })).toEqual({ status: "FAILED", error: "FailureType", cause: "why" });
  });

  it("gives branches their own variable scope that reads the outer one", async () => {
    const def = {
      StartAt: "Set",
      States: {
        Set: { Type: "Pass", Assign: { outer: 1 }, Next: "P" },
        P: {
          Type: "Parallel",
          Branches: [branch("B", { Type: "Pass", Parameters: { "o.$": "$outer" }, Assign: { inner: 2 } })],
          End: true,
        },
      },
    };
    expect((await runExecution(def, {})).output).toEqual([{ o: 1 }]);
  });
});

describe("Parallel failure while a sibling task runs", () => {
  it("fails at once, recording TaskStateAborted for the sibling's task", async () => {
    const slow = "arn:aws:lambda:us-east-1:123456789012:function:slow";
    let finish: (v: unknown) => void = () => undefined;
    const def = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Slow", States: { Slow: { Type: "Task", Resource: slow, End: true } } },
            { StartAt: "Later", States: { Later: { Type: "Wait", Seconds: 1, Next: "Boom" }, Boom: { Type: "Fail", Error: "Boom" } } },
          ],
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { tasks: { [slow]: () => new Promise((resolve) => (finish = resolve)) }, time: "real" }).start({});
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "Boom" });
    // The handler finishing late must not add events to the finished execution.
    finish({ late: true });
    await new Promise((r) => setTimeout(r, 5));
    const types = exec.history.map((e) => e.type);
    expect(types).toContain("TaskStateAborted");
    expect(types.indexOf("TaskStateAborted")).toBeLessThan(types.indexOf("ExecutionFailed"));
    expect(types).not.toContain("LambdaFunctionSucceeded");
  });
});
