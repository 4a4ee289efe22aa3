import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { CallbackRegistry } from "../integrations/callback-registry.ts";
import { VirtualClock } from "./clock.ts";
import { prepareStateMachine, runExecution } from "./machine.ts";
import { InvalidDefinitionError } from "./validation-bridge.ts";

const passChain = {
  StartAt: "A",
  States: {
    A: { Type: "Pass", Parameters: { "v.$": "$.v", "name.$": "$$.Execution.Name" }, Next: "B" },
    B: { Type: "Pass", Result: "done", ResultPath: "$.status", End: true },
  },
};

describe("prepareStateMachine / start", () => {
  it("runs many independent executions of one prepared machine", async () => {
    const machine = prepareStateMachine(passChain, { name: "M" });
    const runs = [1, 2, 3].map((v) => machine.start({ v }, { name: `e${v}` }));
    const results = await Promise.all(runs.map((r) => r.result));
    expect(results.map((r) => r.output)).toEqual([
      { v: 1, name: "e1", status: "done" },
      { v: 2, name: "e2", status: "done" },
      { v: 3, name: "e3", status: "done" },
    ]);
    expect(runs[0]?.executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:M:e1");
    expect(runs[0]?.currentStatus).toBe("SUCCEEDED");
  });

  it("records the history AWS shows for a Pass chain", async () => {
    const exec = prepareStateMachine(passChain).start({ v: 1 });
    await exec.result;
    expect(exec.history.map((e) => [e.type, e.id, e.previousEventId])).toEqual([
      ["ExecutionStarted", 1, 0],
      ["PassStateEntered", 2, 0],
      ["PassStateExited", 3, 2],
      ["PassStateEntered", 4, 3],
      ["PassStateExited", 5, 4],
      ["ExecutionSucceeded", 6, 5],
    ]);
    expect(exec.history[5]).toMatchObject({ executionSucceededEventDetails: { output: expect.stringContaining('"status":"done"') } });
  });

  it("accepts JSON text, defaults the input to {}, and can turn history off", async () => {
    const exec = prepareStateMachine(JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }), { history: false }).start();
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: {} });
    expect(exec.history).toEqual([]);
  });

  it("gives callers a frozen snapshot of the result and output (the machine's literals stay intact)", async () => {
    const machine = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", Result: { n: 1 }, End: true } } });
    const first = await machine.run();
    expect(() => ((first.output as { n: number }).n = 99)).toThrow(TypeError);
    expect(() => ((first as { status: string }).status = "FAILED")).toThrow(TypeError);
    expect(first).toEqual({ status: "SUCCEEDED", output: { n: 1 } });
    expect((await machine.run()).output).toEqual({ n: 1 });
  });

  it("keeps a finished execution's history as it was recorded, whatever a reader does to what it got", async () => {
    const exec = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", Result: { items: [1] }, End: true } } }).start();
    const result = await exec.result;
    expect(() => (result.output as { items: number[] }).items.push(2)).toThrow(TypeError);
    const history = exec.history;
    expect(() => history.pop()).toThrow(TypeError);
    expect(() => ((history[0] as { type: string }).type = "Forged")).toThrow(TypeError);
    const succeeded = history.at(-1) as unknown as { executionSucceededEventDetails: { output: string } };
    expect(() => (succeeded.executionSucceededEventDetails.output = "{}")).toThrow(TypeError);
    expect(exec.history.at(-1)).toMatchObject({ type: "ExecutionSucceeded", executionSucceededEventDetails: { output: '{"items":[1]}' } });
    expect(exec.history[0]?.type).toBe("ExecutionStarted");
  });

  it("never freezes or shares the caller's definition objects", async () => {
    const FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    const config = { retries: 1 };
    const def = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, Parameters: { config }, End: true } } };
    await prepareStateMachine(def, { tasks: { [FN]: (e) => e } }).run({});
    expect(Object.isFrozen(config)).toBe(false);
  });

  it("rejects invalid definitions with AWS's InvalidDefinition wording", () => {
    expect(() => prepareStateMachine({ StartAt: "Missing", States: {} })).toThrow(InvalidDefinitionError);
    expect(() => prepareStateMachine([])).toThrow(StatesError);
    try {
      prepareStateMachine({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } });
    } catch (e) {
      expect((e as InvalidDefinitionError).error).toBe("InvalidDefinition");
      expect((e as InvalidDefinitionError).cause).toMatch(/^Invalid State Machine Definition: '/);
      expect((e as InvalidDefinitionError).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it("keeps __proto__ and constructor keys as plain data", async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown;
    const r = await runExecution(
      {
        StartAt: "P",
        States: { P: { Type: "Pass", Parameters: { "copy.$": "$.__proto__", "c.$": "$.constructor" }, ResultPath: "$.out", End: true } },
      },
      input,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const out = r.output as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out["out"] as Record<string, unknown>)["copy"]).toEqual({ polluted: true });
  });
});

describe("StartOptions.variables", () => {
  it("puts variables in scope before the first state, as private copies", async () => {
    const given = { base: { n: 40 } };
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "A",
      States: { A: { Type: "Pass", Assign: { total: "{% $base.n + 2 %}" }, Next: "B" }, B: { Type: "Pass", Output: "{% [$base.n, $total] %}", End: true } },
    };
    const result = await prepareStateMachine(definition).run({}, { variables: given });
    expect(result).toEqual({ status: "SUCCEEDED", output: [40, 42] });
    expect(given).toEqual({ base: { n: 40 } });
  });

  it("checks them as an Assign would: a bad one fails the first state that reads variables", async () => {
    const definition = { QueryLanguage: "JSONata", StartAt: "A", States: { A: { Type: "Pass", Output: "{% $length($big) %}", End: true } } };
    const result = await prepareStateMachine(definition).run({}, { variables: { big: "x".repeat(300 * 1024) } });
    expect(result).toMatchObject({ status: "FAILED", error: "States.DataLimitExceeded" });
    expect(result.cause).toMatch(/'big' has a size of \d+ bytes, exceeding the limit/);
  });
});

describe("limits and timeouts", () => {
  it("times out on the machine's TimeoutSeconds in virtual time", async () => {
    const clock = new VirtualClock(0);
    const exec = prepareStateMachine({
      TimeoutSeconds: 5,
      StartAt: "W",
      States: { W: { Type: "Wait", Seconds: 60, End: true } },
    }).start({}, { clock });
    expect(await exec.result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(clock.now()).toBe(5_000);
    expect(exec.history.at(-1)?.type).toBe("ExecutionTimedOut");
  });

  it("fails with States.Runtime once the history reaches its limit", async () => {
    const loop = {
      StartAt: "A",
      States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", Next: "A" } },
    };
    const r = await runExecution(loop, {}, { maxHistoryEvents: 50, validate: false });
    expect(r.status).toBe("FAILED");
    expect(r.error).toBe("States.Runtime");
  });

  it("refuses an execution input over 256 KiB, unless limits are lifted", async () => {
    const big = { s: "x".repeat(300 * 1024) };
    const def = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
    expect(() => prepareStateMachine(def).start(big)).toThrow(/DataLimitExceeded/);
    expect((await prepareStateMachine(def, { limits: false }).run(big)).status).toBe("SUCCEEDED");
  });

  it("fails a Pass state whose Result is over the limit with States.DataLimitExceeded", async () => {
    const r = await runExecution({ StartAt: "P", States: { P: { Type: "Pass", Result: "x".repeat(300 * 1024), End: true } } });
    expect(r).toMatchObject({ status: "FAILED", error: "States.DataLimitExceeded" });
  });

  it("aborts a running execution", async () => {
    const exec = prepareStateMachine({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 10, End: true } } }, { time: "real" }).start();
    exec.abort("Stop", "by test");
    exec.abort();
    expect(await exec.result).toEqual({ status: "ABORTED", error: "Stop", cause: "by test" });
    expect(exec.history.at(-1)?.type).toBe("ExecutionAborted");
  });

  it("records nothing after the closing event: a callback task let go by StopExecution adds no TaskFailed", async () => {
    const callbacks = new CallbackRegistry();
    const def = { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "T.$": "$$.Task.Token" }, End: true } } };
    const exec = prepareStateMachine(def, { callbacks, time: "real" }).start();
    await new Promise((r) => setTimeout(r, 5));
    exec.abort("Stop");
    await exec.result;
    await new Promise((r) => setTimeout(r, 5));
    expect(exec.history.map((e) => e.type)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "ExecutionAborted"]);
  });
});

describe("workflow types", () => {
  it("times an Express execution out after five minutes", async () => {
    const clock = new VirtualClock(0);
    const def = { StartAt: "W", States: { W: { Type: "Wait", Seconds: 600, End: true } } };
    const express = await prepareStateMachine(def, { stateMachineType: "EXPRESS" }).run({}, { clock });
    expect(express).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(clock.now()).toBe(300_000);
    expect((await prepareStateMachine(def).run({}, { clock: new VirtualClock(0) })).status).toBe("SUCCEEDED");
  });
});
