import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "./machine.ts";

// The default execution name (a random UUID) and the ARN are made when first read: they must
// still be stable, and `$$.Execution` must agree with them whichever is read first.
const def = { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "name.$": "$$.Execution.Name", "id.$": "$$.Execution.Id" }, End: true } } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("execution name and ARN", () => {
  it("are a stable UUID and the ARN derived from it, as `$$.Execution` shows them", async () => {
    const machine = prepareStateMachine(def);
    const exec = machine.start({});
    const { output } = await exec.result;
    expect(exec.name).toMatch(UUID);
    expect(exec.name).toBe(exec.name);
    expect(exec.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:StateMachine:${exec.name}`);
    expect(output).toEqual({ name: exec.name, id: exec.executionArn });
  });

  it("agree with `$$.Execution` when read before the context is", async () => {
    const exec = prepareStateMachine({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 1, Next: "P" }, P: def.States.P } }).start({});
    const name = exec.name;
    const arn = exec.executionArn;
    expect((await exec.result).output).toEqual({ name, id: arn });
  });

  it("keep what the caller gave", async () => {
    const exec = prepareStateMachine(def).start({}, { name: "n1", executionArn: "arn:aws:states:eu-west-1:1:execution:M:other" });
    expect((await exec.result).output).toEqual({ name: "n1", id: "arn:aws:states:eu-west-1:1:execution:M:other" });
    expect([exec.name, exec.executionArn]).toEqual(["n1", "arn:aws:states:eu-west-1:1:execution:M:other"]);
  });
});
