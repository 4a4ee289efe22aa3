// A server over a real data directory, and the checks the durability and redrive tests share.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from "@aws-sdk/client-sfn";
import { afterEach, expect } from "vitest";
import { startServer, type RunningServer, type ServerOptions } from "../src/index.ts";
import { sdkClient, until } from "./sdk-client.ts";

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh data directory, removed after the test. */
export function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "stepcraft-serve-"));
  dirs.push(dir);
  return dir;
}

/** A server on `data`, closed after the test unless {@link crash} stops it first. */
export async function serve(data: string, options: ServerOptions = {}): Promise<{ server: RunningServer; sfn: SFNClient }> {
  const server = await startServer({ port: 0, data, ...options });
  servers.push(server);
  return { server, sfn: sdkClient(server) };
}

/** Closing lets go of running executions without recording anything: the data directory looks as after a crash. */
export async function crash(server: RunningServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
}

/** DescribeExecution once the execution is no longer RUNNING. */
export async function finished(sfn: SFNClient, executionArn: string | undefined) {
  return until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING", 15_000);
}

/** The whole history (up to 1,000 events). */
export async function historyOf(sfn: SFNClient, executionArn: string | undefined): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
}

/** Ids 1..n with no gap and no repeat. */
export function expectWholeHistory(events: readonly HistoryEvent[]): void {
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
}
