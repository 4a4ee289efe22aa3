import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { applyResultPath, compileReferencePath } from "./reference-path.ts";
import { testScope, statesErrorOf } from "./test-scope.ts";

describe("compileReferencePath", () => {
  it("compiles member and index steps", () => {
    const path = compileReferencePath("$.a['b c'][1]");
    expect(path.steps).toEqual(["a", "b c", 1]);
    expect(path.root).toBe("input");
    expect(path.definite).toBe(true);
    expect(path.evaluate({ a: { "b c": [5, 6] } }, testScope())).toBe(6);
    expect(compileReferencePath("$$.Execution.Id").root).toBe("context");
  });

  it("rejects paths that could select several nodes", () => {
    expect(() => compileReferencePath("$.a[*]")).toThrow("A reference path allows only member and index access, not a wildcard");
    expect(() => compileReferencePath("$..a")).toThrow(StatesError);
  });
});

describe("applyResultPath", () => {
  const input = { keep: { x: 1 }, a: { b: 1, other: [1] } };

  it("replaces the input when ResultPath is absent or $", () => {
    expect(applyResultPath(input, "r", undefined)).toBe("r");
    expect(applyResultPath(input, "r", compileReferencePath("$"))).toBe("r");
  });

  it("discards the result when ResultPath is null", () => {
    expect(applyResultPath(input, "r", null)).toBe(input);
  });

  it("places the result, copying only the spine", () => {
    const out = applyResultPath(input, { r: 1 }, compileReferencePath("$.a.b")) as typeof input;
    expect(out).toEqual({ keep: { x: 1 }, a: { b: { r: 1 }, other: [1] } });
    expect(input.a.b).toBe(1);
    expect(out.keep).toBe(input.keep);
    expect(out.a.other).toBe(input.a.other);
    expect(out).not.toBe(input);
  });

  it("creates missing intermediate objects", () => {
    expect(applyResultPath({}, 5, compileReferencePath("$.x.y.z"))).toEqual({ x: { y: { z: 5 } } });
  });

  it("replaces an array element in range", () => {
    const list = { l: [1, 2, 3] };
    expect(applyResultPath(list, 9, compileReferencePath("$.l[1]"))).toEqual({ l: [1, 9, 3] });
    expect(applyResultPath(list, 9, compileReferencePath("$.l[-1]"))).toEqual({ l: [1, 2, 9] });
    expect(list.l).toEqual([1, 2, 3]);
  });

  it("fails with States.ResultPathMatchFailure when the input cannot hold the result", () => {
    const onString = statesErrorOf(() => applyResultPath("text", 1, compileReferencePath("$.partitioned")));
    expect(onString.error).toBe("States.ResultPathMatchFailure");
    expect(onString.cause).toBe('Unable to apply ReferencePath $.partitioned to input "text"');
    expect(statesErrorOf(() => applyResultPath({ a: 5 }, 1, compileReferencePath("$.a.b"))).error).toBe("States.ResultPathMatchFailure");
    expect(statesErrorOf(() => applyResultPath([1], 1, compileReferencePath("$.a"))).error).toBe("States.ResultPathMatchFailure");
    expect(statesErrorOf(() => applyResultPath({ l: [1] }, 1, compileReferencePath("$.l[3]"))).error).toBe("States.ResultPathMatchFailure");
    expect(statesErrorOf(() => applyResultPath({ l: {} }, 1, compileReferencePath("$.l[0]"))).error).toBe("States.ResultPathMatchFailure");
  });

  it("refuses to write into the context object or a variable", () => {
    expect(() => applyResultPath({}, 1, compileReferencePath("$$.Execution.Id"))).toThrow("must be a path on the state input");
    expect(() => applyResultPath({}, 1, compileReferencePath("$v.x"))).toThrow(StatesError);
  });

  it("gives the copies it makes of same-shaped inputs one hidden class, not one each", () => {
    // V8's own answer, through its natives syntax (enabled for the functions compiled from here on).
    setFlagsFromString("--allow-natives-syntax");
    const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b);") as (a: unknown, b: unknown) => boolean;
    const flag = compileReferencePath("$.flag");
    const outputs = Array.from({ length: 50 }, (_, i) => applyResultPath({ id: `item-${i}`, idx: i, stage: 1 }, { ok: true }, flag));
    expect(outputs.filter((out, i) => i > 0 && !haveSameMap(outputs[i - 1], out))).toEqual([]);
  });

  it("writes __proto__ as an own key", () => {
    const out = applyResultPath({}, { polluted: true }, compileReferencePath("$['__proto__']")) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true}}');
    const parsed = JSON.parse('{"__proto__": {"a": 1}}') as unknown;
    const nested = applyResultPath(parsed, 2, compileReferencePath("$.__proto__.b")) as Record<string, unknown>;
    expect(JSON.stringify(nested)).toBe('{"__proto__":{"a":1,"b":2}}');
  });
});
