import { describe, expect, it } from "vitest";
import { FALLBACK, type FastEvaluator } from "./evaluator.ts";
import { generateArray, generateObject, generatePath, generateStatesPath, generateTemplate, isInlineStatesPath, type StatesParts, type TemplateShape } from "./generated.ts";
import { compileExpression } from "../compile-expression.ts";

const constant = (value: unknown): FastEvaluator => () => value;
const states: FastEvaluator = (bindings) => bindings["states"];

describe("generated fast evaluators", () => {
  it("embed any key or member name as inert text (quotes, backslashes, line separators, code)", () => {
    const keys = ['"; throw new Error("injected"); "', "back\\slash", "line\u2028separator", "`${1}`", "constructor"];
    const object = generateObject(keys.map((key, index) => ({ key, value: constant(index) })));
    expect(object({})).toEqual(Object.fromEntries(keys.map((key, index) => [key, index])));
    for (const key of keys) {
      expect(generatePath(states, [key])({ states: { [key]: "found" } })).toBe("found");
    }
  });

  it("share code between expressions of one shape, never their values", () => {
    const first = generateObject([{ key: "a", value: constant(1) }]);
    const second = generateObject([{ key: "a", value: constant(2) }]);
    expect([first({}), second({})]).toEqual([{ a: 1 }, { a: 2 }]);
    expect(first({})).not.toBe(first({}));
  });

  it("drop undefined object values and array items, splice arrays unless nested, and pass FALLBACK on", () => {
    expect(generateObject([{ key: "a", value: constant(undefined) }, { key: "b", value: constant(null) }])({})).toEqual({ b: null });
    const array = generateArray([
      { value: constant([1, 2]), nested: false },
      { value: constant([3]), nested: true },
      { value: constant(undefined), nested: false },
    ]);
    expect(array({})).toEqual([1, 2, [3]]);
    expect(generateArray([{ value: constant(FALLBACK), nested: false }])({})).toBe(FALLBACK);
    expect(generateObject([{ key: "a", value: constant(FALLBACK) }])({})).toBe(FALLBACK);
  });

  it("step like JSONata's lookup: nothing on primitives and missing keys, FALLBACK on arrays and methods", () => {
    const path = generatePath(states, ["a", "b"]);
    expect(path({ states: { a: { b: 0 } } })).toBe(0);
    expect(path({ states: { a: "text" } })).toBeUndefined();
    expect(path({ states: { a: null } })).toBeUndefined();
    expect(path({ states: {} })).toBeUndefined();
    expect(path({ states: { a: [{ b: 1 }] } })).toBe(FALLBACK);
    expect(generatePath(states, ["toString"])({ states: {} })).toBe(FALLBACK);
    expect(generatePath(() => FALLBACK, ["a"])({})).toBe(FALLBACK);
  });
});

describe("generated templates", () => {
  const noScope = (): never => {
    throw new Error("the scope was built");
  };
  const nothingAt = (index: number): never => {
    throw new Error(`nothing at ${index}`);
  };
  const expression = (evaluate: FastEvaluator): TemplateShape => ({ kind: "expression", evaluate });
  const parts = (input: unknown, extra: Partial<StatesParts> = {}): StatesParts => ({ input, context: undefined, ...extra });

  it("build the whole field by one literal, sharing literal parts and reading $states paths without a scope", () => {
    const shared = { constant: [1] };
    const template = generateTemplate(
      {
        kind: "object",
        entries: [
          ["step", { kind: "literal", value: 0 }],
          ["data", expression(generateStatesPath(states, ["input", "data"]))],
          ["list", { kind: "array", items: [{ kind: "literal", value: shared }, expression(generateStatesPath(states, ["result"]))] }],
        ],
      },
      noScope,
      nothingAt,
    );
    const value = template?.(parts({ data: { a: 1 } }, { result: "r" })) as Record<string, unknown[]>;
    expect(value).toEqual({ step: 0, data: { a: 1 }, list: [{ constant: [1] }, "r"] });
    expect(value["list"]?.[0]).toBe(shared);
    expect(Object.keys(value)).toEqual(["step", "data", "list"]);
  });

  it("step inline exactly as a generated path does", () => {
    const values: unknown[] = [{ a: { b: 1 } }, { a: { b: [1] } }, { a: [{ b: 1 }] }, { a: "text" }, { a: null }, { a: {} }, {}, 5, null, [1], { a: { b: null } }];
    for (const names of [["a", "b"], ["a"], [], ["toString"], ["a", "constructor"]]) {
      const path = generateStatesPath(states, ["input", ...names]);
      const template = generateTemplate(expression(path), noScope, () => undefined as never);
      for (const input of values) {
        expect({ names, input, value: template?.(parts(input)) }).toEqual({ names, input, value: path({ states: { input, context: undefined } }) });
      }
    }
  });

  it("call `nothing` with the first leaf in document order that gives nothing, after FALLBACK checks of the leaves before it", () => {
    const leaves = (values: unknown[]): TemplateShape => ({ kind: "array", items: values.map((value) => expression(constant(value))) });
    const scope = () => ({});
    expect(() => generateTemplate(leaves([1, undefined, undefined]), scope, nothingAt)?.(parts({}))).toThrow("nothing at 1");
    expect(generateTemplate(leaves([1, FALLBACK, undefined]), scope, nothingAt)?.(parts({}))).toBe(FALLBACK);
    const throwing: FastEvaluator = () => {
      throw new Error("not meant to throw");
    };
    expect(generateTemplate({ kind: "array", items: [expression(throwing)] }, scope, nothingAt)?.(parts({}))).toBe(FALLBACK);
  });

  it("build the scope once for the expressions that are not inline paths", () => {
    let built = 0;
    const scope = (bindings: StatesParts) => {
      built++;
      return { states: bindings, v: 2 };
    };
    const variable: FastEvaluator = (b) => b["v"];
    const template = generateTemplate({ kind: "array", items: [expression(variable), expression(variable), expression(generateStatesPath(states, ["input"]))] }, scope, nothingAt);
    expect(template?.(parts("in"))).toEqual([2, 2, "in"]);
    expect(built).toBe(1);
  });

  it("leave a template with a __proto__ key to the caller", () => {
    expect(generateTemplate({ kind: "object", entries: [["__proto__", { kind: "literal", value: 1 }]] }, noScope, nothingAt)).toBeUndefined();
  });
});

describe("isInlineStatesPath", () => {
  it("is true only for $states.<input|context|result|errorOutput> member paths without an index", () => {
    const inline = (text: string): boolean => {
      const fast = compileExpression(text).fast;
      return fast !== undefined && isInlineStatesPath(fast);
    };
    expect(["$states.input.a", "$states.result.data.x", "$states.context.Execution.Id", "$states.errorOutput.Cause"].map(inline)).toEqual([true, true, true, true]);
    expect(["$states.input.list[0]", "$v.a", "$states.input.i + 1", "$states.other.a", "$states.input.a < 2"].map(inline)).toEqual([false, false, false, false, false]);
  });
});
