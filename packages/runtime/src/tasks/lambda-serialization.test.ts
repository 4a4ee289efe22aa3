import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";
import type { TaskDataIsolation } from "./resolve.ts";
import type { TaskHandler } from "./types.ts";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
const legacy = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, End: true } } };
const invoke = {
  StartAt: "T",
  States: { T: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: FN, Payload: {} }, End: true } },
};
const service = { StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "m" }, End: true } } };

function circular(): unknown {
  const o: Record<string, unknown> = { a: 1 };
  o["self"] = o;
  return o;
}

const unserializable: Array<[string, () => unknown]> = [
  ["a BigInt", () => ({ n: 10n })],
  ["a BigInt in an array", () => [1, 2n]],
  ["an object whose toJSON throws", () => ({ toJSON: () => { throw new Error("no"); } })],
  ["a class whose toJSON throws", () => new (class Broken { toJSON(): never { throw new Error("no"); } })()],
  ["a circular object", circular],
];

const STRINGIFY_CAUSE = { errorType: "Runtime.JSONStringifyError", errorMessage: "Unable to stringify response body", trace: ["Runtime.JSONStringifyError: Unable to stringify response body"] };

describe("handler results are serialised as the Lambda Node.js runtime does", () => {
  for (const isolation of ["freeze", "copy"] as const satisfies readonly TaskDataIsolation[]) {
    for (const [what, make] of unserializable) {
      it(`${what} (${isolation}): the task fails with Runtime.JSONStringifyError, catchable like AWS reports it`, async () => {
        for (const definition of [legacy, invoke]) {
          const handler: TaskHandler = () => make();
          const result = await runExecution(definition, {}, { tasks: { [FN]: handler }, taskDataIsolation: isolation });
          expect(result).toMatchObject({ status: "FAILED", error: "Runtime.JSONStringifyError" });
          expect(JSON.parse(result.cause ?? "")).toEqual(STRINGIFY_CAUSE);
        }
      });
    }
  }

  it("a handler returning the promise of such a value fails the same way", async () => {
    const result = await runExecution(legacy, {}, { tasks: { [FN]: async () => ({ n: 1n }) } });
    expect(result).toMatchObject({ status: "FAILED", error: "Runtime.JSONStringifyError" });
  });

  it("the failure is caught by a Catcher for it", async () => {
    const caught = {
      StartAt: "T",
      States: { T: { Type: "Task", Resource: FN, Catch: [{ ErrorEquals: ["Runtime.JSONStringifyError"], Next: "Done" }], End: true }, Done: { Type: "Succeed" } },
    };
    const result = await runExecution(caught, {}, { tasks: { [FN]: () => circular() } });
    expect(result.status).toBe("SUCCEEDED");
  });

  it("the Python format reports Runtime.MarshalError", async () => {
    const result = await runExecution(legacy, {}, { tasks: { [FN]: () => ({ n: 1n }) }, lambdaErrorFormat: "python" });
    expect(result).toMatchObject({ status: "FAILED", error: "Runtime.MarshalError" });
    expect(JSON.parse(result.cause ?? "")).toMatchObject({ errorType: "Runtime.MarshalError", errorMessage: expect.stringMatching(/^Unable to marshal response: /) });
  });

  it("a non-Lambda handler returning such a value fails with States.Runtime naming the resource", async () => {
    const result = await runExecution(service, {}, { tasks: { "arn:aws:states:::sqs:sendMessage": () => ({ n: 1n }) } });
    expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(result.cause).toMatch(/'arn:aws:states:::sqs:sendMessage' returned a result that is not JSON data/);
  });

  it("keeps JSON.stringify's view of what it can serialise: toJSON called, symbols and functions dropped", async () => {
    const handler: TaskHandler = () => ({ when: { toJSON: () => "then" }, s: Symbol("x"), f: () => 1, list: [Symbol("y"), undefined, () => 2], d: new Date(0) });
    const expected = { when: "then", list: [null, null, null], d: "1970-01-01T00:00:00.000Z" };
    expect(await runExecution(legacy, {}, { tasks: { [FN]: handler } })).toEqual({ status: "SUCCEEDED", output: expected });
    expect(await runExecution(legacy, {}, { tasks: { [FN]: handler }, taskDataIsolation: "copy" })).toEqual({ status: "SUCCEEDED", output: expected });
  });
});

describe("thrown non-Error values are reported as the Node.js runtime reports them", () => {
  const cases: Array<[unknown, string, string]> = [
    ["boom", "string", "boom"],
    [null, "object", "null"],
    [42, "number", "42"],
    [undefined, "undefined", "undefined"],
    [{ code: 1 }, "object", "[object Object]"],
  ];
  it.each(cases)("throw %j: errorType %s, errorMessage %s, empty trace", async (thrown, errorType, errorMessage) => {
    for (const handler of [() => { throw thrown; }, () => Promise.reject(thrown)] as TaskHandler[]) {
      const result = await runExecution(legacy, {}, { tasks: { [FN]: handler } });
      expect(result).toMatchObject({ status: "FAILED", error: errorType });
      expect(JSON.parse(result.cause ?? "")).toEqual({ errorType, errorMessage, trace: [] });
    }
  });
});
