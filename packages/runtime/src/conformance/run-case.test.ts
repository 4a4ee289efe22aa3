import { describe, expect, it } from "vitest";
import { runCase } from "./run-case.ts";

const handler = () => async (event: unknown) => event;

describe("runCase", () => {
  it("uses the case's names for the context object and binds its Lambdas", async () => {
    const actual = await runCase(
      {
        id: "x",
        category: "base",
        definition: {
          StartAt: "T",
          States: { T: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:111111111111:function:f", Parameters: { "n.$": "$$.Execution.Name" }, End: true } },
        },
        input: {},
        execution: { executionName: "exec-1", stateMachineName: "sm", region: "us-east-1", accountId: "111111111111" },
        lambdas: { f: { arn: "arn:aws:lambda:us-east-1:111111111111:function:f", handler: "ignored", runtime: "python3.12" } },
        expected: { status: "SUCCEEDED" },
      },
      handler,
    );
    expect(actual).toMatchObject({ status: "SUCCEEDED", output: { n: "exec-1" }, outputText: '{"n":"exec-1"}' });
    expect(actual.history?.[1]).toBe("TaskStateEntered:T");
  });

  it("reports a rejected definition as CREATE_FAILED", async () => {
    const actual = await runCase({ id: "y", category: "base", definition: { StartAt: "Nope", States: {} }, expected: { status: "CREATE_FAILED" } }, handler);
    expect(actual.status).toBe("CREATE_FAILED");
  });
});
