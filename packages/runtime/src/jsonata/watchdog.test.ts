import { describe, expect, it } from "vitest";
import { NO_VARIABLES } from "../data/scope.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { TIMEOUT_MESSAGE } from "./compile-expression.ts";
import { compileJsonataTemplate } from "./template.ts";

// Long JSONata without any regular expression: tail recursion (jsonata does not grow its stack
// for it, so the depth bound never trips), $reduce over a generated range.
const FOREVER = "{% ($f := function($x) { $f($x + 1) }; $f(1)) %}";
const LONG_REDUCE = "{% $reduce([1..$states.input.n], function($a, $b) { $a + $b }) %}";

/** Longest gap between the ticks of a 1 ms interval while `work` runs. */
async function longestTimerGap(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work.catch(() => undefined);
  clearInterval(ticker);
  return Math.max(longest, performance.now() - last);
}

describe("the watchdog of general JSONata evaluations", () => {
  it("gives timers their turn while a runaway expression runs, then fails it with AWS's timeout cause", async () => {
    const template = compileJsonataTemplate(FOREVER, "Output", { timeoutMs: 400 });
    const evaluation = template.evaluate({ input: {}, context: {}, variables: NO_VARIABLES });
    // Without pauses the interval could not fire until the whole 400 ms budget was spent.
    expect(await longestTimerGap(evaluation)).toBeLessThan(200);
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
    expect(await longestTimerGap(long.result)).toBeLessThan(200);
    expect(await long.result).toEqual({ status: "SUCCEEDED", output: (n * (n + 1)) / 2 });
  });
});
