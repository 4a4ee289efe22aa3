import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runExecution } from "../src/index.ts";

type StateDef = Record<string, unknown>;
type Block = { StartAt: string; States: Record<string, StateDef> };

/** Error names a generated machine may legitimately fail with (AWS's, plus the Fail states'). */
const AWS_ERRORS = new Set([
  "States.Runtime",
  "States.NoChoiceMatched",
  "States.ResultPathMatchFailure",
  "States.IntrinsicFailure",
  "States.DataLimitExceeded",
  "GeneratedFailure",
]);

const path = fc.constantFrom("$", "$.a", "$.b", "$.items", "$.a.b", "$.missing", "$$.Execution.Name", "$$.State.Name");
const literal = fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null));

/** A block of `size` states whose transitions only go forward, so every execution ends. */
function block(prefix: string, depth: number): fc.Arbitrary<Block> {
  return fc.integer({ min: 1, max: 4 }).chain((size) =>
    fc.tuple(...Array.from({ length: size }, (_, i) => state(prefix, i, size, depth))).map((states) => {
      const States: Record<string, StateDef> = {};
      states.forEach((s, i) => (States[`${prefix}${i}`] = s));
      return { StartAt: `${prefix}0`, States };
    }),
  );
}

function transition(prefix: string, i: number, size: number): StateDef {
  return i === size - 1 ? { End: true } : { Next: `${prefix}${i + 1}` };
}

function state(prefix: string, i: number, size: number, depth: number): fc.Arbitrary<StateDef> {
  const next = transition(prefix, i, size);
  const pass = fc.record(
    {
      parameters: fc.option(fc.dictionary(fc.constantFrom("x.$", "y", "z.$"), path), { nil: undefined }),
      result: fc.option(literal, { nil: undefined }),
      resultPath: fc.option(fc.constantFrom("$.r", "$.a.r", null), { nil: undefined }),
      outputPath: fc.option(path, { nil: undefined }),
    },
    { requiredKeys: [] },
  ).map((p) => {
    const s: StateDef = { Type: "Pass", ...next };
    if (p.parameters !== undefined) {
      s["Parameters"] = Object.fromEntries(Object.entries(p.parameters).map(([k, v]) => [k, k.endsWith(".$") ? v : "lit"]));
    } else if (p.result !== undefined) s["Result"] = p.result;
    if (p.resultPath !== undefined) s["ResultPath"] = p.resultPath;
    if (p.outputPath !== undefined) s["OutputPath"] = p.outputPath;
    return s;
  });
  const options: Array<fc.Arbitrary<StateDef>> = [pass];
  if (i < size - 1) {
    options.push(
      fc.record({ v: fc.integer({ min: -2, max: 2 }), hasDefault: fc.boolean() }).map(({ v, hasDefault }) => {
        const s: StateDef = {
          Type: "Choice",
          Choices: [{ Variable: "$.a", NumericGreaterThan: v, Next: `${prefix}${i + 1}` }],
        };
        if (hasDefault) s["Default"] = `${prefix}${size - 1}`;
        return s;
      }),
    );
  } else {
    options.push(fc.constant({ Type: "Fail", Error: "GeneratedFailure" }), fc.constant({ Type: "Succeed" }));
  }
  if (depth < 2) {
    options.push(
      fc.tuple(block(`${prefix}${i}m`, depth + 1), fc.integer({ min: 0, max: 3 })).map(([processor, mc]) => ({
        Type: "Map",
        ItemsPath: "$.items",
        MaxConcurrency: mc,
        ItemProcessor: processor,
        ResultPath: "$.mapped",
        ...next,
      })),
      fc.array(block(`${prefix}${i}p`, depth + 1), { minLength: 1, maxLength: 3 }).map((branches) => ({
        Type: "Parallel",
        Branches: branches,
        ResultPath: "$.parallel",
        ...next,
      })),
    );
  }
  return fc.oneof(...options);
}

/** Renames every state so names are unique across the machine (branches reuse prefixes). */
function uniquify(b: Block, counter = { n: 0 }): Block {
  const names = new Map(Object.keys(b.States).map((name) => [name, `N${counter.n++}`]));
  const rename = (name: unknown) => names.get(String(name)) ?? String(name);
  const States: Record<string, StateDef> = {};
  for (const [name, def] of Object.entries(b.States)) {
    const s: StateDef = { ...def };
    if (typeof s["Next"] === "string") s["Next"] = rename(s["Next"]);
    if (typeof s["Default"] === "string") s["Default"] = rename(s["Default"]);
    if (Array.isArray(s["Choices"])) s["Choices"] = (s["Choices"] as StateDef[]).map((r) => ({ ...r, Next: rename(r["Next"]) }));
    if (s["ItemProcessor"] !== undefined) s["ItemProcessor"] = uniquify(s["ItemProcessor"] as Block, counter);
    if (Array.isArray(s["Branches"])) s["Branches"] = (s["Branches"] as Block[]).map((x) => uniquify(x, counter));
    States[rename(name)] = s;
  }
  return { StartAt: rename(b.StartAt), States };
}

const input = fc.record(
  {
    a: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 }), fc.record({ b: literal })),
    b: literal,
    items: fc.array(fc.oneof(literal, fc.record({ a: fc.integer() })), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

describe("random definitions", () => {
  it("built from Pass/Choice/Map/Parallel never crash the runtime: they succeed or fail with an AWS error", async () => {
    await fc.assert(
      fc.asyncProperty(block("S", 0).map((b) => uniquify(b)), input, async (definition, data) => {
        const result = await runExecution(definition, data, { validate: false });
        if (result.status === "SUCCEEDED") {
          expect(JSON.parse(JSON.stringify(result.output))).toEqual(result.output);
        } else {
          expect(result.status).toBe("FAILED");
          expect(AWS_ERRORS.has(result.error ?? "")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
