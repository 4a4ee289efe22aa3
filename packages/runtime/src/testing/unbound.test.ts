import { describe, expect, test } from "vitest";
import "./vitest.ts";
import { FN } from "./fixtures.ts";
import { startTestExecution } from "./start-test-execution.ts";
import { testExecution } from "./test-execution.ts";

const guarded = {
  StartAt: "Charge",
  States: {
    Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "chrage" }, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Refund" }], Next: "Done" },
    Refund: { Type: "Pass", Next: "Done" },
    Done: { Type: "Succeed" },
  },
};

describe("invocations nothing was bound to are listed, even when a Catcher hid them", () => {
  test("a lambda:invoke of a function with no handler is caught as AWS would catch it, and reported", async () => {
    const run = await testExecution(guarded, {}, { tasks: { charge: () => "ok" } });
    expect(run.status).toBe("SUCCEEDED");
    expect(run).toHaveVisited("Refund");
    expect(run.unbound).toEqual([
      expect.objectContaining({ state: "Charge", resource: "arn:aws:states:::lambda:invoke", error: "Lambda.ResourceNotFoundException", cause: expect.stringContaining("function:chrage") }),
    ]);
    expect(() => expect(run).toHaveStateOutput("Done", "charged")).toThrow(
      /Nothing was bound or mocked for: 'Charge' \(arn:aws:states:::lambda:invoke: Lambda\.ResourceNotFoundException\)\. Mock them/,
    );
  });

  test("an unbound resource is reported too; bound and mocked ones are not", async () => {
    const two = {
      StartAt: "A",
      States: {
        A: { Type: "Task", Resource: FN, Next: "B" },
        B: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { Message: "m" }, End: true },
      },
    };
    const run = await testExecution(two, {}, { mocks: { A: { result: 1 } } });
    expect(run.unbound.map((u) => [u.state, u.error])).toEqual([["B", "States.Runtime"]]);
    const fine = await testExecution(two, {}, { mocks: { A: { result: 1 }, B: { result: 2 } } });
    expect(fine.unbound).toEqual([]);
  });

  test("with a custom resolveTask nothing is judged unbound (it decides what binding means)", async () => {
    const run = await testExecution(guarded, {}, {
      resolveTask: () => ({ kind: "service", resourceType: "lambda", resourceAction: "invoke", eventDetails: { resourceType: "lambda", resource: "invoke" }, invoke: () => 1 }),
    });
    expect(run.unbound).toEqual([]);
    expect(run.output).toBe(1);
  });

  test("a controlled execution reports them as well", async () => {
    const run = startTestExecution(guarded, {});
    expect((await run.result()).unbound).toHaveLength(1);
  });
});
