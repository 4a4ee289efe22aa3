import { SFNClient } from "@aws-sdk/client-sfn";
import { afterEach } from "vitest";
import { startServer, type RunningServer, type ServerOptions } from "../src/index.ts";

/** A client of the local service as a user would make one: any credentials, the endpoint, no host prefix. */
export function sdkClient(server: RunningServer, region = "us-east-1"): SFNClient {
  return new SFNClient({
    endpoint: server.url,
    region,
    credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" },
    // StartSyncExecution's host prefix (sync-) would turn 127.0.0.1 into an unknown host.
    disableHostPrefix: true,
    maxAttempts: 1,
  });
}

const open: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A server on a free port (in memory unless `data` says otherwise), closed after the test. */
export async function testServer(options: ServerOptions = {}): Promise<{ server: RunningServer; sfn: SFNClient }> {
  const server = await startServer({ port: 0, data: ":memory:", ...options });
  open.push(server);
  return { server, sfn: sdkClient(server) };
}

/** A role ARN CreateStateMachine accepts. */
export const ROLE = "arn:aws:iam::123456789012:role/stepcraft-local";

/** Polls DescribeExecution until the execution is no longer RUNNING. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
