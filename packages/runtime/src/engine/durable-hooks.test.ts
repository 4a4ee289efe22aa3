import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../index.ts";
import type { TaskTokenSite } from "../index.ts";

const callbackMachine = {
  StartAt: "Ask",
  States: {
    Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token" }, End: true },
  },
};

describe("hooks a durable host uses", () => {
  it("makes callback tokens with the taskToken factory, told where the task is", async () => {
    const sites: TaskTokenSite[] = [];
    const machine = prepareStateMachine(callbackMachine, { name: "M" });
    const exec = machine.start({}, { name: "e1", taskToken: (site) => (sites.push(site), `token-${site.stateName}-${site.enteredEventId}`) });
    const pending = await machine.callbacks.waitForPending("Ask");
    expect(pending.token).toBe("token-Ask-2");
    expect(sites).toEqual([{ executionArn: "arn:aws:states:us-east-1:123456789012:execution:M:e1", stateName: "Ask", enteredEventId: 2, retryCount: 0 }]);
    machine.sendTaskSuccess("token-Ask-2", { ok: true });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { ok: true } });
  });

  it("tells onHistoryEvent every id in order, and historyFrom returns the events from an id on", async () => {
    const ids: number[] = [];
    const machine = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", Next: "Q" }, Q: { Type: "Pass", End: true } } });
    const exec = machine.start({ a: 1 }, { onHistoryEvent: (id) => ids.push(id) });
    await exec.result;
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    const tail = exec.historyFrom(5);
    expect(tail.map((e) => [e.id, e.type])).toEqual([
      [5, "PassStateExited"],
      [6, "ExecutionSucceeded"],
    ]);
    expect(exec.historyFrom(1)).toEqual(exec.history);
    expect(exec.historyFrom(99)).toEqual([]);
  });
});
