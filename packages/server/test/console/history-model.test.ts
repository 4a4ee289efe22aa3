// The console's reading of a history, on histories the runtime really records.
import { prepareStateMachine } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { indexHistory, visitsInside, type HistoryEvent, type HistoryIndex } from "../../console/history-model.ts";
import { pendingCallbacks } from "../../console/task-tokens.ts";
import { APPROVAL, FANOUT, ORDERS, flakyCharge } from "./console-machines.ts";

/** Runs a definition on the runtime and returns its history as GetExecutionHistory has it. */
async function history(definition: unknown, input: unknown): Promise<HistoryEvent[]> {
  const machine = prepareStateMachine(JSON.stringify(definition), {
    validate: false,
    tasks: {
      charge: flakyCharge(),
      ship: async () => {
        throw Object.assign(new Error("no courier today"), { name: "ShipperDown" });
      },
    },
  });
  const execution = machine.start(input);
  await execution.result;
  return execution.historyFrom(1).map((event) => ({ ...event, timestamp: event.timestamp.getTime() / 1000 }) as HistoryEvent);
}

const only = (index: HistoryIndex, name: string) => {
  const visits = index.visits.filter((v) => v.name === name);
  expect(visits).toHaveLength(1);
  return visits[0]!;
};

describe("indexHistory", () => {
  it("keeps each attempt of a retried task, its errors, and the visit's input and output", async () => {
    const index = indexHistory(await history(ORDERS, { orderId: "o-1" }));
    const charge = only(index, "Charge");
    expect(charge.attempts.map((a) => [a.outcome, a.error])).toEqual([
      ["failed", "CardDeclined"],
      ["failed", "CardDeclined"],
      ["succeeded", undefined],
    ]);
    expect(charge.attempts[1]!.cause).toContain("card declined (attempt 2)");
    // It ended well: the errors belong to the attempts, not to the visit.
    expect(charge.error).toBeUndefined();
    expect(JSON.parse(charge.input!)).toEqual({ orderId: "o-1" });
    expect(JSON.parse(charge.output!)).toEqual({ orderId: "o-1", charge: { charged: true, attempt: 3 } });
  });

  it("keeps the error of a visit that ended in a caught error, and attributes every event to its state", async () => {
    const events = await history(ORDERS, { orderId: "o-2" });
    const index = indexHistory(events);
    const ship = only(index, "Ship");
    expect(ship.error).toBe("ShipperDown");
    expect(ship.exitedEventId).toBeDefined();
    for (const event of events) {
      const state = index.stateOfEvent.get(event.id);
      if (event.type.startsWith("Execution")) expect(state, event.type).toBeUndefined();
      else expect(state, `${event.id} ${event.type}`).toBeDefined();
    }
    const failed = events.find((e) => e.type === "LambdaFunctionFailed" && index.stateOfEvent.get(e.id) === "Ship");
    expect(failed).toBeDefined();
    expect(index.startedAt).toBe(events[0]!.timestamp);
  });

  it("places the visits inside Map iterations and Parallel branches, and reads assigned variables", async () => {
    const index = indexHistory(await history(FANOUT, { items: [1, 2, 3] }));
    const each = only(index, "Each");
    expect(index.iterations.map((it) => [it.index, it.status])).toEqual([
      [0, "succeeded"],
      [1, "succeeded"],
      [2, "succeeded"],
    ]);
    expect(visitsInside(index, each, 1).map((v) => [v.name, v.input, v.output])).toEqual([["Double", "2", "4"]]);
    const both = only(index, "Both");
    expect(visitsInside(index, both).map((v) => v.name)).toEqual(["Sum", "Count"]);
    expect(both.variables).toEqual({ total: "12" });
    // After the container, states run at the top level again.
    expect(both.scope).toBeUndefined();
  });

  it("reads events in any order", async () => {
    const events = await history(FANOUT, { items: [1] });
    expect(indexHistory([...events].reverse()).visits.map((v) => v.name)).toEqual(indexHistory(events).visits.map((v) => v.name));
  });
});

/**
 * The approval's history while its task waits: on the runtime's virtual clock nobody answers and
 * the execution times out a year later, so the history is cut where the task has started.
 */
async function waitingHistory(): Promise<HistoryEvent[]> {
  const events = await history(APPROVAL, { amount: 1 });
  return events.slice(0, events.findIndex((e) => e.type === "TaskStarted") + 1);
}

describe("pendingCallbacks", () => {
  it("finds the token of a task waiting for a callback in its parameters", async () => {
    const events = await waitingHistory();
    const [waiting, ...more] = pendingCallbacks(indexHistory(events));
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({ stateName: "Ask", resource: "sendMessage.waitForTaskToken" });
    const scheduled = events.find((e) => e.type === "TaskScheduled")!;
    const parameters = JSON.parse((scheduled["taskScheduledEventDetails"] as { parameters: string }).parameters) as { MessageBody: { TaskToken: string } };
    expect(waiting!.token).toBe(parameters.MessageBody.TaskToken);
  });

  it("has nothing once the task is answered or the execution has ended, and no token when the parameters hold none", async () => {
    expect(pendingCallbacks(indexHistory(await history(APPROVAL, { amount: 1 })))).toEqual([]);
    const events = await waitingHistory();
    expect(pendingCallbacks(indexHistory(events))).toHaveLength(1);
    const answered: HistoryEvent = { id: events.length + 1, previousEventId: events.length, timestamp: 0, type: "TaskSucceeded", taskSucceededEventDetails: { output: "{}" } };
    expect(pendingCallbacks(indexHistory([...events, answered]))).toEqual([]);
    const tokenless = events.map((e) => (e.type === "TaskScheduled" ? { ...e, taskScheduledEventDetails: { resource: "sendMessage.waitForTaskToken", parameters: '{"QueueUrl":"q"}' } } : e));
    expect(pendingCallbacks(indexHistory(tokenless))[0]?.token).toBeUndefined();
  });
});
