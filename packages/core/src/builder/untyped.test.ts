// Untyped data (`untyped()`, `Json`): open where nothing is known, and never a hole in typed
// workflows. The root type-check runs this file, so each `@ts-expect-error` must still catch one.
import { describe, expect, expectTypeOf, it } from "vitest";
import { jsonPath, resource, states, timestamp, typeOnly, untyped, workflow } from "../index.ts";
import type { ChainOutput, ErrorOutput, Json, JsonRef, Value } from "../index.ts";

// Names declared for untyped references, as `stepcraft import` declares the ones it reads: under
// noUncheckedIndexedAccess a declared name reads as a reference, any other as possibly undefined.
declare module "./data-ref.ts" {
  interface JsonFields {
    readonly order: true;
    readonly total: true;
    readonly status: true;
    readonly items: true;
    readonly wait: true;
    readonly when: true;
    readonly reason: true;
    readonly 0: true;
  }
}

const flow = workflow("Untyped", { input: untyped(), queryLanguage: "JSONPath" });
const untypedResult = resource("arn:aws:states:::lambda:invoke", { output: untyped(), errors: ["Custom.Error"] });

describe("untyped() data", () => {
  it("is JSON, not any: every JSON value fits it, other values do not", () => {
    expectTypeOf<Json>().not.toBeAny();
    expectTypeOf<Json>().not.toBeUnknown();
    expectTypeOf<{ a: [1, "x", null, { b: true }] }>().toExtend<Json>();
    expectTypeOf<ErrorOutput>().toExtend<Json>();
    expectTypeOf<undefined>().not.toExtend<Json>();
    expectTypeOf<() => void>().not.toExtend<Json>();
    expectTypeOf<Date>().not.toExtend<Json>();
  });

  it("reads any field and index as untyped data again; undeclared names are possibly undefined", () => {
    const chain = flow.pass("P", {
      output: ($) => {
        expectTypeOf($.input.order.total).toEqualTypeOf<JsonRef>();
        expectTypeOf($.input.items[0].status).toEqualTypeOf<JsonRef>();
        expectTypeOf($.input.order.elementAt(3)).toEqualTypeOf<JsonRef>();
        expectTypeOf($.input.neverDeclared).toEqualTypeOf<JsonRef | undefined>();
        return { total: $.input.order.total, first: $.input.items[0] };
      },
    });
    // What a state builds from untyped data stays untyped: raw fields may change it in any way.
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<Json>();
    const { asl } = flow.startWith(chain).compile();
    expect(asl.States["P"]).toMatchObject({ Parameters: { "total.$": "$.order.total", "first.$": "$.items[0]" } });
  });

  it("offers every comparison and type test, and compiles each to its ASL rule by the operand's kind", () => {
    const stamp = timestamp("2026-01-01T00:00:00Z");
    const chain = flow
      .choice("C")
      .when(($) => $.input.total.gt(100), (s) => s.succeed("Big"))
      .when(($) => $.input.status.eq("done"), (s) => s.succeed("Done"))
      .when(($) => $.input.order.eq(true), (s) => s.succeed("Flag"))
      .when(($) => $.input.status.matches("err*"), (s) => s.succeed("Err"))
      .when(($) => $.input.reason.isPresent(), (s) => s.succeed("Why"))
      .when(($) => $.input.reason.isNull(), (s) => s.succeed("Null"))
      .when(($) => $.input.total.isNumeric(false), (s) => s.succeed("NaN"))
      .when(($) => $.input.when.before(stamp), (s) => s.succeed("Early"))
      .otherwise((s) => s.succeed("Other"));
    const { asl, diagnostics } = flow.startWith(chain).compile();
    expect(diagnostics).toEqual([]);
    const rules = (asl.States["C"] as { Choices: Record<string, unknown>[] }).Choices.map(({ Next: _next, ...rule }) => rule);
    expect(rules).toEqual([
      { Variable: "$.total", NumericGreaterThan: 100 },
      { Variable: "$.status", StringEquals: "done" },
      { Variable: "$.order", BooleanEquals: true },
      { Variable: "$.status", StringMatches: "err*" },
      { Variable: "$.reason", IsPresent: true },
      { Variable: "$.reason", IsNull: true },
      { Variable: "$.total", IsNumeric: false },
      { Variable: "$.when", TimestampLessThan: "2026-01-01T00:00:00Z" },
    ]);
    // @ts-expect-error - an object is no comparison operand, untyped or not
    flow.choice("Bad").when(($) => $.input.total.eq({ a: 1 }), (s) => s.succeed("X"));
  });

  it("stands in for typed values where options need them: items, seconds, timestamps, error names", () => {
    const chain = flow
      .map("M", { items: ($) => $.input.items, processor: (item) => item.pass("Each", { output: ($) => $.input.order }) })
      .wait("W", { seconds: ($) => $.input.wait })
      .wait("U", { timestamp: ($) => $.input.when })
      .task("T", untypedResult, { arguments: ($) => ({ id: $.input.order, n: 1 }), resultField: "result", timeoutSeconds: ($) => $.input.wait })
      .fail("F", { error: ($) => $.input.reason });
    const { diagnostics } = flow.startWith(chain).compile();
    expect(diagnostics).toEqual([]);
  });

  it("keeps task results, catchers and declared error names usable", () => {
    const task = flow.task("T", untypedResult, { resultField: "result" });
    expectTypeOf<ChainOutput<typeof task>>().toEqualTypeOf<Json>();
    // A Catcher of an untyped state hands { Error, Cause } or its own output to states taking any JSON.
    const caught = task
      .catch({ errors: ["Custom.Error"], next: flow.pass("Handle") })
      .catch({ errors: ["States.ALL"], output: () => jsonPath("$.error"), next: flow.pass("Handle2") });
    const parallel = flow
      .parallel("P", { branches: [(b) => b.fail("Boom", { error: "My.Error" })], errors: ["My.Error"] })
      .retry({ errors: ["My.Error"], maxAttempts: 2 })
      .catch({ errors: ["My.Error"], next: flow.pass("Recover") });
    // @ts-expect-error - an error name neither the branches nor `errors` declare
    flow.parallel("Q", { branches: [(b) => b.pass("X")] }).catch({ errors: ["Undeclared"], next: flow.pass("R") });
    expect(flow.startWith(caught.then(parallel)).compile().diagnostics).toEqual([]);
  });
});

describe("typed workflows stay strict", () => {
  interface Payload {
    readonly id: string;
    readonly n: number;
  }
  const typed = workflow("Typed", { input: typeOnly<Payload>(), queryLanguage: "JSONPath" });

  it("a path to a field the payload type does not have does not compile", () => {
    // @ts-expect-error - `total` is not a field of Payload
    typed.pass("P", { output: ($) => $.input.total });
    // @ts-expect-error - `n` is a number: it has no fields
    typed.pass("Q", { output: ($) => $.input.n.digits });
    // A typed result keeps its shape: no untyped output appears.
    const p = typed.pass("R", { output: ($) => ({ id: $.input.id }) });
    expectTypeOf<ChainOutput<typeof p>>().toEqualTypeOf<{ id: string }>();
  });

  it("typed values keep their kind: a string is no number of seconds, and untyped data is no typed request", () => {
    // @ts-expect-error - `id` is a string, not a number of seconds
    typed.wait("W", { seconds: ($) => $.input.id });
    // @ts-expect-error - a string field has no numeric comparison
    typed.choice("C").when(($) => $.input.id.gt(3), (s) => s.succeed("X"));
    const takesNumber = resource("arn:aws:states:::lambda:invoke", { input: typeOnly<{ readonly n: number }>() });
    // @ts-expect-error - untyped data is not silently a number in a typed request
    typed.task("T", takesNumber, { arguments: () => ({ n: jsonPath("$.x") }) });
    const ok = typed.task("T2", takesNumber, { arguments: ($) => ({ n: $.input.n }) });
    expect(ok).toBeTypeOf("object");
  });

  it("unknown stays closed: its fields need a type first", () => {
    const closed = workflow("Closed", { input: typeOnly<unknown>() });
    // @ts-expect-error - nothing is known about `unknown`: declare a type, or untyped() for open JSON
    closed.pass("P", { output: ($) => $.input.anything });
    expectTypeOf(states<unknown>().pass("Q")).toExtend<object>();
  });

  it("a typed value is untyped JSON when needed, never the other way round", () => {
    expectTypeOf<Value<number>>().toExtend<Value<Json>>();
    expectTypeOf<Value<Json>>().not.toExtend<Value<number>>();
  });
});
