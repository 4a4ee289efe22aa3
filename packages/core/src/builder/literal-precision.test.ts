// Literal types are kept where a mistake hides: `.eq("APROVE")` on an `"APPROVE" | "DENY"` field,
// and a misspelt optional task argument (`priorty` where the handler takes `priority?`), used to
// type-check and compile to a test that is never true or a field the handler never reads.
import { describe, expect, it } from "vitest";
import { lambda, succeed, typeOnly, workflow } from "../index.ts";

interface Decision {
  readonly id: string;
  readonly verdict: "APPROVE" | "DENY";
  readonly level: 1 | 2 | 3;
  readonly note?: "urgent" | "later";
  readonly other: string;
}
const flow = workflow("Precision", { input: typeOnly<Decision>() });

const notify = lambda("Notify", {
  entry: "./notify.ts",
  handler: async () => async (event: { readonly id: string; readonly priority?: number; readonly channel?: { readonly kind?: "sms" | "email" } }) => ({ sent: event.id }),
});
const either = lambda("Either", {
  entry: "./either.ts",
  handler: async () => async (event: { readonly a: string } | { readonly b: number }) => ({ ok: "a" in event }),
});

describe("eq() on literal unions", () => {
  it("takes a member of the union, or any data of the base type", () => {
    const route = flow
      .choice("C")
      .when(($) => $.input.verdict.eq("APPROVE"), succeed("A"))
      .when(($) => $.input.level.eq(2), succeed("B"))
      .when(($) => $.input.note.ifPresent((note) => note.eq("urgent")), succeed("N"))
      .when(($) => $.input.verdict.eq($.input.other), succeed("O"))
      .otherwise(succeed("D"));
    expect(flow.startWith(route).toAsl().States["C"]).toMatchObject({ Choices: [{ Condition: '{% $states.input.verdict = "APPROVE" %}' }, {}, {}, {}] });
  });

  it("refuses a literal outside the union", () => {
    // @ts-expect-error - "APROVE" is not "APPROVE" | "DENY"
    flow.choice("C1").when(($) => $.input.verdict.eq("APROVE"), succeed("A1"));
    // @ts-expect-error - 4 is not 1 | 2 | 3
    flow.choice("C2").when(($) => $.input.level.eq(4), succeed("A2"));
    // @ts-expect-error - "soon" is not a note, on an optional field too
    flow.choice("C3").when(($) => $.input.note.eq("soon"), succeed("A3"));
    // The assertions are the @ts-expect-error lines: the type-check (tsc 7, and TypeScript 6 in
    // test/typescript-6.test.ts) fails on one that no longer catches an error.
  });
});

describe("task arguments with fields the handler does not take", () => {
  it("accepts declared optional fields, nested ones and union members", () => {
    const compiled = (chain: Parameters<typeof flow.startWith>[0]) => flow.startWith(chain).toAsl().States;
    const n = compiled(flow.task("N", notify, { arguments: ($) => ({ id: $.input.id, priority: 5, channel: { kind: "sms" } }) }));
    const e = compiled(flow.task("E", either, { arguments: ($) => ({ a: $.input.id }) }));
    const f = compiled(flow.task("F", either, { arguments: () => ({ b: 1 }) }));
    expect(n["N"]).toMatchObject({ Arguments: { Payload: { id: "{% $states.input.id %}", priority: 5, channel: { kind: "sms" } } } });
    expect(e["E"]).toMatchObject({ Arguments: { Payload: { a: "{% $states.input.id %}" } } });
    expect(f["F"]).toMatchObject({ Arguments: { Payload: { b: 1 } } });
  });

  it("refuses a misspelt optional field", () => {
    // @ts-expect-error - `priorty` is not a field of the handler's input (it takes `priority?`)
    flow.task("N1", notify, { arguments: ($) => ({ id: $.input.id, priorty: 5 }) });
    // @ts-expect-error - no member of the union has `c`
    flow.task("E1", either, { arguments: ($) => ({ a: $.input.id, c: 1 }) });
    // The assertions are the @ts-expect-error lines (see above).
  });
});
