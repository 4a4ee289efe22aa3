import { CreateStateMachineCommand, ListStateMachinesCommand } from "@aws-sdk/client-sfn";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../src/dispatch.ts";
import { ROLE, sdkClient, testServer } from "./sdk-client.ts";

async function post(url: string, target: string | undefined, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.0", ...(target === undefined ? {} : { "x-amz-target": target }), ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("x-amzn-errortype"), body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

describe("the wire protocol", () => {
  it("answers unknown actions, missing targets, bad JSON and deep or huge bodies with AWS errors", async () => {
    const { server } = await testServer();
    expect(await post(server.url, "AWSStepFunctions.MakeCoffee", "{}")).toMatchObject({ status: 400, type: "UnknownOperationException", body: { __type: "com.amazon.coral.service#UnknownOperationException" } });
    expect(await post(server.url, "DynamoDB_20120810.ListTables", "{}")).toMatchObject({ status: 400, type: "UnknownOperationException" });
    expect(await post(server.url, "AWSStepFunctions.toString", "{}")).toMatchObject({ status: 400, type: "UnknownOperationException" });
    expect(await post(server.url, undefined, "{}")).toMatchObject({ status: 400, type: "SerializationException" });
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", "{oops")).toMatchObject({ status: 400, type: "SerializationException" });
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", "[".repeat(200_000))).toMatchObject({ status: 400, type: "ValidationException" });
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", '{"maxResults":"ten"}')).toMatchObject({ status: 400, type: "ValidationException" });
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", '{"surprise":1}')).toMatchObject({ status: 400, type: "ValidationException" });
    const huge = await post(server.url, "AWSStepFunctions.StartExecution", JSON.stringify({ stateMachineArn: "x", input: "a".repeat(3 * 1024 * 1024) }));
    expect(huge).toMatchObject({ status: 400, type: "ValidationException" });
    // GET / is the console (packages/server/test/console/); a GET anywhere else is not an action.
    const get = await fetch(`${server.url}/other`);
    expect(get.status).toBe(404);
    expect(get.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    // Still serving.
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", "{}")).toMatchObject({ status: 200, body: { stateMachines: [] } });
  });

  it("refuses execution input over 256 KiB and deeply nested input", async () => {
    const { server, sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "P", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    const big = await post(server.url, "AWSStepFunctions.StartExecution", JSON.stringify({ stateMachineArn, input: JSON.stringify({ s: "é".repeat(140_000) }) }));
    expect(big).toMatchObject({ status: 400, type: "InvalidExecutionInput" });
    const deep = await post(server.url, "AWSStepFunctions.StartExecution", JSON.stringify({ stateMachineArn, input: "[".repeat(50_000) + "]".repeat(50_000) }));
    expect(deep).toMatchObject({ status: 400, type: "InvalidExecutionInput" });
  });

  it("listens on 127.0.0.1 unless told otherwise", async () => {
    const { server } = await testServer();
    expect(server.host).toBe("127.0.0.1");
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("takes the region from the credential scope", async () => {
    const { server } = await testServer();
    const eu = sdkClient(server, "eu-west-1");
    const { stateMachineArn } = await eu.send(new CreateStateMachineCommand({ name: "Eu", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    expect(stateMachineArn).toBe("arn:aws:states:eu-west-1:123456789012:stateMachine:Eu");
    expect((await sdkClient(server, "us-east-1").send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
    expect((await eu.send(new ListStateMachinesCommand({}))).stateMachines).toHaveLength(1);
  });

  it("never crashes or hangs on arbitrary bodies for any action (bounded fuzz)", async () => {
    const { server } = await testServer();
    // Every action (no activity exists, so GetActivityTask never waits), and one that does not exist.
    const actions = [...Object.keys(ACTIONS), "Nope"];
    const json = fc.jsonValue({ maxDepth: 4 });
    const body = fc.oneof(
      fc.string(),
      json.map((v) => JSON.stringify(v)),
      fc.dictionary(fc.constantFrom("name", "definition", "roleArn", "stateMachineArn", "executionArn", "input", "taskToken", "output", "tags", "maxResults", "nextToken", "routingConfiguration", "activityArn", "stateMachineAliasArn", "stateMachineVersionArn", "resourceArn", "tagKeys", "mapRunArn", "error", "cause", "reverseOrder", "type", "severity"), json).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), body, async (action, text) => {
        const answer = await post(server.url, `AWSStepFunctions.${action}`, text);
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400) expect(typeof answer.body["__type"]).toBe("string");
      }),
      { numRuns: 300 },
    );
    expect(await post(server.url, "AWSStepFunctions.ListStateMachines", "{}")).toMatchObject({ status: 200 });
  });
});
