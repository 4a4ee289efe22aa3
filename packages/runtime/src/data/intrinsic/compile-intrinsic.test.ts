import { describe, expect, it } from "vitest";
import { StatesError } from "../../errors.ts";
import { testScope, statesErrorOf } from "../test-scope.ts";
import { compileIntrinsic, type IntrinsicScope } from "./compile-intrinsic.ts";

const scope = testScope({ StateMachine: { Name: "statemachine_1e6ffd23-8b7c" } }, { name: "John", place: "LocalStack", tpl: "It's {}!" });
const run = (text: string, input: unknown = {}, withScope: IntrinsicScope = scope) => compileIntrinsic(text).evaluate(input, withScope);
/** The function applied to FunctionInput.fst/snd/trd, as the recorded cases do. */
const call = (name: string, ...args: unknown[]) => {
  const names = ["fst", "snd", "trd"].slice(0, args.length);
  const input = { FunctionInput: Object.fromEntries(names.map((n, i) => [n, args[i]])) };
  return run(`States.${name}(${names.map((n) => `$.FunctionInput.${n}`).join(", ")})`, input);
};
describe("States.Array", () => {
  it("returns its arguments in order (recorded test_array_*)", () => {
    expect(run("States.Array()")).toEqual([]);
    expect(call("Array", "", "")).toEqual(["", ""]);
    expect(call("Array", null, null)).toEqual([null, null]);
    expect(call("Array", 1.1, 1.1)).toEqual([1.1, 1.1]);
    expect(call("Array", '{"Arg1": 1, "Arg2": []}', "x")).toEqual(['{"Arg1": 1, "Arg2": []}', "x"]);
    expect(run("States.Array('a', 1, true, null, States.Array())")).toEqual(["a", 1, true, null, []]);
  });
});

describe("States.ArrayContains", () => {
  it("uses deep equality (recorded test_array_contains)", () => {
    expect(call("ArrayContains", [], [])).toBe(false);
    expect(call("ArrayContains", [], 1)).toBe(false);
    expect(call("ArrayContains", [[1, 2, 3], 2], null)).toBe(false);
    expect(call("ArrayContains", [[1, 2, 3], 2], [1, 2, 3])).toBe(true);
    expect(call("ArrayContains", [{ a: 1, b: 2 }], { b: 2, a: 1 })).toBe(true);
  });
  it("fails on a non-array", () => {
    expect(statesErrorOf(() => call("ArrayContains", "abc", "a")).error).toBe("States.IntrinsicFailure");
  });
});

describe("States.ArrayGetItem / ArrayLength / ArrayUnique", () => {
  it("matches the recorded cases", () => {
    expect(call("ArrayGetItem", [1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toBe(6);
    const mixed = [null, null, true, true, false, false, 1, 1, 1.1, 0, 0, "HelloWorld", "HelloWorld", [], [], [null], [null], { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 1 }];
    expect(call("ArrayLength", mixed)).toBe(20);
    expect(call("ArrayUnique", mixed)).toEqual([null, true, false, 1, 1.1, 0, "HelloWorld", [], [null], { a: 1, b: 2 }, { a: 1, b: 1 }]);
  });
  it("fails on bad indexes and non-arrays", () => {
    const outOfRange = statesErrorOf(() => call("ArrayGetItem", [1, 2], 2));
    expect(outOfRange.error).toBe("States.IntrinsicFailure");
    expect(outOfRange.cause).toContain("out of bounds");
    expect(statesErrorOf(() => call("ArrayGetItem", [1, 2], -1)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayGetItem", [1, 2], "0")).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayLength", { a: 1 })).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayUnique", null)).error).toBe("States.IntrinsicFailure");
  });
});

describe("States.ArrayPartition", () => {
  it("matches the recorded test_array_partition cases", () => {
    expect(call("ArrayPartition", [], 1)).toEqual([]);
    expect(call("ArrayPartition", [], 5)).toEqual([]);
    expect(call("ArrayPartition", [0], 3)).toEqual([[0]]);
    expect(call("ArrayPartition", [0, 1], 4)).toEqual([[0, 1]]);
    expect(call("ArrayPartition", [0, 1, 2], 5)).toEqual([[0, 1, 2]]);
    expect(call("ArrayPartition", [0, 1, 2, 3], 1)).toEqual([[0], [1], [2], [3]]);
    expect(call("ArrayPartition", [0, 1, 2, 3], 3)).toEqual([[0, 1, 2], [3]]);
  });
  it("rejects a size that is not positive", () => {
    expect(statesErrorOf(() => call("ArrayPartition", [1], 0)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayPartition", [1], -2)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayPartition", "x", 1)).error).toBe("States.IntrinsicFailure");
  });
});

describe("States.ArrayRange", () => {
  it("matches the recorded test_array_range cases", () => {
    expect(call("ArrayRange", 0, 9, 3)).toEqual([0, 3, 6, 9]);
    expect(call("ArrayRange", 1, 9, 9)).toEqual([1]);
    expect(call("ArrayRange", 0, 10, 3)).toEqual([0, 3, 6, 9]);
  });
  it("counts down with a negative step and is empty in the wrong direction", () => {
    expect(call("ArrayRange", 5, 1, -2)).toEqual([5, 3, 1]);
    expect(call("ArrayRange", 5, 1, 1)).toEqual([]);
  });
  it("enforces the step and the 1000-element limit", () => {
    expect(call("ArrayRange", 1, 1000, 1)).toHaveLength(1000);
    expect(statesErrorOf(() => call("ArrayRange", 0, 1000, 1)).cause).toContain("1001 elements");
    expect(statesErrorOf(() => call("ArrayRange", 0, 10, 0)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("ArrayRange", "0", 10, 1)).error).toBe("States.IntrinsicFailure");
  });
});

describe("States.Format", () => {
  it("renders arguments like AWS (recorded test_format_1/2)", () => {
    const format1 = (value: unknown) => run("States.Format('Formatting argument {}.', $.FunctionInput)", { FunctionInput: value });
    expect(format1("")).toBe("Formatting argument .");
    expect(format1(null)).toBe("Formatting argument null.");
    expect(format1(1)).toBe("Formatting argument 1.");
    expect(format1(1.1)).toBe("Formatting argument 1.1.");
    expect(format1('{"Arg1": 1, "Arg2": []}')).toBe('Formatting argument {"Arg1": 1, "Arg2": []}.');
    const format2 = (fst: unknown, snd: unknown) =>
      run("States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)", { FunctionInput: { fst, snd } });
    expect(format2(" ", " ")).toBe("Formatting arguments fst=  and snd= .");
    expect(format2({ Arg1: 1, Arg2: [] }, { Arg1: 1, Arg2: [] })).toBe("Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.");
    expect(format2(true, [1, "a", null])).toBe("Formatting arguments fst=true and snd=[1, a, null].");
  });

  it("reads variables and a template from data (recorded BASE_REFERENCE_IN_INTRINSIC_FUNCTION, MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION)", () => {
    expect(run("States.Format('Hello {}, welcome to {}!', $name, $place)")).toBe("Hello John, welcome to LocalStack!");
    expect(run("States.Format($tpl, $.v)", { v: "Charizard" })).toBe("It's Charizard!");
  });

  it("resolves escapes in the template", () => {
    expect(run("States.Format('\\{\\} {} \\\\ it\\'s', 1)")).toBe("{} 1 \\ it's");
  });

  it("fails when placeholders and arguments disagree or the template is not a string", () => {
    const mismatch = statesErrorOf(() => run("States.Format('{} {}', 1)"));
    expect(mismatch.error).toBe("States.IntrinsicFailure");
    expect(mismatch.cause).toContain("2 placeholder(s)");
    expect(statesErrorOf(() => run("States.Format('x', 1)")).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => run("States.Format($.t)", { t: 5 })).cause).toContain("must be a string");
  });
});

describe("JSON functions", () => {
  it("StringToJson matches the recorded cases", () => {
    expect(call("StringToJson", " ")).toBeNull();
    expect(call("StringToJson", "")).toBeNull();
    expect(call("StringToJson", "null")).toBeNull();
    expect(call("StringToJson", "1")).toBe(1);
    expect(call("StringToJson", "1.1")).toBe(1.1);
    expect(call("StringToJson", "true")).toBe(true);
    expect(call("StringToJson", '{"Arg1": 1, "Arg2": []}')).toEqual({ Arg1: 1, Arg2: [] });
    expect(run("States.StringToJson('{\"key\":\"value\"}')")).toEqual({ key: "value" });
  });
  it("StringToJson fails on bad JSON and non-strings", () => {
    expect(statesErrorOf(() => call("StringToJson", "{oops")).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("StringToJson", 1)).error).toBe("States.IntrinsicFailure");
  });
  it("StringToJson keeps __proto__ as an own key", () => {
    const parsed = call("StringToJson", '{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(JSON.stringify(parsed)).toBe('{"__proto__":{"polluted":true}}');
  });
  it("JsonToString matches the recorded cases", () => {
    expect(call("JsonToString", "HelloWorld")).toBe('"HelloWorld"');
    expect(call("JsonToString", [1, 2, "HelloWorld"])).toBe('[1,2,"HelloWorld"]');
    expect(call("JsonToString", { Arg1: 1, Arg2: [] })).toBe('{"Arg1":1,"Arg2":[]}');
  });
  it("JsonMerge merges shallowly, the second object winning", () => {
    expect(run("States.JsonMerge($.a, $.b, false)", { a: { a: 1, b: 2 }, b: { c: 3, d: 4 } })).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(run("States.JsonMerge($.a, $.b, false)", { a: { x: { p: 1 }, y: 1 }, b: { x: { q: 2 } } })).toEqual({ x: { q: 2 }, y: 1 });
  });
  it("JsonMerge takes a StringToJson of a literal with double quotes (recorded test_json_merge_escaped_argument)", () => {
    const text = `States.JsonMerge(States.StringToJson('{"constant_in_literal": "false"}'), $.input_field, false)`;
    expect(run(text, { input_field: { constant_input_field: "constant_value" } })).toEqual({
      constant_input_field: "constant_value",
      constant_in_literal: "false",
    });
  });
  it("JsonMerge rejects deep mode and non-objects", () => {
    expect(statesErrorOf(() => run("States.JsonMerge($.a, $.a, true)", { a: {} })).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => run("States.JsonMerge($.a, $.a, 'false')", { a: {} })).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => run("States.JsonMerge($.a, $.b, false)", { a: {}, b: [] })).error).toBe("States.IntrinsicFailure");
  });
});

describe("encoding and hashing", () => {
  it("Base64 matches the recorded cases", () => {
    expect(call("Base64Encode", "")).toBe("");
    expect(call("Base64Encode", "Data to encode")).toBe("RGF0YSB0byBlbmNvZGU=");
    expect(run("States.Base64Encode($rawString)", {}, testScope({}, { rawString: "Hello World" }))).toBe("SGVsbG8gV29ybGQ=");
    expect(call("Base64Decode", "SGVsbG8gV29ybGQ=")).toBe("Hello World");
    expect(call("Base64Decode", "4pyTIMOgIGxhIG1vZGU=")).toBe("✓ à la mode");
  });
  it("Base64 enforces the 10,000-character limit and valid input", () => {
    expect(call("Base64Encode", "a".repeat(10_000))).toHaveLength(13_336);
    expect(statesErrorOf(() => call("Base64Encode", "a".repeat(10_001))).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("Base64Decode", "not base64!")).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("Base64Encode", 12)).error).toBe("States.IntrinsicFailure");
  });
  it("Hash matches the recorded cases", () => {
    expect(call("Hash", "input data", "SHA-1")).toBe("aaff4a450a104cd177d28d18d74485e8cae074b7");
    expect(call("Hash", "input data", "SHA-512")).toBe(
      "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
    );
    expect(run("States.Hash('Hash this string', 'SHA-256')")).toBe("1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e");
    expect(call("Hash", "", "MD5")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(call("Hash", "", "SHA-384")).toHaveLength(96);
  });
  it("Hash rejects unknown algorithms and oversized input", () => {
    expect(statesErrorOf(() => call("Hash", "x", "sha-256")).cause).toContain("'sha-256' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    expect(statesErrorOf(() => call("Hash", "x", null)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("Hash", "x".repeat(10_001), "MD5")).error).toBe("States.IntrinsicFailure");
  });
});

describe("math", () => {
  it("MathAdd rounds like Java's Math.round (recorded test_math_add)", () => {
    const cases: [number, number, number][] = [
      [-9, 3, -6], [1.49, 1.5, 3], [-1.51, 0, -2], [0.5, 0, 1], [1.5, 0, 2], [2.5, 0, 3], [3.5, 0, 4],
      [-0.5, 0, 0], [-2.5, 0, -2], [-3.5, 0, -3], [-1.49, -1.5, -2], [1.51, 0, 2], [-1.49, 0, -1],
    ];
    for (const [fst, snd, sum] of cases) expect(call("MathAdd", fst, snd)).toBe(sum);
    expect(Object.is(call("MathAdd", -0.5, 0), -0)).toBe(false);
    expect(run("States.MathAdd($value1, $value2)", {}, testScope({}, { value1: 5, value2: 3 }))).toBe(8);
  });
  it("MathAdd rejects non-numbers and values outside the 32-bit range", () => {
    expect(statesErrorOf(() => call("MathAdd", "1", 2)).error).toBe("States.IntrinsicFailure");
    expect(statesErrorOf(() => call("MathAdd", 2 ** 31, 0)).error).toBe("States.IntrinsicFailure");
    expect(call("MathAdd", 2 ** 31 - 1, -(2 ** 31))).toBe(-1);
  });
  it("MathRandom draws from [start, end) with the caller's random source", () => {
    const fixed = (value: number): IntrinsicScope => ({ ...testScope(), random: () => value });
    expect(run("States.MathRandom(9999, 99999)", {}, fixed(0))).toBe(9999);
    expect(run("States.MathRandom(9999, 99999)", {}, fixed(0.999999999))).toBe(99998);
    expect(run("States.MathRandom(-99999, -9999)", {}, fixed(0.5))).toBe(-54999);
    const free = run("States.MathRandom(0, 10)") as number;
    expect(Number.isInteger(free) && free >= 0 && free < 10).toBe(true);
  });
  it("MathRandom with a seed is repeatable", () => {
    const first = run("States.MathRandom(0, 999, 3)");
    expect(run("States.MathRandom(0, 999, 3)")).toBe(first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(999);
  });
  it("MathRandom rejects an empty range", () => {
    expect(statesErrorOf(() => run("States.MathRandom(5, 5)")).error).toBe("States.IntrinsicFailure");
  });
});

describe("strings and UUID", () => {
  it("StringSplit splits on every separator character and drops empty pieces (recorded test_string_split)", () => {
    expect(call("StringSplit", " , ", ",")).toEqual([" ", " "]);
    expect(call("StringSplit", ",,,,", ",")).toEqual([]);
    expect(call("StringSplit", "1,2,3,4,5", ",")).toEqual(["1", "2", "3", "4", "5"]);
    expect(call("StringSplit", "This.is+a,test=string", ".+,=")).toEqual(["This", "is", "a", "test", "string"]);
    expect(call("StringSplit", "abc", "")).toEqual(["abc"]);
    expect(statesErrorOf(() => call("StringSplit", 1, ",")).error).toBe("States.IntrinsicFailure");
  });
  it("UUID is a version 4 UUID", () => {
    expect(run("States.UUID()")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run("States.UUID()")).not.toBe(run("States.UUID()"));
  });
  it("nests calls (recorded test_nested_calls_1)", () => {
    expect(run("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)")).toBe("statemachine_1e6ffd23");
  });
});

describe("paths and compile errors", () => {
  it("fails with States.Runtime when a path argument matches nothing", () => {
    const error = statesErrorOf(() => compileIntrinsic("States.Array($.missing)", { fieldName: "x.$" }).evaluate({ a: 1 }, scope));
    expect(error.error).toBe("States.Runtime");
    expect(error.cause).toBe(`The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{"a":1}'`);
  });
  it("passes indefinite path results as arrays", () => {
    expect(run("States.ArrayLength($.items[*].v)", { items: [{ v: 1 }, {}, { v: 2 }] })).toBe(2);
  });
  it("rejects unparsable calls and unknown functions at compile time", () => {
    expect(() => compileIntrinsic("States.Format('a")).toThrow(StatesError);
    expect(() => compileIntrinsic("States.Nope()")).toThrow("Unknown intrinsic function 'States.Nope'");
  });
});
