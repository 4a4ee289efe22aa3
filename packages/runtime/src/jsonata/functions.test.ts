import { describe, expect, it } from "vitest";
import { NO_VARIABLES } from "../data/scope.ts";
import { QueryEvaluationError } from "./errors.ts";
import { hash, parse, partition, range } from "./functions.ts";
import { compileJsonataTemplate } from "./template.ts";
import type { RandomSources } from "./functions.ts";

/** Evaluates `expression` as a Pass state's Output with `input` as `$states.input`. */
async function output(expression: string, input: unknown = {}, sources: RandomSources = {}): Promise<unknown> {
  return compileJsonataTemplate(`{% ${expression} %}`, "Output", sources).evaluate({ input, context: {}, variables: NO_VARIABLES });
}

async function cause(expression: string, input: unknown = {}): Promise<string> {
  const error = await output(expression, input).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(QueryEvaluationError);
  return (error as QueryEvaluationError).cause;
}

describe("$partition", () => {
  // Every jsonata-fn:$partition conformance case (intrinsic_functions/test_array_partition).
  const cases: Array<[unknown[], number, unknown]> = [
    [[0], 1, [[0]]],
    [[0], 3, [[0]]],
    [[0], 4, [[0]]],
    [[0], 5, [[0]]],
    [[0, 1], 2, [[0, 1]]],
    [[0, 1], 3, [[0, 1]]],
    [[0, 1], 4, [[0, 1]]],
    [[0, 1, 2], 2, [[0, 1], [2]]],
    [[0, 1, 2], 3, [[0, 1, 2]]],
    [[0, 1, 2], 4, [[0, 1, 2]]],
    [[0, 1, 2, 3], 1, [[0], [1], [2], [3]]],
    [[0, 1, 2, 3], 4, [[0, 1, 2, 3]]],
    [[0, 1, 2, 3], 5, [[0, 1, 2, 3]]],
  ];
  it.each(cases)("partitions %j by %d as AWS does", async (fst, snd, expected) => {
    const input = { FunctionInput: { fst, snd } };
    expect(await output("$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)", input)).toEqual(expected);
  });

  it("rounds the size down and partitions the AWS docs example", async () => {
    expect(await output("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3.9)")).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(partition([], 2)).toEqual([]);
  });

  it("rejects a size below 1 and arguments of the wrong type", async () => {
    expect(await cause("$partition([1, 2], 0)")).toMatch(/threw an error during evaluation: The partition size must be a positive integer, but was 0$/);
    expect(await cause("$partition([1, 2], 0.5)")).toMatch(/but was 0.5$/);
    expect(await cause("$partition([1], 'x')")).toMatch(/T0410: Argument 2 of function "partition" does not match function signature$/);
  });
});

describe("$range", () => {
  it("matches the conformance cases, including a one-element range collapsing to its value", async () => {
    const input = (fst: number, snd: number, trd: number) => ({ FunctionInput: { fst, snd, trd } });
    const expression = "$range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd, $states.input.FunctionInput.trd)";
    expect(await output(expression, input(0, 10, 3))).toEqual([0, 3, 6, 9]);
    expect(await output(expression, input(1, 9, 9))).toBe(1);
  });

  it("includes the end when a step lands on it, counts down, and rounds parameters down", async () => {
    expect(await output("$range(0, 6, 2)")).toEqual([0, 2, 4, 6]);
    expect(await output("$range(10, 0, -3)")).toEqual([10, 7, 4, 1]);
    expect(await output("$range(0.9, 4.9, 2.5)")).toEqual([0, 2, 4]);
    expect(await output("[$range(1, 9, 9)]")).toEqual([1]);
  });

  it("is nothing when empty and fails on a zero step or an oversized range", async () => {
    expect(await cause("$range(5, 1, 1)")).toMatch(/returned nothing \(undefined\)\.$/);
    expect(await cause("$range(0, 5, 0)")).toMatch(/threw an error during evaluation: The step of \$range must not be zero$/);
    expect(await cause("$range(0, 1e9, 1)")).toMatch(/must not exceed 10000000$/);
    expect(range(3, 3, 1)).toEqual([3]);
  });
});

describe("$hash", () => {
  it("hashes with each algorithm AWS lists", async () => {
    expect(await output("$hash('input', 'SHA-1')")).toBe("140f86aae51ab9e1cda9b4254fe98a74eb54c1a1");
    // Same digest the conformance case gives for States.Hash('Hash this string', 'SHA-256').
    expect(await output("$hash('Hash this string', 'SHA-256')")).toBe("1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e");
    expect(hash("", "MD5")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(hash("abc", "SHA-384")).toHaveLength(96);
    expect(hash("abc", "SHA-512")).toHaveLength(128);
  });

  it("rejects an unknown algorithm and non-string input", async () => {
    expect(await cause("$hash('x', 'SHA-3')")).toMatch(/threw an error during evaluation: The hash algorithm 'SHA-3' is not supported/);
    expect(await cause("$hash('x', 'sha-256')")).toMatch(/'sha-256' is not supported/);
    // Names inherited from Object.prototype are not algorithms either.
    expect(await cause("$hash('x', 'constructor')")).toMatch(/'constructor' is not supported/);
    expect(await cause("$hash('x', 'toString')")).toMatch(/'toString' is not supported/);
    expect(await cause("$hash(1, 'MD5')")).toMatch(/T0410: Argument 1 of function "hash" does not match function signature$/);
  });
});

describe("$random", () => {
  it("is Java's seeded generator: same seed, same value, seeds rounded down", async () => {
    expect(await output("$random(42)")).toBe(0.7275636800328681);
    expect(await output("$random(42.99)")).toBe(0.7275636800328681);
    expect(await output("$random($states.input.seed)", { seed: 42 })).toBe(0.7275636800328681);
  });

  it("draws unseeded values from the injected source", async () => {
    expect(await output("$random()", {}, { random: () => 0.25 })).toBe(0.25);
    const value = (await output("$random()")) as number;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
  });

  it("rejects a non-number seed", async () => {
    expect(await cause("$random('x')")).toMatch(/T0410: Argument 1 of function "random" does not match function signature$/);
  });
});

describe("$uuid", () => {
  it("returns a version 4 UUID, or the injected one", async () => {
    expect(await output("$uuid()")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await output("$uuid()", {}, { uuid: () => "fixed" })).toBe("fixed");
  });

  it("takes no argument", async () => {
    expect(await cause("$uuid(1)")).toMatch(/T0410: Argument 1 of function "uuid" does not match function signature$/);
  });
});

describe("$parse", () => {
  // Every jsonata-fn:$parse conformance case (intrinsic_functions/test_parse).
  const cases: Array<[string, unknown]> = [
    ["-0", 0],
    ["1", 1],
    ["1.1", 1.1],
    ["true", true],
    ['"HelloWorld"', "HelloWorld"],
    ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
  ];
  it.each(cases)("parses %j", async (text, expected) => {
    const value = await output("$parse($states.input.FunctionInput)", { FunctionInput: text });
    expect(value).toEqual(expected);
    if (expected === 0) expect(Object.is(value, 0)).toBe(true);
  });

  it("rejects invalid JSON and non-strings", async () => {
    expect(await cause("$parse('{')")).toMatch(/threw an error during evaluation: Unable to parse the JSON string: /);
    expect(() => parse("nope")).toThrow();
    expect(await cause("$parse(1)")).toMatch(/T0410: Argument 1 of function "parse" does not match function signature$/);
  });
});
