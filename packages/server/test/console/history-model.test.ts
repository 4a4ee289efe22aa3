// The console's reading of a history beyond @stepcraft/graph's summary (event → state, the end,
// the waiting callbacks), on histories the runtime really records.
import { readExecutionHistory, summarizeExecution } from "@stepcraft/graph";
import { prepareStateMachine } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { indexHistory, type HistoryEvent } from "../../console/history-model.ts";
import { pendingCallbacks } from "../../console/task-tokens.ts";
import { APPROVAL, DOOMED, FANOUT, ORDERS, deliverSecondTime, flakyCharge } from "./console-machines.ts";

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

/**
 * The approval's history while its task waits: on the runtime's virtual clock nobody answers and
 * the execution times out a year later, so the history is cut where the task has started.
 */
async function waitingHistory(): Promise<HistoryEvent[]> {
  const events = await history(APPROVAL, { amount: 1 });
  return events.slice(0, events.findIndex((e) => e.type === "TaskStarted") + 1);
}

const pending = (events: HistoryEvent[]) => pendingCallbacks(summarizeExecution(readExecutionHistory(events)), indexHistory(events));

describe("indexHistory", () => {
  it("gives every state event its state (retries and caught errors included) and execution events none", async () => {
    const events = await history(ORDERS, { orderId: "o-2" });
    const index = indexHistory(events);
    const named = events.map((e) => [e.type, index.stateOfEvent.get(e.id)]);
    expect(named.filter(([type]) => String(type).startsWith("Execution")).every(([, state]) => state === undefined)).toBe(true);
    expect(named.filter(([type]) => type === "LambdaFunctionFailed").map(([, state]) => state)).toEqual(["Charge", "Charge", "Ship"]);
    expect(named.filter(([, state]) => state === undefined).map(([type]) => type)).toEqual(["ExecutionStarted", "ExecutionSucceeded"]);
    expect(index.startedAt).toBe(events[0]!.timestamp);
    expect(index.ended?.type).toBe("ExecutionSucceeded");
  });

  it("gives Map and Parallel bookkeeping to the container, not to the inner state its previousEventId names", async () => {
    const events = await history(FANOUT, { items: [1, 2] });
    const index = indexHistory(events);
    for (const event of events.filter((e) => /^(Map|Parallel)(State|Iteration)/.test(e.type))) {
      expect(index.stateOfEvent.get(event.id), `${event.id} ${event.type}`).toBe(event.type.startsWith("Map") ? "Each" : "Both");
    }
    expect(events.filter((e) => e.type === "PassStateEntered").map((e) => index.stateOfEvent.get(e.id))).toEqual(["Double", "Double", "Sum", "Count"]);
  });

  it("reads events in any order", async () => {
    const events = await history(FANOUT, { items: [1] });
    expect(indexHistory([...events].reverse()).stateOfEvent).toEqual(indexHistory(events).stateOfEvent);
  });

  it("has no end while running, and none again after ExecutionRedriven", async () => {
    const events = await waitingHistory();
    expect(indexHistory(events).ended).toBeUndefined();
    const failed: HistoryEvent = { id: 100, previousEventId: 4, timestamp: 0, type: "ExecutionFailed" };
    expect(indexHistory([...events, failed]).ended?.id).toBe(100);
    expect(indexHistory([...events, failed, { id: 101, timestamp: 0, type: "ExecutionRedriven" }]).ended).toBeUndefined();
  });
});

describe("pendingCallbacks", () => {
  it("finds the token of a task waiting for a callback in its parameters", async () => {
    const events = await waitingHistory();
    const [waiting, ...more] = pending(events);
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({ stateName: "Ask", resource: "sendMessage.waitForTaskToken", scheduledEventId: 3 });
    const scheduled = events.find((e) => e.type === "TaskScheduled")!;
    const parameters = JSON.parse((scheduled["taskScheduledEventDetails"] as { parameters: string }).parameters) as { MessageBody: { TaskToken: string } };
    expect(waiting!.token).toBe(parameters.MessageBody.TaskToken);
  });

  it("has nothing once the task is answered or the execution has ended, and no token when the parameters hold none", async () => {
    expect(pending(await history(APPROVAL, { amount: 1 }))).toEqual([]);
    const events = await waitingHistory();
    expect(pending(events)).toHaveLength(1);
    const answered: HistoryEvent = { id: events.length + 1, previousEventId: events.length, timestamp: 0, type: "TaskSucceeded", taskSucceededEventDetails: { output: "{}" } };
    expect(pending([...events, answered])).toEqual([]);
    const tokenless = events.map((e) => (e.type === "TaskScheduled" ? { ...e, taskScheduledEventDetails: { resource: "sendMessage.waitForTaskToken", parameters: '{"QueueUrl":"q"}' } } : e));
    expect(pending(tokenless)[0]?.token).toBeUndefined();
  });

  it("is not fooled by a task that waits for no callback", async () => {
    const events = await history(ORDERS, { orderId: "o-3" });
    const running = events.slice(0, events.findIndex((e) => e.type === "LambdaFunctionStarted") + 1);
    expect(pending(running)).toEqual([]);
  });
});

describe("a redriven execution's history", () => {
  it("paints each state as the latest run left it, and keeps every visit for the panel", async () => {
    const machine = prepareStateMachine(JSON.stringify(DOOMED), { validate: false, tasks: { deliver: deliverSecondTime() } });
    const execution = machine.start({ orderId: "o-1" });
    expect((await execution.result).status).toBe("FAILED");
    expect((await execution.redrive()).status).toBe("SUCCEEDED");
    const events = execution.historyFrom(1).map((event) => ({ ...event, timestamp: event.timestamp.getTime() / 1000 }) as HistoryEvent);
    // The console paints the graph by the summary of the whole history (no filtering of its own).
    const summary = summarizeExecution(readExecutionHistory(events));
    expect(summary.states.get("Ship")?.status).toBe("succeeded");
    expect(summary.states.get("Prepare")?.status).toBe("succeeded");
    expect(summary.outcome).toBe("succeeded");
    expect(summary.visits.filter((visit) => visit.name === "Ship").map((visit) => visit.status)).toEqual(["failed", "succeeded"]);
  });
});
