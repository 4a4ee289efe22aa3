import fc from "fast-check";
import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";
import { boundedJoin, boundedPad } from "./bounded-string-functions.ts";
import { MAX_EVALUATED_ARRAY_LENGTH, MAX_EVALUATED_STRING_LENGTH } from "./evaluation-growth.ts";

/** JSONata's own (unbounded) built-in, evaluated by a plain jsonata expression. */
async function jsonataOwn(expression: string, bindings: Record<string, unknown>): Promise<unknown> {
  return jsonata(expression).evaluate(undefined, bindings);
}

describe("boundedPad and boundedJoin agree with JSONata's own functions", () => {
  it("$pad: any string, width and fill (including multi-character and astral fills)", async () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", "😀", " ", "-"), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(text, fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -20, max: 20, noNaN: true })), fc.option(text, { nil: undefined }), async (str, width, char) => {
        let own: unknown;
        try {
          own = await jsonataOwn(char === undefined ? "$pad($s, $w)" : "$pad($s, $w, $c)", { s: str, w: width, c: char });
        } catch (error) {
          // A fractional width fails inside JSONata 2.0.6 itself: the same error is expected.
          own = error;
        }
        if (own instanceof Error) expect(() => boundedPad(str, width, char)).toThrow(own.message);
        else expect(boundedPad(str, width, char)).toBe(own);
      }),
    );
    expect(boundedPad(undefined, 5)).toBeUndefined();
    expect(() => boundedPad("x", 3.9, "ab")).toThrow("Invalid array length");
    expect(() => boundedPad("x", 1e10)).toThrow("Invalid array length");
  });

  it("$join: any strings and separator", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }), fc.option(fc.string({ maxLength: 3 }), { nil: undefined }), async (strings, sep) => {
        const own = await jsonataOwn(sep === undefined ? "$join($a)" : "$join($a, $s)", { a: strings, s: sep });
        expect(boundedJoin(strings, sep)).toBe(own);
      }),
    );
  });
});

describe("output size is checked before it is allocated", () => {
  it("$pad past the bound fails at once (JSONata's own allocates 1.7 GB for a width of 1e8)", () => {
    const started = performance.now();
    expect(() => boundedPad("x", 1e8)).toThrow(expect.objectContaining({ message: `The result of $pad would be 100000000 characters long, more than the ${MAX_EVALUATED_STRING_LENGTH} an expression may build` }));
    expect(() => boundedPad("x", -1e9, "ab")).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The result of \$pad/) }));
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("$join past the bound fails before joining", () => {
    const big = "y".repeat(1_000_000);
    expect(() => boundedJoin(Array.from({ length: 11 }, () => big))).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The result of \$join would be 11000000 characters long/) }));
    expect(() => boundedJoin(["a", "b"], "x".repeat(MAX_EVALUATED_STRING_LENGTH))).toThrow(/./);
  });
});

describe("an execution whose data asks for an enormous value fails, the process survives", () => {
  const jsonataPass = (expression: string) => ({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: `{% ${expression} %}`, End: true } } });
  const cases: Array<[string, string, unknown]> = [
    ["$pad with a width from the input", "$pad('x', $states.input.n)", { n: 1e8 }],
    ["$join of a huge array", "$join($states.input.items)", { items: Array.from({ length: 11 }, () => "y".repeat(1_000_000)) }],
    ["string doubling in a tail-recursive function", "( $f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $f('x', 40) )", {}],
    ["array doubling in a tail-recursive function", "( $f := function($a, $n) { $n = 0 ? $count($a) : $f($append($a, $a), $n - 1) }; $f([1], 40) )", {}],
    ["$replace growing a string", "$replace($pad('', 100000, 'a'), 'a', $pad('', 1000, 'b'))", {}],
  ];
  it.each(cases)("%s: States.QueryEvaluationError naming the bound", async (_name, expression, input) => {
    const started = performance.now();
    const result = await runExecution(jsonataPass(expression), input, { limits: false });
    expect(result).toMatchObject({ status: "FAILED", error: "States.QueryEvaluationError" });
    expect(result.cause).toMatch(new RegExp(`more than the (${MAX_EVALUATED_STRING_LENGTH}|${MAX_EVALUATED_ARRAY_LENGTH}) an expression may build`));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("values inside the bound still work", async () => {
    const result = await runExecution(jsonataPass("$length($pad('x', 5000000, 'ab'))"), {});
    expect(result).toEqual({ status: "SUCCEEDED", output: 5_000_000 });
  });
});
