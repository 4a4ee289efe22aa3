import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine } from "../engine/machine.ts";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:flaky";

function flaky(failures: number, name = "Flaky") {
  let calls = 0;
  return () => {
    calls++;
    if (calls <= failures) {
      const e = new Error(`attempt ${calls}`);
      e.name = name;
      throw e;
    }
    return { calls };
  };
}

describe("Retry and Catch", () => {
  it("retries with back-off on the virtual clock and exposes $$.State.RetryCount", async () => {
    const clock = new VirtualClock(0);
    const def = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: FN,
          Parameters: { "retry.$": "$$.State.RetryCount" },
          Retry: [{ ErrorEquals: ["Flaky"], IntervalSeconds: 2, BackoffRate: 3 }],
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { tasks: { [FN]: flaky(2) } }).start({}, { clock });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { calls: 3 } });
    expect(clock.now()).toBe(2_000 + 6_000);
    expect(exec.history.filter((e) => e.type === "LambdaFunctionFailed")).toHaveLength(2);
  });

  it("catches after retries are exhausted, with {Error, Cause} at the Catcher's ResultPath", async () => {
    const def = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: FN,
          Retry: [{ ErrorEquals: ["Flaky"], MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.err", Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const r = await prepareStateMachine(def, { tasks: { [FN]: flaky(5) } }).run({ in: 1 });
    expect(r.status).toBe("SUCCEEDED");
    expect(r.output).toMatchObject({ in: 1, err: { Error: "Flaky", Cause: expect.stringContaining("attempt 2") } });
  });

  it("never retries or catches States.Runtime", async () => {
    const def = {
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: FN,
          InputPath: "$.missing",
          Retry: [{ ErrorEquals: ["States.ALL"] }],
          Catch: [{ ErrorEquals: ["States.Runtime"], Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const r = await prepareStateMachine(def, { tasks: { [FN]: () => 1 } }).run({});
    expect(r.error).toBe("States.Runtime");
  });

  it("draws FULL jitter from the seeded random source", async () => {
    const run = async (seed: number) => {
      const clock = new VirtualClock(0);
      const def = {
        StartAt: "T",
        States: { T: { Type: "Task", Resource: FN, Retry: [{ ErrorEquals: ["Flaky"], IntervalSeconds: 100, JitterStrategy: "FULL" }], End: true } },
      };
      await prepareStateMachine(def, { tasks: { [FN]: flaky(1) }, random: seed }).run({}, { clock });
      return clock.now();
    };
    const a = await run(7);
    expect(await run(7)).toBe(a);
    expect(a).toBeLessThanOrEqual(100_000);
  });
});
