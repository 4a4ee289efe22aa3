// A source that knows its own resources (a synthesized CDK machine) binds them through bindTasks.
import { describe, expect, it } from "vitest";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskHandler } from "../tasks/types.ts";
import { testExecution } from "./test-execution.ts";
import type { SourceBinding, WorkflowLike } from "./setup.ts";
import "./vitest.ts";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:Shop-Charge";
const definition = {
  StartAt: "Charge",
  States: { Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: FN, "Payload.$": "$" }, OutputPath: "$.Payload", End: true } },
};

/** Accepts `tasks: { "Shop/Charge": handler }` by translating the construct path to its ARN. */
function sourceWithConstructs(wrapped: string[]): WorkflowLike {
  return {
    name: "Checkout",
    toAsl: () => definition,
    bindTasks(tasks: Readonly<Record<string, TaskHandler>>): SourceBinding {
      const { "Shop/Charge": charge, ...rest } = tasks;
      return {
        tasks: { ...rest, ...(charge === undefined ? {} : { [FN]: charge }) },
        wrap: (base) => (resource, stateName) => (wrapped.push(stateName), base(resource, stateName)),
      };
    },
  };
}

describe("bindTasks: a source's own binding", () => {
  it("translates the test's keys and wraps the built-in binding", async () => {
    const wrapped: string[] = [];
    const run = await testExecution(sourceWithConstructs(wrapped), { n: 1 }, { tasks: { "Shop/Charge": (input) => ({ charged: input }) } });
    expect(run.output).toEqual({ charged: { n: 1 } });
    expect(wrapped).toEqual(["Charge"]);
  });

  it("still records what it leaves unbound, and mocks still win", async () => {
    const unboundRun = await testExecution(sourceWithConstructs([]), {});
    expect(unboundRun).toHaveFailedWith("Lambda.ResourceNotFoundException");
    expect(unboundRun.unbound.map((u) => u.state)).toEqual(["Charge"]);
    const mocked = await testExecution(sourceWithConstructs([]), {}, { tasks: { "Shop/Charge": () => "bound" }, mocks: { Charge: { result: "mocked" } } });
    expect(mocked.output).toBe("mocked");
  });

  it("is not asked when the test replaces the binding with resolveTask", async () => {
    const wrapped: string[] = [];
    const resolveTask = createTaskResolver({ tasks: { [FN]: () => "own" }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const run = await testExecution(sourceWithConstructs(wrapped), {}, { resolveTask, tasks: { "Shop/Charge": () => "translated" } });
    expect(run.output).toBe("own");
    expect(wrapped).toEqual([]);
  });
});

describe("a source's stateMachineType", () => {
  const waitsLong = { StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 400, End: true } } };

  it("runs the source as it deploys: an Express machine times out after 5 minutes, unless the test says otherwise", async () => {
    const express: WorkflowLike = { toAsl: () => waitsLong, stateMachineType: "EXPRESS" };
    expect(await testExecution(express, {})).toHaveFailedWith("States.Timeout");
    expect(await testExecution(express, {}, { stateMachineType: "STANDARD" })).toHaveSucceeded();
    expect(await testExecution({ toAsl: () => waitsLong }, {})).toHaveSucceeded();
  });
});
