// AWS drops a failing state's Assign: a Catcher and its target see the variables from before the
// state. `.catch()` used to offer the state's own assigned variables to the Catcher's selectors
// and to a function target, which then read a variable that is not set at run time.
import { describe, expect, it } from "vitest";
import { lambda, typeOnly, workflow } from "../index.ts";

const check = lambda("Check", {
  entry: "./check.ts",
  handler: async () => async (_event: { readonly id: string }) => ({ ok: true }),
});
const flow = workflow("CatchVars", { input: typeOnly<{ readonly id: string }>() });
const remembered = flow.pass("Remember", { assign: ($) => ({ before: $.input.id }) });

describe("variables a Catcher sees", () => {
  it("are those assigned before the failing state", () => {
    const chain = remembered
      .task("Check", check, { arguments: ($) => ({ id: $.input.id }), assign: ($) => ({ during: $.result.ok }) })
      .catch({ errors: ["States.ALL"], assign: ($) => ({ again: $.vars.before }), next: (s) => s.pass("Explain", { output: ($) => ({ id: $.vars.before }) }) });
    expect(flow.startWith(chain).toAsl().States["Check"]).toMatchObject({ Catch: [{ Assign: { again: "{% $before %}" }, Next: "Explain" }] });
    // What follows the state on success does see its variables.
    chain.pass("After", { output: ($) => ({ ok: $.vars.during }) });
  });

  it("exclude the failing state's own Assign, in the Catcher's selectors and in a function target", () => {
    const task = remembered.task("Check", check, { arguments: ($) => ({ id: $.input.id }), assign: ($) => ({ during: $.result.ok }) });
    // @ts-expect-error - `during` is assigned by the failing state: AWS drops it
    task.catch({ errors: ["States.ALL"], assign: ($) => ({ again: $.vars.during }), next: (s) => s.pass("E1") });
    // @ts-expect-error - nor can the Catch target read it
    task.catch({ errors: ["States.ALL"], next: (s) => s.pass("E2", { output: ($) => ({ ok: $.vars.during }) }) });
    // @ts-expect-error - with its own output too
    task.catch({ errors: ["States.ALL"], output: ($) => ({ ok: $.vars.during }), next: (s) => s.pass("E3") });
    // The assertions are the @ts-expect-error lines: the type-check (tsc 7, and TypeScript 6 in
    // test/typescript-6.test.ts) fails on one that no longer catches an error.
  });
});
