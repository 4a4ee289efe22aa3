import { describe, expect, it } from "vitest";
import { buildBigWorkflow, countStates, layout, STATES_PER_BLOCK } from "./big-workflow.ts";
import { compilerResult, formatCompiler } from "./format.ts";
import { measureCompiler } from "./measure.ts";

describe("the compiler benchmark's workflow", () => {
  it("lays out exactly the requested count", () => {
    expect(layout(1000)).toEqual({ blocks: 76, tail: 11 });
    expect(layout(STATES_PER_BLOCK + 1)).toEqual({ blocks: 1, tail: 0 });
    expect(() => layout(STATES_PER_BLOCK)).toThrow(RangeError);
  });

  for (const queryLanguage of ["JSONata", "JSONPath"] as const) {
    it(`compiles 1,000 states to valid ${queryLanguage} ASL with chains, choices, maps, parallels and tasks`, () => {
      const { asl, diagnostics } = buildBigWorkflow(1000, queryLanguage).compile();
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(countStates(asl)).toBe(1000);
      expect(asl.QueryLanguage ?? "JSONPath").toBe(queryLanguage);
      const kinds = new Set(Object.values(asl.States).map((s) => s.Type));
      expect([...kinds].sort()).toEqual(["Choice", "Map", "Parallel", "Pass", "Succeed", "Task"]);
    });
  }

  it("counts nested states (Map processors, Parallel branches)", () => {
    const asl = buildBigWorkflow(STATES_PER_BLOCK + 1, "JSONata").toAsl();
    expect(Object.keys(asl.States)).toHaveLength(STATES_PER_BLOCK + 1 - 3);
    expect(countStates(asl)).toBe(STATES_PER_BLOCK + 1);
  });
});

describe("the compiler section's result", () => {
  it("has one set of flat fields per query language, and prints a row for each", () => {
    const timings = measureCompiler({ stateCount: 40, samples: 2, warmup: 0, queryLanguages: ["JSONata", "JSONPath"] });
    const result = compilerResult(timings);
    for (const ql of ["jsonata", "jsonpath"]) {
      expect(result[`${ql}_states`]).toBe(40);
      expect(result[`${ql}_samples`]).toBe(2);
      for (const metric of ["ms", "build_ms", "to_asl_ms", "states_per_s"]) expect(result[`${ql}_${metric}`]).toBeTypeOf("number");
    }
    const text = formatCompiler(result);
    expect(text).toMatch(/^Compiler \(builder → validated ASL/);
    expect(text).toMatch(/JSONata +40 states: [\d.]+ ms per compile .* states\/s, median of 2/);
    expect(text).toMatch(/JSONPath +40 states:/);
  });

  it("prints nothing of its own for a record without its fields", () => {
    expect(formatCompiler({})).toBeNull();
  });
});
