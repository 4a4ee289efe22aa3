import { describe, expect, it } from "vitest";
import { validateDefinition } from "../validator/validate-definition.ts";
import { memoise } from "../validator/grammar-bridge.ts";
import { parseJsonPath } from "./jsonpath-parser.ts";
import { MAX_GRAMMAR_NESTING } from "./path-cursor.ts";

/** `$.a[?(@.a[?(@.a[?( … )])])]`, `depth` filters deep. */
function nestedFilters(depth: number): string {
  return `$${"[?(@.a".repeat(depth)}${")]".repeat(depth)}`;
}
const nestedGroups = (depth: number): string => `$.a[?(${"(".repeat(depth)}@.b == 1${")".repeat(depth)})]`;
const nestedNegations = (depth: number): string => `$.a[?(${"!".repeat(depth)}@.b)]`;

describe("the JSONPath parser bounds its recursion", () => {
  for (const [name, build] of [["filters", nestedFilters], ["groups", nestedGroups], ["negations", nestedNegations]] as const) {
    it(`rejects ${name} nested 1,000 and 100,000 deep with a grammar error, never a RangeError`, () => {
      for (const depth of [1000, 100_000]) {
        const result = parseJsonPath(build(depth));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toMatch(/nested at most 100 deep/);
      }
    });

    it(`accepts ${name} nested just inside the bound`, () => {
      expect(parseJsonPath(build(MAX_GRAMMAR_NESTING - 2)).ok).toBe(true);
    });
  }

  it("the validator reports a too-deep path as a diagnostic at its field", () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", InputPath: nestedFilters(1000), End: true } } };
    const diagnostics = validateDefinition(def);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "SCHEMA_VALIDATION_FAILED", path: "/States/P/InputPath" });
    expect(diagnostics[0]?.message).toMatch(/nested at most 100 deep/);
  });
});

describe("a grammar check that throws is a finding, never 'valid'", () => {
  it("turns the exception into a reason naming it", () => {
    const check = memoise(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    expect(check("$.x")).toMatch(/could not be checked \(Maximum call stack size exceeded\)/);
    // Memoised like any other reason.
    expect(check("$.x")).toMatch(/could not be checked/);
  });
});
