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
});
