// Data that may be absent (an optional field, a field of an optional object, an array element) is
// a type error where AWS fails the state on absent data, until it is narrowed: `ifPresent()` in a
// Choice, `orElse()` for a default, `assertPresent()` to declare it present. The `@ts-expect-error`
// lines are the assertions of the negative cases: each fails the type-check if its error goes away.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ChainOutput, Condition, NotAnOperand, NumberRef, QueryLanguage, StringRef } from "../index.ts";
import { jsonata, lambda, not, states, succeed, typeOnly, workflow } from "../index.ts";

interface Claim {
  readonly claimId: string;
  readonly note?: string;
  readonly amount?: number;
  readonly customer?: { readonly name: string; readonly tier?: "gold" | "silver" };
  readonly lines: readonly { readonly sku: string }[];
}

const review = lambda("Review", {
  entry: "./review.ts",
  handler: async () => async (event: { readonly id: string; readonly note: string; readonly priority?: number }) => ({ ok: event.id !== "" }),
});

const flow = workflow("Claims", { input: typeOnly<Claim>() });

describe("reading data that may be absent where AWS fails on it is a type error", () => {
  it("in an output or arguments field (JSONata Output/Arguments, JSONPath Parameters)", () => {
    // @ts-expect-error - `note` may be absent: the Output field would fail with States.QueryEvaluationError
    flow.pass("P1", { output: ($) => ({ id: $.input.claimId, note: $.input.note }) });
    // @ts-expect-error - the whole output may be absent
    flow.pass("P2", { output: ($) => $.input.note });
    // @ts-expect-error - a field of an optional object is absent when the object is
    flow.pass("P3", { output: ($) => ({ name: $.input.customer.name }) });
    // @ts-expect-error - an array element may not exist (JSONPath `$.lines[0]` on an empty array fails)
    flow.pass("P4", { output: ($) => ({ first: $.input.lines.elementAt(0).sku }) });
    // @ts-expect-error - nested in an array of the template, still a field AWS evaluates on its own
    flow.pass("P5", { output: ($) => ({ all: [$.input.claimId, $.input.note] }) });
    // @ts-expect-error - the handler requires `note: string`; the request field would fail when absent
    flow.task("T1", review, { arguments: ($) => ({ id: $.input.claimId, note: $.input.note }) });
    // @ts-expect-error - the handler's `priority?` is optional, but the request field still fails when `amount` is absent
    flow.task("T2", review, { arguments: ($) => ({ id: $.input.claimId, note: "n", priority: $.input.amount }) });
    // @ts-expect-error - a task's output reading an optional input field
    flow.task("T3", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }), output: ($) => ({ ok: $.result.ok, note: $.input.note }) });
  });

  it("in an assign, an itemSelector and a Catcher's output", () => {
    // @ts-expect-error - an Assign field fails on absent data too ("Assign/x returned nothing")
    flow.pass("A1", { assign: ($) => ({ note: $.input.note }) });
    // @ts-expect-error - each ItemSelector field is evaluated for every item
    flow.map("M1", { items: ($) => $.input.lines, itemSelector: ($) => ({ sku: $.item.sku, note: $.input.note }), processor: (s) => s.succeed("Done") });
    const handled = states<{ readonly why: string }>().pass("Handled");
    flow
      .task("T4", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }) })
      // @ts-expect-error - `Cause` is absent from some error outputs (States.Timeout has none)
      .catch({ errors: ["States.ALL"], output: ($) => ({ why: $.errorOutput.Cause }), next: handled });
    const catcher = { errors: ["States.ALL"], next: handled } as const;
    // @ts-expect-error - the same Catcher in a task's `catch` option (one line: TypeScript 6 reports the call, 7 the Catcher)
    flow.task("T5", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }), catch: [{ ...catcher, output: ($) => ({ why: $.errorOutput.Cause }) }] });
    const errorTarget = states<{ readonly Error: string; readonly Cause?: string }>().pass("Logged");
    // @ts-expect-error - a Catcher's Assign field
    flow.task("T7", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }) }).catch({ errors: ["States.ALL"], assign: ($) => ({ why: $.errorOutput.Cause }), next: errorTarget });
    // @ts-expect-error - the same in a task's `catch` option
    flow.task("T8", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }), catch: [{ ...catcher, next: errorTarget, assign: ($) => ({ why: $.errorOutput.Cause }) }] });
    flow.task("T9", review, { arguments: ($) => ({ id: $.input.claimId, note: "n" }) }).catch({ errors: ["States.ALL"], assign: ($) => ({ why: $.errorOutput.Cause.orElse("") }), next: errorTarget });
    flow.task("T6", review, {
      arguments: ($) => ({ id: $.input.claimId, note: "n" }),
      catch: [{ errors: ["States.ALL"], output: ($) => ({ why: $.errorOutput.Cause.orElse("no cause") }), next: handled }],
    });
  });

  it("in a Choice state's and a Choice rule's output and assign (JSONata Output/Assign)", () => {
    // @ts-expect-error - the Default path's Output field
    flow.choice("D1", { output: ($) => ({ note: $.input.note }) });
    // @ts-expect-error - the Default path's Assign field
    flow.choice("D2", { assign: ($) => ({ note: $.input.note }) });
    // @ts-expect-error - a rule's Output field
    flow.choice("D3").when(($) => $.input.note.isPresent(), succeed("S3"), { output: ($) => ({ note: $.input.note }) });
    // @ts-expect-error - a rule's Assign field
    flow.choice("D4").when(($) => $.input.note.isPresent(), succeed("S4"), { assign: ($) => ({ note: $.input.note }) });
    const narrowed = flow
      .choice("D5", { output: ($) => ({ note: $.input.note.orElse("none") }), assign: ($) => ({ id: $.input.claimId }) })
      .when(($) => $.input.note.isPresent(), succeed("S5"), { output: ($) => ({ note: $.input.note.assertPresent() }), assign: ($) => ({ seen: $.input.note.orElse("") }) });
    expect(narrowed).toBeTypeOf("object");
  });

  it("in a Choice comparison or type test (JSONPath fails with States.Runtime on a missing Variable)", () => {
    // @ts-expect-error - a comparison on an optional string
    flow.choice("C1").when(($) => $.input.note.eq("x"), succeed("S1"));
    // @ts-expect-error - a comparison on an optional number
    flow.choice("C2").when(($) => $.input.amount.gt(5), succeed("S2"));
    // @ts-expect-error - a type test other than isPresent
    flow.choice("C3").when(($) => $.input.note.isNull(), succeed("S3"));
    // @ts-expect-error - a comparison on a field of an optional object
    flow.choice("C4").when(($) => $.input.customer.name.matches("A*"), succeed("S4"));
    // @ts-expect-error - an optional value as the other side (a `…Path` operand fails the same way)
    flow.choice("C5").when(($) => $.input.claimId.eq($.input.note), succeed("S5"));
  });
});

describe("narrowing", () => {
  it("orElse(): the data or a default of its own type", () => {
    const noted = flow.pass("P", { output: ($) => ({ id: $.input.claimId, note: $.input.note.orElse("none"), tier: $.input.customer.tier.orElse("silver") }) });
    expectTypeOf<ChainOutput<typeof noted>>().toEqualTypeOf<{ id: string; note: string; tier: "gold" | "silver" }>();
    flow.choice("C").when(($) => $.input.amount.orElse(0).gt(5), succeed("Big"));
    flow.task("T", review, { arguments: ($) => ({ id: $.input.claimId, note: $.input.note.orElse(""), priority: $.input.amount.orElse(1) }) });
    // @ts-expect-error - the default must have the field's type
    flow.pass("P2", { output: ($) => ({ note: $.input.note.orElse(0) }) });
    // @ts-expect-error - a literal union's default must be a member
    flow.pass("P3", { output: ($) => ({ tier: $.input.customer.tier.orElse("bronze") }) });
    // @ts-expect-error - present data needs no default
    flow.pass("P4", { output: ($) => ({ id: $.input.claimId.orElse("x") }) });
  });

  it("ifPresent(): a test of the data, false when it is absent", () => {
    flow.choice("C").when(
      ($) =>
        $.input.note.ifPresent((note) => {
          expectTypeOf(note).toEqualTypeOf<NotAnOperand & StringRef<string>>();
          return note.eq("urgent");
        }),
      succeed("Urgent"),
    );
    flow.choice("C2").when(($) => not($.input.customer.ifPresent((customer) => customer.tier.ifPresent((tier) => tier.eq("gold")))), succeed("NotGold"));
    // @ts-expect-error - the test must return a condition (and without types, the call throws)
    expect(() => flow.choice("C3").when(($) => $.input.note.ifPresent((note) => note), succeed("S3"))).toThrow(/^ifPresent\(\) must be given a function returning a condition/);
  });

  it("assertPresent(): declared present, typed without undefined", () => {
    const read = flow.pass("P", { output: ($) => ({ note: $.input.note.assertPresent(), first: $.input.lines.elementAt(0).assertPresent().sku }) });
    expectTypeOf<ChainOutput<typeof read>>().toEqualTypeOf<{ note: string; first: string }>();
    flow.choice("C").when(($) => {
      expectTypeOf($.input.amount.assertPresent()).toEqualTypeOf<NotAnOperand & NumberRef<number>>();
      return $.input.amount.assertPresent().gt(5);
    }, succeed("S"));
  });

  it("isPresent() and expressions still take data that may be absent", () => {
    const noted = flow.choice("C").when(($) => $.input.note.isPresent(), succeed("Noted"));
    expect(noted).toBeTypeOf("object");
    const counted = flow.pass("P", { output: ($) => ({ length: jsonata<number>`$length(${$.input.note})` }) });
    expectTypeOf<ChainOutput<typeof counted>>().toEqualTypeOf<{ length: number }>();
  });
});

function compile(queryLanguage: QueryLanguage) {
  const wf = workflow("Narrowed", { input: typeOnly<Claim>(), queryLanguage });
  return wf
    .startWith(
      wf
        .choice("Route")
        .when(($) => $.input.note.ifPresent((note) => note.eq("urgent")), wf.pass("Urgent", { output: ($) => ({ note: $.input.note.assertPresent() }) }))
        .when(($) => $.input.customer.ifPresent((c) => c.name.matches("VIP*")), succeed("Vip"))
        .otherwise(succeed("Other")),
    )
    .compile();
}

describe("compiled ASL of the narrowing forms", () => {
  it("JSONata: ifPresent is $exists(…) and the test; assertPresent the plain path; orElse a conditional", () => {
    const { asl } = compile("JSONata");
    expect(asl?.States["Route"]).toMatchObject({
      Choices: [
        { Condition: '{% ($exists($states.input.note) and $states.input.note = "urgent") %}' },
        { Condition: "{% ($exists($states.input.customer) and $contains($states.input.customer.name, /^VIP.*$/)) %}" },
      ],
    });
    expect(asl?.States["Urgent"]).toMatchObject({ Output: { note: "{% $states.input.note %}" } });
    const wf = workflow("Default", { input: typeOnly<Claim>() });
    const out = wf.startWith(wf.pass("P", { output: ($) => ({ note: $.input.note.orElse("none"), big: $.input.amount.orElse(0).gt(5) }) })).toAsl();
    expect(out.States["P"]).toMatchObject({
      Output: {
        note: '{% ($exists($states.input.note) ? $states.input.note : "none") %}',
        big: "{% ($exists($states.input.amount) ? $states.input.amount : 0) > 5 %}",
      },
    });
  });

  it("JSONPath: ifPresent is And [IsPresent, the test]; assertPresent the plain path", () => {
    const { asl, diagnostics } = compile("JSONPath");
    expect(diagnostics).toEqual([]);
    expect(asl?.States["Route"]).toMatchObject({
      Choices: [
        { And: [{ Variable: "$.note", IsPresent: true }, { Variable: "$.note", StringEquals: "urgent" }] },
        { And: [{ Variable: "$.customer", IsPresent: true }, { Variable: "$.customer.name", StringMatches: "VIP*" }] },
      ],
    });
    expect(asl?.States["Urgent"]).toMatchObject({ Parameters: { "note.$": "$.note" } });
  });

  it("JSONPath: orElse is NOT_EXPRESSIBLE, with why and what to write, at the call", () => {
    const wf = workflow("DefaultPath", { input: typeOnly<Claim>(), queryLanguage: "JSONPath" });
    const { diagnostics } = wf
      .startWith(wf.choice("C").when(($) => $.input.amount.orElse(0).gt(5), wf.pass("P", { output: ($) => ({ note: $.input.note.orElse("none") }) })).otherwise(succeed("Small")))
      .compile();
    expect(diagnostics.map((d) => `${d.code} ${d.path}`).sort()).toEqual(["NOT_EXPRESSIBLE /States/C/Choices/0", "NOT_EXPRESSIBLE /States/P"]);
    for (const d of diagnostics) {
      expect(d.message).toMatch(/^orElse\(\) needs a JSONata workflow: JSONPath has no default, and a path to an absent field fails the state; branch with a Choice on isPresent\(\) instead \(.*optional-fields\.test\.ts:\d+/);
    }
  });

  it("ifPresent() refuses a test that is not a condition when the types are bypassed", () => {
    const wf = workflow("Bypassed", { input: typeOnly<Claim>() });
    const untypedTest = ((note: unknown) => note) as unknown as (note: unknown) => Condition;
    expect(() => wf.choice("C").when(($) => $.input.note.ifPresent(untypedTest), succeed("S"))).toThrow(
      /^ifPresent\(\) must be given a function returning a condition \(such as \(v\) => v\.eq\("x"\)\), but it returned a reference \(.*optional-fields\.test\.ts:\d+/,
    );
  });
});
