import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";
import { prepareStateMachine } from "./machine.ts";
import { ExecutionNotRedrivableError } from "./redrive.ts";

const CHARGE = "arn:aws:lambda:us-east-1:123456789012:function:charge";

/** Prepare → Charge (fails until `broken` is cleared) → Done, which reports what it saw. */
function orderMachine(calls: { prepare: number; charge: number; broken: boolean }, options: { stateMachineType?: "STANDARD" | "EXPRESS" } = {}) {
  const def = {
    StartAt: "Prepare",
    States: {
      Prepare: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:prepare", Assign: { "prepared.$": "$.id" }, Next: "Charge" },
      Charge: { Type: "Task", Resource: CHARGE, Next: "Done" },
      Done: { Type: "Pass", Parameters: { "charged.$": "$", "prepared.$": "$prepared", "redrives.$": "$$.Execution.RedriveCount", "redrivenAt.$": "$$.Execution.RedriveTime" }, End: true },
    },
  };
  return prepareStateMachine(def, {
    ...options,
    tasks: {
      prepare: (input: unknown) => {
        calls.prepare++;
        return input;
      },
      charge: (input: unknown) => {
        calls.charge++;
        if (calls.broken) throw Object.assign(new Error("card declined"), { name: "Declined" });
        return { paid: (input as { id: number }).id };
      },
    },
  });
}

describe("execution.redrive()", () => {
  it("continues a failed execution from the failed state with its input; states that succeeded are not run again", async () => {
    const calls = { prepare: 0, charge: 0, broken: true };
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const exec = orderMachine(calls).start({ id: 7 }, { clock });
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "Declined" });
    expect(exec.redriveStatus).toBe("REDRIVABLE");

    calls.broken = false;
    clock.advance(60_000);
    const result = await exec.redrive();
    expect(result).toEqual({ status: "SUCCEEDED", output: { charged: { paid: 7 }, prepared: 7, redrives: 1, redrivenAt: "2026-01-01T00:01:00Z" } });
    await expect(exec.result).resolves.toEqual(result);
    expect(calls).toEqual({ prepare: 1, charge: 2, broken: false });
    expect(exec.redriveCount).toBe(1);
    expect(exec.redriveDate).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 1)));

    // The first attempt's events stay; the redrive appends ExecutionRedriven and re-enters Charge.
    const types = exec.history.map((e) => e.type);
    const redriven = types.indexOf("ExecutionRedriven");
    expect(types.slice(0, redriven)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionFailed",
      "ExecutionFailed",
    ]);
    expect(types.slice(redriven + 1)).toEqual(["TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    expect(exec.history[redriven]?.["executionRedrivenEventDetails"]).toEqual({ redriveCount: 1 });
  });

  it("an aborted execution is redriven from the state it was stopped in", async () => {
    const def = { StartAt: "W", States: { W: { Type: "Wait", Seconds: 10, Next: "P" }, P: { Type: "Pass", Parameters: { "n.$": "$$.Execution.RedriveCount" }, End: true } } };
    const exec = prepareStateMachine(def).start({});
    exec.abort("Stopped", "by hand");
    expect(await exec.result).toEqual({ status: "ABORTED", error: "Stopped", cause: "by hand" });
    expect(await exec.redrive()).toEqual({ status: "SUCCEEDED", output: { n: 1 } });
    expect(exec.history.map((e) => e.type)).toEqual(["ExecutionStarted", "WaitStateEntered", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
  });

  it("one that fails again can be redriven again", async () => {
    const calls = { prepare: 0, charge: 0, broken: true };
    const exec = orderMachine(calls).start({ id: 1 });
    expect((await exec.result).status).toBe("FAILED");
    expect((await exec.redrive()).status).toBe("FAILED");
    calls.broken = false;
    expect(await exec.redrive()).toMatchObject({ status: "SUCCEEDED", output: { redrives: 2 } });
    expect(exec.history.filter((e) => e.type === "ExecutionRedriven")).toHaveLength(2);
  });

  it("refuses what AWS refuses, with its reasons", async () => {
    const calls = { prepare: 0, charge: 0, broken: false };
    const succeeded = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }).start({});
    expect((await succeeded.result).status).toBe("SUCCEEDED");
    expect(() => succeeded.redrive()).toThrow(ExecutionNotRedrivableError);
    expect(succeeded.redriveStatusReason).toBe("Execution is SUCCEEDED and cannot be redriven.");

    const express = orderMachine({ ...calls, broken: true }, { stateMachineType: "EXPRESS" }).start({ id: 1 });
    await express.result;
    expect(express.redriveStatus).toBe("NOT_REDRIVABLE");
    expect(() => express.redrive()).toThrow("Execution is of type EXPRESS and cannot be redriven.");

    const clock = new VirtualClock(0);
    const late = orderMachine({ ...calls, broken: true }).start({ id: 1 }, { clock });
    await late.result;
    clock.advance(14 * 24 * 3600 * 1000);
    expect(late.redriveStatus).toBe("REDRIVABLE");
    clock.advance(1);
    expect(() => late.redrive()).toThrow("Execution redrivable period exceeded.");
  });

  it("refuses a running execution", () => {
    const def = { StartAt: "W", States: { W: { Type: "Wait", Seconds: 10, End: true } } };
    const exec = prepareStateMachine(def).start({});
    expect(exec.redriveStatusReason).toBe("Execution is RUNNING and cannot be redriven.");
    expect(() => exec.redrive()).toThrow(ExecutionNotRedrivableError);
  });

  it("a timed-out execution restarts the state that was running when time ran out", async () => {
    const def = { TimeoutSeconds: 5, StartAt: "W", States: { W: { Type: "Wait", SecondsPath: "$.wait", End: true } } };
    const exec = prepareStateMachine(def).start({ wait: 3 });
    // The Wait keeps its input: it waits 3 s again on the redrive, inside a fresh 5 s timeout.
    expect(await exec.result).toMatchObject({ status: "SUCCEEDED" });
    const slow = prepareStateMachine(def).start({ wait: 60 });
    expect(await slow.result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(await slow.redrive()).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(slow.history.map((e) => e.type)).toEqual(["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut", "ExecutionRedriven", "WaitStateEntered", "ExecutionTimedOut"]);
  });

  it("a handler of the stopped run that settles after the redrive changes nothing", async () => {
    const FN = "arn:aws:lambda:us-east-1:123456789012:function:slow";
    const releases: Array<(value: unknown) => void> = [];
    const def = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, End: true } } };
    const exec = prepareStateMachine(def, { tasks: { slow: () => new Promise((resolve) => releases.push(resolve)) } }).start({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    exec.abort();
    expect((await exec.result).status).toBe("ABORTED");
    const redriven = exec.redrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases[0]?.("from the stopped run");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(exec.currentStatus).toBe("RUNNING");
    releases[1]?.("from the redrive");
    expect(await redriven).toEqual({ status: "SUCCEEDED", output: "from the redrive" });
  });

  it("a redriven inline Map runs again only the iterations that did not succeed", async () => {
    const seen: number[] = [];
    let broken = true;
    const def = {
      StartAt: "Each",
      States: { Each: { Type: "Map", ItemProcessor: { StartAt: "Work", States: { Work: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:work", End: true } } }, End: true } },
    };
    const work = (n: unknown) => {
      seen.push(n as number);
      if (n === 2 && broken) throw Object.assign(new Error("flaky"), { name: "Flaky" });
      return (n as number) * 10;
    };
    const exec = prepareStateMachine(def, { tasks: { work } }).start([1, 2, 3]);
    expect((await exec.result).error).toBe("Flaky");
    broken = false;
    seen.length = 0;
    expect(await exec.redrive()).toEqual({ status: "SUCCEEDED", output: [10, 20, 30] });
    // Item 1 had succeeded and is not run again; 2 failed, and 3 (synchronous handlers: never
    // started once 2 failed) runs for the first time.
    expect(seen).toEqual([2, 3]);
    const afterRedrive = exec.history.slice(exec.history.findIndex((e) => e.type === "ExecutionRedriven"));
    expect(afterRedrive.filter((e) => e.type === "MapIterationStarted")).toHaveLength(2);
  });

  it("a redriven Parallel runs again only the branches that did not succeed", async () => {
    const runs: string[] = [];
    let broken = true;
    const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: "Task", Resource: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, End: true } } });
    const def = { StartAt: "Both", States: { Both: { Type: "Parallel", Branches: [branch("a"), branch("b")], End: true } } };
    const tasks = {
      a: () => (runs.push("a"), "A"),
      b: () => {
        runs.push("b");
        if (broken) throw Object.assign(new Error("down"), { name: "Down" });
        return "B";
      },
    };
    const exec = prepareStateMachine(def, { tasks }).start({});
    expect((await exec.result).error).toBe("Down");
    broken = false;
    runs.length = 0;
    expect(await exec.redrive()).toEqual({ status: "SUCCEEDED", output: ["A", "B"] });
    expect(runs).toEqual(["b"]);
  });
});

