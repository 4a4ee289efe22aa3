import { describe, expect, test } from "vitest";
import { ExecutionNotRedrivableError } from "../engine/redrive.ts";
import { START } from "./fixtures.ts";
import { startTestExecution } from "./start-test-execution.ts";
import { InMemoryObjectStore } from "../object-store/memory-object-store.ts";

// RedriveExecution through the testing API: a callback that was refused fails the execution; the
// test redrives it, the callback state runs again and this time the test approves.
const approval = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Wait", Seconds: 600, Next: "Approve" },
    Approve: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" } },
      ResultPath: "$.approval",
      Next: "Done",
    },
    Done: { Type: "Pass", Parameters: { "order.$": "$.order", "approval.$": "$.approval", "redrives.$": "$$.Execution.RedriveCount" }, End: true },
  },
};

describe("startTestExecution: redrive", () => {
  test("a refused callback fails the run; redriven, the callback state waits again and the run succeeds", async () => {
    const run = startTestExecution(approval, { order: 7 }, { startTime: START });
    await run.waitForState("Approve");
    await run.sendTaskFailure("Approve", "Rejected", "not today");
    expect(await run.result()).toMatchObject({ status: "FAILED", error: "Rejected", cause: "not today" });

    await run.redrive();
    // The Wait before it is not run again: the redrive re-enters Approve at once.
    const visit = await run.waitForState("Approve", { visit: 2 });
    expect(visit.input).toEqual({ order: 7 });
    await run.sendTaskSuccess("Approve", { ok: true });
    const result = await run.result();
    expect(result).toMatchObject({ status: "SUCCEEDED", output: { order: 7, approval: { ok: true }, redrives: 1 } });
    expect(run.history().filter((e) => e.type === "WaitStateEntered")).toHaveLength(1);
    expect(run.history().some((e) => e.type === "ExecutionRedriven")).toBe(true);
  });

  test("a run that succeeded cannot be redriven", async () => {
    const run = startTestExecution({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }, {});
    expect((await run.result()).status).toBe("SUCCEEDED");
    await expect(run.redrive()).rejects.toThrow(ExecutionNotRedrivableError);
  });
});

// A Distributed Map whose Map Run failed: redriving the parent continues that Map Run (same ARN,
// MapRunRedriven) and runs again only the child executions that did not succeed
// (AWS: https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html).
describe("startTestExecution: redrive of a Distributed Map's Map Run", () => {
  const WORK = "arn:aws:lambda:us-east-1:123456789012:function:work";
  const distributed = (extra: Record<string, unknown> = {}) => ({
    StartAt: "Each",
    States: {
      Each: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Work",
          States: { Work: { Type: "Task", Resource: WORK, End: true } },
        },
        ...extra,
        End: true,
      },
    },
  });
  const worker = (broken: Set<number>, seen: number[]) => (n: unknown) => {
    seen.push(n as number);
    if (broken.has(n as number)) throw Object.assign(new Error(`item ${String(n)} broke`), { name: "Broken" });
    return (n as number) * 10;
  };
  const mapRunEvents = (run: { history(): ReadonlyArray<{ type: string } & Record<string, unknown>> }) =>
    run.history().filter((e) => e.type === "MapRunStarted" || e.type === "MapRunRedriven" || e.type === "MapRunFailed" || e.type === "MapRunSucceeded");

  test("only the failed items run again, in the same Map Run, which records MapRunRedriven", async () => {
    const broken = new Set([2, 4]);
    const seen: number[] = [];
    const run = startTestExecution(distributed({ ToleratedFailureCount: 1 }), { items: [1, 2, 3, 4, 5] }, { tasks: { [WORK]: worker(broken, seen) } });
    expect(await run.result()).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
    const firstRun = [...seen];
    const [started] = mapRunEvents(run);
    const mapRunArn = (started?.["mapRunStartedEventDetails"] as { mapRunArn: string }).mapRunArn;

    broken.clear();
    seen.length = 0;
    await run.redrive();
    expect(await run.result()).toMatchObject({ status: "SUCCEEDED", output: [10, 20, 30, 40, 50] });
    // Every item that had succeeded keeps its output; those that failed (or never ran) run now.
    const succeededFirst = firstRun.filter((n) => !broken.has(n) && n !== 2 && n !== 4);
    expect(succeededFirst).toContain(1);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5].filter((n) => !succeededFirst.includes(n)));
    expect(mapRunEvents(run).map((e) => e.type)).toEqual(["MapRunStarted", "MapRunFailed", "MapRunRedriven", "MapRunSucceeded"]);
    expect(mapRunEvents(run)[2]).toMatchObject({ mapRunRedrivenEventDetails: { mapRunArn, redriveCount: 1 } });
  });

  test("a Map Run redriven twice counts its redrives", async () => {
    const broken = new Set([3]);
    const run = startTestExecution(distributed(), { items: [1, 2, 3] }, { tasks: { [WORK]: worker(broken, []) } });
    expect((await run.result()).status).toBe("FAILED");
    await run.redrive();
    expect((await run.result()).status).toBe("FAILED");
    broken.clear();
    await run.redrive();
    expect(await run.result()).toMatchObject({ status: "SUCCEEDED", output: [10, 20, 30] });
    const redriven = mapRunEvents(run).filter((e) => e.type === "MapRunRedriven");
    expect(redriven.map((e) => (e["mapRunRedrivenEventDetails"] as { redriveCount: number }).redriveCount)).toEqual([1, 2]);
  });

  test("a Map whose Map Run never started (its items could not be read) starts one on the redrive", async () => {
    const store = new InMemoryObjectStore();
    const def = {
      StartAt: "Each",
      States: {
        Each: {
          ...distributed().States.Each,
          ItemsPath: undefined,
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "in-bucket", Key: "items.json" } },
        },
      },
    };
    const run = startTestExecution(def, {}, { objectStore: store, tasks: { [WORK]: worker(new Set(), []) } });
    expect(await run.result()).toMatchObject({ status: "FAILED", error: "States.ItemReaderFailed" });
    expect(mapRunEvents(run)).toEqual([]);
    await store.putObject("in-bucket", "items.json", "[1, 2]");
    await run.redrive();
    expect(await run.result()).toMatchObject({ status: "SUCCEEDED", output: [10, 20] });
    expect(mapRunEvents(run).map((e) => e.type)).toEqual(["MapRunStarted", "MapRunSucceeded"]);
  });
});
