import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "./machine.ts";
import { InvalidDefinitionError } from "./validation-bridge.ts";

const EXPRESS = { stateMachineType: "EXPRESS" } as const;
const task = (resource: string) => ({ StartAt: "T", States: { T: { Type: "Task", Resource: resource, End: true } } });

describe("Express workflows: what shows at run time", () => {
  test.each([
    ["a callback task", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"],
    ["a .sync task", "arn:aws:states:::states:startExecution.sync"],
    ["an activity", "arn:aws:states:us-east-1:123456789012:activity:review"],
  ])("%s is refused when the machine is prepared (as CreateStateMachine refuses it)", (_what, resource) => {
    expect(() => prepareStateMachine(task(resource), EXPRESS)).toThrow(InvalidDefinitionError);
    // The same definition is a valid Standard workflow.
    expect(() => prepareStateMachine(task(resource))).not.toThrow();
  });

  test("runs longer than five minutes time out with States.Timeout; the history is still kept locally", async () => {
    const exec = prepareStateMachine({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 301, End: true } } }, EXPRESS).start({}, { startTime: new Date(0) });
    expect(await exec.result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(exec.history.map((e) => e.type)).toEqual(["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut"]);
    expect(exec.history.at(-1)?.timestamp.getTime()).toBe(300_000);
  });

  test("the context object: an express: execution ARN with the name and a UUID, and no RedriveCount (recorded: test_express_sync)", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "execution.$": "$$.Execution" }, End: true } } };
    const express = prepareStateMachine(def, { ...EXPRESS, name: "Orders", region: "eu-west-1", accountId: "111122223333" }).start({ a: 1 }, { name: "run-1" });
    const { output } = await express.result;
    const execution = (output as { execution: Record<string, unknown> }).execution;
    expect(execution["Id"]).toMatch(/^arn:aws:states:eu-west-1:111122223333:express:Orders:run-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(express.executionArn).toBe(execution["Id"]);
    expect(Object.keys(execution).sort()).toEqual(["Id", "Input", "Name", "RoleArn", "StartTime"]);
    // A Standard execution of the same machine keeps `execution:` and RedriveCount.
    const standard = await prepareStateMachine(def, { name: "Orders", region: "eu-west-1", accountId: "111122223333" }).run({}, { name: "run-1" });
    expect((standard.output as { execution: Record<string, unknown> }).execution).toMatchObject({ Id: "arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1", RedriveCount: 0 });
  });

  test("JSONata reads the same Express context", async () => {
    const def = { QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.context.Execution.Id %}", End: true } } };
    const { output } = await prepareStateMachine(def, { ...EXPRESS, name: "M" }).run({}, { name: "n" });
    expect(output).toMatch(/^arn:aws:states:us-east-1:123456789012:express:M:n:/);
  });
});

