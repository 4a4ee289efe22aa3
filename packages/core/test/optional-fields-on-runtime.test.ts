// The narrowing forms of data that may be absent, compiled and executed on @stepcraft/runtime with
// the field absent and present: they take the right path and build the right output, where the
// un-narrowed read (what `assertPresent()` compiles to) fails the state as AWS does.
import { runExecution } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { typeOnly, workflow, type QueryLanguage } from "../src/index.ts";

interface Claim {
  readonly claimId: string;
  readonly note?: string;
  readonly customer?: { readonly tier: string };
}

/** A Choice on `ifPresent`, and the branch behind it reading the tested field with `assertPresent()`. */
function routed(queryLanguage: QueryLanguage) {
  const flow = workflow("Routed", { input: typeOnly<Claim>(), queryLanguage });
  return flow.startWith(
    flow
      .choice("Urgent?")
      .when(($) => $.input.note.ifPresent((note) => note.eq("urgent")), (s) => s.pass("Urgent", { output: ($) => ({ claimId: $.input.claimId, note: $.input.note.assertPresent() }) }))
      .when(($) => $.input.customer.ifPresent((customer) => customer.tier.eq("gold")), (s) => s.pass("Gold", { result: { route: "gold" } }))
      .otherwise((s) => s.pass("Other", { result: { route: "other" } })),
  );
}

async function run(asl: object, input: Claim) {
  const result = await runExecution(asl, input, {});
  return { status: result.status, output: result.output, error: result.error };
}

describe.each(["JSONPath", "JSONata"] as const)("ifPresent() and assertPresent() on the runtime (%s)", (queryLanguage) => {
  const asl = routed(queryLanguage).toAsl();

  it("takes the rule when the field is present and passes the test", async () => {
    expect(await run(asl, { claimId: "c1", note: "urgent" })).toEqual({ status: "SUCCEEDED", output: { claimId: "c1", note: "urgent" }, error: undefined });
    expect(await run(asl, { claimId: "c2", customer: { tier: "gold" } })).toEqual({ status: "SUCCEEDED", output: { route: "gold" }, error: undefined });
  });

  it("falls through, without failing, when the field is absent or fails the test", async () => {
    expect(await run(asl, { claimId: "c3" })).toEqual({ status: "SUCCEEDED", output: { route: "other" }, error: undefined });
    expect(await run(asl, { claimId: "c4", note: "later", customer: { tier: "silver" } })).toEqual({ status: "SUCCEEDED", output: { route: "other" }, error: undefined });
  });

  it("fails the state where assertPresent() reads a field that is absent after all, as AWS does", async () => {
    const flow = workflow("Asserted", { input: typeOnly<Claim>(), queryLanguage });
    const asserted = flow.startWith(flow.pass("Read", { output: ($) => ({ note: $.input.note.assertPresent() }) })).toAsl();
    expect(await run(asserted, { claimId: "c5", note: "n" })).toMatchObject({ status: "SUCCEEDED", output: { note: "n" } });
    expect(await run(asserted, { claimId: "c6" })).toMatchObject({ status: "FAILED", error: queryLanguage === "JSONPath" ? "States.Runtime" : "States.QueryEvaluationError" });
  });
});

describe("orElse() on the runtime (JSONata)", () => {
  const flow = workflow("Defaulted", { input: typeOnly<Claim>() });
  const asl = flow
    .startWith(
      flow.pass("Label", {
        output: ($) => ({ claimId: $.input.claimId, note: $.input.note.orElse("none"), tier: $.input.customer.tier.orElse("standard"), long: $.input.note.orElse("").matches("*!") }),
      }),
    )
    .toAsl();

  it("gives the default when the field is absent", async () => {
    expect(await run(asl, { claimId: "c1" })).toMatchObject({ status: "SUCCEEDED", output: { claimId: "c1", note: "none", tier: "standard", long: false } });
  });

  it("gives the data when it is present", async () => {
    expect(await run(asl, { claimId: "c2", note: "hurry!", customer: { tier: "gold" } })).toMatchObject({ status: "SUCCEEDED", output: { claimId: "c2", note: "hurry!", tier: "gold", long: true } });
  });
});
