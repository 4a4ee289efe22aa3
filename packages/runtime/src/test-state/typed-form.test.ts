import { TestStateCommand } from "@aws-sdk/client-sfn";
import type { TestStateInput as SdkTestStateInput, TestStateOutput as SdkTestStateOutput } from "@aws-sdk/client-sfn";
import { describe, expect, expectTypeOf, it } from "vitest";
import "../testing/vitest.ts";
import { testState, TestStateRequestError } from "../testing/index.ts";
import type { StateTestOutput, TestStateInput, TestStateOutput } from "../testing/index.ts";

interface Order {
  readonly orderId: string;
  readonly amount: number;
}
interface Charged extends Order {
  readonly charge: { readonly id: string };
}

/** What a `@stepcraft/core` workflow offers the runtime: its ASL (the runtime never imports core). */
const workflow = {
  name: "orders",
  toAsl: () => ({
    QueryLanguage: "JSONata",
    StartAt: "ChargeCard",
    States: {
      ChargeCard: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: { FunctionName: "charge", Payload: "{% $states.input %}" },
        Output: "{% $merge([$states.input, { 'charge': $states.result.Payload }]) %}",
        Catch: [{ ErrorEquals: ["CardDeclined"], Next: "Declined" }],
        Next: "Paid",
      },
      Paid: { Type: "Succeed" },
      Declined: { Type: "Fail", Error: "CardDeclined" },
    },
  }),
};

describe("testState(workflow, stateName, …)", () => {
  it("takes plain values and gives the parsed output, typed", async () => {
    const out = await testState<Order, Charged>(workflow, "ChargeCard", {
      input: { orderId: "o-1", amount: 5 },
      // Lambda's API model has Payload as a blob (text): a JSON Payload passes only with NONE.
      mock: { result: { StatusCode: 200, Payload: { id: "ch-1" } }, fieldValidationMode: "NONE" },
      inspectionLevel: "DEBUG",
    });
    expect(out).toHaveNextState("Paid");
    expect(out.parsedOutput).toEqual({ orderId: "o-1", amount: 5, charge: { id: "ch-1" } });
    expect(out).toHaveInspection({ afterArguments: { FunctionName: "charge", Payload: { orderId: "o-1", amount: 5 } } });
    expectTypeOf(out).toEqualTypeOf<StateTestOutput<Charged>>();
    expectTypeOf(out.parsedOutput).toEqualTypeOf<Charged | undefined>();
  });

  it("a Catch with its next state, and variables, context and configuration as values", async () => {
    const out = await testState(workflow, "ChargeCard", { input: { orderId: "o-1", amount: 5 }, mock: { errorOutput: { error: "CardDeclined", cause: "no funds" } }, variables: { attempt: 1 }, context: { Execution: { Name: "e" } } });
    expect(out).toMatchObject({ status: "CAUGHT_ERROR", nextState: "Declined", error: "CardDeclined" });
  });

  it("refuses a first argument that is no workflow, saying what to pass", async () => {
    await expect(testState({ notAWorkflow: true } as never, "ChargeCard")).rejects.toThrow(TestStateRequestError);
    await expect(testState({ notAWorkflow: true } as never, "ChargeCard")).rejects.toThrow(/takes a workflow with toAsl\(\)/);
  });

  it("types the input", () => {
    // @ts-expect-error - the input must be an Order
    void testState<Order>(workflow, "ChargeCard", { input: { orderId: 1 } }).catch(() => undefined);
    // @ts-expect-error - a mock has a result or an errorOutput
    void testState(workflow, "ChargeCard", { mock: { nothing: true } }).catch(() => undefined);
  });
});

describe("the AWS request and response types", () => {
  it("take a request built for @aws-sdk/client-sfn's TestStateCommand as it is", async () => {
    const command = new TestStateCommand({
      definition: JSON.stringify(workflow.toAsl()),
      stateName: "ChargeCard",
      input: JSON.stringify({ orderId: "o-1", amount: 5 }),
      inspectionLevel: "DEBUG",
      mock: { result: JSON.stringify({ StatusCode: 200, Payload: "ok" }), fieldValidationMode: "STRICT" },
    });
    const out: SdkTestStateOutput = await testState(command.input);
    expect(out).toMatchObject({ status: "SUCCEEDED", nextState: "Paid" });
    expect(out).toHaveInspection({ result: { StatusCode: 200, Payload: "ok" } });
  });

  it("are AWS's member for member, so a server passes @aws-sdk/client-sfn requests straight through", () => {
    expectTypeOf<SdkTestStateInput>().toExtend<TestStateInput>();
    expectTypeOf<TestStateOutput>().toExtend<SdkTestStateOutput>();
    expectTypeOf<keyof SdkTestStateInput>().toEqualTypeOf<keyof TestStateInput>();
    expectTypeOf<keyof SdkTestStateOutput>().toEqualTypeOf<keyof TestStateOutput>();
    expectTypeOf<keyof NonNullable<SdkTestStateOutput["inspectionData"]>>().toEqualTypeOf<keyof NonNullable<TestStateOutput["inspectionData"]>>();
  });
});
