import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.ts";
import { FALLBACK } from "./fast-path.ts";
import { compileJsonataTemplate } from "./template.ts";
import { toPlainJson } from "./to-json.ts";
import { SAMPLE_EXPRESSIONS as EXPRESSIONS } from "./fast/sample-expressions.ts";

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
      "$states.input.list[0]", "$states.input.list[-1]", "($states.input.age < 40 and $states.input.t)", "$count($states.input.list)",
      "$merge([$states.input, {'acc': {'step': 0, 'prev': $states.input.acc.step, 'tag': $states.input.meta.tag}}])",
      "$merge([$states.input, {'r': {'greeting': 'step 0: hello ' & $states.input.name & ', age ' & $states.input.age, 'asString': $string($states.input.obj), 'asJson': $parse($states.input.objStr), 'arr': [$states.input.name, $states.input.age, 'k0'], 'parts': $partition($states.input.list, 4), 'hash': $hash($states.input.name, 'SHA-256')}}])",
    ];
    for (const text of everyday) {
      const fast = compileExpression(text).fast;
      expect({ text, compiled: fast !== undefined }).toEqual({ text, compiled: true });
      expect({ text, fellBack: fast?.({ states }) === FALLBACK }).toEqual({ text, fellBack: false });
    }
  });

  it("hands a $parse that gives a number past the double range to JSONata (found by the differential test)", async () => {
    const text = "$parse($states.input.objStr)";
    const compiled = compileExpression(text);
    for (const objStr of ["1e999", "-1e999"]) {
      expect(compiled.fast?.({ states: { input: { objStr } } })).toBe(FALLBACK);
    }
    expect(await compileJsonataTemplate(`{% ${text} %}`, "Output").evaluate({ input: { objStr: "1e999" }, context: undefined, variables: { read: () => undefined } })).toBeNull();
  });

  it("hands $string and & of a number that 15-digit rounding overflows to JSONata (found by the differential test)", async () => {
    for (const text of ["'a' & $states.input.n", "$string($states.input.n)"]) {
      expect(compileExpression(text).fast?.({ states: { input: { n: -1.7976931348623151e308 } } })).toBe(FALLBACK);
    }
    expect(await compileJsonataTemplate("{% 'a' & $states.input.n %}", "Output").evaluate({ input: { n: -1.7976931348623151e308 }, context: undefined, variables: { read: () => undefined } })).toBe("anull");
  });

  it("leaves expressions outside the subset to JSONata", () => {
    for (const text of ["$random()", "$uuid()", "$eval('1')", "$states.input.list[$states.input.age]", "$states.input.list[0].x", "function($x){$x}(1)", "$join(['a'])", "$split('a', '')", "$", "name"]) {
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

  it("hands hot callers the generated evaluator (fastNow): the type-checked value, or FALLBACK, or nothing when a field is not fast", () => {
    const items = compileJsonataTemplate("{% $states.input.list %}", "Items", { expect: "array" });
    const at = (value: unknown) => ({ ...bindings, input: value });
    expect(items.fastNow?.(at({ list: [1, 2] }))).toEqual([1, 2]);
    expect(() => items.fastNow?.(at({ list: "x" }))).toThrow(/Expected 'array'/);
    expect(compileJsonataTemplate({ a: "{% $states.input.objects.a %}" }, "Output").fastNow?.(bindings)).toBe(FALLBACK);
    expect(compileJsonataTemplate({ a: "{% $join([$states.input.name]) %}" }, "Output").fastNow).toBeUndefined();
    expect(compileJsonataTemplate({ a: 1 }, "Output").fastNow).toBeUndefined();
  });

  it("evaluateGeneral gives what a caller of fastNow needs after FALLBACK: JSONata's value (a literal field's value as is)", async () => {
    const fallingBack = compileJsonataTemplate({ a: "{% $states.input.objects.a %}" }, "Output");
    expect(fallingBack.fastNow?.(bindings)).toBe(FALLBACK);
    const general = fallingBack.evaluateGeneral(bindings);
    expect(general).toBeInstanceOf(Promise);
    expect(await general).toEqual(await fallingBack.evaluate(bindings));
    expect(compileJsonataTemplate({ a: 1 }, "Output").evaluateGeneral(bindings)).toEqual({ a: 1 });
  });

  it("returns a promise with JSONata's value when an expression falls back or is outside the subset", async () => {
    for (const field of [{ a: "{% $states.input.objects.a %}" }, { a: "{% $join([$states.input.name]) %}" }]) {
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
      // jsonata 2.0.6 rounds integers past 15 significant digits too (found by the differential test).
      { big: 1234567890123456, bigger: -9.138717880041211e95, edge: 999999999999999 },
      [4296668080989281],
      [],
      {},
    ];
    for (const value of [...values, 1234567890123456, 5.652957325740921e66]) {
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
