// Rough edges of the builder: a Catch target given as a function (as every other transition may
// be), and a workflow that takes no input declared without options.
import { describe, expect, expectTypeOf, it } from "vitest";
import { lambda, literal, states, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, ErrorOutput, StateFactories } from "../index.ts";

const check = lambda("Check", {
  entry: "./check.ts",
  handler: async () => async (_event: { readonly id: string }) => ({ ok: true }),
  errors: ["Rejected"] as const,
});
const flow = workflow("Edges", { input: typeOnly<{ readonly id: string }>() });

describe("a Catch target built by a function", () => {
  it("works in .catch(), typed by what the Catcher passes on", () => {
    const chain = flow
      .task("Check", check, { arguments: ($) => ({ id: $.input.id }) })
      .catch({
        errors: ["Rejected"],
        next: (s) => s.pass("Explain", { output: ($) => ({ why: $.input.Error }) }),
      })
      .catch({ errors: ["States.ALL"], resultField: "failure", next: (s) => s.pass("Keep", { output: ($) => ({ id: $.input.id, error: $.input.failure.Error }) }) });
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<{ ok: boolean } | { why: string } | { id: string; error: string }>();
    const states = flow.startWith(chain).toAsl().States;
    expect(states["Check"]).toMatchObject({ Catch: [{ ErrorEquals: ["Rejected"], Next: "Explain" }, { ErrorEquals: ["States.ALL"], Next: "Keep" }] });
    expect(Object.keys(states)).toEqual(["Check", "Explain", "Keep"]);
  });

  it("works in a task's catch option", () => {
    const chain = flow.task("Check", check, {
      arguments: ($) => ({ id: $.input.id }),
      catch: [{ errors: ["Rejected"], next: (s) => s.pass("Explain", { output: ($) => ({ why: $.input.Error }) }) }],
    });
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<{ ok: boolean } | { why: string }>();
    expect(flow.startWith(chain).toAsl().States["Check"]).toMatchObject({ Catch: [{ ErrorEquals: ["Rejected"], Next: "Explain" }] });
  });

  it("refuses a function whose chain reads what the Catcher does not pass on", () => {
    flow.task("Check", check, { arguments: ($) => ({ id: $.input.id }) }).catch({
      errors: ["Rejected"],
      // @ts-expect-error - the error output has no `id`
      next: (s) => s.pass("Explain", { output: ($) => ({ id: $.input.id }) }),
    });
    expectTypeOf<ErrorOutput>().not.toHaveProperty("id");
  });
});

describe("a workflow that takes no input", () => {
  it("needs no options: JSONata, input `{}`", () => {
    const hello = workflow("Hello");
    expect(hello.queryLanguage).toBe("JSONata");
    expect(hello.startWith(hello.pass("Greet", { output: () => ({ greeting: "hello" }) })).toAsl()).toEqual({
      QueryLanguage: "JSONata",
      StartAt: "Greet",
      States: { Greet: { Type: "Pass", Output: { greeting: "hello" }, End: true } },
    });
    // @ts-expect-error - a workflow without input has no fields to read
    hello.pass("Read", { output: ($) => $.input.name });
    const path = workflow("HelloPath", { queryLanguage: "JSONPath" });
    expect(path.startWith(path.pass("P")).toAsl()).toMatchObject({ StartAt: "P" });
  });
});

describe("resultField keeps the input's optional fields optional", () => {
  it("under exactOptionalPropertyTypes, `notes?: string` stays optional, not `string | undefined`", () => {
    const noted = workflow("Noted", { input: typeOnly<{ readonly id: string; readonly notes?: string; readonly scored?: number }>() });
    const chain = noted.task("Check", check, { arguments: ($) => ({ id: $.input.id }), resultField: "scored" });
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<{ readonly id: string; readonly notes?: string; readonly scored: { ok: boolean } }>();
    const caught = noted.task("Check", check, { arguments: ($) => ({ id: $.input.id }) }).catch({ errors: ["States.ALL"], resultField: "failure", next: (s) => s.pass("Keep") });
    expectTypeOf<ChainOutput<typeof caught>>().toEqualTypeOf<{ ok: boolean } | { readonly id: string; readonly notes?: string; readonly scored?: number; readonly failure: ErrorOutput }>();
  });
});

describe("end(): a chain that ends where it is", () => {
  it("keeps a Catch target's open end from being continued by what follows the state", () => {
    const chain = flow
      .task("Check", check, { arguments: ($) => ({ id: $.input.id }) })
      .catch({ errors: ["States.ALL"], next: (s) => s.pass("Log", { output: ($) => ({ why: $.input.Error }) }).end() })
      .pass("After");
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<{ ok: boolean }>();
    const states = flow.startWith(chain).toAsl().States;
    expect(states["Log"]).toEqual({ Type: "Pass", Output: { why: "{% $states.input.Error %}" }, End: true });
    expect(states["Check"]).toMatchObject({ Next: "After" });
    // Without end(), the Catch target's open end is joined to "After" too.
    const joined = flow.task("Check", check, { arguments: ($) => ({ id: $.input.id }) }).catch({ errors: ["States.ALL"], next: (s) => s.pass("Log") }).pass("After");
    expect(flow.startWith(joined).toAsl().States["Log"]).toMatchObject({ Next: "After" });
  });
});

describe("numbers AWS refuses, given as literals, are type errors", () => {
  it("a negative Wait, and Retrier numbers below their minimum; computed numbers are left to the validator", () => {
    const task = () => flow.task("Check", check, { arguments: ($) => ({ id: $.input.id }) });
    // @ts-expect-error - a Wait state's seconds must be 0 or more
    flow.wait("Wait", { seconds: -5 });
    // @ts-expect-error - maxAttempts must be 0 or more
    task().retry({ errors: ["States.ALL"], maxAttempts: -1 });
    // @ts-expect-error - backoffRate must be 1.0 or more
    task().retry({ errors: ["States.ALL"], backoffRate: 0.5 });
    // @ts-expect-error - intervalSeconds must be 1 or more
    task().retry({ errors: ["States.ALL"], intervalSeconds: 0 });
    // @ts-expect-error - maxDelaySeconds must be 1 or more
    task().retry({ errors: ["States.ALL"], maxDelaySeconds: 0 });
    const computed: number = -1;
    const accepted = [
      flow.wait("Now", { seconds: 0 }),
      flow.wait("Later", { seconds: 30 }),
      flow.wait("Computed", { seconds: computed }),
      flow.wait("Read", { seconds: () => literal(3) }),
      task().retry({ errors: ["States.ALL"], maxAttempts: 0, backoffRate: 1, intervalSeconds: 1, maxDelaySeconds: 10 }),
      task().retry({ errors: ["Rejected"], maxAttempts: 3, backoffRate: 1.5 }),
      task().retry({ errors: ["States.ALL"], maxAttempts: computed }),
    ];
    expect(accepted).toHaveLength(7);
    // @ts-expect-error - a Wait state's seconds must be a whole number
    flow.wait("Half", { seconds: 1.5 });
    // @ts-expect-error - a Wait state's seconds must be at most 99999999
    flow.wait("Long", { seconds: 100_000_000 });
    // @ts-expect-error - maxAttempts must be a whole number
    task().retry({ errors: ["States.ALL"], maxAttempts: 2.5 });
    // The validator still reports a computed value out of range, at the call.
    expect(flow.startWith(flow.wait("Bad", { seconds: computed })).compile().diagnostics.map((d) => d.path)).toContain("/States/Bad/Seconds");
  });
});

describe("numbers AWS refuses in a task's retry option and a Map's limits are type errors", () => {
  it("each Retrier of a task's `retry` array is checked like `.retry()`", () => {
    // @ts-expect-error - maxAttempts must be a whole number from 0 to 99999999
    flow.task("A", check, { arguments: ($) => ({ id: $.input.id }), retry: [{ errors: ["States.ALL"], maxAttempts: -1 }] });
    // @ts-expect-error - backoffRate must be 1.0 or more (the second Retrier)
    flow.task("B", check, { arguments: ($) => ({ id: $.input.id }), retry: [{ errors: ["Rejected"] }, { errors: ["States.ALL"], backoffRate: 0.5 }] });
    // @ts-expect-error - intervalSeconds must be 1 or more, also without `arguments`
    states<{ readonly id: string }>().task("C", check, { retry: [{ errors: ["States.ALL"], intervalSeconds: 0 }] });
    // @ts-expect-error - an error name the task does not declare is still refused
    flow.task("D", check, { arguments: ($) => ({ id: $.input.id }), retry: [{ errors: ["Rejectd"], maxAttempts: 2 }] });
    const computed: number = 5;
    const built = flow
      .task("E", check, { arguments: ($) => ({ id: $.input.id }), retry: [{ errors: ["Rejected"], maxAttempts: 0, backoffRate: 1.5, intervalSeconds: 2, maxDelaySeconds: 60, jitter: "FULL" }, { errors: ["States.ALL"], maxAttempts: computed }] })
      .pass("Done");
    const asl = flow.startWith(built).toAsl().States["E"];
    expect(asl).toMatchObject({ Retry: [{ ErrorEquals: ["Rejected"], MaxAttempts: 0, BackoffRate: 1.5, IntervalSeconds: 2, MaxDelaySeconds: 60, JitterStrategy: "FULL" }, { ErrorEquals: ["States.ALL"], MaxAttempts: 5 }] });
  });

  it("a Map's maxConcurrency, toleratedFailureCount and toleratedFailurePercentage", () => {
    const list = workflow("Lists", { input: typeOnly<{ readonly items: readonly string[]; readonly limit: number }>() });
    const processor = (s: StateFactories<string, string, {}, never>) => s.pass("Each");
    // @ts-expect-error - maxConcurrency must be a whole number, 0 (no limit) or more
    list.map("M1", { items: ($) => $.input.items, processor, maxConcurrency: -1 });
    // @ts-expect-error - maxConcurrency must be a whole number
    list.map("M2", { items: ($) => $.input.items, processor, maxConcurrency: 2.5 });
    // @ts-expect-error - toleratedFailurePercentage must be from 0 to 100
    list.map("M3", { items: ($) => $.input.items, processor, mode: "distributed", toleratedFailurePercentage: 101 });
    // @ts-expect-error - toleratedFailureCount must be a whole number, 0 or more
    list.map("M4", { items: ($) => $.input.items, processor, mode: "distributed", toleratedFailureCount: -3 });
    const computed: number = 150;
    const accepted = [
      list.map("M5", { items: ($) => $.input.items, processor, maxConcurrency: 0 }),
      list.map("M6", { items: ($) => $.input.items, processor, maxConcurrency: 40, mode: "distributed", toleratedFailurePercentage: 100, toleratedFailureCount: 0 }),
      list.map("M7", { items: ($) => $.input.items, processor, mode: "distributed", toleratedFailurePercentage: 12.5 }),
      list.map("M8", { items: ($) => $.input.items, processor, maxConcurrency: ($) => $.input.limit }),
      list.map("M9", { items: ($) => $.input.items, processor, mode: "distributed", toleratedFailurePercentage: computed }),
    ];
    expect(accepted).toHaveLength(5);
    expect(list.startWith(list.map("M10", { items: ($) => $.input.items, processor, maxConcurrency: ($) => $.input.limit })).toAsl().States["M10"]).toMatchObject({ MaxConcurrency: "{% $states.input.limit %}" });
    // The validator reports a computed value out of range when the workflow compiles.
    const diagnostics = list.startWith(list.map("Bad", { items: ($) => $.input.items, processor, mode: "distributed", toleratedFailurePercentage: computed })).compile().diagnostics;
    expect(diagnostics.map((d) => d.path)).toContain("/States/Bad/ToleratedFailurePercentage");
  });
});

