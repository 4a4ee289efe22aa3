import { describe, expect, it } from "vitest";
import { runExecution } from "../index.ts";

// AWS raises Jayway's "No results for path" for every path field that matches nothing, with the
// path as written and then in bracket form, behind the state prefix; a property missing before the
// last step is Jayway's "Missing property in path" up to that property.
const prefix = (state: string): string => `An error occurred while executing the state '${state}' (entered at the event id #2). `;
const cause = (path: string, bracket: string): string =>
  bracket.startsWith("Missing") ? `Invalid path '${path}' : ${bracket}` : `Invalid path '${path}' : No results for path: ${bracket}`;

describe("a path field that matches nothing fails with States.Runtime worded as AWS", () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    [
      "Task TimeoutSecondsPath",
      { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, TimeoutSecondsPath: "$.NoSuchTimeoutSecondsPath", End: true },
      "$.NoSuchTimeoutSecondsPath",
      "$['NoSuchTimeoutSecondsPath']",
    ],
    [
      "Task HeartbeatSecondsPath",
      { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, HeartbeatSecondsPath: "$.beat.seconds", End: true },
      "$.beat.seconds",
      "Missing property in path $['beat']",
    ],
    [
      "Map ItemsPath",
      { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true },
      "$.items",
      "$['items']",
    ],
    [
      "Map MaxConcurrencyPath",
      { Type: "Map", MaxConcurrencyPath: "$.limit", ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true },
      "$.limit",
      "$['limit']",
    ],
  ];
  for (const [name, state, path, bracket] of cases) {
    it(name, async () => {
      const result = await runExecution({ StartAt: "S", States: { S: state } }, name.startsWith("Map") ? [] : {}, {
        tasks: { f: async () => ({}) },
      });
      expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime", cause: prefix("S") + cause(path, bracket) });
    });
  }
});
