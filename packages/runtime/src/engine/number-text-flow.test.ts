import { describe, expect, it } from "vitest";
import { jsonText } from "../data/json-text.ts";
import { prepareStateMachine } from "./machine.ts";
import type { StateMachineOptions } from "./machine.ts";

// AWS echoes numbers it did not compute as they were written (recorded: test_invoke_json_values[0.0]).
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:echo";

async function outputText(definition: unknown, input: string, options: StateMachineOptions = {}): Promise<string | undefined> {
  const exec = prepareStateMachine(definition, options).start(jsonText(input));
  const result = await exec.result;
  expect(result.status).toBe("SUCCEEDED");
  return exec.outputText;
}

const pass = (fields: Record<string, unknown> = {}) => ({ StartAt: "P", States: { P: { Type: "Pass", End: true, ...fields } } });

describe("number text through an execution", () => {
  it("a top-level 0.0 through an echoing Lambda stays 0.0, in the output and the history", async () => {
    const def = { StartAt: "L", States: { L: { Type: "Task", Resource: LAMBDA, End: true } } };
    const exec = prepareStateMachine(def, { tasks: { [LAMBDA]: async (event: unknown) => event } }).start(jsonText("0.0"));
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: 0 });
    expect(exec.outputText).toBe("0.0");
    const history = exec.history;
    expect(history[0]).toMatchObject({ executionStartedEventDetails: { input: "0.0" } });
    expect(history.at(-1)).toMatchObject({ executionSucceededEventDetails: { output: "0.0" } });
  });

  it("numbers inside the input pass through Pass, InputPath and OutputPath untouched", async () => {
    const input = '{"order":{"total":10.50,"items":[1.0,2]},"big":12345678901234567890}';
    expect(await outputText(pass(), input)).toBe(input);
    expect(await outputText(pass({ InputPath: "$.order", OutputPath: "$.items" }), input)).toBe("[1.0,2]");
  });

  it("a ResultPath merge keeps the input's texts beside the result", async () => {
    expect(await outputText(pass({ Result: { r: 1 }, ResultPath: "$.res" }), '{"a":1.0}')).toBe('{"a":1.0,"res":{"r":1}}');
  });

  it("Parameters keep the text of numbers their paths pick and of their own literals (a definition given as text)", async () => {
    const definition = JSON.stringify(pass({ Parameters: { "total.$": "$.order.total", "first.$": "$.order.items[0]", fixed: 0.0 } })).replace('"fixed":0', '"fixed":0.0');
    expect(await outputText(definition, '{"order":{"total":10.50,"items":[1.0,2]}}')).toBe('{"total":10.50,"first":1.0,"fixed":0.0}');
  });

  it("a Pass Result literal of a definition given as text keeps its text", async () => {
    const definition = '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"rate":2.50},"End":true}}}';
    expect(await outputText(definition, "{}")).toBe('{"rate":2.50}');
  });

  it("arithmetic writes canonical numbers: intrinsics and JSONata", async () => {
    expect(await outputText(pass({ Parameters: { "sum.$": "States.MathAdd($.a, 0)" } }), '{"a":1.0}')).toBe('{"sum":1}');
    const jsonata = { QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% {'sum': $states.input.a + 0, 'same': $states.input} %}", End: true } } };
    expect(await outputText(jsonata, '{"a":1.0}')).toBe('{"sum":1,"same":{"a":1.0}}');
  });

  it("a task handler that builds a new result writes canonical numbers; with taskDataIsolation 'copy' (a JSON copy, as a Node.js Lambda gets) the texts are gone", async () => {
    const def = { StartAt: "L", States: { L: { Type: "Task", Resource: LAMBDA, End: true } } };
    const spread = { tasks: { [LAMBDA]: async (event: unknown) => ({ ...(event as object) }) } };
    expect(await outputText(def, '{"a":1.0}', spread)).toBe('{"a":1}');
    const echo = { tasks: { [LAMBDA]: async (event: unknown) => event } };
    expect(await outputText(def, '{"a":1.0}', echo)).toBe('{"a":1.0}');
    expect(await outputText(def, '{"a":1.0}', { ...echo, taskDataIsolation: "copy" })).toBe('{"a":1}');
  });

  it("refuses input text that is not JSON with InvalidExecutionInput", () => {
    expect(() => prepareStateMachine(pass()).start(jsonText("{oops"))).toThrow(expect.objectContaining({ error: "InvalidExecutionInput" }));
  });
});
