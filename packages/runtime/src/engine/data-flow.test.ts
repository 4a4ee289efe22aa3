import { describe, expect, it } from "vitest";
import { compileJsonataFlow } from "../jsonata/data-flow.ts";
import { StagedFlow } from "./data-flow.ts";
import type { Frame } from "./frame.ts";
import { compileJsonPathFlow } from "./jsonpath-flow.ts";

const TASK_FIELDS = { parameters: "Parameters", resultStage: true, resultSelector: true } as const;

describe("StagedFlow", () => {
  it("is the flow of both query languages, so the engine's calls into a flow have one target whatever the language", () => {
    const jsonPath = compileJsonPathFlow({ Type: "Task", Parameters: { "a.$": "$.a" } }, TASK_FIELDS);
    const jsonata = compileJsonataFlow({ Type: "Task", Arguments: { a: "{% $states.input.a %}" } }, TASK_FIELDS);
    expect(jsonPath).toBeInstanceOf(StagedFlow);
    expect(jsonata).toBeInstanceOf(StagedFlow);
    // Own methods (closures per flow) would give V8 a new call target per language.
    expect(Object.keys(jsonPath)).not.toContain("effectiveInput");
    expect(Object.keys(jsonata)).not.toContain("output");
  });

  it("runs the effective-input stage, the output stage with the result, and the catch stage with the catcher", () => {
    const frame = {} as Frame;
    const calls: unknown[] = [];
    const flow = new StagedFlow(
      (raw, value) => (calls.push(["input", raw, value]), "effective"),
      (raw, value) => (calls.push(["output", raw, value]), "output"),
      (raw, errorOutput, catcher) => (calls.push(["catch", raw, errorOutput, catcher]), "caught"),
    );
    expect([flow.effectiveInput("raw", frame), flow.output("raw", "result", frame), flow.catchOutput("raw", "error", { Next: "X" }, frame)]).toEqual([
      "effective",
      "output",
      "caught",
    ]);
    expect(calls).toEqual([
      ["input", "raw", undefined],
      ["output", "raw", "result"],
      ["catch", "raw", "error", { Next: "X" }],
    ]);
  });
});
