// fn.mathRandom with and without its seed: States.MathRandom(start, end[, seed]) in JSONPath; in
// JSONata the unseeded form is $random() arithmetic and a seed is refused (no seeded $random()).
import { validateDefinition } from "@stepcraft/asl";
import { describe, expect, expectTypeOf, it } from "vitest";
import { fn, typeOnly, workflow } from "../index.ts";
import type { QueryLanguage, Value } from "../index.ts";

interface Draw {
  readonly low: number;
  readonly high: number;
  readonly seed: number;
}

function draw(queryLanguage: QueryLanguage, seeded: boolean) {
  const flow = workflow("Draw", { input: typeOnly<Draw>(), queryLanguage });
  return flow.startWith(
    flow.pass("Pick", {
      output: ($) => ({ n: seeded ? fn.mathRandom($.input.low, $.input.high, $.input.seed) : fn.mathRandom($.input.low, $.input.high) }),
    }),
  );
}

describe("golden: fn.mathRandom", () => {
  it("passes the seed as States.MathRandom's third argument in JSONPath", () => {
    const asl = draw("JSONPath", true).toAsl();
    expect(asl.States["Pick"]).toEqual({ Type: "Pass", Parameters: { "n.$": "States.MathRandom($.low, $.high, $.seed)" }, End: true });
    expect(validateDefinition(asl)).toEqual([]);
  });

  it("takes a literal seed", () => {
    const flow = workflow("Literal", { input: typeOnly<Draw>(), queryLanguage: "JSONPath" });
    const asl = flow.startWith(flow.pass("Pick", { output: () => ({ n: fn.mathRandom(1, 10, 42) }) })).toAsl();
    expect(asl.States["Pick"]).toEqual({ Type: "Pass", Parameters: { "n.$": "States.MathRandom(1, 10, 42)" }, End: true });
  });

  it("keeps the two-argument form unchanged in both languages", () => {
    expect(draw("JSONPath", false).toAsl().States["Pick"]).toEqual({ Type: "Pass", Parameters: { "n.$": "States.MathRandom($.low, $.high)" }, End: true });
    expect(draw("JSONata", false).toAsl().States["Pick"]).toEqual({
      Type: "Pass",
      Output: { n: "{% ($floor($random() * ($states.input.high - $states.input.low)) + $states.input.low) %}" },
      End: true,
    });
  });

  it("reports a seed in a JSONata workflow as not expressible", () => {
    const { diagnostics } = draw("JSONata", true).compile();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([["NOT_EXPRESSIBLE", "/States/Pick"]]);
    expect(diagnostics[0]?.message).toMatch(/seed has no JSONata equivalent/);
  });

  it("types the seed as a number", () => {
    expectTypeOf(fn.mathRandom(0, 10, 7)).toEqualTypeOf<Value<number>>();
    // @ts-expect-error the seed is a number, not a string
    fn.mathRandom(0, 10, "seed");
  });
});
