// A 100-state machine and a ~1,000-event history of it, written by the local runtime: the
// "large execution" the console must draw in well under a second. Every kind of state the
// renderer treats specially is there: Retry (attempt badges), Catch (caught status and edges),
// Choice rules, Fail, a Map (its iterations) and a Parallel (its branches).
import { prepareStateMachine, type TaskHandler } from "@stepcraft/runtime";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
const SEGMENTS = 20;
const MAP_ITEMS = 37;

/** The definition: 20 segments of Task/Pass/Choice/Fail, a 5-state Map, a Parallel of 2 × 6 states. */
export function largeMachine(): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  for (let k = 0; k < SEGMENTS; k++) {
    const next = k + 1 < SEGMENTS ? `Call ${k + 1}` : "Fan out";
    states[`Call ${k}`] = {
      Type: "Task",
      Resource: `${LAMBDA}call`,
      Parameters: { k, "attempt.$": "$$.State.RetryCount" },
      ResultPath: null,
      Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 2, IntervalSeconds: 1 }],
      Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: `Fallback ${k}` }],
      Next: `Check ${k}`,
    };
    states[`Fallback ${k}`] = { Type: "Pass", Next: `Check ${k}` };
    states[`Check ${k}`] = { Type: "Choice", Choices: [{ Variable: "$.stop", BooleanEquals: true, Next: `Stopped ${k}` }], Default: next };
    states[`Stopped ${k}`] = { Type: "Fail", Error: "Stopped", Cause: `stopped after segment ${k}` };
  }
  const step = (name: string, next: string | undefined, task = false): Record<string, unknown> => ({
    ...(task ? { Type: "Task", Resource: `${LAMBDA}work`, ResultPath: null } : { Type: "Pass" }),
    ...(next === undefined ? { End: true } : { Next: next }),
  });
  states["Fan out"] = {
    Type: "Map",
    ItemsPath: "$.items",
    ResultPath: "$.results",
    ItemProcessor: {
      StartAt: "Fetch",
      States: { Fetch: step("Fetch", "Transform", true), Transform: step("Transform", "Enrich"), Enrich: step("Enrich", "Store", true), Store: step("Store", "Audit", true), Audit: step("Audit", undefined) },
    },
    Next: "Both",
  };
  const branch = (side: string): Record<string, unknown> => {
    const names = Array.from({ length: 6 }, (_, i) => `${side} ${i + 1}`);
    return { StartAt: names[0], States: Object.fromEntries(names.map((name, i) => [name, step(name, names[i + 1], i % 2 === 0)])) };
  };
  states["Both"] = { Type: "Parallel", Branches: [branch("Left"), branch("Right")], ResultPath: null, Next: "Done" };
  states["Done"] = { Type: "Succeed" };
  return { Comment: "A 100-state machine for the graph benchmark", StartAt: "Call 0", States: states };
}

/** Every 3rd segment fails once (a retry), every 5th always (retried, then caught). */
const call: TaskHandler = (input) => {
  const { k, attempt } = input as { k: number; attempt: number };
  if (k % 5 === 4) throw Object.assign(new Error(`segment ${k} is down`), { name: "Service.Down" });
  if (k % 3 === 0 && attempt === 0) throw Object.assign(new Error(`segment ${k} timed out`), { name: "Service.Busy" });
  return { ok: true };
};

/** Runs the machine once (virtual time) and returns its GetExecutionHistory events. */
export async function largeExecution(): Promise<{ definition: Record<string, unknown>; events: readonly unknown[] }> {
  const definition = largeMachine();
  const machine = prepareStateMachine(definition, { tasks: { call, work: () => ({ done: true }) } });
  const execution = machine.start({ stop: false, items: Array.from({ length: MAP_ITEMS }, (_, i) => ({ id: i })) });
  const result = await execution.result;
  if (result.status !== "SUCCEEDED") throw new Error(`the benchmark execution ended ${result.status}: ${result.error ?? ""} ${result.cause ?? ""}`);
  return { definition, events: execution.history };
}
