import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";
import { LinearRegexEngine, LinearRegExp } from "./linear-regex.ts";

/** The catastrophic case of the issue: nested quantifiers, a 30-character near miss. */
const EVIL_INPUT = `${"a".repeat(30)}!`;

describe("LinearRegExp behaves like RegExp on the patterns definitions use", () => {
  const patterns = ["a+", "^a", "b$", "(a)(b)?", "[a-c]+", "\\d+", "\\w+@\\w+\\.com", "x|y", "a.c", "(?i)ab", "^$", "a*"];
  it("exec finds the same match, index and groups, from the same lastIndex (global)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns.filter((p) => !p.startsWith("(?"))), fc.string({ unit: fc.constantFrom("a", "b", "c", "1", "@", ".", "x", "\n"), maxLength: 12 }), fc.nat(12), (source, input, from) => {
        const native = new RegExp(source, "g");
        const linear = new LinearRegExp(source, "g");
        native.lastIndex = from;
        linear.lastIndex = from;
        const a = native.exec(input);
        const b = linear.exec(input);
        expect(b === null ? null : [...b]).toEqual(a === null ? null : [...a]);
        expect(b?.index).toBe(a?.index);
        expect(linear.lastIndex).toBe(native.lastIndex);
      }),
    );
  });

  it("takes flags from a RegExp and honours i, m and s", () => {
    expect(new LinearRegExp(/AB/i).test("xab")).toBe(true);
    expect(new LinearRegExp(/^b/m).test("a\nb")).toBe(true);
    expect(new LinearRegExp(/a.b/s).test("a\nb")).toBe(true);
    expect(new LinearRegExp(/a.b/).test("a\nb")).toBe(false);
  });

  it("keeps JavaScript's engine for what RE2 cannot express (backreferences, lookaround)", () => {
    const backreference = new LinearRegexEngine(/(a)\1/g);
    expect(backreference).toBeInstanceOf(RegExp);
    expect(backreference.test("aa")).toBe(true);
    expect(new LinearRegexEngine(/a(?=b)/g)).toBeInstanceOf(RegExp);
    expect(new LinearRegexEngine(/(a+)+$/g)).toBeInstanceOf(LinearRegExp);
  });

  it("matches a catastrophic pattern in linear time", () => {
    const started = performance.now();
    expect(new LinearRegExp(/^(a+)+$/).test(`${"a".repeat(5_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("a catastrophic regex cannot freeze an execution (or the process)", () => {
  const jsonata = (expression: string) => ({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: `{% ${expression} %}`, End: true } } });
  const cases: Array<[string, unknown]> = [
    ["$count($match($states.input.s, /^(a+)+$/))", 0],
    ["$contains($states.input.s, /^(a+)+$/)", false],
    ["$replace($states.input.s, /^(a+)+$/, 'x')", EVIL_INPUT],
    ["$split($states.input.s, /(a+)+b/)", [EVIL_INPUT]],
    ["$contains($states.input.s, /a+!/)", true],
  ];
  it.each(cases)("%s", async (expression, expected) => {
    const started = performance.now();
    const result = await runExecution(jsonata(expression), { s: EVIL_INPUT });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toEqual({ status: "SUCCEEDED", output: expected });
  });

  it("a JSONPath =~ filter", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "hits.$": "$.items[?(@.s =~ /(a+)+/)].s" }, End: true } } };
    const started = performance.now();
    const result = await runExecution(def, { items: [{ s: EVIL_INPUT }, { s: "aaa" }] });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toEqual({ status: "SUCCEEDED", output: { hits: ["aaa"] } });
  });
});
