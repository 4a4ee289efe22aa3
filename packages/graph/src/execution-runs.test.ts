// Statuses, visit details and Map/Parallel runs read from histories the local runtime wrote for
// real executions (AWS-shaped GetExecutionHistory events), not from hand-made event lists.
import { prepareStateMachine, type TaskHandler } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { HistoryInputError, summarizeExecution, type ExecutionEvent } from "./execution-status.ts";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

/** Runs the definition to its end (virtual time) and returns its history. */
async function historyOf(definition: unknown, tasks: Readonly<Record<string, TaskHandler>>, input: unknown = {}): Promise<ExecutionEvent[]> {
  const execution = prepareStateMachine(definition, { tasks }).start(input);
  await execution.result;
  return execution.history as unknown as ExecutionEvent[];
}

const statusOf = (events: readonly ExecutionEvent[], options: { run?: string } = {}): Record<string, string> =>
  Object.fromEntries([...summarizeExecution(events, options).states].map(([name, run]) => [name, run.status]));

const failing = (message: string): TaskHandler => () => {
  throw Object.assign(new Error(message), { name: "Card.Declined" });
};

describe("statuses from runtime histories", () => {
  it("paints a state whose error a Catcher handled as caught (not succeeded), and the Catch edge as taken", async () => {
    const events = await historyOf(
      {
        StartAt: "Charge",
        States: {
          Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Refund" }], Next: "Ship" },
          Refund: { Type: "Pass", End: true },
          Ship: { Type: "Pass", End: true },
        },
      },
      { charge: failing("declined") },
    );
    const summary = summarizeExecution(events);
    expect(statusOf(events)).toEqual({ Charge: "caught", Refund: "succeeded" });
    expect(summary.states.get("Charge")).toMatchObject({ caught: true, error: "Card.Declined", attempts: 1, retries: 0 });
    expect(summary.transitions).toEqual([{ from: "Charge", to: "Refund", caught: true }]);
  });

  it("counts the attempts of a retried state and keeps each attempt's error", async () => {
    let calls = 0;
    const events = await historyOf(
      {
        StartAt: "Charge",
        States: { Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 3 }], End: true } },
      },
      { charge: (input, context) => (++calls < 3 ? failing(`attempt ${calls}`)(input, context) : { ok: true }) },
    );
    const summary = summarizeExecution(events);
    expect(summary.states.get("Charge")).toMatchObject({ status: "retried", attempts: 3, retries: 2 });
    const [visit] = summary.visits;
    expect(visit?.attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
    expect(visit?.attempts.map((a) => a.error)).toEqual(["Card.Declined", "Card.Declined", undefined]);
    expect(visit?.attempts[1]?.cause).toContain("attempt 2");
  });

  it("paints a state retried and then caught as caught, with its attempt count", async () => {
    const events = await historyOf(
      {
        StartAt: "Charge",
        States: {
          Charge: {
            Type: "Task",
            Resource: `${LAMBDA}charge`,
            Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ["States.ALL"], Next: "Refund" }],
            End: true,
          },
          Refund: { Type: "Pass", End: true },
        },
      },
      { charge: failing("declined") },
    );
    expect(summarizeExecution(events).states.get("Charge")).toMatchObject({ status: "caught", attempts: 2 });
  });

  it("fails the state with an uncaught error and leaves the rest not reached", async () => {
    const definition = {
      StartAt: "Charge",
      States: { Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Next: "Ship" }, Ship: { Type: "Pass", End: true } },
    };
    const events = await historyOf(definition, { charge: failing("declined") });
    const summary = summarizeExecution(events);
    expect(summary).toMatchObject({ outcome: "failed", error: "Card.Declined" });
    expect(statusOf(events)).toEqual({ Charge: "failed" });
  });

  it("shows a live execution's current state as running", async () => {
    let release: (value: unknown) => void = () => undefined;
    const machine = prepareStateMachine(
      { StartAt: "Prepare", States: { Prepare: { Type: "Pass", Next: "Wait for it" }, "Wait for it": { Type: "Task", Resource: `${LAMBDA}slow`, End: true } } },
      { tasks: { slow: () => new Promise((resolve) => (release = resolve)) } },
    );
    const execution = machine.start({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    const live = summarizeExecution(execution.history as unknown as ExecutionEvent[]);
    expect(live.outcome).toBe("running");
    expect(statusOf(execution.history as unknown as ExecutionEvent[])).toEqual({ Prepare: "succeeded", "Wait for it": "in-progress" });
    expect(live.visits.find((v) => v.name === "Wait for it")?.attempts).toEqual([expect.objectContaining({ outcome: "running" })]);
    release({ done: true });
    await execution.result;
    expect(statusOf(execution.history as unknown as ExecutionEvent[])).toEqual({ Prepare: "succeeded", "Wait for it": "succeeded" });
  });
});

describe("visit details", () => {
  it("keeps each visit's input, output, timestamps and the variables assigned when it exited", async () => {
    const events = await historyOf(
      {
        QueryLanguage: "JSONata",
        StartAt: "Count",
        States: { Count: { Type: "Pass", Assign: { total: "{% $states.input.n + 1 %}" }, Output: { seen: true }, End: true } },
      },
      {},
      { n: 41 },
    );
    const [visit] = summarizeExecution(events).visits;
    expect(visit).toMatchObject({ name: "Count", type: "Pass", status: "succeeded", run: "", input: '{"n":41}', output: '{"seen":true}', assignedVariables: { total: "42" } });
    expect(visit?.enteredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(visit?.exitedEventId).toBeGreaterThan(visit?.enteredEventId ?? Infinity);
  });

  it("gives the error and cause of a caught error on the visit", async () => {
    const events = await historyOf(
      {
        StartAt: "Charge",
        States: { Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Refund" }], End: true }, Refund: { Type: "Pass", End: true } },
      },
      { charge: failing("card 4242 declined") },
    );
    const charge = summarizeExecution(events).visits.find((v) => v.name === "Charge");
    expect(charge).toMatchObject({ status: "caught", caught: true, error: "Card.Declined" });
    expect(charge?.cause).toContain("card 4242 declined");
  });
});

describe("Map iterations and Parallel branches", () => {
  const mapMachine = {
    StartAt: "Each",
    States: {
      Each: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: {
          StartAt: "Work",
          States: {
            Work: { Type: "Task", Resource: `${LAMBDA}work`, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Skip" }], End: true },
            Skip: { Type: "Pass", End: true },
          },
        },
        End: true,
      },
    },
  };
  const work: TaskHandler = (item) => {
    if (item === 2) throw new Error("bad item");
    return item;
  };

  it("lists one run per iteration, and summarises one iteration's states on their own", async () => {
    const events = await historyOf(mapMachine, { work }, { items: [1, 2, 3] });
    const summary = summarizeExecution(events);
    // Over all iterations, the worst status wins: one iteration caught an error.
    expect(statusOf(events)).toEqual({ Each: "succeeded", Work: "caught", Skip: "succeeded" });
    const iterations = summary.runs.filter((r) => r.kind === "iteration");
    expect(iterations.map((r) => [r.state, r.index, r.status])).toEqual([
      ["Each", 0, "succeeded"],
      ["Each", 1, "succeeded"],
      ["Each", 2, "succeeded"],
    ]);
    expect(summary.visits.find((v) => v.name === "Each")?.runs).toEqual(iterations.map((r) => r.id));
    const [first, second] = iterations;
    expect(statusOf(events, { run: first?.id ?? "" })).toEqual({ Work: "succeeded" });
    expect(statusOf(events, { run: second?.id ?? "" })).toEqual({ Work: "caught", Skip: "succeeded" });
    const inSecond = summarizeExecution(events, { run: second?.id ?? "" });
    expect(inSecond.transitions).toEqual([{ from: "Work", to: "Skip", caught: true }]);
    expect(inSecond.visits.map((v) => [v.name, v.input])).toEqual([
      ["Work", "2"],
      ["Skip", expect.stringContaining("bad item")],
    ]);
    expect(inSecond.runs.map((r) => r.id)).toEqual([second?.id]);
  });

  it("marks a failed iteration, and the Map that caught it as caught", async () => {
    const events = await historyOf(
      {
        StartAt: "Each",
        States: {
          Each: {
            Type: "Map",
            ItemsPath: "$.items",
            ItemProcessor: { StartAt: "Work", States: { Work: { Type: "Task", Resource: `${LAMBDA}work`, End: true } } },
            Catch: [{ ErrorEquals: ["States.ALL"], Next: "Recover" }],
            End: true,
          },
          Recover: { Type: "Pass", End: true },
        },
      },
      { work },
      { items: [1, 2] },
    );
    const summary = summarizeExecution(events);
    expect(statusOf(events)).toEqual({ Each: "caught", Work: "failed", Recover: "succeeded" });
    expect(summary.runs.filter((r) => r.kind === "iteration").map((r) => r.status)).toEqual(["succeeded", "failed"]);
    expect(summary.states.get("Each")).toMatchObject({ caught: true, error: "Error" });
    expect(summary.transitions).toContainEqual({ from: "Each", to: "Recover", caught: true });
  });

  it("lists the branches of a Parallel with their first state, and paints a retried, caught Parallel", async () => {
    const events = await historyOf(
      {
        StartAt: "Both",
        States: {
          Both: {
            Type: "Parallel",
            Branches: [
              { StartAt: "Left", States: { Left: { Type: "Pass", End: true } } },
              { StartAt: "Right", States: { Right: { Type: "Task", Resource: `${LAMBDA}boom`, End: true } } },
            ],
            Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ["States.ALL"], Next: "Recover" }],
            End: true,
          },
          Recover: { Type: "Pass", End: true },
        },
      },
      { boom: failing("no") },
    );
    const summary = summarizeExecution(events);
    expect(summary.states.get("Both")).toMatchObject({ status: "caught", attempts: 2, error: "Card.Declined" });
    expect(summary.states.get("Right")).toMatchObject({ status: "failed", visits: 2 });
    const branches = summary.runs.filter((r) => r.kind === "branch");
    expect(branches.map((r) => [r.attempt, r.firstState, r.status])).toEqual([
      [1, "Left", "succeeded"],
      [1, "Right", "failed"],
      [2, "Left", "succeeded"],
      [2, "Right", "failed"],
    ]);
    expect(statusOf(events, { run: branches[0]?.id ?? "" })).toEqual({ Left: "succeeded" });
  });

  it("nests an inner Map's iterations under the outer iteration that ran them", async () => {
    const events = await historyOf(
      {
        StartAt: "Outer",
        States: {
          Outer: {
            Type: "Map",
            ItemsPath: "$.rows",
            ItemProcessor: {
              StartAt: "Inner",
              States: { Inner: { Type: "Map", ItemsPath: "$", ItemProcessor: { StartAt: "Cell", States: { Cell: { Type: "Pass", End: true } } }, End: true } },
            },
            End: true,
          },
        },
      },
      {},
      { rows: [[1, 2], [3]] },
    );
    const summary = summarizeExecution(events);
    const outer = summary.runs.filter((r) => r.state === "Outer");
    const inner = summary.runs.filter((r) => r.state === "Inner");
    expect(inner.map((r) => [r.parent, r.index])).toEqual([
      [outer[0]?.id, 0],
      [outer[0]?.id, 1],
      [outer[1]?.id, 0],
    ]);
    const second = summarizeExecution(events, { run: outer[1]?.id ?? "" });
    expect(second.visits.map((v) => [v.name, v.input])).toEqual([
      ["Inner", "[3]"],
      ["Cell", "3"],
    ]);
    expect(second.states.get("Cell")?.visits).toBe(1);
  });

  it("rejects a run id the history does not have, naming the ones it has", async () => {
    const events = await historyOf(mapMachine, { work }, { items: [1] });
    expect(() => summarizeExecution(events, { run: "Nope@1:0" })).toThrow(HistoryInputError);
    expect(() => summarizeExecution(events, { run: "Nope@1:0" })).toThrow(/no run "Nope@1:0" in this history.*e\.g\. "Each@\d+:0"/);
  });
});
