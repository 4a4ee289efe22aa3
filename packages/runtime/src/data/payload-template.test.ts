import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { compilePayloadTemplate } from "./payload-template.ts";
import { testScope, statesErrorOf } from "./test-scope.ts";

const scope = testScope({ Execution: { Input: { "int-literal": 0 } }, Map: { Item: { Value: "Pikachu" } } }, { Question: "Who's that Pokemon?" });
describe("compilePayloadTemplate", () => {
  it("evaluates .$ keys at any depth, in objects and arrays, and renames them", () => {
    const template = {
      literal: "$.not.a.path",
      "fromInput.$": "$.a",
      nested: { "deep.$": "$.b[1]", list: [{ "ctx.$": "$$.Map.Item.Value" }, "plain", 3] },
      "variable.$": "$Question",
      "call.$": "States.Format('Hi {}', $.a)",
    };
    const compiled = compilePayloadTemplate(template, "Parameters");
    expect(compiled.evaluate({ a: "x", b: [1, 2] }, scope)).toEqual({
      literal: "$.not.a.path",
      fromInput: "x",
      nested: { deep: 2, list: [{ ctx: "Pikachu" }, "plain", 3] },
      variable: "Who's that Pokemon?",
      call: "Hi x",
    });
  });

  it("reads bracket paths with escapes (recorded ESCAPE_SEQUENCES_JSONPATH)", () => {
    const compiled = compilePayloadTemplate({ "value.$": `$['Test\\""Name"']` }, "Parameters");
    expect(compiled.evaluate({ 'Test\\""Name"': 'Value"\\' }, scope)).toEqual({ value: 'Value"\\' });
  });

  it("collects indefinite paths into arrays (recorded test_json_path_array_access and filter cases)", () => {
    const items = Array.from({ length: 11 }, (_, item_key) => ({ item_key }));
    expect(compilePayloadTemplate({ "item.$": "$.items[10]" }, "Parameters").evaluate({ items }, scope)).toEqual({ item: { item_key: 10 } });
    expect(compilePayloadTemplate({ "item.$": "$.items[*]" }, "Parameters").evaluate({}, scope)).toEqual({ item: [] });
  });

  it("shares literal sub-trees instead of copying them per evaluation", () => {
    const template = { fixed: { deep: [1, 2] }, "x.$": "$.x" };
    const compiled = compilePayloadTemplate(template, "Parameters");
    const first = compiled.evaluate({ x: 1 }, scope) as { fixed: unknown };
    const second = compiled.evaluate({ x: 2 }, scope) as { fixed: unknown };
    expect(first.fixed).toBe(template.fixed);
    expect(second.fixed).toBe(template.fixed);
    const allLiteral = { a: [1, { b: 2 }] };
    expect(compilePayloadTemplate(allLiteral, "Result").evaluate({}, scope)).toBe(allLiteral);
    expect(compilePayloadTemplate("text", "Result").evaluate({}, scope)).toBe("text");
  });

  it("keeps __proto__ and constructor keys as own properties", () => {
    const template = JSON.parse('{"__proto__": {"polluted": true}, "constructor.$": "$.c", "__proto__x": 1}') as unknown;
    const out = compilePayloadTemplate(template, "Parameters").evaluate({ c: 5 }, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"constructor":5,"__proto__x":1}');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();

    const dynamicProto = JSON.parse('{"__proto__.$": "$.p"}') as unknown;
    const out2 = compilePayloadTemplate(dynamicProto, "Parameters").evaluate({ p: { polluted: true } }, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out2)).toBe(Object.prototype);
    expect(JSON.stringify(out2)).toBe('{"__proto__":{"polluted":true}}');
  });

  it("fails with AWS's cause when a path matches nothing (recorded INVALID_JSONPATH_IN_STRING_EXPR_*)", () => {
    const input = { "int-literal": 0 };
    const fromInput = statesErrorOf(() => compilePayloadTemplate({ "value.$": "$.no_such_jsonpath" }, "Parameters").evaluate(input, scope));
    expect(fromInput.error).toBe("States.Runtime");
    expect(fromInput.cause).toBe(`The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`);
    const fromContext = statesErrorOf(() => compilePayloadTemplate({ "value.$": "$$.Execution.Input.no_such_jsonpath" }, "Parameters").evaluate(input, scope));
    expect(fromContext.cause).toBe(
      `The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`,
    );
    const unsetVariable = statesErrorOf(() => compilePayloadTemplate({ nested: { "v.$": "$nope" } }, "Assign").evaluate({}, scope));
    expect(unsetVariable.cause).toBe(`The JSONPath '$nope' specified for the field 'v.$' could not be found in the input '{}'`);
  });

  it("raises intrinsic failures from .$ values", () => {
    expect(statesErrorOf(() => compilePayloadTemplate({ "x.$": "States.ArrayGetItem($.a, 5)" }, "Parameters").evaluate({ a: [] }, scope)).error).toBe(
      "States.IntrinsicFailure",
    );
  });

  it("rejects .$ values that are neither paths nor intrinsic calls", () => {
    expect(() => compilePayloadTemplate({ "x.$": "hello" }, "Parameters")).toThrow(StatesError);
    expect(() => compilePayloadTemplate({ "x.$": 5 }, "Parameters")).toThrow("must be a valid JSONPath or a valid intrinsic function call");
    expect(() => compilePayloadTemplate({ a: [{ "x.$": "$$.**BLANK**" }] }, "Parameters")).toThrow(StatesError);
  });
});
