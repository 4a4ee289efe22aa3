import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.ts";
import { FALLBACK } from "./fast-path.ts";
import { compileJsonataTemplate } from "./template.ts";
import { toPlainJson } from "./to-json.ts";

const input = {
  name: "Ada Lovelace",
  age: 36,
  float: 1.1 + 2.2,
  big: 1e21,
  neg: -0,
  t: true,
  nil: null,
  s: "x",
  empty: "",
  obj: { a: 1, b: [true, null, "x"], c: { d: "e" } },
  objStr: JSON.stringify({ k: "v", n: [1, 2, 3] }),
  list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  one: [1],
  none: [],
  nested: [[1, 2], [3]],
  objects: [{ a: 1 }, { b: 2 }],
  acc: { step: 3 },
  meta: { tag: "bench" },
  "a b": 1,
  proto: JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown,
};
const states = { input, context: { Execution: { Id: "arn:x" }, Map: { Item: { Index: 4, Value: { id: "item-4" } } } } };

/** Expressions the fast path must answer exactly like JSONata (or hand back to it). */
const EXPRESSIONS = [
  // literals and paths
  "1", "-1.5", "'s'", "true", "false", "null", "$states", "$states.input", "$states.input.name", "$states.input.age",
  "$states.input.missing", "$states.input.missing.deeper", "$states.input.s.x", "$states.input.nil.x", "$states.input.t.x",
  "$states.input.obj.c.d", "$states.input.obj.b", "$states.input.list", "$states.input.one", "$states.input.none",
  "$states.input.nested", "$states.input.objects", "$states.input.objects.a", "$states.input.list.x", "$states.input.`a b`",
  "$states.input.constructor", "$states.input.toString", "$states.input.proto", "$states.context.Map.Item.Value.id",
  "$states.context.Map.Item.Index", "$v", "$v.k", "$arr", "$arr.k", "$unset", "$unset.k", "$", "$states.input.neg",
  // constructors
  "{}", "[]", "[[]]", "{'a': 1, 'b': $states.input.missing}", "{'a': {'b': [1, $states.input.name]}}",
  "[$states.input.name, $states.input.age, 'k0']", "[$states.input.list]", "[$states.input.one, 2]", "[[$states.input.one], 2]",
  "[$states.input.nested]", "[$states.input.missing, 1]", "[$states.input.name]", "[$states.input.missing]", "[$states.input.none]",
  "{'l': $states.input.one}", "{'l': $states.input.none}", "{'l': [$states.input.missing]}", "{'l': $states.input.nested}",
  "$merge([$states.input.objects])", "$merge([$states.input.objects, {'c': 3}])", "$string([$states.input.one])", "{'a': 1, 'a': 2}", "{$states.input.s: 1}", "{'__proto__': 1}",
  // strings
  "'step 0: hello ' & $states.input.name & ', age ' & $states.input.age", "'a' & $states.input.float", "'a' & $states.input.big",
  "'a' & $states.input.obj", "'a' & $states.input.list", "'a' & $states.input.missing", "$states.input.t & $states.input.nil",
  "'a' & $states.input.neg", "'a' & $states.input.proto",
  // arithmetic and comparisons
  "$states.input.age + 1", "$states.input.acc.step + 1", "$states.input.age - 0.5", "$states.input.age * 2", "$states.input.age / 4",
  "$states.input.age % 5", "$states.input.age / 0", "$states.input.missing + 1", "$states.input.s + 1", "$states.input.t + 1",
  "-$states.input.age", "-$states.input.s", "-$states.input.missing", "$states.input.age < 40", "$states.input.age >= 36",
  "$states.input.s > 'a'", "$states.input.s < 1", "$states.input.missing < 1", "$states.input.age = 36", "$states.input.s != 'x'",
  "$states.input.obj = $states.input.obj", "$states.input.missing = 1", "$states.input.t and $states.input.age > 1",
  "$states.input.t or $states.input.missing", "$states.input.age > 100 and $states.input.s", "$states.input.t ? 'y' : 'n'",
  "$states.input.age > 100 ? 'y'", "$states.input.s ? 1 : 2",
  // functions
  "$merge([$states.input, {'acc': {'step': 0, 'prev': $states.input.acc.step, 'tag': $states.input.meta.tag}}])",
  "$merge([$states.input.obj, {'flag': {'ok': true}}])", "$merge([])", "$merge($states.input.obj)", "$merge([$states.input.obj, 1])",
  "$merge([$states.input.proto])", "$merge($states.input.missing)", "$string($states.input.obj)", "$string($states.input.float)",
  "$string($states.input.age)", "$string($states.input.s)", "$string($states.input.missing)", "$string($states.input.list)",
  "$string($states.input.obj, true)", "$string()", "$parse($states.input.objStr)", "$parse('{bad')", "$parse($states.input.age)",
  "$partition($states.input.list, 4)", "$partition($states.input.one, 4)", "$partition($states.input.none, 2)",
  "$partition($states.input.list, 0)", "$partition($states.input.list, 2.7)", "$partition($states.input.s, 2)",
  "$hash($states.input.name, 'SHA-256')", "$hash($states.input.name, 'nope')", "$hash($states.input.age, 'MD5')",
  "$count($states.input.list)", "$merge", "$random()", "$uuid()", "$eval('1')", "$states.input.list[0]", "$states.input.(name)",
  "$states.input.list.($ + 1)", "function($x){$x}(1)", "($states.input.age)",
  // a variable shadowing a built-in
  "$string(1)", "$merge([{'a': 1}])",
];

const variables = (shadow: boolean): Record<string, unknown> => ({
  v: { k: "vk" },
  arr: [{ k: 1 }, { k: 2 }],
  ...(shadow ? { string: "shadow", merge: 1 } : {}),
});

async function jsonataOutcome(text: string, bindings: Record<string, unknown>): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const raw = await compileExpression(text).evaluate(bindings);
    return { ok: true, value: toPlainJson(raw) };
  } catch {
    return { ok: false };
  }
}

describe("the JSONata fast path", () => {
  for (const shadow of [false, true]) {
    it(`gives JSONata's value or falls back, never anything else${shadow ? " (built-ins shadowed)" : ""}`, async () => {
      const bindings = { states, ...variables(shadow) };
      for (const text of EXPRESSIONS) {
        const compiled = compileExpression(text);
        if (compiled.fast === undefined) continue;
        const fast = compiled.fast(bindings);
        if (fast === FALLBACK) continue;
        const expected = await jsonataOutcome(text, bindings);
        expect({ text, outcome: expected.ok }).toEqual({ text, outcome: true });
        if (expected.ok) expect({ text, value: toPlainJson(fast) }).toEqual({ text, value: expected.value });
      }
    });
  }

  it("answers the everyday expressions itself (so the fast path is really taken)", () => {
    const everyday = [
      "$states.input.name", "$states.context.Map.Item.Value.id", "$states.input.acc.step + 1", "$states.input.age < 40",
      "$merge([$states.input, {'acc': {'step': 0, 'prev': $states.input.acc.step, 'tag': $states.input.meta.tag}}])",
      "$merge([$states.input, {'r': {'greeting': 'step 0: hello ' & $states.input.name & ', age ' & $states.input.age, 'asString': $string($states.input.obj), 'asJson': $parse($states.input.objStr), 'arr': [$states.input.name, $states.input.age, 'k0'], 'parts': $partition($states.input.list, 4), 'hash': $hash($states.input.name, 'SHA-256')}}])",
    ];
    for (const text of everyday) {
      const fast = compileExpression(text).fast;
      expect({ text, compiled: fast !== undefined }).toEqual({ text, compiled: true });
      expect({ text, fellBack: fast?.({ states }) === FALLBACK }).toEqual({ text, fellBack: false });
    }
  });

  it("leaves expressions outside the subset to JSONata", () => {
    for (const text of ["$random()", "$uuid()", "$eval('1')", "$states.input.list[0]", "function($x){$x}(1)", "$count([1])", "$", "name"]) {
      expect({ text, fast: compileExpression(text).fast }).toEqual({ text, fast: undefined });
    }
  });
});

describe("compileJsonataTemplate evaluateNow", () => {
  const bindings = { input, context: states.context, variables: { read: (name: string) => (name === "v" ? { k: "vk" } : undefined) } };

  it("is synchronous when every expression is fast, with the same value as evaluate", async () => {
    const template = compileJsonataTemplate({ a: "{% $states.input.name %}", b: ["{% $v.k %}", 2], c: "lit" }, "Output");
    const now = template.evaluateNow(bindings);
    expect(now).not.toBeInstanceOf(Promise);
    expect(now).toEqual(await template.evaluate(bindings));
    expect(now).toEqual({ a: "Ada Lovelace", b: ["vk", 2], c: "lit" });
  });

  it("returns a promise with JSONata's value when an expression falls back or is outside the subset", async () => {
    for (const field of [{ a: "{% $states.input.objects.a %}" }, { a: "{% $count($states.input.list) %}" }]) {
      const template = compileJsonataTemplate(field, "Output");
      const now = template.evaluateNow(bindings);
      expect(now).toBeInstanceOf(Promise);
      expect(await now).toEqual(await template.evaluate(bindings));
    }
  });

  it("throws the same QueryEvaluationError synchronously that evaluate rejects with", async () => {
    const cases: Array<[unknown, "any" | "array"]> = [
      [{ a: 1, b: "{% $states.input.missing %}" }, "any"],
      ["{% $states.input.name %}", "array"],
    ];
    for (const [field, expect_] of cases) {
      const template = compileJsonataTemplate(field, "Output", { expect: expect_ });
      const rejected = await template.evaluate(bindings).catch((error: unknown) => error);
      let thrown: unknown;
      try {
        template.evaluateNow(bindings);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toEqual(rejected);
      expect((thrown as { location?: string }).location).toBe((rejected as { location?: string }).location);
      expect((thrown as { cause?: string }).cause).toBe((rejected as { cause?: string }).cause);
    }
  });
});

describe("the fast $string", () => {
  it("writes JSONata's text for integers, fractions and nested values, first call and repeats alike", async () => {
    const values: unknown[] = [
      { a: 1, b: [true, null, "x"], c: { d: "e" } },
      { f: 1.1 + 2.2, g: [0.1 + 0.2, -0, 1e21, 123456789.123456789] },
      [1, [2, [3.000000000000001]]],
      [],
      {},
    ];
    for (const value of values) {
      const expected = await compileExpression("$string($v)").evaluate({ v: value });
      const fast = compileExpression("$string($v)").fast;
      expect(fast?.({ v: value })).toBe(expected);
      expect(fast?.({ v: value })).toBe(expected);
      const concatenated = await compileExpression("'>' & $v").evaluate({ v: value });
      expect(compileExpression("'>' & $v").fast?.({ v: value })).toBe(concatenated);
    }
  });

  it("falls back for values JSON cannot hold", () => {
    const fast = compileExpression("$string($v)").fast;
    expect(fast?.({ v: { a: Number.NaN } })).toBe(FALLBACK);
    expect(fast?.({ v: [() => 1] })).toBe(FALLBACK);
    expect(fast?.({ v: { a: undefined } })).toBe(FALLBACK);
  });
});
