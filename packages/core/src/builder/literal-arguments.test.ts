// `arguments` infer literal types (a `const` type parameter), so a string or number literal matches
// a union-typed handler field without `as const`. The root `npm test` type-checks this file, so
// every `@ts-expect-error` must still catch an error.
import { describe, expect, it } from "vitest";
import { lambda, states, typeOnly, workflow } from "../index.ts";

interface Notice {
  readonly status: "approved" | "rejected";
  readonly level: 1 | 2 | 3;
  readonly urgent: boolean;
  readonly channel: { readonly kind: "email" | "sms" };
  // Mutable on purpose: array literals are inferred as readonly tuples and must still fit.
  tags: ("new" | "vip")[];
  readonly counts: number[];
  readonly requestId: string;
}
const notify = lambda("Notify", { entry: "./notify.ts", handler: async () => async (event: Notice) => ({ sent: event.status }) });

const flow = workflow("Literals", { input: typeOnly<{ readonly id: string; readonly n: number }>() });

describe("literals in arguments keep their literal types", () => {
  it("string, number, nested and array literals match union-typed fields without `as const`", () => {
    const chain = flow.task("Notify", notify, {
      arguments: ($) => ({ status: "approved", level: 2, urgent: false, channel: { kind: "sms" }, tags: ["vip", "new"], counts: [1, $.input.n], requestId: $.input.id }),
    });
    expect(flow.startWith(chain).toAsl().States["Notify"]).toMatchObject({
      Arguments: {
        FunctionName: "Notify",
        Payload: { status: "approved", level: 2, urgent: false, channel: { kind: "sms" }, tags: ["vip", "new"], counts: [1, "{% $states.input.n %}"], requestId: "{% $states.input.id %}" },
      },
    });
    // In a fragment and in JSONPath alike.
    const fragment = states<{ readonly id: string }>().task("Notify2", notify, {
      arguments: ($) => ({ status: "rejected", level: 3, urgent: true, channel: { kind: "email" }, tags: [], counts: [], requestId: $.input.id }),
    });
    const jp = workflow("LiteralsJP", { input: typeOnly<{ readonly id: string }>(), queryLanguage: "JSONPath" });
    expect(jp.startWith(fragment).toAsl().States["Notify2"]).toMatchObject({ Parameters: { Payload: { status: "rejected", level: 3, "requestId.$": "$.id" } } });
  });

  // Each negative call on one line: TypeScript 6 reports the error at the call, TypeScript 7 at the field.
  it("a literal outside the union, or a plain `string`, is still an error", () => {
    const widened: string = "approved";
    // @ts-expect-error - "maybe" is not "approved" | "rejected"
    flow.task("Bad", notify, { arguments: ($) => ({ status: "maybe", level: 1, urgent: false, channel: { kind: "sms" }, tags: [], counts: [], requestId: $.input.id }) });
    // @ts-expect-error - 4 is not 1 | 2 | 3
    flow.task("Bad", notify, { arguments: ($) => ({ status: "approved", level: 4, urgent: false, channel: { kind: "sms" }, tags: [], counts: [], requestId: $.input.id }) });
    // @ts-expect-error - a `string` may be anything: only a literal (or a narrower type) fits the union
    flow.task("Bad", notify, { arguments: ($) => ({ status: widened, level: 1, urgent: false, channel: { kind: "sms" }, tags: [], counts: [], requestId: $.input.id }) });
    // @ts-expect-error - "pigeon" is not a channel kind, nested too
    flow.task("Bad", notify, { arguments: ($) => ({ status: "approved", level: 1, urgent: false, channel: { kind: "pigeon" }, tags: [], counts: [], requestId: $.input.id }) });
    // @ts-expect-error - "gold" is not a tag
    flow.task("Bad", notify, { arguments: ($) => ({ status: "approved", level: 1, urgent: false, channel: { kind: "sms" }, tags: ["gold"], counts: [], requestId: $.input.id }) });
    // @ts-expect-error - a number where the handler takes a string
    flow.task("Bad", notify, { arguments: ($) => ({ status: "approved", level: 1, urgent: false, channel: { kind: "sms" }, tags: [], counts: [], requestId: $.input.n }) });
    expect(widened).toBe("approved");
  });
});

describe("a reference as the whole request", () => {
  const echo = lambda("Echo", { entry: "./echo.ts", handler: async () => async (event: string) => ({ got: event }) });

  it("is accepted when its type fits the task's input (its methods are not taken for misspelt fields)", () => {
    const chain = flow.task("Echo", echo, { arguments: ($) => $.input.id });
    expect(flow.startWith(chain).toAsl().States["Echo"]).toMatchObject({ Arguments: { FunctionName: "Echo", Payload: "{% $states.input.id %}" } });
    const jp = workflow("WholeJP", { input: typeOnly<{ readonly id: string }>(), queryLanguage: "JSONPath" });
    const jpChain = states<{ readonly id: string }>().task("Echo", echo, { arguments: ($) => $.input.id });
    expect(jp.startWith(jpChain).toAsl().States["Echo"]).toMatchObject({ Parameters: { FunctionName: "Echo", "Payload.$": "$.id" } });
  });

  it("of the wrong type is an error", () => {
    // @ts-expect-error - a number where the handler takes a string (this line is the assertion)
    flow.task("Bad", echo, { arguments: ($) => $.input.n });
  });
});
