// Catchers that keep the state input and put the error output under a field (`resultField`, JSONPath
// `ResultPath`), and Fail `error`/`cause` read from optional fields. The root `npm test` type-checks
// this file, so every `@ts-expect-error` must still catch an error.
import { describe, expect, expectTypeOf, it } from "vitest";
import { fail, resource, states, succeed, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, ErrorOutput, QueryLanguage } from "../index.ts";

interface Order {
  readonly orderId: string;
  readonly amount: number;
}
type Failed = Order & { readonly failure: ErrorOutput };
const charge = resource<{ readonly orderId: string }, { readonly chargeId: string }, readonly ["Declined"]>("arn:aws:lambda:us-east-1:111122223333:function:Charge", {
  errors: ["Declined"],
});
const flowIn = (queryLanguage: QueryLanguage) => workflow("Catching", { input: typeOnly<Order>(), queryLanguage });

// The error output's Cause may be missing: an optional string reference is accepted as the cause.
const refund = states<Failed>().fail("PaymentFailed", { error: ($) => $.input.failure.Error, cause: ($) => $.input.failure.Cause });

describe("Catcher resultField", () => {
  it("types what `next` receives: the state input with the error output under the field", () => {
    const flow = flowIn("JSONPath");
    const caught = flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }), resultField: "payment" }).catch({ errors: ["Declined"], resultField: "failure", next: refund });
    expectTypeOf<ChainOutput<typeof caught>>().toEqualTypeOf<{ readonly orderId: string; readonly amount: number; readonly payment: { readonly chargeId: string } }>();
    const passOn = flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) }).catch({ errors: ["States.ALL"], resultField: "failure", next: (states<Failed>().pass("Note")) });
    expectTypeOf<ChainOutput<typeof passOn>>().toEqualTypeOf<{ readonly chargeId: string } | Failed>();
    // The options form too.
    const inOptions = flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }), catch: [{ errors: ["Declined"], resultField: "failure", next: refund }] });
    expect(inOptions.then).toBeTypeOf("function");
  });

  it("rejects a `next` that does not accept what the Catcher passes on, and resultField with output", () => {
    const flow = flowIn("JSONPath");
    const task = flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) });
    const wantsProblem = states<Order & { readonly problem: ErrorOutput }>().succeed("Problem");
    // @ts-expect-error - the error sits under `failure`, `next` reads `problem`
    task.catch({ errors: ["Declined"], resultField: "failure", next: wantsProblem });
    // @ts-expect-error - without resultField `next` gets { Error, Cause } only
    task.catch({ errors: ["Declined"], next: refund });
    // @ts-expect-error - a Catcher either builds its output or keeps the input: not both
    task.catch({ errors: ["Declined"], resultField: "failure", output: ($) => $.errorOutput, next: succeed("Done") });
    // @ts-expect-error - in the options form as well
    flow.task("Charge2", charge, { arguments: ($) => ({ orderId: $.input.orderId }), catch: [{ errors: ["Declined"], resultField: "failure", next: wantsProblem }] });
  });

  it("golden: JSONPath ResultPath, JSONata $merge into Output", () => {
    const build = (language: QueryLanguage) => {
      const flow = flowIn(language);
      return flow
        .startWith(flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) }).catch({ errors: ["Declined"], resultField: "failure", next: refund }))
        .toAsl();
    };
    const jsonPath = build("JSONPath");
    expect(jsonPath.States["Charge"]).toMatchObject({ Catch: [{ ErrorEquals: ["Declined"], ResultPath: "$.failure", Next: "PaymentFailed" }] });
    expect(jsonPath.States["PaymentFailed"]).toEqual({ Type: "Fail", ErrorPath: "$.failure.Error", CausePath: "$.failure.Cause" });
    const jsonata = build("JSONata");
    expect(jsonata.States["Charge"]).toMatchObject({
      Catch: [{ ErrorEquals: ["Declined"], Output: '{% $merge([$states.input, {"failure": $states.errorOutput}]) %}', Next: "PaymentFailed" }],
    });
    expect(jsonata.States["PaymentFailed"]).toEqual({ Type: "Fail", Error: "{% $states.input.failure.Error %}", Cause: "{% $states.input.failure.Cause %}" });
  });

  it("golden: a Catcher whose output is the state's input is JSONPath `ResultPath: null`, JSONata `$states.input`", () => {
    const build = (language: QueryLanguage) => {
      const flow = flowIn(language);
      const retryLater = states<Order>().pass("RetryLater");
      return flow.startWith(flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) }).catch({ errors: ["Declined"], output: ($) => $.input, next: retryLater })).toAsl();
    };
    expect(build("JSONPath").States["Charge"]).toMatchObject({ Catch: [{ ErrorEquals: ["Declined"], ResultPath: null, Next: "RetryLater" }] });
    expect(build("JSONata").States["Charge"]).toMatchObject({ Catch: [{ ErrorEquals: ["Declined"], Output: "{% $states.input %}", Next: "RetryLater" }] });
  });
});

describe("Fail error and cause", () => {
  it("take optional string references, never other types", () => {
    const flow = flowIn("JSONata");
    states<ErrorOutput>().fail("F", { cause: ($) => $.input.Cause });
    // @ts-expect-error - a number is no error name
    flow.fail("F", { error: ($) => $.input.amount });
    // @ts-expect-error - an object is no cause
    states<Failed>().fail("F", { cause: ($) => $.input.failure });
    expect(fail("Plain", { error: "E", cause: "c" })).toBeDefined();
  });
});
