import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand, ValidationException } from "@aws-sdk/client-sfn";
import { loadMockConfig } from "@stepcraft/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { ROLE, testServer, until } from "./sdk-client.ts";

const lambdaServers: Server[] = [];
afterEach(() => {
  for (const s of lambdaServers.splice(0)) s.close();
});

/** A stand-in for a Lambda-API endpoint: `shout` upper-cases, `broken` reports a function error, others are 404. */
async function fakeLambdaApi(calls: string[]): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      calls.push(`${req.method ?? ""} ${req.url ?? ""} ${body}`);
      if (req.url === "/2015-03-31/functions/shout/invocations") {
        res.end(JSON.stringify({ text: (JSON.parse(body) as { text: string }).text.toUpperCase() }));
      } else if (req.url === "/2015-03-31/functions/broken/invocations") {
        res.writeHead(200, { "x-amz-function-error": "Unhandled" });
        res.end(JSON.stringify({ errorType: "OutOfStock", errorMessage: "no tea" }));
      } else {
        res.writeHead(404);
        res.end(JSON.stringify({ Type: "User", message: "Function not found" }));
      }
    });
  });
  lambdaServers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const mockConfig = loadMockConfig({
  StateMachines: { Orders: { TestCases: { HappyPath: { Charge: "ChargeOk" }, Declined: { Charge: "ChargeDeclined" } } } },
  MockedResponses: {
    ChargeOk: { "0": { Return: { StatusCode: 200, Payload: { charged: true } } } },
    ChargeDeclined: { "0": { Throw: { Error: "Card.Declined", Cause: "insufficient funds" } } },
  },
});

describe("how tasks are bound", () => {
  it("selects a Step Functions Local mock test case with stateMachineArn#TestCase", async () => {
    const { sfn } = await testServer({ mockConfig });
    const definition = JSON.stringify({ StartAt: "Charge", States: { Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "charge" }, OutputPath: "$.Payload", End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Orders", definition, roleArn: ROLE }));
    const happy = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#HappyPath` }));
    expect(happy.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:Orders:${happy.executionArn!.split(":").at(-1)!}`);
    expect(await until(() => sfn.send(new DescribeExecutionCommand({ executionArn: happy.executionArn })), (d) => d.status !== "RUNNING")).toMatchObject({ status: "SUCCEEDED", output: '{"charged":true}' });
    const declined = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Declined` }));
    expect(await until(() => sfn.send(new DescribeExecutionCommand({ executionArn: declined.executionArn })), (d) => d.status !== "RUNNING")).toMatchObject({ status: "FAILED", error: "Card.Declined", cause: "insufficient funds" });
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#NoSuchCase` }))).rejects.toBeInstanceOf(ValidationException);
  });

  it("sends Lambda invocations to --lambda-endpoint, with function errors and missing functions as AWS reports them", async () => {
    const calls: string[] = [];
    const lambdaEndpoint = await fakeLambdaApi(calls);
    const { sfn } = await testServer({ lambdaEndpoint });
    const definition = (fn: string) => JSON.stringify({ StartAt: "Call", States: { Call: { Type: "Task", Resource: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`, End: true } } });
    const outcome = async (fn: string) => {
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: `L-${fn}`, definition: definition(fn), roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"text":"hi"}' }));
      return until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    };
    expect(await outcome("shout")).toMatchObject({ status: "SUCCEEDED", output: '{"text":"HI"}' });
    expect(calls[0]).toBe('POST /2015-03-31/functions/shout/invocations {"text":"hi"}');
    const broken = await outcome("broken");
    expect(broken).toMatchObject({ status: "FAILED", error: "OutOfStock" });
    expect(broken.cause).toContain("no tea");
    expect(await outcome("absent")).toMatchObject({ status: "FAILED", error: "Lambda.ResourceNotFoundException" });
  });

  it("fails a Lambda function nothing serves as AWS fails a missing function, with no handlers at all", async () => {
    const { sfn } = await testServer();
    const definition = JSON.stringify({ StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:nowhere", End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Nowhere", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "FAILED", error: "Lambda.ResourceNotFoundException" });
    expect(done.cause).toContain("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nowhere:$LATEST");
  });

  it("runs time faster with timeScale, the same for every execution", async () => {
    const { sfn } = await testServer({ timeScale: 100 });
    const definition = JSON.stringify({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 60, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Scaled", definition, roleArn: ROLE }));
    const began = Date.now();
    const arns = await Promise.all([1, 2].map(async () => (await sfn.send(new StartExecutionCommand({ stateMachineArn }))).executionArn));
    for (const executionArn of arns) {
      expect((await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING")).status).toBe("SUCCEEDED");
    }
    // A minute at 100x is 0.6 s of real time.
    const realMs = Date.now() - began;
    expect(realMs).toBeGreaterThan(500);
    expect(realMs).toBeLessThan(5000);
    const events = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: arns[0] }))).events!;
    const waited = events.find((e) => e.type === "WaitStateExited")!.timestamp!.getTime() - events.find((e) => e.type === "WaitStateEntered")!.timestamp!.getTime();
    // The history shows the minute, and no more scaled time than passed: a timer that fires late on
    // a loaded machine shows its lateness 100 times over, so the bound is the real time seen here.
    expect(waited).toBeGreaterThanOrEqual(59_000);
    expect(waited).toBeLessThanOrEqual(realMs * 100);
  });
});
