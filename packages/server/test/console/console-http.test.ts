// The console's HTTP side: its files with a strict CSP at / and /console/*, the event stream of an
// execution, the input check, and the API left as it was for everything else.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import buildConsole from "../../scripts/build-console.ts";
import { serveConsoleFile } from "../../src/console/static-files.ts";
import { testServer } from "../sdk-client.ts";
import { APPROVAL, api, createMachine, startExecution } from "./console-machines.ts";

beforeAll(async () => {
  await buildConsole();
}, 60_000);

type StreamEvent = { event: string; data: unknown };

/** Reads a server-sent-events response: each `until` call reads on until `enough` holds for what came in that call. */
function eventReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let finished = false;
  return {
    get finished(): boolean {
      return finished;
    },
    async until(enough: (events: StreamEvent[]) => boolean): Promise<StreamEvent[]> {
      const events: StreamEvent[] = [];
      while (!enough(events)) {
        const { value, done } = await reader.read();
        if (done) {
          finished = true;
          break;
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data !== undefined) events.push({ event, data: JSON.parse(data) as unknown });
        }
      }
      return events;
    },
    cancel: () => reader.cancel(),
  };
}

const ids = (events: StreamEvent[]) => events.filter((e) => e.event === "history").flatMap((e) => (e.data as { events: { id: number }[] }).events.map((h) => h.id));
const statuses = (events: StreamEvent[]) => events.filter((e) => e.event === "status").map((e) => (e.data as { status: string }).status);

describe("the console's files", () => {
  it("serves the page at / and its files under /console/ with a strict CSP", async () => {
    const { server } = await testServer();
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/console/console.js"></script>');
    // No inline script or style, and nothing from another origin.
    expect(html).not.toMatch(/<script>|<style>|https?:\/\//);
    const script = await fetch(`${server.url}/console/console.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).not.toMatch(/\beval\(|new Function\(/);
    expect((await fetch(`${server.url}/console/console.css`)).status).toBe(200);
    const head = await fetch(`${server.url}/`, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });

  it("refuses paths outside the build folder and leaves other GETs to the API's answer", async () => {
    const { server } = await testServer();
    for (const path of ["/console/..%2Fpackage.json", "/console/.hidden", "/console/nothing.js", "/console/index.ts"]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
    const other = await fetch(`${server.url}/somewhere`);
    expect(other.status).toBe(404);
    expect(other.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    // The API is what it was.
    expect(await api(server, "ListStateMachines", {})).toEqual({ stateMachines: [] });
  });

  it("says how to build the console when it is missing", async () => {
    const bare = createServer((_req, res) => serveConsoleFile("/", false, res, undefined));
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/console is not built: run `npm run build`/);
    } finally {
      bare.close();
    }
  });
});

describe("GET /console/events", () => {
  it("pushes the committed history, then each new event and status as it is committed", async () => {
    const { server } = await testServer();
    const machine = await createMachine(server, "Approval", APPROVAL);
    const executionArn = await startExecution(server, machine, "one");
    const response = await fetch(`${server.url}/console/events?executionArn=${encodeURIComponent(executionArn)}`);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const stream = eventReader(response);
    const first = await stream.until((events) => ids(events).includes(4) && statuses(events).length > 0);
    expect(ids(first)).toEqual([1, 2, 3, 4]);
    expect(statuses(first)).toEqual(["RUNNING"]);
    const scheduled = (first[0]!.data as { events: { type: string; taskScheduledEventDetails?: { parameters: string } }[] }).events.find((e) => e.type === "TaskScheduled")!;
    const token = (JSON.parse(scheduled.taskScheduledEventDetails!.parameters) as { MessageBody: { TaskToken: string } }).MessageBody.TaskToken;
    await api(server, "SendTaskSuccess", { taskToken: token, output: JSON.stringify({ approved: true }) });
    const rest = await stream.until((events) => statuses(events).includes("SUCCEEDED"));
    expect(ids(rest)[0]).toBe(5);
    expect(rest.at(-1)).toEqual({ event: "status", data: { status: "SUCCEEDED", stopDate: expect.any(Number), output: JSON.stringify({ decision: { approved: true } }) } });
    const history = await api<{ events: { id: number }[] }>(server, "GetExecutionHistory", { executionArn });
    expect(ids(rest).at(-1)).toBe(history.events.length);
  });

  it("starts after the event id it is given (a reconnect)", async () => {
    const { server } = await testServer();
    const executionArn = await startExecution(server, await createMachine(server, "Approval", APPROVAL), "two");
    const response = await fetch(`${server.url}/console/events?executionArn=${encodeURIComponent(executionArn)}&after=2`);
    const stream = eventReader(response);
    expect(ids(await stream.until((events) => ids(events).includes(4)))).toEqual([3, 4]);
    await stream.cancel();
  });

  it("answers a bad request with what is wrong", async () => {
    const { server } = await testServer();
    const missing = await fetch(`${server.url}/console/events`);
    expect([missing.status, await missing.text()]).toEqual([400, "GET /console/events needs ?executionArn=<execution ARN>"]);
    const unknown = await fetch(`${server.url}/console/events?executionArn=arn:aws:states:us-east-1:123456789012:execution:X:y`);
    expect([unknown.status, await unknown.text()]).toEqual([404, "Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:X:y'"]);
    const executionArn = await startExecution(server, await createMachine(server, "Approval", APPROVAL), "three");
    const badAfter = await fetch(`${server.url}/console/events?executionArn=${encodeURIComponent(executionArn)}&after=-1`);
    expect(badAfter.status).toBe(400);
  });

  it("ends open streams when the server closes", async () => {
    const { server } = await testServer();
    const executionArn = await startExecution(server, await createMachine(server, "Approval", APPROVAL), "four");
    const response = await fetch(`${server.url}/console/events?executionArn=${encodeURIComponent(executionArn)}`);
    const stream = eventReader(response);
    await stream.until((events) => statuses(events).length > 0);
    const rest = stream.until(() => false);
    await server.close();
    // The stream ends normally (done), it is not cut with an error.
    expect(await rest).toEqual([]);
    expect(stream.finished).toBe(true);
  });
});

describe("POST /console/check-input", () => {
  it("checks an input against the workflow's schema of the machine's name, and nothing else", async () => {
    const { server } = await testServer({ inputSchemas: { Orders: z.object({ orderId: z.string(), items: z.array(z.object({ qty: z.number().int() })) }) } });
    const check = async (body: unknown) => {
      const response = await fetch(`${server.url}/console/check-input`, { method: "POST", body: JSON.stringify(body) });
      return [response.status, await response.json()] as const;
    };
    const arn = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders";
    expect(await check({ stateMachineArn: arn, input: '{"orderId":"o-1","items":[{"qty":1}]}' })).toEqual([200, { schema: true, issues: [] }]);
    const [, bad] = await check({ stateMachineArn: `${arn}:3`, input: '{"items":[{"qty":1.5}]}' });
    expect(bad).toMatchObject({ schema: true, issues: [{ path: "$.orderId" }, { path: "$.items[0].qty" }] });
    expect(await check({ stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Other", input: "{}" })).toEqual([200, { schema: false, issues: [] }]);
    expect((await check({ stateMachineArn: arn }))[0]).toBe(400);
  });
});
