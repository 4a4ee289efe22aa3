import { describe, expect, it } from "vitest";
import { NO_VARIABLES } from "../data/scope.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { TIMEOUT_MESSAGE } from "./compile-expression.ts";
import { compileJsonataTemplate } from "./template.ts";

// Long JSONata without any regular expression: tail recursion (jsonata does not grow its stack
// for it, so the depth bound never trips), $reduce over a generated range.
const FOREVER = "{% ($f := function($x) { $f($x + 1) }; $f(1)) %}";
const LONG_REDUCE = "{% $reduce([1..$states.input.n], function($a, $b) { $a + $b }) %}";

/**
 * How often a 1 ms interval fired while `work` ran, and its longest gap. The count is what the
 * tests assert: without the watchdog's pauses the interval cannot fire at all until the work ends,
 * however fast or loaded the machine; the gap's bound is loose, as a loaded machine stretches it.
 */
async function timerTicksDuring(work: Promise<unknown>): Promise<{ readonly ticks: number; readonly longestGapMs: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  let ticks = 0;
  let settled = false;
  const ticker = setInterval(() => {
    if (settled) return;
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks += 1;
  }, 1);
  await work.catch(() => undefined);
  settled = true;
  clearInterval(ticker);
  return { ticks, longestGapMs: Math.max(longestGapMs, performance.now() - last) };
}

describe("the watchdog of general JSONata evaluations", () => {
  it("gives timers their turn while a runaway expression runs, then fails it with AWS's timeout cause", async () => {
    const template = compileJsonataTemplate(FOREVER, "Output", { timeoutMs: 400 });
    const evaluation = template.evaluate({ input: {}, context: {}, variables: NO_VARIABLES });
    // Without pauses the interval could not fire until the whole 400 ms budget was spent; with a
    // pause after every 10 ms of running it fires dozens of times.
    const timers = await timerTicksDuring(evaluation);
    expect(timers.ticks).toBeGreaterThanOrEqual(10);
    expect(timers.longestGapMs).toBeLessThan(1_000);
    await expect(evaluation).rejects.toMatchObject({
      error: "States.QueryEvaluationError",
      cause: `The JSONata expression '${FOREVER.slice(3, -3)}' specified for the field 'Output' threw an error during evaluation: ${TIMEOUT_MESSAGE}`,
    });
  });

  it("counts only the evaluation's own running against its budget, not the work done in its pauses", async () => {
    const template = compileJsonataTemplate(LONG_REDUCE, "Output", { timeoutMs: 2_000, sliceMs: 1 });
    // Another evaluation's pauses hand the event loop to a busy neighbour for 30 ms each time.
    let busy = true;
    const neighbour = (): void => {
      const until = performance.now() + 30;
      while (performance.now() < until);
      if (busy) setImmediate(neighbour);
    };
    setImmediate(neighbour);
    const n = 20_000;
    const value = await template.evaluate({ input: { n }, context: {}, variables: NO_VARIABLES });
    busy = false;
    expect(value).toBe((n * (n + 1)) / 2);
  });

  it("holds the execution's virtual clock while it pauses, so a pause is not read as a wait past TimeoutSeconds", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      TimeoutSeconds: 60,
      StartAt: "Sum",
      States: { Sum: { Type: "Pass", Output: LONG_REDUCE, End: true } },
    };
    const n = 30_000;
    const exec = prepareStateMachine(definition).start({ n }, { startTime: new Date(0) });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: (n * (n + 1)) / 2 });
    expect(exec.history.at(-1)?.timestamp.getTime()).toBeLessThan(60_000);
  });

  it("an execution evaluating a long expression never holds timers (other executions) back for long", async () => {
    const definition = { QueryLanguage: "JSONata", StartAt: "Sum", States: { Sum: { Type: "Pass", Output: LONG_REDUCE, End: true } } };
    const n = 200_000;
    const long = prepareStateMachine(definition).start({ n });
    const timers = await timerTicksDuring(long.result);
    expect(timers.ticks).toBeGreaterThanOrEqual(3);
    expect(timers.longestGapMs).toBeLessThan(1_000);
    expect(await long.result).toEqual({ status: "SUCCEEDED", output: (n * (n + 1)) / 2 });
  });
});
