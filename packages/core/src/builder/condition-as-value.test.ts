// A comparison (`eq`, `gt`, `matches`, `isPresent`, `and`/`or`/`not`) written where data is expected.
// It used to type-check and compile to `{}`; now it is a JSONata boolean, a JSONPath diagnostic, and
// no other builder object can become `{}` either.
import { describe, expect, expectTypeOf, it } from "vitest";
import { and, fn, jsonPathRule, lambda, not, or, succeed, typeOnly, workflow } from "../index.ts";
import type { QueryLanguage } from "../index.ts";

const decide = lambda("Decide", {
  entry: "./decide.ts",
  handler: () => Promise.resolve(async (_event: { readonly orderId: string }) => ({ decision: "APPROVED", score: 7 })),
});

interface Order {
  readonly orderId: string;
  readonly total: number;
  readonly vip: boolean;
  readonly note?: string;
}

/** The type a workflow promises for a successful execution's output. */
type WorkflowOutput<W> = W extends { readonly outputType?: (output: infer O) => void } ? O : never;

function review(queryLanguage: QueryLanguage) {
  const flow = workflow("Review", { input: typeOnly<Order>(), queryLanguage });
  return flow.startWith(
    flow
      .task("Decide", decide, {
        arguments: ($) => ({ orderId: $.input.orderId }),
        output: ($) => ({
          approved: $.result.decision.eq("APPROVED"),
          confident: and($.result.score.gte(5), or($.result.decision.matches("APP*"), not($.result.score.lt(0)))),
        }),
      })
      .choice("Route")
      .when(($) => $.input.approved.eq(true), succeed("Approved"))
      .otherwise(succeed("Rejected")),
  );
}

describe("a comparison used as a value", () => {
  it("JSONata: compiles to the boolean expression, spelled as the Choice Condition spells it", () => {
    const { asl, diagnostics } = review("JSONata").compile();
    expect(diagnostics).toEqual([]);
    expect(asl.States["Decide"]).toMatchObject({
      Output: {
        approved: '{% $states.result.Payload.decision = "APPROVED" %}',
        confident: "{% ($states.result.Payload.score >= 5 and ($contains($states.result.Payload.decision, /^APP.*$/) or $not($states.result.Payload.score < 0))) %}",
      },
    });
    // The same renderer as a Choice rule: a condition reads alike in either place.
    const inChoice = workflow("C", { input: typeOnly<{ readonly decision: string }>() });
    const rule = inChoice.startWith(inChoice.choice("C").when(($) => $.input.decision.eq("APPROVED"), inChoice.pass("Y")).otherwise(inChoice.pass("N"))).toAsl();
    expect(rule.States["C"]).toMatchObject({ Choices: [{ Condition: '{% $states.input.decision = "APPROVED" %}' }] });
  });

  it("JSONata: nested in arrays, function arguments and comparisons, it stays an expression (parenthesised as an operand)", () => {
    const flow = workflow("Nested", { input: typeOnly<Order>() });
    const asl = flow
      .startWith(flow.pass("P", { output: ($) => ({ flags: [$.input.vip.eq(true), $.input.note.isPresent()], same: $.input.vip.eq($.input.total.gt(100)) }) }))
      .toAsl();
    expect(asl.States["P"]).toMatchObject({
      Output: {
        flags: ["{% $states.input.vip = true %}", "{% $exists($states.input.note) %}"],
        same: "{% $states.input.vip = ($states.input.total > 100) %}",
      },
    });
  });

  it("types the value as boolean", () => {
    const wf = review("JSONata");
    expectTypeOf<WorkflowOutput<typeof wf>>().toEqualTypeOf<{ approved: boolean; confident: boolean }>();
    const flow = workflow("Typed", { input: typeOnly<Order>() });
    const typed = flow.startWith(flow.pass("Flag", { output: ($) => ({ big: $.input.total.gt(100) }) }));
    expectTypeOf<WorkflowOutput<typeof typed>>().toEqualTypeOf<{ big: boolean }>();
    flow.pass("Assign", { assign: ($) => ({ isVip: $.input.vip.eq(true) }) }).pass("Read", {
      output: ($) => {
        expectTypeOf($.vars.isVip).toExtend<{ eq(other: boolean): unknown }>();
        return { copy: $.vars.isVip };
      },
    });
  });

  it("JSONPath: NOT_EXPRESSIBLE naming the call site, never a silent {}", () => {
    const { asl, diagnostics } = review("JSONPath").compile();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["NOT_EXPRESSIBLE", "/States/Decide"],
      ["NOT_EXPRESSIBLE", "/States/Decide"],
    ]);
    for (const d of diagnostics) {
      expect(d.message).toMatch(/comparison .* used as a value needs a JSONata workflow/);
      expect(d.message).toMatch(/\(packages\/core\/src\/builder\/condition-as-value\.test\.ts:\d+\)$/);
    }
    expect(JSON.stringify(asl)).not.toContain("{}");
  });

  it("JSONPath: a comparison as the whole output gets the same diagnostic", () => {
    const flow = workflow("Whole", { input: typeOnly<Order>(), queryLanguage: "JSONPath" });
    const { diagnostics } = flow.startWith(flow.pass("P", { output: ($) => $.input.vip.eq(true) })).compile();
    expect(diagnostics.map((d) => d.code)).toEqual(["NOT_EXPRESSIBLE"]);
    expect(diagnostics[0]?.message).toMatch(/comparison .* used as a value needs a JSONata workflow: .* \(packages\/core\/src\/builder\/condition-as-value\.test\.ts:\d+\)$/);
  });
});

describe("no builder object is serialised as {}", () => {
  const flow = workflow("Guard", { input: typeOnly<Order>() });
  const other = flow.pass("Other");
  // Each entry is a non-JSON object a cast (or a builder bug) could slip into a template.
  const cases: readonly (readonly [string, (scope: { readonly input: object; readonly vars: object }) => unknown, RegExp])[] = [
    ["a chain", () => other, /a state or chain/],
    ["a function", () => () => 1, /a function/],
    ["$.vars", ($) => $.vars, /the variables object `\$\.vars`/],
    ["the whole $", ($) => $, /the whole `\$` scope/],
    ["a Date", () => new Date(0), /a Date/],
    ["a Map", () => new Map(), /a Map/],
  ];

  it.each(cases)("%s in a template throws an internal error naming the call site", (_name, make, what) => {
    // The selector returns something the types would refuse; the cast stands for a user's or a builder's mistake.
    const output = (($: { readonly input: object; readonly vars: object }) => ({ field: make($) })) as unknown as () => { readonly field: string };
    let line = 0;
    const build = () => {
      line = Number(new Error().stack?.split("\n")[1]?.match(/:(\d+):\d+\)?$/)?.[1]) + 1;
      return flow.pass("Bad", { output });
    };
    expect(build).toThrow(TypeError);
    expect(build).toThrow(what);
    expect(build).toThrow(`(packages/core/src/builder/condition-as-value.test.ts:${line})`);
    expect(build).toThrow(/^stepcraft internal error: /);
  });

  it("plain JSON objects and null-prototype objects are still data", () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    const asl = flow.startWith(flow.pass("Ok", { output: () => ({ plain: { a: 1 }, bare, list: [1, "x", null] }) as const })).toAsl();
    expect(asl.States["Ok"]).toMatchObject({ Output: { plain: { a: 1 }, bare: { a: 1 }, list: [1, "x", null] } });
  });

  it("options copied verbatim (Pass result, raw, jsonPathRule) refuse values and builder objects, naming the call site", () => {
    const site = /\(packages\/core\/src\/builder\/condition-as-value\.test\.ts:\d+\)$/;
    // A Value or a chain has only symbol keys, so the JSON types accept it: the check is at run time.
    expect(() => flow.pass("Result", { result: { id: fn.uuid() } })).toThrow(/^stepcraft internal error: a Pass state's result must be JSON, but holds a reference or computed value/);
    expect(() => flow.pass("Result", { result: { id: fn.uuid() } })).toThrow(site);
    expect(() => flow.pass("Chain", { result: { next: [other] } })).toThrow(/a Pass state's result must be JSON, but holds a state or chain/);
    // `raw` is read when the state is rendered, and named by the state's own call site.
    const raw = flow.startWith(flow.pass("Raw", { raw: { X: new Date(0) } as never }));
    expect(() => raw.compile()).toThrow(/raw must be JSON, but holds a Date/);
    expect(() => raw.compile()).toThrow(site);
    expect(() => jsonPathRule({ Variable: "$.x", StringEquals: other } as never)).toThrow(/a jsonPathRule\(\) must be JSON, but holds a state or chain/);
    expect(flow.startWith(flow.pass("Fine", { result: { a: [1, { b: null }] } })).toAsl().States["Fine"]).toMatchObject({ Output: { a: [1, { b: null }] } });
  });
});
