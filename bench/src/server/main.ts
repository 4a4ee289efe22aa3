// `npm run bench:server`: the local Step Functions service under load, through the AWS SDK, against
// `stepcraft serve` in its own process: 1,000 concurrent executions, StartExecution and
// StartSyncExecution latency at 100 concurrent clients, and a SIGKILL under load followed by a
// restart that must lose no execution and no event. See docs/performance.md.
import { problem, progress } from "../progress.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from "@aws-sdk/client-sfn";
import { percentile } from "./percentile.ts";
import { killHard, serverCpuMs, startServeProcess, stopServe, type ServeProcess } from "../../../packages/cli/test/serve-process.ts";

const ROLE = "arn:aws:iam::123456789012:role/bench";
const log = progress;

/** Set when any execution was lost, ended wrong or has a wrong history: the run exits 1. */
let failed = false;
const check = (bad: number): number => {
  if (bad > 0) failed = true;
  return bad;
};

/** Add, wait a second (durable), pass: the output proves the input went through. */
const WAITING = JSON.stringify({
  StartAt: "Add",
  States: {
    Add: { Type: "Pass", Parameters: { "sum.$": "States.MathAdd($.a, $.b)", "id.$": "$.id" }, Next: "Wait" },
    Wait: { Type: "Wait", Seconds: 1, Next: "Done" },
    Done: { Type: "Pass", End: true },
  },
});
const WAITING_EVENTS = ["ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"];
const QUICK = JSON.stringify({ StartAt: "Add", States: { Add: { Type: "Pass", Parameters: { "sum.$": "States.MathAdd($.a, $.b)", "id.$": "$.id" }, End: true } } });

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function client(url: string): SFNClient {
  return new SFNClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
  });
}

function inputFor(id: number): { text: string; expected: string } {
  return { text: JSON.stringify({ id, a: id, b: 1 }), expected: JSON.stringify({ sum: id + 1, id }) };
}

/** Runs `work(i)` for i in 0..count-1 with at most `width` at a time. */
async function pool(count: number, width: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function allExecutions(sfn: SFNClient, stateMachineArn: string, statusFilter?: "RUNNING") {
  const out: { executionArn?: string | undefined; status?: string | undefined }[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken, ...(statusFilter === undefined ? {} : { statusFilter }) }));
    out.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return out;
}

async function untilNoneRunning(sfn: SFNClient, stateMachineArn: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await allExecutions(sfn, stateMachineArn, "RUNNING")).length > 0) {
    if (Date.now() > deadline) throw new Error("executions still RUNNING at the deadline");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many executions ended other than SUCCEEDED with the expected output, or with a history that is not exactly the expected events. */
async function verify(sfn: SFNClient, arns: ReadonlyMap<string, string>, events: readonly string[] | undefined): Promise<{ wrong: number; badHistory: number }> {
  let wrong = 0;
  let badHistory = 0;
  const list = [...arns];
  await pool(list.length, 50, async (i) => {
    const [executionArn, expected] = list[i]!;
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== "SUCCEEDED" || described.output !== expected) wrong++;
    if (events === undefined) return;
    const history = (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
    const ids = history.map((e) => e.id);
    if (JSON.stringify(history.map((e) => e.type)) !== JSON.stringify(events) || ids.some((id, n) => id !== n + 1)) badHistory++;
  });
  return { wrong, badHistory };
}

async function concurrentExecutions(serve: ServeProcess, count: number): Promise<string[]> {
  const sfn = client(serve.url);
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Concurrent", definition: WAITING, roleArn: ROLE }));
  const arns = new Map<string, string>();
  const cpuBefore = serverCpuMs(serve);
  const began = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, id) => {
      const { text, expected } = inputFor(id);
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: text }));
      arns.set(executionArn!, expected);
    }),
  );
  const started = performance.now() - began;
  await untilNoneRunning(sfn, stateMachineArn!, 120_000);
  const finished = performance.now() - began;
  const cpu = (serverCpuMs(serve) - cpuBefore) / count;
  const { wrong, badHistory } = await verify(sfn, arns, WAITING_EVENTS);
  check(wrong + badHistory + (count - arns.size));
  return [
    `| ${count} StartExecution at once (each runs Pass → Wait 1 s → Pass) | all acknowledged in ${(started / 1000).toFixed(2)} s; all finished ${(finished / 1000).toFixed(2)} s after the first request; server CPU ${cpu.toFixed(2)} ms per execution (start to end, polling included) |`,
    `| their outputs and histories checked | ${count - wrong}/${count} SUCCEEDED with the right output; ${count - badHistory}/${count} histories exactly the 8 expected events, ids 1..8 |`,
  ];
}

async function latency(serve: ServeProcess, clients: number, perClient: number, sync: boolean): Promise<string> {
  const sfn = client(serve.url);
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: sync ? "SyncQuick" : "Quick", definition: QUICK, roleArn: ROLE, ...(sync ? { type: "EXPRESS" } : {}) }));
  const samples: number[] = [];
  let failures = 0;
  const cpuBefore = serverCpuMs(serve);
  const began = performance.now();
  await pool(clients, clients, async (c) => {
    for (let r = 0; r < perClient; r++) {
      const { text, expected } = inputFor(c * perClient + r);
      const t0 = performance.now();
      try {
        if (sync) {
          const result = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: text }));
          if (result.output !== expected) failures++;
        } else {
          await sfn.send(new StartExecutionCommand({ stateMachineArn, input: text }));
        }
      } catch {
        failures++;
      }
      samples.push(performance.now() - t0);
    }
  });
  check(failures);
  const seconds = (performance.now() - began) / 1000;
  const cpu = (serverCpuMs(serve) - cpuBefore) / samples.length;
  if (!sync) await untilNoneRunning(sfn, stateMachineArn!, 120_000);
  const name = sync ? "StartSyncExecution (Express, Pass)" : "StartExecution (Standard, Pass)";
  return `| ${name}, ${clients} clients × ${perClient} | p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, ${(samples.length / seconds).toFixed(0)} requests/s, server CPU ${cpu.toFixed(2)} ms per request, ${failures} failed |`;
}

async function killUnderLoad(data: string, clients: number, killAfterMs: number): Promise<string[]> {
  const first = await startServeProcess(["--data", data]);
  const sfn = client(first.url);
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Survivors", definition: WAITING, roleArn: ROLE }));
  const acknowledged = new Map<string, string>();
  let refused = 0;
  let killed = false;
  let id = 0;
  const load = Promise.all(
    Array.from({ length: clients }, async () => {
      while (!killed) {
        const { text, expected } = inputFor(id++);
        try {
          const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: text }));
          acknowledged.set(executionArn!, expected);
        } catch {
          refused++;
        }
      }
    }),
  );
  await new Promise((r) => setTimeout(r, killAfterMs));
  await killHard(first);
  killed = true;
  await load;
  const running = acknowledged.size;
  const second = await startServeProcess(["--data", data]);
  const after = client(second.url);
  await untilNoneRunning(after, stateMachineArn!, 180_000);
  const stored = await allExecutions(after, stateMachineArn!);
  const storedArns = new Set(stored.map((e) => e.executionArn));
  const lost = [...acknowledged.keys()].filter((arn) => !storedArns.has(arn)).length;
  const { wrong, badHistory } = await verify(after, acknowledged, WAITING_EVENTS);
  check(lost + wrong + badHistory);
  await stopServe(second);
  return [
    `| SIGKILL after ${killAfterMs} ms of ${clients} clients starting executions | ${running} acknowledged before the kill (${refused} requests failed while it was down); ${stored.length} stored |`,
    `| after the restart | ${lost} acknowledged executions lost; ${running - wrong}/${running} SUCCEEDED with the right output; ${running - badHistory}/${running} histories exactly the 8 expected events, ids without gap or repeat |`,
  ];
}

async function main(): Promise<void> {
  const executions = option("executions", 1000);
  const clients = option("clients", 100);
  const perClient = option("requests", 20);
  const killAfter = option("kill-after-ms", 3000);
  const data = mkdtempSync(join(tmpdir(), "stepcraft-bench-serve-"));
  const rows: string[] = [];
  try {
    log(`${executions} concurrent executions ...`);
    const serve = await startServeProcess(["--data", join(data, "load")]);
    rows.push(...(await concurrentExecutions(serve, executions)));
    log(`StartExecution latency, ${clients} clients ...`);
    rows.push(await latency(serve, clients, perClient, false));
    log(`StartSyncExecution latency, ${clients} clients ...`);
    rows.push(await latency(serve, clients, perClient, true));
    await stopServe(serve);
    log("SIGKILL under load, then restart ...");
    rows.push(...(await killUnderLoad(join(data, "kill"), clients, killAfter)));
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  process.stdout.write(["| measure | result |", "| --- | --- |", ...rows].join("\n") + "\n");
  if (failed) {
    problem("!!! an execution was lost, ended wrong or has a wrong history (see the table)");
    process.exitCode = 1;
  }
}

await main();
