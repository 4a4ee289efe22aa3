// `lambda({ pattern: "waitForTaskToken", callbackOutput })`: a callback Task's result is what the
// callback sends, not the handler's return value. The root `npm test` type-checks this file, so
// every `@ts-expect-error` must still catch an error.
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { lambda, typeOnly, workflow } from "../index.ts";
import type { ChainOutput, Json } from "../index.ts";

interface Decision {
  readonly decision: "APPROVED" | "REJECTED";
  readonly decidedBy: string;
}
interface AskEvent {
  readonly requestId: string;
  readonly taskToken: string;
}
// The handler sends an email and returns its message id: that never reaches the workflow.
const sendEmail = async (event: AskEvent): Promise<{ readonly messageId: string }> => ({ messageId: event.requestId });

const ask = lambda("Ask", {
  entry: "./ask.ts",
  handler: async () => sendEmail,
  pattern: "waitForTaskToken",
  callbackOutput: typeOnly<Decision>(),
  errors: ["MailboxFull"] as const,
});
const askUntyped = lambda("AskUntyped", { entry: "./ask.ts", handler: async () => sendEmail, pattern: "waitForTaskToken" });
const DecisionSchema = z.object({ decision: z.enum(["APPROVED", "REJECTED"]), decidedBy: z.string() });
const askZod = lambda("AskZod", { entry: "./ask.ts", handler: async () => sendEmail, pattern: "waitForTaskToken", callbackOutput: DecisionSchema });
const send = lambda("Send", { entry: "./ask.ts", handler: async () => sendEmail });

const flow = workflow("Callback", { input: typeOnly<{ readonly requestId: string }>() });

describe("callback output types the callback Task's result", () => {
  it("$.result is the declared callback output (typeOnly or a schema)", () => {
    const chain = flow.task("Ask", ask, {
      arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }),
      output: ($) => ({ decision: $.result.decision, by: $.result.decidedBy }),
    });
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<{ decision: "APPROVED" | "REJECTED"; by: string }>();
    const plain = flow.task("AskZod", askZod, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) });
    expectTypeOf<ChainOutput<typeof plain>>().toEqualTypeOf<{ decision: "APPROVED" | "REJECTED"; decidedBy: string }>();
    // A Choice reads the decision without a cast.
    const decided = chain.choice("Approved?").when(($) => $.input.decision.eq("APPROVED"), (s) => s.succeed("Yes")).otherwise((s) => s.fail("No"));
    expect(flow.startWith(decided).compile().diagnostics).toEqual([]);
  });

  it("the handler's own result is not the Task's result; errors still come from the declaration", () => {
    flow.task("Ask", ask, {
      arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }),
      // @ts-expect-error - `messageId` is what the handler returns, not what the callback sends
      output: ($) => $.result.messageId,
    });
    const retried = flow
      .task("Ask", ask, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) })
      .retry({ errors: ["MailboxFull", "Lambda.ServiceException"] });
    // @ts-expect-error - the handler does not declare `Nope`
    retried.retry({ errors: ["Nope"] });
    // @ts-expect-error - the event must still fit the handler's event type
    flow.task("Ask", ask, { arguments: ($) => ({ requestId: $.input.requestId }) });
  });

  it("without callbackOutput a callback's result is untyped Json, never the handler's return type", () => {
    const chain = flow.task("AskUntyped", askUntyped, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) });
    expectTypeOf<ChainOutput<typeof chain>>().toEqualTypeOf<Json>();
    // A request-response function keeps the handler's result.
    const sent = flow.task("Send", send, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: "t" }) });
    expectTypeOf<ChainOutput<typeof sent>>().toEqualTypeOf<{ readonly messageId: string }>();
  });

  it("callbackOutput is only for callback functions", () => {
    // @ts-expect-error - a request-response function's result is the handler's; there is no callback
    lambda("Bad", { entry: "./ask.ts", handler: async () => sendEmail, callbackOutput: typeOnly<Decision>() });
    // @ts-expect-error - likewise with the pattern spelled out
    lambda("Bad", { entry: "./ask.ts", handler: async () => sendEmail, pattern: "requestResponse", callbackOutput: typeOnly<Decision>() });
    expect(ask.pattern).toBe("waitForTaskToken");
  });

  it("compiles as before (the callback output is a type and a schema, never ASL) and the declaration carries the schema", () => {
    const wf = flow.startWith(flow.task("Ask", ask, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) }));
    expect(wf.toAsl().States["Ask"]).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
      Arguments: { FunctionName: "Ask", Payload: { requestId: "{% $states.input.requestId %}", taskToken: "{% $states.context.Task.Token %}" } },
      End: true,
    });
    expect(wf.lambdas[0]?.callbackOutputSchema).toBe(ask.callbackOutputSchema);
    expect(askZod.callbackOutputSchema).toBe(DecisionSchema);
    expect(askUntyped.callbackOutputSchema).toBeUndefined();
  });
});
