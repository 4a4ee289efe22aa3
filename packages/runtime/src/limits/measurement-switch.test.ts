import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";
import { WITHOUT_BOUNDS_VARIABLE } from "./measurement-switch.ts";

// What a process started with the switch does: an execution's result is not frozen, and a loop
// longer than the pace never pauses (it finishes in the same macrotask it started in).
const PROBE = `
const { prepareStateMachine } = await import(${JSON.stringify(new URL("../index.ts", import.meta.url).href)});
const loop = {
  StartAt: "Check",
  States: {
    Check: { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 0, Next: "Dec" }], Default: "Done" },
    Dec: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, -1)" }, Next: "Check" },
    Done: { Type: "Succeed" },
  },
};
const exec = prepareStateMachine(loop, { limits: false }).start({ n: 5000 });
const synchronous = exec.currentStatus === "SUCCEEDED";
const result = await exec.result;
console.log(JSON.stringify({ frozen: Object.isFrozen(result) && Object.isFrozen(result.output), synchronous }));
`;

function probe(withoutBounds: boolean): { frozen: boolean; synchronous: boolean } {
  const env = { ...process.env };
  if (withoutBounds) env[WITHOUT_BOUNDS_VARIABLE] = "1";
  else delete env[WITHOUT_BOUNDS_VARIABLE];
  const out = execFileSync(process.execPath, ["--conditions=@stepcraft/source", "--import", "tsx", "--input-type=module", "--eval", PROBE], {
    encoding: "utf8",
    env,
  });
  return JSON.parse(out) as { frozen: boolean; synchronous: boolean };
}

describe("the measurement-only switch of the reliability bounds", () => {
  it("is not set in this process: the bounds are on, results are frozen", async () => {
    const result = await runExecution({ StartAt: "P", States: { P: { Type: "Pass", Result: { a: 1 }, End: true } } });
    expect(Object.isFrozen(result.output)).toBe(true);
  });

  it("a process started with it runs without them (to measure their cost), one started without it with them", () => {
    expect(probe(true)).toEqual({ frozen: false, synchronous: true });
    expect(probe(false)).toEqual({ frozen: true, synchronous: false });
  }, 30_000);
});
