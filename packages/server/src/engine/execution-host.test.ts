import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityBroker, CallbackRegistry } from "@stepcraft/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Sqlite } from "../store/database.ts";
import { ExecutionStore, type ExecutionRow } from "../store/execution-store.ts";
import { MapRunStore } from "../store/map-run-store.ts";
import { ExecutionHost } from "./execution-host.ts";
import { ScaledClock } from "./scaled-clock.ts";

const open: Sqlite[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): Sqlite {
  const dir = mkdtempSync(join(tmpdir(), "stepcraft-host-"));
  dirs.push(dir);
  const db = openDatabase(dir);
  open.push(db);
  return db;
}

/** A host over `db`, as one process of the service is: its own memory (tokens, callbacks), the shared data. */
function hostOn(db: Sqlite): { host: ExecutionHost; store: ExecutionStore } {
  const clock = new ScaledClock(1, Date.now());
  const callbacks = new CallbackRegistry({ now: () => clock.now() });
  const store = new ExecutionStore(db);
  const host = new ExecutionHost({ store, mapRuns: new MapRunStore(db), clock, callbacks, activities: new ActivityBroker(callbacks), tasks: {}, tokenSecret: "secret" });
  return { host, store };
}

const ARN = "arn:aws:states:us-east-1:123456789012:execution:Approvals:one";

function approval(): ExecutionRow {
  const definition = JSON.stringify({
    StartAt: "Approve",
    States: {
      Approve: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, Next: "Done" },
      Done: { Type: "Pass", End: true },
    },
  });
  return {
    arn: ARN,
    machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:Approvals",
    version_arn: null,
    alias_arn: null,
    name: "one",
    type: "STANDARD",
    status: "RUNNING",
    input: "{}",
    output: null,
    error: null,
    cause: null,
    start_ms: Date.now(),
    stop_ms: null,
    definition,
    role_arn: "arn:aws:iam::123456789012:role/local",
    test_case: null,
    redrive_count: 0,
    redrive_ms: null,
    redrive_token: null,
  };
}

/** The waiting task's token, once its TaskStarted is committed. */
async function committedToken(store: ExecutionStore): Promise<string> {
  for (;;) {
    const events = store.events(ARN, false, 0, 100).map((body) => JSON.parse(body) as { type: string; taskScheduledEventDetails?: { parameters: string } });
    const scheduled = events.find((e) => e.type === "TaskScheduled");
    if (scheduled !== undefined && events.some((e) => e.type === "TaskStarted")) return (JSON.parse(scheduled.taskScheduledEventDetails!.parameters) as { Token: string }).Token;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function finishedRow(store: ExecutionStore): Promise<ExecutionRow> {
  for (;;) {
    const row = store.execution(ARN)!;
    if (row.status !== "RUNNING") return row;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("callback answers across a restart", () => {
  it("completes with an answer committed just before a crash that came before its continuation; the token is then TaskTimedOut", async () => {
    const db = database();
    const first = hostOn(db);
    first.host.start(approval());
    const token = await committedToken(first.store);
    first.host.sendTaskSuccess(token, { approved: true });
    // The crash: nothing after the acknowledged answer gets committed (TaskSucceeded, the Pass, the end).
    first.host.detach();
    expect(first.store.eventTypes(ARN)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted"]);

    const second = hostOn(db);
    expect(second.host.resumeAll()).toBe(1);
    expect(await finishedRow(second.store)).toMatchObject({ status: "SUCCEEDED", output: '{"approved":true}' });
    expect(second.store.eventTypes(ARN)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    // A client retrying its answer after the restart hears what AWS says of an ended task.
    expect(() => second.host.sendTaskSuccess(token, {})).toThrow(expect.objectContaining({ code: "TaskTimedOut" }));
  });

  it("takes an answer that comes after a restart before the replay has reached its task", async () => {
    const db = database();
    const first = hostOn(db);
    first.host.start(approval());
    const token = await committedToken(first.store);
    first.host.detach();

    const second = hostOn(db);
    second.host.resumeAll();
    // At once, in the same turn: the replay has not handed the token out again yet.
    second.host.sendTaskHeartbeat(token);
    second.host.sendTaskFailure(token, "Rejected", "no budget");
    expect(await finishedRow(second.store)).toMatchObject({ status: "FAILED", error: "Rejected", cause: "no budget" });
    expect(() => second.host.sendTaskSuccess(token, {})).toThrow(expect.objectContaining({ code: "TaskTimedOut" }));
    expect(() => second.host.sendTaskSuccess("never-handed-out", {})).toThrow(expect.objectContaining({ code: "TaskDoesNotExist" }));
  });
});
