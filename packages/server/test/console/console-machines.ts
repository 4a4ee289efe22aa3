// The state machines the console's browser test drives: each one shows a kind of run (retries and
// a caught error, a failure, a callback, a long Wait, a Map, a Parallel with variables) and a
// large one (100 states, over 1,000 events) whose page load is measured.
import type { RunningServer } from "../../src/index.ts";

/** A role ARN CreateStateMachine accepts. */
const ROLE = "arn:aws:iam::123456789012:role/stepcraft-local";

/** Calls the API as the console does (AWS JSON 1.0 over fetch). */
export async function api<T = Record<string, unknown>>(server: RunningServer, action: string, body: unknown): Promise<T> {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": `AWSStepFunctions.${action}` }, body: JSON.stringify(body) });
  const parsed = (await response.json()) as T;
  if (!response.ok) throw new Error(`${action}: ${JSON.stringify(parsed)}`);
  return parsed;
}

export async function createMachine(server: RunningServer, name: string, definition: unknown): Promise<string> {
  return (await api<{ stateMachineArn: string }>(server, "CreateStateMachine", { name, definition: JSON.stringify(definition), roleArn: ROLE })).stateMachineArn;
}

export async function startExecution(server: RunningServer, stateMachineArn: string, name: string, input: unknown = {}): Promise<string> {
  return (await api<{ executionArn: string }>(server, "StartExecution", { stateMachineArn, name, input: JSON.stringify(input) })).executionArn;
}

/** Fails twice per order, then charges: a task the Retrier retries twice. */
export function flakyCharge(): (input: unknown) => Promise<unknown> {
  const attempts = new Map<string, number>();
  return async (input) => {
    const order = String((input as { orderId?: unknown }).orderId);
    const count = (attempts.get(order) ?? 0) + 1;
    attempts.set(order, count);
    if (count < 3) throw Object.assign(new Error(`card declined (attempt ${count})`), { name: "CardDeclined" });
    return { charged: true, attempt: count };
  };
}

export const ORDERS = {
  Comment: "Charge an order (retried), ship it (the shipper fails and the error is caught), refund",
  StartAt: "Validate",
  States: {
    Validate: { Type: "Pass", Next: "Charge" },
    Charge: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge", Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 1 }], ResultPath: "$.charge", Next: "Ship" },
    Ship: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:ship", Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.shipError", Next: "Refund" }], Next: "Done" },
    Refund: { Type: "Pass", Result: { refunded: true }, ResultPath: "$.refund", Next: "Done" },
    Done: { Type: "Succeed" },
  },
};

/** The courier is down the first time each order is delivered, and back for a redrive. */
export function deliverSecondTime(): (input: unknown) => Promise<unknown> {
  const calls = new Map<string, number>();
  return async (input) => {
    const order = String((input as { orderId?: unknown }).orderId);
    calls.set(order, (calls.get(order) ?? 0) + 1);
    if (calls.get(order) === 1) throw Object.assign(new Error("no courier today"), { name: "ShipperDown" });
    return { delivered: order };
  };
}

export const DOOMED = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Pass", Next: "Ship" },
    Ship: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:deliver", End: true },
  },
};

export const APPROVAL = {
  Comment: "A human approves the request (the console answers the callback)",
  StartAt: "Ask",
  States: {
    Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", MessageBody: { "TaskToken.$": "$$.Task.Token", "request.$": "$" } }, ResultPath: "$.decision", Next: "Approved?" },
    "Approved?": { Type: "Choice", Choices: [{ Variable: "$.decision.approved", BooleanEquals: true, Next: "Go" }], Default: "Stop" },
    Go: { Type: "Succeed" },
    Stop: { Type: "Fail", Error: "Rejected" },
  },
};

export const SLEEPY = { StartAt: "Nap", States: { Nap: { Type: "Wait", Seconds: 864000, Next: "Wake" }, Wake: { Type: "Pass", End: true } } };

export const FANOUT = {
  QueryLanguage: "JSONata",
  StartAt: "Each",
  States: {
    Each: { Type: "Map", Items: "{% $states.input.items %}", ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, StartAt: "Double", States: { Double: { Type: "Pass", Output: "{% $states.input * 2 %}", End: true } } }, Next: "Both" },
    Both: {
      Type: "Parallel",
      Branches: [
        { StartAt: "Sum", States: { Sum: { Type: "Pass", Output: "{% $sum($states.input) %}", End: true } } },
        { StartAt: "Count", States: { Count: { Type: "Pass", Output: "{% $count($states.input) %}", End: true } } },
      ],
      Assign: { total: "{% $states.result[0] %}" },
      End: true,
    },
  },
};

/** 100 states: Init, 97 Pass steps, a counter and a Choice that loops `loops` times. */
export function largeMachine(loops: number): unknown {
  const states: Record<string, unknown> = { Init: { Type: "Pass", Result: 0, ResultPath: "$.n", Next: "Step 1" } };
  for (let i = 1; i <= 96; i++) states[`Step ${i}`] = { Type: "Pass", Next: i === 96 ? "Count" : `Step ${i + 1}` };
  states["Count"] = { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, 1)" }, Next: "Again?" };
  states["Again?"] = { Type: "Choice", Choices: [{ Variable: "$.n", NumericLessThan: loops, Next: "Step 1" }], Default: "Done" };
  states["Done"] = { Type: "Succeed" };
  return { Comment: "100 states, looped", StartAt: "Init", States: states };
}
