// A fragment built with `states<In, Vars>()` reads `Vars`: it attaches only where those variables
// are assigned on every path to it (AWS fails a read of an unassigned variable). The root
// `npm test` type-checks this file, so every `@ts-expect-error` must still catch an error.
import { describe, expect, it } from "vitest";
import { lambda, states, typeOnly, workflow } from "../index.ts";

const check = lambda("Check", { entry: "./check.ts", handler: async () => async (_event: { readonly id: string }) => ({ ok: true }) });
const flow = workflow("Fragments", { input: typeOnly<{ readonly id: string }>() });
const needsUser = () => states<{ readonly id: string }, { readonly user: string }>().pass("UseUser", { output: ($) => ({ id: $.input.id, user: $.vars.user }) });

describe("a fragment that reads variables", () => {
  it("attaches after a state that assigns them, through then, a Choice rule and a Catcher", () => {
    const assigned = flow.pass("Set", { assign: ($) => ({ user: $.input.id, extra: 1 }) });
    const chain = assigned.then(needsUser());
    expect(flow.startWith(chain).toAsl().States["UseUser"]).toMatchObject({ Output: { user: "{% $user %}" } });
    assigned.choice("C").when(($) => $.input.id.eq("a"), needsUser()).otherwise(needsUser());
    assigned.task("Check", check, { arguments: ($) => ({ id: $.input.id }) }).catch({ errors: ["States.ALL"], output: () => ({ id: "none" }), next: needsUser() });
    // A fragment that reads no variables attaches anywhere.
    flow.pass("Plain").then(states<{ readonly id: string }>().pass("Any"));
  });

  it("does not attach where a path has not assigned them, nor with another type", () => {
    // @ts-expect-error - nothing assigned `user` before
    flow.pass("NoSet").then(needsUser());
    // @ts-expect-error - nor at the workflow's start
    flow.startWith(needsUser());
    // @ts-expect-error - assigned on one branch only: after the Choice, `user` is not assigned on every path
    flow.choice("C").when(($) => $.input.id.eq("a"), flow.pass("SetA", { assign: ($) => ({ user: $.input.id }) })).otherwise(flow.pass("NoSetB")).then(needsUser());
    // @ts-expect-error - `user` holds a number here
    flow.pass("SetN", { assign: () => ({ user: 5 }) }).then(needsUser());
    // @ts-expect-error - a Catcher's target does not see what the failing state assigns (AWS drops it)
    flow.task("Check", check, { arguments: ($) => ({ id: $.input.id }), assign: ($) => ({ user: $.input.id }) }).catch({ errors: ["States.ALL"], output: () => ({ id: "none" }), next: needsUser() });
    // The assertions are the @ts-expect-error lines: the type-check (tsc 7, and TypeScript 6 in
    // test/typescript-6.test.ts) fails on one that no longer catches an error.
  });
});
