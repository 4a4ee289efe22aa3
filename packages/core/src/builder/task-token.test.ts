// `$.context.Task.Token` exists only in the `arguments` of a callback (`.waitForTaskToken`) task:
// AWS sets it there and nowhere else, not even in a job-run (`.sync`) task, and neither does the
// local runtime. The root `npm test` type-checks this file, so every `@ts-expect-error` must still
// catch an error.
import { describe, expect, it } from "vitest";
import { lambda, resource, sdkIntegration, serviceIntegration, typeOnly, workflow } from "../index.ts";

const handler = async (event: { readonly requestId: string; readonly taskToken: string }) => ({ sent: event.requestId });
const ask = lambda("Ask", { entry: "./ask.ts", handler: async () => handler, pattern: "waitForTaskToken" });
const send = lambda("Send", { entry: "./ask.ts", handler: async () => handler });
const flow = workflow("Token", { input: typeOnly<{ readonly requestId: string }>() });

describe("$.context.Task.Token", () => {
  it("is read in a callback task's arguments: a callback lambda, a waitForTaskToken integration or ARN", () => {
    const queue = serviceIntegration<{ readonly QueueUrl: string; readonly MessageBody: string }>("sqs", "sendMessage", { pattern: "waitForTaskToken" });
    const byArn = resource<{ readonly token: string }>("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
    const arn: string = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    const chain = flow
      .task("Ask", ask, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) })
      .task("Queue", queue, { arguments: ($) => ({ QueueUrl: "q", MessageBody: $.context.Task.Token }) })
      .task("ByArn", byArn, { arguments: ($) => ({ token: $.context.Task.Token }) })
      // An ARN not known literally might wait for a callback: the token is offered.
      .task("Unknown", resource<{ readonly token: string }>(arn), { arguments: ($) => ({ token: $.context.Task.Token }) })
      .task("Placeholder", resource("${SendMessageArn}"), { arguments: ($) => ({ token: $.context.Task.Token }) });
    expect(flow.startWith(chain).toAsl().States["Queue"]).toMatchObject({ Arguments: { MessageBody: "{% $states.context.Task.Token %}" } });
  });

  it("is a type error anywhere else: a request-response task, another integration, a Pass", () => {
    // @ts-expect-error - Send does not wait for a callback: AWS sets no Task.Token
    flow.task("Send", send, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }) });
    // @ts-expect-error - a request-response integration has no token either
    flow.task("Queue", serviceIntegration("sqs", "sendMessage", { pattern: "requestResponse" }), { arguments: ($) => ({ QueueUrl: "q", MessageBody: $.context.Task.Token }) });
    // @ts-expect-error - nor a literal ARN without .waitForTaskToken
    flow.task("ByArn", resource("arn:aws:states:::sqs:sendMessage"), { arguments: ($) => ({ token: $.context.Task.Token }) });
    // @ts-expect-error - nor a job-run (.sync:2) ARN: AWS waits for the job, with no token in the context
    flow.task("Child", resource("arn:aws:states:::states:startExecution.sync:2"), { arguments: ($) => ({ Input: { token: $.context.Task.Token } }) });
    // @ts-expect-error - nor a .sync ARN
    flow.task("Job", resource("arn:aws:states:::glue:startJobRun.sync"), { arguments: ($) => ({ token: $.context.Task.Token }) });
    // @ts-expect-error - nor an integration with pattern "sync"
    flow.task("Build", serviceIntegration("codebuild", "startBuild", { pattern: "sync" }), { arguments: ($) => ({ token: $.context.Task.Token }) });
    // @ts-expect-error - nor an AWS SDK integration with pattern "sync:2"
    flow.task("Run", sdkIntegration("sfn", "startExecution", { pattern: "sync:2" }), { arguments: ($) => ({ token: $.context.Task.Token }) });
    // @ts-expect-error - nor a Pass state
    flow.pass("Keep", { output: ($) => ({ token: $.context.Task.Token }) });
    // @ts-expect-error - nor a callback task's output: the token is for the request
    flow.task("Ask", ask, { arguments: ($) => ({ requestId: $.input.requestId, taskToken: $.context.Task.Token }), output: ($) => ({ token: $.context.Task.Token }) });
    // The assertions are the @ts-expect-error lines: the type-check (tsc 7, and TypeScript 6 in
    // test/typescript-6.test.ts) fails on one that no longer catches an error.
  });
});
