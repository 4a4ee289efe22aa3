import { describe, expect, it } from "vitest";
import { prepareStateMachine, runExecution, UNLIMITED_HISTORY_BACKSTOP } from "./machine.ts";
import { TRANSITIONS_PER_TURN } from "./run-block.ts";

/** An endless Choice→Pass loop (the validator would accept it: Choice has a Default that ends). */
function endlessLoop(queryLanguage: "JSONPath" | "JSONata"): Record<string, unknown> {
  const jsonata = queryLanguage === "JSONata";
  return {
    QueryLanguage: queryLanguage,
    StartAt: "Check",
    States: {
      Check: {
        Type: "Choice",
        Choices: [jsonata ? { Condition: "{% true %}", Next: "Again" } : { Variable: "$.go", BooleanEquals: true, Next: "Again" }],
        Default: "Done",
      },
      Again: { Type: "Pass", Next: "Check" },
      Done: { Type: "Succeed" },
    },
  };
}

describe("endless synchronous loops give the event loop its turn", () => {
  for (const language of ["JSONPath", "JSONata"] as const) {
    it(`${language}: abort() stops an endless Choice→Pass loop running without limits, and timers fire meanwhile`, async () => {
      const exec = prepareStateMachine(endlessLoop(language), { limits: false, maxHistoryEvents: false, history: false }).start({ go: true });
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 1);
      await new Promise((r) => setTimeout(r, 100));
      clearInterval(ticker);
      expect(ticks).toBeGreaterThan(0);
      exec.abort("Stop", "endless");
      expect(await exec.result).toMatchObject({ status: "ABORTED", error: "Stop" });
    });
  }

  it("the execution's TimeoutSeconds ends it (after that much real time: the loop is busy, not waiting)", async () => {
    const started = performance.now();
    const result = await runExecution({ ...endlessLoop("JSONPath"), TimeoutSeconds: 1 }, { go: true }, { limits: false, maxHistoryEvents: false, history: false });
    expect(result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("other executions finish while one loops", async () => {
    const looping = prepareStateMachine(endlessLoop("JSONPath"), { limits: false, maxHistoryEvents: false, history: false }).start({ go: true });
    const wait = { StartAt: "W", States: { W: { Type: "Wait", Seconds: 0, End: true } } };
    const other = await runExecution(wait, {}, { time: "real" });
    expect(other.status).toBe("SUCCEEDED");
    looping.abort();
    expect((await looping.result).status).toBe("ABORTED");
  });

  for (const history of [false, true]) {
    it(`without limits or TimeoutSeconds, an endless loop still fails at the history backstop (history ${history ? "recorded" : "off"})`, async () => {
      const exec = prepareStateMachine(endlessLoop("JSONPath"), { limits: false, history }).start({ go: true });
      const wait = { StartAt: "W", States: { W: { Type: "Wait", Seconds: 0, End: true } } };
      expect((await runExecution(wait, {}, { time: "real" })).status).toBe("SUCCEEDED");
      expect(exec.currentStatus).toBe("RUNNING");
      expect(await exec.result).toEqual({
        status: "FAILED",
        error: "States.Runtime",
        cause: `The execution reached the maximum number of history events (${UNLIMITED_HISTORY_BACKSTOP}).`,
      });
    });
  }

  it("a long but finite loop with a generous TimeoutSeconds is not timed out by its pauses", async () => {
    const countdown = {
      TimeoutSeconds: 3600,
      StartAt: "Check",
      States: {
        Check: { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 0, Next: "Dec" }], Default: "Done" },
        Dec: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, -1)" }, Next: "Check" },
        Done: { Type: "Succeed" },
      },
    };
    const n = 5 * TRANSITIONS_PER_TURN;
    const exec = prepareStateMachine(countdown, { limits: false }).start({ n }, { startTime: new Date(0) });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { n: 0 } });
    // Virtual time moved at most as much as real time did.
    expect(exec.history.at(-1)?.timestamp.getTime()).toBeLessThan(60_000);
  });

  it("an execution shorter than the pace stays synchronous", () => {
    const exec = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }).start();
    expect(exec.currentStatus).toBe("SUCCEEDED");
  });
});
