import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import type { HistoryEvent } from "../engine/history.ts";

// When one inline Map iteration fails, its running siblings are aborted: AWS records
// MapIterationFailed for the failed one, then TaskStateAborted and MapIterationAborted for each
// running sibling, before MapStateFailed (recorded: test_service_lambda_map_timeout).

const never = () => new Promise(() => undefined);
const invoke = (extra: Record<string, unknown> = {}) => ({ Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, ...extra, End: true });

function signature(history: readonly HistoryEvent[]): string[] {
  return history.map((e) => {
    const details = (e["mapIterationFailedEventDetails"] ?? e["mapIterationAbortedEventDetails"] ?? e["mapIterationStartedEventDetails"]) as { index: number } | undefined;
    return details === undefined ? e.type : `${e.type}:${details.index}`;
  });
}

describe("Map iterations aborted by a failing sibling", () => {
  it("records MapIterationAborted for a sibling still running, before MapStateFailed", async () => {
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemProcessor: {
            StartAt: "C",
            States: { C: { Type: "Choice", Choices: [{ Variable: "$", NumericEquals: 1, Next: "F" }], Default: "L" }, F: { Type: "Fail", Error: "E" }, L: invoke() },
          },
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { tasks: { f: never } }).start([2, 1]);
    expect(await exec.result).toEqual({ status: "FAILED", error: "E" });
    expect(signature(exec.history).slice(-6)).toEqual(["FailStateEntered", "MapIterationFailed:1", "TaskStateAborted", "MapIterationAborted:0", "MapStateFailed", "ExecutionFailed"]);
  });

  it("a task that timed out records one TaskStateAborted, not a second one when its iteration fails the Map", async () => {
    const def = { StartAt: "M", States: { M: { Type: "Map", ItemProcessor: { StartAt: "L", States: { L: invoke({ TimeoutSeconds: 5 }) } }, End: true } } };
    const exec = prepareStateMachine(def, { tasks: { f: never } }).start([1, 2]);
    expect(await exec.result).toEqual({ status: "FAILED", error: "States.Timeout" });
    const events = signature(exec.history);
    expect(events.filter((e) => e === "TaskTimedOut")).toHaveLength(2);
    expect(events.filter((e) => e === "TaskStateAborted")).toHaveLength(2);
    expect(events.slice(-4)).toEqual(["MapIterationFailed:0", "MapIterationAborted:1", "MapStateFailed", "ExecutionFailed"]);
  });
});
