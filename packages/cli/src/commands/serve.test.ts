// `stepcraft serve`: the local Step Functions service, with a workflow module's lambda() handlers
// bound in-process; a real `kill -9` of the process loses nothing.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadModuleWorkflows } from "../compile/choose-workflow.ts";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";
import { serveCommand } from "./serve.ts";
import { killHard, startServeProcess, type ServeProcess } from "../../test/serve-process.ts";

const fixtures = new URL("../compile/fixtures/", import.meta.url).pathname;
const bin = new URL("../../bin/stepcraft.js", import.meta.url).pathname;
const ROLE = "arn:aws:iam::123456789012:role/local";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

/** One AWS JSON 1.0 call, as the SDK makes it (no SDK needed for a few calls). */
async function call(url: string, action: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": `AWSStepFunctions.${action}` }, body: JSON.stringify(body) });
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(answer)}`);
  return answer;
}

async function finished(url: string, executionArn: unknown): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const described = await call(url, "DescribeExecution", { executionArn });
    if (described["status"] !== "RUNNING" || Date.now() > deadline) return described;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data directory, removed after the test. */
function dataDirectory(): string {
  const data = mkdtempSync(join(tmpdir(), "stepcraft-serve-kill-"));
  dirs.push(data);
  return data;
}

/** A machine whose first state waits for a callback (`.waitForTaskToken`), then goes to `next`. */
function approvalThen(next: Record<string, unknown>): string {
  return JSON.stringify({
    StartAt: "Approve",
    States: { Approve: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, Next: "Then" }, Then: next },
  });
}

/** The token of the execution's waiting task, once it has started. */
async function waitingToken(url: string, executionArn: unknown): Promise<string> {
  let events: { type: string; taskScheduledEventDetails?: { parameters: string } }[] = [];
  while (!events.some((e) => e.type === "TaskSubmitted" || e.type === "TaskStarted")) {
    events = (await call(url, "GetExecutionHistory", { executionArn }))["events"] as typeof events;
  }
  return (JSON.parse(events.find((e) => e.type === "TaskScheduled")!.taskScheduledEventDetails!.parameters) as { Token: string }).Token;
}

/** Starts `stepcraft serve` as its own process (killed after each test); resolves once it listens. */
async function spawnServe(args: readonly string[]): Promise<ServeProcess> {
  const serve = await startServeProcess(args);
  children.push(serve.child);
  return serve;
}

describe("stepcraft serve", () => {
  it("serves executions whose Lambda tasks run the --workflows module's handlers", async () => {
    const io = capture(fixtures);
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = serveCommand({ port: 0, host: "127.0.0.1", data: ":memory:", workflows: ["with-lambdas.ts"], timeScale: 1 }, io, stopped);
    const deadline = Date.now() + 30_000;
    while (!io.stdout().includes("listening on") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/\S+)/.exec(io.stdout())![1]!;
    expect(io.stdout()).toMatch(/local function bindings?; resumed 0 executions/);
    const [orders] = await loadModuleWorkflows("with-lambdas.ts", fixtures);
    const { stateMachineArn } = await call(url, "CreateStateMachine", { name: "Orders", definition: JSON.stringify(orders!.asl), roleArn: ROLE });
    const { executionArn } = await call(url, "StartExecution", { stateMachineArn, input: JSON.stringify({ orderId: "o-7", sku: "tea", qty: 2 }) });
    const done = await finished(url, executionArn);
    expect(done["status"]).toBe("SUCCEEDED");
    expect(done["output"]).toContain('"recorded":"o-7/r-tea-2"');
    stop();
    expect(await running).toBe(0);
  });

  it("hands each --workflows workflow's input schema to the console under the workflow's name", async () => {
    const io = capture(fixtures);
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = serveCommand({ port: 0, host: "127.0.0.1", data: ":memory:", workflows: ["schema-input.ts"], timeScale: 1 }, io, stopped);
    const deadline = Date.now() + 30_000;
    while (!io.stdout().includes("listening on") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/\S+)/.exec(io.stdout())![1]!;
    expect(io.stdout()).toContain(`(console: ${url}/;`);
    const check = async (machine: string, input: unknown) => {
      const response = await fetch(`${url}/console/check-input`, { method: "POST", body: JSON.stringify({ stateMachineArn: `arn:aws:states:us-east-1:123456789012:stateMachine:${machine}`, input: JSON.stringify(input) }) });
      return (await response.json()) as { schema: boolean; issues: { path: string }[] };
    };
    expect(await check("Greeting", { name: "" })).toMatchObject({ schema: true, issues: [{ path: "$.name" }] });
    expect(await check("Greeting", { name: "Ada" })).toEqual({ schema: true, issues: [] });
    expect(await check("Other", {})).toEqual({ schema: false, issues: [] });
    stop();
    expect(await running).toBe(0);
  });

  it("refuses bad options as usage errors (exit 2)", async () => {
    for (const args of [["--time-scale", "0"], ["--port", "http"], ["--mock-config", "missing.json"], ["--workflows", "missing.ts"]]) {
      const io = capture(fixtures);
      expect(await main(["serve", "--data", ":memory:", "--port", "0", ...args], io)).toBe(2);
      expect(io.stderr()).toMatch(/stepcraft: /);
    }
  });

  it("loses nothing when the process is killed with SIGKILL and started again", async () => {
    const data = dataDirectory();
    const first = await spawnServe(["--data", data]);
    const { stateMachineArn } = await call(first.url, "CreateStateMachine", { name: "Kill", definition: approvalThen({ Type: "Wait", Seconds: 1, End: true }), roleArn: ROLE });
    const { executionArn } = await call(first.url, "StartExecution", { stateMachineArn, name: "survivor" });
    const token = await waitingToken(first.url, executionArn);
    await killHard(first);
    const second = await spawnServe(["--data", data]);
    await call(second.url, "SendTaskSuccess", { taskToken: token, output: '{"ok":true}' });
    const done = await finished(second.url, executionArn);
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"ok":true}' });
    const history = (await call(second.url, "GetExecutionHistory", { executionArn }))["events"] as { id: number; type: string }[];
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.map((e) => e.type)).toEqual(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"]);
  });

  it("completes executions whose callbacks were answered just before a SIGKILL; answering again is TaskTimedOut", async () => {
    const data = dataDirectory();
    const first = await spawnServe(["--data", data]);
    const { stateMachineArn } = await call(first.url, "CreateStateMachine", { name: "Answered", definition: approvalThen({ Type: "Pass", End: true }), roleArn: ROLE });
    const started = await Promise.all([1, 2, 3, 4].map((n) => call(first.url, "StartExecution", { stateMachineArn, name: `a-${n}` })));
    const tokens = await Promise.all(started.map(({ executionArn }) => waitingToken(first.url, executionArn)));
    // Each answer is acknowledged only once committed; the kill follows the acknowledgements at
    // once, before (or while) the executions' continuations are committed.
    await Promise.all(tokens.map((taskToken, n) => call(first.url, "SendTaskSuccess", { taskToken, output: JSON.stringify({ approved: n }) })));
    await killHard(first);

    const second = await spawnServe(["--data", data]);
    for (const [n, { executionArn }] of started.entries()) {
      expect(await finished(second.url, executionArn)).toMatchObject({ status: "SUCCEEDED", output: JSON.stringify({ approved: n }) });
      const history = (await call(second.url, "GetExecutionHistory", { executionArn }))["events"] as { id: number; type: string }[];
      expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
      expect(history.filter((e) => e.type === "TaskSucceeded")).toHaveLength(1);
    }
    // A client that retries an answer the crash left it unsure of hears what AWS says of an ended task.
    await expect(call(second.url, "SendTaskSuccess", { taskToken: tokens[0], output: "{}" })).rejects.toThrow(/TaskTimedOut/);
  });
});
