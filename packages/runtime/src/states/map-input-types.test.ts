import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";

// Map items that are not an array, in both query languages. The JSONata wording is recorded on
// AWS (LocalStack's AWS-validated snapshots test_map_state_items_input_types and
// test_map_state_items_eval_jsonata_fail); JSONPath states fail with States.Runtime.

const passProcessor = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };

function jsonPathMap(itemsPath?: string) {
  return {
    StartAt: "M",
    States: { M: { Type: "Map", ...(itemsPath === undefined ? {} : { ItemsPath: itemsPath }), ItemProcessor: passProcessor, End: true } },
  };
}

function jsonataMap(items?: string) {
  return {
    QueryLanguage: "JSONata",
    StartAt: "M",
    States: { M: { Type: "Map", ...(items === undefined ? {} : { Items: items }), ItemProcessor: passProcessor, End: true } },
  };
}

const prefix = "An error occurred while executing the state 'M' (entered at the event id #2). ";

describe("Map items that are not an array (JSONPath)", () => {
  test.each([
    ["a string", "string", '"string"'],
    ["null", null, "null"],
    ["a number", 1, "1"],
    ["a boolean", true, "true"],
  ])("ItemsPath selecting %s fails with States.Runtime", async (_label, value, rendered) => {
    const run = await prepareStateMachine(jsonPathMap("$.items")).run({ items: value });
    expect(run).toEqual({ status: "FAILED", error: "States.Runtime", cause: `${prefix}Map state input must be an array but was: ${rendered}` });
  });

  test("an object selected by ItemsPath is iterated (its values), as AWS documents", async () => {
    const run = await prepareStateMachine(jsonPathMap("$.items")).run({ items: { a: 1, b: 2 } });
    expect(run).toMatchObject({ status: "SUCCEEDED", output: [1, 2] });
  });

  test("an ItemsPath that selects nothing names the path", async () => {
    const run = await prepareStateMachine(jsonPathMap("$.items")).run({});
    expect(run.cause).toBe(`${prefix}Invalid path '$.items' : No results for path: $['items']`);
  });
});

describe("Map items that are not an array (JSONata)", () => {
  test.each([
    ["a string", "string", '"string"'],
    ["null", null, "null"],
    ["a number", 1, "1"],
    ["a boolean", true, "true"],
    ["an object", { foo: "bar" }, '{"foo":"bar"}'],
  ])("an input that is %s fails with States.QueryEvaluationError", async (_label, value, rendered) => {
    const machine = prepareStateMachine(jsonataMap());
    const exec = machine.start(value);
    const run = await exec.result;
    expect(run).toEqual({ status: "FAILED", error: "States.QueryEvaluationError", cause: `${prefix}Map state input must be an array but was: ${rendered}` });
    // AWS records the evaluation failure before the state fails.
    expect(exec.history.map((e) => e.type)).toEqual(["ExecutionStarted", "MapStateEntered", "EvaluationFailed", "MapStateFailed", "ExecutionFailed"]);
  });

  test.each([
    ["1", "number", "1"],
    ["'string'", "string", '"string"'],
    ["null", "null", "null"],
    ["true", "boolean", "true"],
    ['{"foo": "bar"}', "object", '{"foo":"bar"}'],
  ])("Items evaluating to %s fails naming the expression and the type", async (expression, type, rendered) => {
    const run = await prepareStateMachine(jsonataMap(`{% ${expression} %}`)).run([]);
    expect(run).toEqual({
      status: "FAILED",
      error: "States.QueryEvaluationError",
      cause: `${prefix}The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${rendered}`,
    });
  });
});
