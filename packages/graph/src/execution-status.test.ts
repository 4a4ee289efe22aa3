import { describe, expect, it } from "vitest";
import { HistoryInputError, readExecutionHistory, summarizeExecution, type ExecutionEvent } from "./execution-status.ts";
import { HistoryBuilder } from "./test-fixtures/history-builder.ts";

const statuses = (events: readonly ExecutionEvent[]): Record<string, string> =>
  Object.fromEntries([...summarizeExecution(events).states].map(([name, run]) => [name, run.status]));

describe("summarizeExecution", () => {
  it("marks every state entered and exited as succeeded", () => {
    const h = new HistoryBuilder().step("Pass", "Prepare").task("Charge").step("Succeed", "Done").succeed();
    const summary = summarizeExecution(h.events);
    expect(summary.outcome).toBe("succeeded");
    expect(statuses(h.events)).toEqual({ Prepare: "succeeded", Charge: "succeeded", Done: "succeeded" });
    expect(summary.states.get("Charge")).toMatchObject({ visits: 1, retries: 0, caught: false });
  });

  it("counts several TaskScheduled events in one visit as retries", () => {
    const h = new HistoryBuilder().task("Charge", 2).step("Succeed", "Done").succeed();
    const summary = summarizeExecution(h.events);
    expect(summary.states.get("Charge")).toMatchObject({ status: "retried", retries: 2, caught: false, error: "Lambda.ServiceException" });
    // It left through Next, not a Catch: the retries succeeded in the end.
    expect(summary.transitions).toEqual([{ from: "Charge", to: "Done", caught: false }]);
  });

  it("marks the state with an uncaught error as failed, with its error, and the execution as failed", () => {
    const h = new HistoryBuilder().step("Pass", "Prepare").task("Charge", 3, "uncaught", "Card.Declined").fail("Card.Declined", "attempt 3 failed");
    const summary = summarizeExecution(h.events);
    expect(summary).toMatchObject({ outcome: "failed", error: "Card.Declined", cause: "attempt 3 failed" });
    expect(summary.states.get("Charge")).toMatchObject({ status: "failed", retries: 2, error: "Card.Declined" });
    expect(summary.states.get("Prepare")?.status).toBe("succeeded");
  });

  it("gives a caught error its own status: the state exited through its Catch", () => {
    const h = new HistoryBuilder().task("Charge", 1, "caught").step("Pass", "Handle").succeed();
    expect(summarizeExecution(h.events).states.get("Charge")).toMatchObject({ status: "caught", caught: true, error: "Lambda.ServiceException" });
  });

  it("marks a Fail state as failed", () => {
    const h = new HistoryBuilder();
    h.enter("Fail", "Reject");
    h.fail("Rejected", "no stock");
    expect(statuses(h.events)).toEqual({ Reject: "failed" });
  });

  it("marks a state still running as in-progress when the execution has not ended", () => {
    const h = new HistoryBuilder().step("Pass", "A");
    h.enter("Wait", "Sleep");
    expect(summarizeExecution(h.events).outcome).toBe("running");
    expect(statuses(h.events)).toEqual({ A: "succeeded", Sleep: "in-progress" });
  });

  it("marks the running state as failed when the execution timed out", () => {
    const h = new HistoryBuilder();
    h.enter("Wait", "Sleep");
    h.add("ExecutionTimedOut", { executionTimedOutEventDetails: { error: "States.Timeout" } });
    expect(summarizeExecution(h.events)).toMatchObject({ outcome: "timed-out", error: "States.Timeout" });
    expect(statuses(h.events)).toEqual({ Sleep: "failed" });
  });

  it("sums retries and visits over a loop, and the worst status wins", () => {
    const h = new HistoryBuilder().task("Poll", 1).step("Choice", "Done?").task("Poll", 2).step("Choice", "Done?").succeed();
    expect(summarizeExecution(h.events).states.get("Poll")).toMatchObject({ status: "retried", visits: 2, retries: 3 });
  });

  it("attributes interleaved Map iteration events to the right visit through previousEventId", () => {
    const h = new HistoryBuilder();
    const map = h.enter("Map", "Each");
    const started = h.add("MapStateStarted", { mapStateStartedEventDetails: { length: 2 } });
    const it0 = h.add("MapIterationStarted", { mapIterationStartedEventDetails: { name: "Each", index: 0 } }, started);
    const it1 = h.add("MapIterationStarted", { mapIterationStartedEventDetails: { name: "Each", index: 1 } }, started);
    const a = h.enter("Task", "Work", it0);
    const b = h.enter("Task", "Work", it1);
    const a1 = h.add("TaskScheduled", {}, a);
    const b1 = h.add("TaskScheduled", {}, b);
    const a2 = h.add("TaskFailed", { taskFailedEventDetails: { error: "Boom" } }, a1);
    const b2 = h.add("TaskSucceeded", {}, b1);
    const b3 = h.exit("Task", "Work", b2);
    const a3 = h.add("TaskScheduled", {}, a2);
    const a4 = h.add("TaskSucceeded", {}, a3);
    const a5 = h.exit("Task", "Work", a4);
    h.add("MapIterationSucceeded", { mapIterationSucceededEventDetails: { name: "Each", index: 1 } }, b3);
    h.add("MapIterationSucceeded", { mapIterationSucceededEventDetails: { name: "Each", index: 0 } }, a5);
    h.add("MapStateSucceeded", {});
    h.exit("Map", "Each");
    h.succeed();
    const summary = summarizeExecution(h.events);
    expect(map).toBe(2);
    expect(summary.states.get("Work")).toMatchObject({ status: "retried", visits: 2, retries: 1 });
    expect(summary.states.get("Each")).toMatchObject({ status: "succeeded", retries: 0 });
  });

  it("blames the failing branch state and the Parallel, and shows the aborted sibling as stopped", () => {
    const h = new HistoryBuilder();
    h.enter("Parallel", "Both");
    const started = h.add("ParallelStateStarted");
    const left = h.enter("Task", "Left", started);
    const right = h.enter("Task", "Right", started);
    const failed = h.add("TaskFailed", { taskFailedEventDetails: { error: "Boom", cause: "left broke" } }, left);
    h.add("TaskStateAborted", {}, right);
    h.add("ParallelStateFailed", { parallelStateFailedEventDetails: { error: "Boom", cause: "left broke" } }, failed);
    h.fail("Boom", "left broke");
    const summary = summarizeExecution(h.events);
    expect(statuses(h.events)).toEqual({ Both: "failed", Left: "failed", Right: "in-progress" });
    expect(summary.states.get("Right")?.stopped).toBe(true);
    expect(summary.states.get("Left")?.retries).toBe(0);
  });

  it("records the transitions taken, telling a caught exit from a normal one", () => {
    const h = new HistoryBuilder().task("Charge", 1, "caught").step("Pass", "Refund").task("Charge").step("Succeed", "Done").succeed();
    expect(summarizeExecution(h.events).transitions).toEqual([
      { from: "Charge", to: "Refund", caught: true },
      { from: "Refund", to: "Charge", caught: false },
      { from: "Charge", to: "Done", caught: false },
    ]);
  });

  it("sorts events by id, so an out-of-order file gives the same answer", () => {
    const h = new HistoryBuilder().task("Charge", 1).succeed();
    expect(statuses([...h.events].reverse())).toEqual(statuses(h.events));
  });

  it("ignores events for states it cannot name and returns nothing for an empty history", () => {
    expect(summarizeExecution([]).states.size).toBe(0);
    expect(summarizeExecution([{ id: 1, type: "TaskStateEntered", stateEnteredEventDetails: { name: 5 } }]).states.size).toBe(0);
  });
});

describe("readExecutionHistory", () => {
  const events = [{ id: 1, type: "ExecutionStarted", previousEventId: 0 }];

  it("accepts an event array or the { events } response of get-execution-history", () => {
    expect(readExecutionHistory(events)).toEqual(events);
    expect(readExecutionHistory({ events, nextToken: null })).toEqual(events);
  });

  it("rejects anything else with a message saying what is wrong", () => {
    expect(() => readExecutionHistory({ StartAt: "A" })).toThrow(HistoryInputError);
    expect(() => readExecutionHistory("x")).toThrow(/must be an array of events .* not a string/);
    expect(() => readExecutionHistory([1])).toThrow(/event at index 0 is a number, not an object/);
    expect(() => readExecutionHistory([{ id: 1 }])).toThrow(/event at index 0 has no string "type"/);
    expect(() => readExecutionHistory([...events, { type: "TaskScheduled" }])).toThrow(/index 1 \(TaskScheduled\) has no numeric "id"/);
  });
});
