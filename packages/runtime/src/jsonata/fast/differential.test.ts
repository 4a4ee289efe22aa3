// The differential property test of the fast path: every expression it compiles, on generated
// inputs and variables, gives exactly the value `jsonata` 2.0.6 gives (after the runtime's
// conversion to plain JSON), already plain, or hands the evaluation back (FALLBACK).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { compileExpression } from "../compile-expression.ts";
import { FALLBACK } from "../fast-path.ts";
import { toPlainJson } from "../to-json.ts";
import { jsonataExpressionsOf } from "./coverage.ts";
import { BUILDER_EXPRESSIONS, CORPUS_EXPRESSIONS, NUMERIC_FUNCTION_EXPRESSIONS, SAMPLE_EXPRESSIONS } from "./sample-expressions.ts";

const twinsDir = new URL("../../../../../bench/workloads-jsonata/", import.meta.url);
const twinExpressions = ["a_pass_chain_200", "b_map_10k_c0", "c_choice_loop_5k", "d_parallel_10x20", "e_intrinsics_50"].flatMap((name) =>
  jsonataExpressionsOf(JSON.parse(readFileSync(new URL(`${name}.jsonata.asl.json`, twinsDir), "utf8")) as unknown),
);

/** Every expression under test that the fast path compiles (the others never reach it). */
const FAST_EXPRESSIONS = [...new Set([...SAMPLE_EXPRESSIONS, ...NUMERIC_FUNCTION_EXPRESSIONS, ...BUILDER_EXPRESSIONS, ...CORPUS_EXPRESSIONS, ...twinExpressions])].filter(
  (text) => compileExpression(text).fast !== undefined,
);

type Node = Readonly<Record<string, unknown>>;

/** Member names and variable names an expression mentions, so generated data meets its paths. */
function namesIn(text: string): { readonly members: string[]; readonly variables: string[] } {
  const members = new Set<string>(["a", "k"]);
  const variables = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Node;
    if (record["type"] === "name" && typeof record["value"] === "string") members.add(record["value"]);
    if (record["type"] === "variable" && typeof record["value"] === "string" && record["value"] !== "" && record["value"] !== "states") {
      variables.add(record["value"]);
    }
    Object.values(record).forEach(visit);
  };
  visit(jsonata(text).ast());
  members.delete("__proto__");
  return { members: [...members], variables: [...variables] };
}

/** Plain JSON values (no -0, no NaN: the runtime's payloads never hold them) over the given keys. */
function jsonOver(keys: readonly string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.integer({ min: -3, max: 40 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.constantFrom("", "x", "a", "1", "-2.5", "1e3", "-0", "1e999", "0x1F", "true", "SHA-256", "MD5", '{"k":[1,2]}', "[1, -0]", "{bad", "COMPLETED"),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 5, noNullPrototype: true }),
    ),
  }));
  return value;
}

async function jsonataValue(text: string, bindings: Record<string, unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    const converted = toPlainJson(await compileExpression(text).evaluate(bindings));
    return { ok: true, value: converted.kind === "json" ? converted.value : converted.kind };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("the fast path against jsonata 2.0.6 (differential, generated inputs)", () => {
  it("compiles the expressions under test (the property below is not vacuous)", () => {
    expect(FAST_EXPRESSIONS.length).toBeGreaterThan(150);
  });

  let answered = 0;
  for (const text of FAST_EXPRESSIONS) {
    it(`agrees on ${text}`, async () => {
      const compiled = compileExpression(text);
      const fast = compiled.fast;
      if (fast === undefined) throw new Error(`not fast: ${text}`);
      const { members, variables } = namesIn(text);
      const json = jsonOver(members);
      const bindingsArbitrary = fc.record({
        input: json,
        context: json,
        result: json,
        errorOutput: json,
        variables: fc.dictionary(fc.constantFrom("_", ...variables), json, { maxKeys: variables.length + 1, noNullPrototype: true }),
      });
      await fc.assert(
        fc.asyncProperty(bindingsArbitrary, async ({ input, context, result, errorOutput, variables: vars }) => {
          const bindings: Record<string, unknown> = { ...vars, states: { input, context, result, errorOutput } };
          const value = fast(bindings);
          if (value === FALLBACK) return;
          answered++;
          const expected = await jsonataValue(text, bindings);
          // A fast value where JSONata fails would turn an error into a success.
          expect({ text, bindings, jsonataFailed: !expected.ok }).toEqual({ text, bindings, jsonataFailed: false });
          if (!expected.ok) return;
          if (value === undefined) expect(expected.value).toBe("undefined");
          else {
            expect({ text, bindings, value }).toEqual({ text, bindings, value: expected.value });
            // Already plain JSON: the template hands fast values on without converting them.
            const plain = toPlainJson(value);
            expect(plain.kind === "json" && Object.is(plain.value, value)).toBe(true);
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it("answered most generated cases itself rather than falling back", () => {
    expect(answered).toBeGreaterThan(FAST_EXPRESSIONS.length * 10);
  });
});
