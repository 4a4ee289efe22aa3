// Data fields named like reference methods (`eq`, `gt`, `matches`, `isNull`, `elementAt`) are read
// with plain property access, both as values and as the subject of further comparisons.
import { describe, expect, expectTypeOf, it } from "vitest";
import { succeed, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, NotAnOperand, NumberRef, QueryLanguage, StringRef } from "../index.ts";

interface Limits {
  readonly eq: number;
  readonly gt: string;
  readonly matches: boolean;
  readonly elementAt: { readonly isNull: number };
  readonly constructor: string;
  readonly items: readonly number[];
}

function limits(queryLanguage: QueryLanguage) {
  const flow = workflow("Limits", { input: typeOnly<Limits>(), queryLanguage });
  const read = flow.pass("Read", {
    output: ($) => ({ eq: $.input.eq, gt: $.input.gt, m: $.input.matches, n: $.input.elementAt.isNull, c: $.input.constructor, first: $.input.items.elementAt(0).assertPresent() }),
  });
  const route = flow
    .choice("Route")
    .when(($) => $.input.eq.gt(3), read)
    .when(($) => $.input.gt.matches("a*"), succeed("Matched"))
    .when(($) => $.input.elementAt.isNull.lte(0), succeed("Small"))
    .when(($) => $.input.elementAt.isNull.isNull(), succeed("Null"))
    .otherwise(succeed("Other"));
  return flow.startWith(route);
}

describe("fields named like reference methods", () => {
  it("types them as fields, and comparisons on them by their own types", () => {
    const flow = workflow("Types", { input: typeOnly<Limits>() });
    flow.choice("C").when(($) => {
      expectTypeOf($.input.eq).toEqualTypeOf<NotAnOperand & NumberRef<number>>();
      expectTypeOf($.input.gt).toExtend<StringRef<string>>();
      return $.input.eq.gt(1);
    }, succeed("S"));
    const read = flow.pass("Read", { output: ($) => ({ eq: $.input.eq, gt: $.input.gt, m: $.input.matches, n: $.input.elementAt.isNull }) });
    expectTypeOf<ChainOutput<typeof read>>().toEqualTypeOf<{ eq: number; gt: string; m: boolean; n: number }>();
    // @ts-expect-error - the field `gt` holds a string: no numeric comparison
    flow.choice("C2").when(($) => $.input.gt.gt(3), succeed("S2"));
    // @ts-expect-error - `elementAt` here is an object field, not the array method
    flow.pass("P2", { output: ($) => $.input.elementAt(0) });
    expect(read).toBeTypeOf("object");
  });

  it("compiles them as paths in JSONata", () => {
    const asl = limits("JSONata").toAsl();
    expect(asl.States["Read"]).toMatchObject({
      Output: {
        eq: "{% $states.input.eq %}",
        gt: "{% $states.input.gt %}",
        m: "{% $states.input.matches %}",
        n: "{% $states.input.elementAt.isNull %}",
        c: "{% $states.input.constructor %}",
        first: "{% $states.input.items[0] %}",
      },
    });
    expect((asl.States["Route"] as { Choices: { Condition: string }[] }).Choices.map((c) => c.Condition)).toEqual([
      "{% $states.input.eq > 3 %}",
      "{% $contains($states.input.gt, /^a.*$/) %}",
      "{% $states.input.elementAt.isNull <= 0 %}",
      "{% ($states.input.elementAt.isNull = null) %}",
    ]);
  });

  it("compiles them as paths in JSONPath", () => {
    const asl = limits("JSONPath").toAsl();
    expect(asl.States["Read"]).toMatchObject({
      Parameters: {
        "eq.$": "$.eq",
        "gt.$": "$.gt",
        "m.$": "$.matches",
        "n.$": "$.elementAt.isNull",
        "c.$": "$.constructor",
        "first.$": "$.items[0]",
      },
    });
    expect((asl.States["Route"] as { Choices: unknown[] }).Choices.map((c) => ({ ...(c as object), Next: undefined }))).toEqual([
      { Variable: "$.eq", NumericGreaterThan: 3, Next: undefined },
      { Variable: "$.gt", StringMatches: "a*", Next: undefined },
      { Variable: "$.elementAt.isNull", NumericLessThanEquals: 0, Next: undefined },
      { Variable: "$.elementAt.isNull", IsNull: true, Next: undefined },
    ]);
  });
});
