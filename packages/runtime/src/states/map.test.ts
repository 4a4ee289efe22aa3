import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine, runExecution } from "../engine/machine.ts";

const processor = (state: Record<string, unknown>) => ({
  StartAt: "I",
  States: { I: state["Type"] === "Fail" || state["Type"] === "Succeed" ? state : { ...state, End: true } },
});

describe("Map", () => {
  it("runs the processor per item with ItemSelector and $$.Map.Item, results in input order", async () => {
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemsPath: "$.items",
          ItemSelector: { "i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value", "k.$": "$.k" },
          ItemProcessor: processor({ Type: "Pass" }),
          ResultPath: "$.out",
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def).start({ items: ["a", "b"], k: 1 });
    expect((await exec.result).output).toEqual({ items: ["a", "b"], k: 1, out: [{ i: 0, v: "a", k: 1 }, { i: 1, v: "b", k: 1 }] });
    const types = exec.history.map((e) => e.type);
    expect(types.filter((t) => t === "MapIterationStarted")).toHaveLength(2);
    expect(exec.history.find((e) => e.type === "MapStateStarted")).toMatchObject({ mapStateStartedEventDetails: { length: 2 } });
  });

  it("accepts the legacy Iterator and Parameters", async () => {
    const def = {
      StartAt: "M",
      States: { M: { Type: "Map", Parameters: { "x.$": "$$.Map.Item.Value" }, Iterator: processor({ Type: "Pass" }), End: true } },
    };
    expect((await runExecution(def, [1, 2])).output).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it("runs iterations concurrently up to MaxConcurrency (virtual time)", async () => {
    const run = async (maxConcurrency: number) => {
      const clock = new VirtualClock(0);
      const def = { StartAt: "M", States: { M: { Type: "Map", MaxConcurrency: maxConcurrency, ItemProcessor: processor({ Type: "Wait", Seconds: 10 }), End: true } } };
      await prepareStateMachine(def).run([1, 2, 3, 4], { clock });
      return clock.now();
    };
    expect(await run(0)).toBe(10_000);
    expect(await run(2)).toBe(20_000);
    expect(await run(1)).toBe(40_000);
  });

  it("fails with an iteration's own error", async () => {
    const def = { StartAt: "M", States: { M: { Type: "Map", ItemProcessor: processor({ Type: "Fail", Error: "ItemFailed", Cause: "c" }), End: true } } };
    expect(await runExecution(def, [1])).toEqual({ status: "FAILED", error: "ItemFailed", cause: "c" });
  });

  it("fails with States.Runtime when ItemsPath is not an array or a *Path value is invalid", async () => {
    const def = { StartAt: "M", States: { M: { Type: "Map", ItemsPath: "$.x", ItemProcessor: processor({ Type: "Pass" }), End: true } } };
    expect((await runExecution(def, { x: 1 })).error).toBe("States.Runtime");
    const bad = {
      StartAt: "M",
      States: { M: { Type: "Map", ItemsPath: "$.items", MaxConcurrencyPath: "$.m", ItemProcessor: processor({ Type: "Pass" }), End: true } },
    };
    const r = await runExecution(bad, { items: [1], m: "x" }, { validate: false });
    expect(r.cause).toContain('The MaxConcurrencyPath field refers to value "x" which is not a valid integer: $.m');
  });

  it("tolerates failures in distributed mode up to the threshold, then fails with States.ExceedToleratedFailureThreshold", async () => {
    const def = (count: number) => ({
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ToleratedFailureCount: count,
          ItemProcessor: {
            ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
            StartAt: "C",
            States: {
              C: { Type: "Choice", Choices: [{ Variable: "$", NumericEquals: 0, Next: "F" }], Default: "S" },
              F: { Type: "Fail", Error: "Zero" },
              S: { Type: "Succeed" },
            },
          },
          End: true,
        },
      },
    });
    expect((await runExecution(def(1), [0, 1])).status).toBe("SUCCEEDED");
    expect((await runExecution(def(0), [0, 1])).error).toBe("States.ExceedToleratedFailureThreshold");
  });

  it("fails with States.QueryEvaluationError when a JSONata Map's input is not an array", async () => {
    const def = { QueryLanguage: "JSONata", StartAt: "M", States: { M: { Type: "Map", ItemProcessor: processor({ Type: "Pass" }), End: true } } };
    const r = await runExecution(def, 1);
    expect(r.error).toBe("States.QueryEvaluationError");
    expect(r.cause).toContain("Map state input must be an array but was: 1");
  });
});
