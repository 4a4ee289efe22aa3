// `resultField` as a path of fields, and on Pass states: the types say where the result lands, and
// the compiled ASL is JSONPath `ResultPath` (with `Result`, `InputPath` or `Parameters` on a Pass)
// or a nested JSONata `$merge`. The root `npm test` type-checks this file.
import { describe, expect, expectTypeOf, it } from "vitest";
import { resource, states, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, QueryLanguage } from "../index.ts";

interface Job {
  readonly id: string;
  readonly notes?: string;
  readonly results: { readonly first: number };
}
const lookup = resource<{ readonly id: string }, { readonly status: string }>("arn:aws:lambda:us-east-1:111122223333:function:Lookup");
const flowIn = (queryLanguage: QueryLanguage) => workflow("Paths", { input: typeOnly<Job>(), queryLanguage });

describe("resultField paths", () => {
  it("types the output: the result at the path, the fields beside it kept (with their ?)", () => {
    const task = states<Job>().task("Lookup", lookup, { arguments: ($) => ({ id: $.input.id }), resultField: ["results", "lookup"] });
    expectTypeOf<ChainOutput<typeof task>>().toEqualTypeOf<{
      readonly id: string;
      readonly notes?: string;
      readonly results: { readonly first: number; readonly lookup: { readonly status: string } };
    }>();
    const created = states<Job>().pass("Mark", { result: { done: true }, resultField: ["audit", "mark"] });
    expectTypeOf<ChainOutput<typeof created>["audit"]>().toEqualTypeOf<{ readonly mark: { readonly done: true } }>();
    const copy = states<Job>().pass("Copy", { output: ($) => ({ id: $.input.id }), resultField: "copy" });
    expectTypeOf<ChainOutput<typeof copy>["copy"]>().toEqualTypeOf<{ id: string }>();
    // Not run: it throws (see below).
    const empty = () =>
      // @ts-expect-error - an empty path would be the whole output: leave resultField out instead
      states<Job>().pass("Empty", { resultField: [] });
    expect(empty).toBeTypeOf("function");
    // @ts-expect-error - the result sits under results.lookup, not under lookup
    states<Job>().task("Lookup", lookup, { arguments: ($) => ({ id: $.input.id }), resultField: ["results", "lookup"] }).pass("Read", { output: ($) => $.input.lookup });
  });

  it("golden: JSONPath ResultPath with Result/InputPath/Parameters on a Pass; JSONata nested $merge", () => {
    const build = (language: QueryLanguage) => {
      const flow = flowIn(language);
      return flow
        .startWith(
          flow
            .task("Lookup", lookup, { arguments: ($) => ({ id: $.input.id }), resultField: ["results", "lookup"] })
            .pass("Mark", { result: { done: true }, resultField: ["audit", "mark"] })
            .pass("Narrow", { output: ($) => $.input.results, resultField: "copy" })
            .pass("Build", { output: ($) => ({ id: $.input.id }), resultField: "built" }),
        )
        .toAsl();
    };
    const jsonPath = build("JSONPath").States;
    expect(jsonPath["Lookup"]).toMatchObject({ ResultPath: "$.results.lookup" });
    expect(jsonPath["Mark"]).toEqual({ Type: "Pass", Result: { done: true }, ResultPath: "$.audit.mark", Next: "Narrow" });
    expect(jsonPath["Narrow"]).toEqual({ Type: "Pass", InputPath: "$.results", ResultPath: "$.copy", Next: "Build" });
    expect(jsonPath["Build"]).toEqual({ Type: "Pass", Parameters: { "id.$": "$.id" }, ResultPath: "$.built", End: true });
    const jsonata = build("JSONata").States;
    expect(jsonata["Lookup"]).toMatchObject({ Output: '{% $merge([$states.input, {"results": $merge([$states.input.results, {"lookup": $states.result}])}]) %}' });
    expect(jsonata["Mark"]).toMatchObject({ Output: '{% $merge([$states.input, {"audit": $merge([$states.input.audit, {"mark": {"done":true}}])}]) %}' });
  });

  it("refuses a path that is not field names, saying how to write one", () => {
    const unchecked = states<Job>() as unknown as { pass(name: string, options: object): unknown };
    expect(() => unchecked.pass("Bad", { resultField: [] })).toThrow(/resultField must be a field name or a non-empty array of field names/);
  });
});
