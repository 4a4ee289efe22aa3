// The AWS CLI (Debian's awscli) against the local service, through --endpoint-url.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CreateStateMachineCommand, StartExecutionCommand, StopExecutionCommand } from "@aws-sdk/client-sfn";
import { ROLE, testServer } from "./sdk-client.ts";

const run = promisify(execFile);

/** Runs `aws stepfunctions <args>` with dummy credentials and no user configuration; parses its JSON output. */
async function aws(endpoint: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run("aws", ["stepfunctions", ...args, "--endpoint-url", endpoint, "--output", "json"], {
    env: {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: process.env["HOME"] ?? "/tmp",
      AWS_ACCESS_KEY_ID: "AKIDLOCAL",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/nonexistent/stepcraft-aws-config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/stepcraft-aws-credentials",
      AWS_PAGER: "",
      // StartSyncExecution's host prefix (sync-) would turn 127.0.0.1 into an unknown host.
      AWS_DISABLE_HOST_PREFIX_INJECTION: "true",
    },
  });
  return stdout.trim() === "" ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

/** Runs a failing `aws` command and returns its stderr. */
async function awsError(endpoint: string, ...args: string[]): Promise<string> {
  try {
    await aws(endpoint, ...args);
  } catch (e) {
    return String((e as { stderr?: unknown }).stderr);
  }
  throw new Error(`aws ${args.join(" ")} succeeded`);
}

describe("the AWS CLI against stepcraft serve", () => {
  it("creates a machine, starts, describes and lists executions, reads the history, answers a callback", async () => {
    const { server } = await testServer();
    const definition = JSON.stringify({
      StartAt: "Ask",
      States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, End: true } },
    });
    const created = await aws(server.url, "create-state-machine", "--name", "CliMachine", "--definition", definition, "--role-arn", "arn:aws:iam::123456789012:role/local");
    expect(created["stateMachineArn"]).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:CliMachine");
    const started = await aws(server.url, "start-execution", "--state-machine-arn", String(created["stateMachineArn"]), "--name", "cli-1", "--input", '{"order":1}');
    const executionArn = String(started["executionArn"]);
    expect(executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:CliMachine:cli-1");
    let history: { type: string; taskScheduledEventDetails?: { parameters: string } }[] = [];
    while (!history.some((e) => e.type === "TaskStarted")) {
      history = (await aws(server.url, "get-execution-history", "--execution-arn", executionArn))["events"] as typeof history;
    }
    const token = (JSON.parse(history.find((e) => e.type === "TaskScheduled")!.taskScheduledEventDetails!.parameters) as { Token: string }).Token;
    expect(await aws(server.url, "describe-execution", "--execution-arn", executionArn)).toMatchObject({ status: "RUNNING", input: '{"order":1}' });
    await aws(server.url, "send-task-success", "--task-token", token, "--task-output", '{"approved":true}');
    let described: Record<string, unknown> = {};
    while (described["status"] !== "SUCCEEDED") described = await aws(server.url, "describe-execution", "--execution-arn", executionArn);
    expect(described["output"]).toBe('{"approved":true}');
    const listed = await aws(server.url, "list-executions", "--state-machine-arn", String(created["stateMachineArn"]), "--status-filter", "SUCCEEDED");
    expect((listed["executions"] as { name: string }[]).map((e) => e.name)).toEqual(["cli-1"]);
    const reversed = await aws(server.url, "get-execution-history", "--execution-arn", executionArn, "--reverse-order", "--max-items", "1");
    expect((reversed["events"] as { type: string }[]).map((e) => e.type)).toEqual(["ExecutionSucceeded"]);
    expect(await awsError(server.url, "describe-execution", "--execution-arn", `${executionArn}-nope`)).toContain("ExecutionDoesNotExist");
  }, 60_000);

  it("redrives a stopped execution with redrive-execution, lists it as redriven, and says why it cannot be again", async () => {
    // The set-up goes through the SDK: each CLI run costs seconds on a loaded machine.
    const { server, sfn } = await testServer();
    const definition = JSON.stringify({
      StartAt: "Ask",
      States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, End: true } },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "CliRedrive", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: "r-1" }));
    await sfn.send(new StopExecutionCommand({ executionArn }));
    const redriven = await aws(server.url, "redrive-execution", "--execution-arn", executionArn!);
    expect(typeof redriven["redriveDate"]).toBe("number");
    const listed = await aws(server.url, "list-executions", "--state-machine-arn", stateMachineArn!, "--redrive-filter", "REDRIVEN");
    expect(listed["executions"]).toMatchObject([{ name: "r-1", status: "RUNNING", redriveCount: 1, redriveDate: redriven["redriveDate"] }]);
    expect(await awsError(server.url, "redrive-execution", "--execution-arn", executionArn!)).toContain("(ExecutionNotRedrivable) when calling the RedriveExecution operation: Execution is RUNNING and cannot be redriven.");
  }, 60_000);

  it("runs an Express machine with start-sync-execution", async () => {
    const { server } = await testServer();
    const created = await aws(server.url, "create-state-machine", "--name", "Fast", "--type", "EXPRESS", "--definition", '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', "--role-arn", "arn:aws:iam::123456789012:role/local");
    const result = await aws(server.url, "start-sync-execution", "--state-machine-arn", String(created["stateMachineArn"]), "--input", '{"a":1}');
    expect(result).toMatchObject({ status: "SUCCEEDED", output: '{"a":1}' });
  }, 30_000);
});
