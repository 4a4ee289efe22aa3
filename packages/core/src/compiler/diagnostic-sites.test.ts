// Validator findings in a builder workflow name the builder call that made the state, as the
// builder's own diagnostics do: `-1` Wait seconds used to point only at `/States/Wait`.
import { describe, expect, it } from "vitest";
import { lambda, succeed, typeOnly, workflow } from "../index.ts";
import type { CompileDiagnostic } from "../index.ts";

const check = lambda("Check", { entry: "./check.ts", handler: async () => async (_event: { readonly id: string }) => ({ ok: true }) });
const flow = workflow("Sites", { input: typeOnly<{ readonly id: string; readonly items: readonly string[] }>() });
const SITE = /\(packages\/core\/src\/compiler\/diagnostic-sites\.test\.ts:\d+\)$/;

/** Validator diagnostics of the compiled workflow, as `path: message`. */
function validatorFindings(diagnostics: readonly CompileDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.path}: ${d.message}`);
}

describe("validator diagnostics of builder workflows carry the call site", () => {
  it("for numbers out of range in a Wait, a Map, a Retrier, nested states included", () => {
    // Computed, not literal: a negative literal is already a type error (rough-edges.test.ts).
    const minusOne: number = -1;
    const minusTwo: number = -2;
    const chain = flow
      .wait("Wait", { seconds: minusOne })
      .map("Each", {
        items: ($) => $.input.items,
        maxConcurrency: minusTwo,
        processor: (item) => item.task("Check", check, { arguments: ($) => ({ id: $.input }) }).retry({ errors: ["States.ALL"], maxAttempts: minusOne }),
      });
    const found = validatorFindings(flow.startWith(chain).compile().diagnostics);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const line of found) expect(line).toMatch(SITE);
    expect(found.some((l) => l.startsWith("/States/Wait"))).toBe(true);
    expect(found.some((l) => l.startsWith("/States/Each/ItemProcessor/States/Check"))).toBe(true);
  });

  it("for a Choice without rules and a bad variable name", () => {
    const chain = flow.pass("Remember", { assign: ($) => ({ "not-a-name": $.input.id }) }).choice("Empty").otherwise(succeed("Done"));
    const found = validatorFindings(flow.startWith(chain).compile().diagnostics);
    expect(found.filter((l) => l.startsWith("/States/Empty")).length).toBeGreaterThan(0);
    expect(found.filter((l) => l.startsWith("/States/Remember")).length).toBeGreaterThan(0);
    for (const line of found) expect(line).toMatch(SITE);
  });
});
