import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import type { MapRunObserver, MapRunStart } from "../engine/map-run-observer.ts";

const DISTRIBUTED = { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" };

/** An observer that writes down what it hears. */
function recordingObserver(): { observer: MapRunObserver; runs: MapRunStart[]; heard: string[] } {
  const runs: MapRunStart[] = [];
  const heard: string[] = [];
  const observer: MapRunObserver = {
    started: (run) => {
      runs.push(run);
      return {
        childStarted: (index) => heard.push(`started ${index}`),
        childEnded: (index, status) => heard.push(`${status} ${index}`),
        ended: (status, error) => heard.push(`run ${status}${error === undefined ? "" : ` ${error.error}`}`),
      };
    },
    mapRunId: (site, part) => `${part}-${site.stateName}-${site.enteredEventId}-${site.retryCount}`,
  };
  return { observer, runs, heard };
}

describe("Map Run observer", () => {
  it("hears a Distributed Map's run: its settings, each child, its end; the host makes the ARN's ids", async () => {
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          MaxConcurrency: 2,
          ToleratedFailureCount: 1,
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Variable: "$", NumericEquals: 2, Next: "Bad" }], Default: "Ok" }, Ok: { Type: "Pass", End: true }, Bad: { Type: "Fail", Error: "Two" } } },
          End: true,
        },
      },
    };
    const { observer, runs, heard } = recordingObserver();
    const exec = prepareStateMachine(def, { name: "Parent" }).start([1, 2, 3], { mapRuns: observer });
    expect(await exec.result).toMatchObject({ status: "SUCCEEDED" });
    expect(runs).toEqual([
      { mapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:Parent/label-M-2-0:run-M-2-0", stateName: "M", maxConcurrency: 2, toleratedFailureCount: 1, toleratedFailurePercentage: undefined, childItems: [1, 1, 1], writesResults: false },
    ]);
    expect(heard.filter((h) => h.startsWith("started"))).toEqual(["started 0", "started 1", "started 2"]);
    expect(heard.filter((h) => !h.startsWith("started"))).toEqual(["SUCCEEDED 0", "FAILED 1", "SUCCEEDED 2", "run SUCCEEDED"]);
    expect(exec.history.find((e) => e.type === "MapRunStarted")).toMatchObject({ mapRunStartedEventDetails: { mapRunArn: runs[0]!.mapRunArn } });
  });

  it("hears a run that fails, with the error, and batches as children of several items", async () => {
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemBatcher: { MaxItemsPerBatch: 2 },
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "F", States: { F: { Type: "Fail", Error: "Nope" } } },
          End: true,
        },
      },
    };
    const { observer, runs, heard } = recordingObserver();
    const exec = prepareStateMachine(def).start([1, 2, 3], { mapRuns: observer });
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "Nope" });
    expect(runs[0]!.childItems).toEqual([2, 1]);
    expect(heard.at(-1)).toBe("run FAILED Nope");
  });
});
