import { describe, expect, test } from "vitest";
import "./vitest.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { START, tour, tourMocks } from "./fixtures.ts";
import { testExecution } from "./test-execution.ts";

/** The failure message of an assertion, without colours. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (e) {
    return (e as Error).message.replace(/\u001b\[\d+m/g, "");
  }
  throw new Error("expected the assertion to fail");
}

const ok = { StartAt: "A", States: { A: { Type: "Pass", Result: { n: 1, tags: ["x", "y"] }, Next: "B" }, B: { Type: "Pass", End: true } } };

describe("stepcraft vitest matchers", () => {
  test("toHaveSucceeded, and its failure message with the outcome and the trace", async () => {
    const good = await testExecution(ok);
    expect(good).toHaveSucceeded();
    const bad = await testExecution(tour, {}, { startTime: START, mocks: tourMocks });
    expect(bad).not.toHaveSucceeded();
    expect(() => expect(bad).toHaveSucceeded()).toThrow(
      /expected the execution to succeed, but it FAILED with Done\.Failing: on purpose\n\nTrace:\n\+0s +execution started[\s\S]*retry #2 after 2h 00m[\s\S]*\+3h 01m  execution FAILED  Done\.Failing: on purpose/,
    );
    expect(() => expect(good).not.toHaveSucceeded()).toThrow(/expected the execution not to succeed, but it SUCCEEDED/);
  });

  test("toHaveFailedWith: error, then optionally the cause as text, RegExp or asymmetric matcher", async () => {
    const bad = await testExecution(tour, {}, { mocks: tourMocks });
    expect(bad).toHaveFailedWith("Done.Failing");
    expect(bad).toHaveFailedWith("Done.Failing", "on purpose");
    expect(bad).toHaveFailedWith("Done.Failing", /purp/);
    expect(bad).toHaveFailedWith("Done.Failing", expect.stringContaining("on"));
    expect(bad).not.toHaveFailedWith("Other");
    expect(bad).not.toHaveFailedWith("Done.Failing", "by accident");
    expect(failureOf(() => expect(bad).toHaveFailedWith("Done.Failing", "by accident"))).toMatch(
      /expected the execution to fail with Done\.Failing and cause "by accident", but it FAILED with Done\.Failing: on purpose\n\nTrace:/,
    );
    const good = await testExecution(ok);
    expect(() => expect(good).toHaveFailedWith("X")).toThrow(/to fail with X, but it SUCCEEDED/);
  });

  test("a timed-out execution counts as failed with States.Timeout", async () => {
    const slow = { TimeoutSeconds: 5, StartAt: "W", States: { W: { Type: "Wait", Seconds: 60, End: true } } };
    const run = await testExecution(slow);
    expect(run.status).toBe("TIMED_OUT");
    expect(run).toHaveFailedWith("States.Timeout");
  });

  test("toHaveVisited sees nested states; the message lists what was visited", async () => {
    const run = await testExecution(tour, {}, { mocks: tourMocks });
    expect(run).toHaveVisited("Ship");
    expect(run).toHaveVisited("Recover");
    expect(run).not.toHaveVisited("Nowhere");
    expect(() => expect(run).toHaveVisited("Nowhere")).toThrow(/expected state 'Nowhere' to be visited; visited: Validate, Charge, Fan, Work, Ship, Both, Left, Right, Recover, Boom/);
    expect(() => expect(run).not.toHaveVisited("Ship")).toThrow(/expected state 'Ship' not to be visited, but it was entered 3 times/);
  });

  test("toHaveVisitedInOrder: a subsequence of the visits in entry order", async () => {
    const run = await testExecution(tour, {}, { mocks: tourMocks });
    expect(run).toHaveVisitedInOrder(["Validate", "Charge", "Fan", "Boom"]);
    expect(run).toHaveVisitedInOrder(["Work", "Ship", "Right", "Recover"]);
    expect(run).not.toHaveVisitedInOrder(["Boom", "Validate"]);
    expect(() => expect(run).toHaveVisitedInOrder(["Charge", "Validate"])).toThrow(
      /expected states to be visited in the order Charge → Validate, but 'Validate' was not entered after 'Charge'\nvisited: Validate → Charge → Fan/,
    );
    expect(() => expect(run).toHaveVisitedInOrder("Charge" as unknown as string[])).toThrow(/takes an array of state names/);
  });

  test("toHaveStateOutput (equality) and toHaveStateOutputMatching (subset)", async () => {
    const run = await testExecution(ok);
    expect(run).toHaveStateOutput("A", { n: 1, tags: ["x", "y"] });
    expect(run).toHaveStateOutput("A", { n: expect.any(Number), tags: expect.arrayContaining(["y"]) });
    expect(run).not.toHaveStateOutput("A", { n: 1 });
    expect(run).toHaveStateOutputMatching("A", { n: 1 });
    expect(run).not.toHaveStateOutputMatching("A", { n: 2 });
    expect(failureOf(() => expect(run).toHaveStateOutput("A", { n: 2 }))).toMatch(/expected state 'A' output to equal Object \{\n  "n": 2,\n\}\nreceived Object \{\n  "n": 1,[\s\S]*- Expected[\s\S]*Trace:\n\+0s/);
    expect(failureOf(() => expect(run).toHaveStateOutput("Z", 1))).toMatch(/expected state 'Z' to have an output that would equal 1, but it was never entered/);
    expect(failureOf(() => expect(run).not.toHaveStateOutputMatching("A", { n: 1 }))).toMatch(/expected state 'A' output not to match/);
  });

  test("a state that failed has no output, and the message says why", async () => {
    const run = await testExecution(tour, {}, { mocks: tourMocks });
    expect(() => expect(run).toHaveStateOutput("Boom", {})).toThrow(/received no output \(it failed with Done\.Failing\)/);
  });

  test("accepts an Execution or a bare history too, and refuses anything else", async () => {
    const exec = prepareStateMachine(ok).start({});
    await exec.result;
    expect(exec).toHaveSucceeded();
    expect(exec.history).toHaveVisitedInOrder(["A", "B"]);
    expect(() => expect(Promise.resolve(exec)).toHaveSucceeded()).toThrow(/Did you forget to await testExecution/);
    expect(() => expect(null).toHaveVisited("A")).toThrow(/got null/);
  });
});
