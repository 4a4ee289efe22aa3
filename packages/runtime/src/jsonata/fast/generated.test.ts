import { describe, expect, it } from "vitest";
import { FALLBACK, type FastEvaluator } from "./evaluator.ts";
import { generateArray, generateObject, generatePath } from "./generated.ts";

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
