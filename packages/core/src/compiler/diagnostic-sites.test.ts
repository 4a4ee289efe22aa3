// Validator findings in a builder workflow name the builder call that made the state, as the
// builder's own diagnostics do: `-1` Wait seconds used to point only at `/States/Wait`. Findings
// about the workflow's own fields name the workflow() call.
import { describe, expect, it } from "vitest";
import { lambda, succeed, typeOnly, workflow } from "../index.ts";
import type { CompileDiagnostic } from "../index.ts";

const check = lambda("Check", { entry: "./check.ts", handler: async () => async (_event: { readonly id: string }) => ({ ok: true }) });
const flow = workflow("Sites", { input: typeOnly<{ readonly id: string; readonly items: readonly string[] }>() });
const SITE = /\(packages\/core\/src\/compiler\/diagnostic-sites\.test\.ts:\d+\)$/;

/** The innermost state a JSON pointer is in (`/States/Each/ItemProcessor/States/Check/Retry/0` → `Check`). */
const stateOf = (path: string): string => /\/States\/([^/]+)(?!.*\/States\/)/.exec(path)?.[1] ?? "";

/**
 * Each diagnostic at `path` (exactly), with the message ending in the call site of the state that
 * holds it: the builder call that made that state, not only some call of the file.
 */
function expectSitesAt(workflowUnderTest: { compile(): { readonly diagnostics: readonly CompileDiagnostic[] }; stateSites(): Readonly<Record<string, string>> }, paths: readonly string[]): void {
  const { diagnostics } = workflowUnderTest.compile();
  const sites = workflowUnderTest.stateSites();
  for (const path of paths) {
    const found = diagnostics.filter((d) => d.path === path);
    expect(found, `a diagnostic at ${path}`).not.toEqual([]);
    const site = sites[stateOf(path)];
    expect(site).toMatch(/diagnostic-sites\.test\.ts:\d+$/);
    for (const d of found) expect(d.message.endsWith(` (${site ?? ""})`), `${path}: ${d.message}`).toBe(true);
  }
}

describe("validator diagnostics of builder workflows carry the call site", () => {
  it("each at the exact field, naming the call of the state that holds it (Wait, Map, a Retrier's numbers, Choice, Assign)", () => {
    // Computed, not literal: a literal out of AWS's range is already a type error (number-checks.test.ts).
    const minusOne: number = -1;
    const zero: number = 0;
    const half: number = 0.5;
    const minusTwo: number = -2;
    const numbers = flow
      .wait("Wait", { seconds: minusOne })
      .map("Each", {
        items: ($) => $.input.items,
        maxConcurrency: minusTwo,
        processor: (item) =>
          item.task("Check", check, { arguments: ($) => ({ id: $.input }) }).retry({ errors: ["States.ALL"], maxAttempts: minusOne, intervalSeconds: zero, backoffRate: half }),
      });
    const retrier = "/States/Each/ItemProcessor/States/Check/Retry/0";
    expectSitesAt(flow.startWith(numbers), ["/States/Wait/Seconds", "/States/Each/MaxConcurrency", `${retrier}/MaxAttempts`, `${retrier}/IntervalSeconds`, `${retrier}/BackoffRate`]);
    const choice = flow.pass("Remember", { assign: ($) => ({ "not-a-name": $.input.id }) }).choice("Empty").otherwise(succeed("Done"));
    expectSitesAt(flow.startWith(choice), ["/States/Remember/Assign", "/States/Empty"]);
  });

  it("for unreachable states, top-level and in a Parallel branch (a raw Next can leave a state behind)", () => {
    const skipping = flow.pass("Start", { raw: { Next: "End" } }).pass("Skipped").pass("End");
    expectSitesAt(flow.startWith(skipping), ["/States/Skipped"]);
    expect(flow.startWith(skipping).compile().diagnostics.map((d) => d.code)).toEqual(["MISSING_TRANSITION_TARGET"]);
    const branch = flow.parallel("Both", { branches: [(b) => b.pass("First", { raw: { Next: "Last" } }).pass("Middle").pass("Last")] });
    expectSitesAt(flow.startWith(branch), ["/States/Both/Branches/0/States/Middle"]);
  });

  it("for the workflow's own fields, naming the workflow() call", () => {
    const minusOne: number = -1;
    // One line, so the workflow() call and the Pass state share their site.
    const timed = ((f) => f.startWith(f.pass("Only")))(workflow("Timed", { input: typeOnly<{ readonly id: string }>(), timeoutSeconds: minusOne }));
    const found = timed.compile().diagnostics.filter((d) => d.path === "/TimeoutSeconds");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(SITE);
    expect(found[0]?.message.endsWith(` (${timed.stateSites()["Only"] ?? ""})`)).toBe(true);
  });
});
