// JavaScript's own operators on references run while the workflow is built, on proxies, and used to
// drop an operand without a word (`a.gt(5) && b.eq("x")` compiled to the `b` test alone). Where
// TypeScript can see it they are type errors; where it cannot (truthiness), the compile reports
// what a selector built and did not return, at the builder call.
import { describe, expect, it } from "vitest";
import { and, fn, jsonata, lambda, not, or, succeed, typeOnly, workflow } from "../index.ts";
import type { CompileDiagnostic, QueryLanguage } from "../index.ts";

interface Claim {
  readonly claimId: string;
  readonly amount: number;
  readonly notes?: string;
  readonly limits: { readonly gt: number };
}

const flowOf = (queryLanguage: QueryLanguage = "JSONata") => workflow("Claims", { input: typeOnly<Claim>(), queryLanguage });

const check = lambda("Check", {
  entry: "./check.ts",
  handler: () => Promise.resolve(async (_event: { readonly claimId: string }) => ({ ok: true })),
});

/** The builder's findings of one code, as `path: message`. */
function findings(diagnostics: readonly CompileDiagnostic[], code: string): string[] {
  return diagnostics.filter((d) => d.code === code).map((d) => `${d.path}: ${d.message}`);
}

const THIS_FILE = "packages/core/src/builder/javascript-operators.test.ts";

describe("operators TypeScript refuses on references", () => {
  it("rejects template literals, +, < and > and === against literals on field references", () => {
    const flow = flowOf();
    // Run as well as type-checked: the first operator throws (see the cast test below).
    expect(() =>
      flow.pass("P", {
        output: ($) => ({
        // @ts-expect-error - a reference in a template literal (TS2731): use fn.format()
        s: `claim ${$.input.claimId}`,
        // @ts-expect-error - a reference with + (TS2469)
        t: "claim " + $.input.claimId,
        // @ts-expect-error - a reference compared with > (TS2469): use .gt()
        u: $.input.amount > 5,
        // @ts-expect-error - === against a literal has no overlap (TS2367): use .eq()
        v: $.input.claimId === "x",
      }),
      }),
    ).toThrow(TypeError);
  });

  it("rejects them on variables, optional fields and typed jsonata values too", () => {
    const remember = flowOf().pass("Remember", { assign: ($) => ({ total: $.input.amount }) });
    expect(() =>
      remember.pass("P", {
        output: ($) => ({
        // @ts-expect-error - a variable reference in a template literal
        a: `${$.vars.total}`,
        // @ts-expect-error - an optional field with +
        b: $.input.notes + "!",
        // @ts-expect-error - a typed jsonata value compared with <
        c: jsonata<number>`${$.input.amount}` < 3,
      }),
      }),
    ).toThrow(/\$\.vars\.total/);
  });

  it("throws at the user's line when types are bypassed (a cast, plain JavaScript)", () => {
    const flow = flowOf();
    const build = () => flow.pass("P", { output: ($) => ({ s: `claim ${$.input.claimId as unknown as string}` }) });
    expect(build).toThrow(/the reference \$\.input\.claimId was used as a JavaScript string or number .* at packages\/core\/src\/builder\/javascript-operators\.test\.ts:\d+.*fn\.format/);
    const compared = () => flow.pass("Q", { output: ($) => ({ big: ($.input.amount as unknown as number) > 5 }) });
    expect(compared).toThrow(/\$\.input\.amount was used as a JavaScript string or number/);
    const value = () => flow.pass("R", { output: () => ({ id: `${fn.uuid() as unknown as string}` }) });
    expect(value).toThrow(/a computed value or condition was used as a JavaScript string/);
  });

  it("refuses a .when() test that returns a JavaScript boolean (`!`, `===`)", () => {
    const flow = flowOf();
    const negated = () => flow.choice("C").when(($) => !$.input.amount.gt(5) as unknown as ReturnType<typeof not>, succeed("S"));
    expect(negated).toThrow(/a \.when\(\) test must return a condition .* but it returned a boolean \(packages\/core\/src\/builder\/javascript-operators\.test\.ts:\d+\)/);
  });
});

describe("what TypeScript cannot see: conditions and references built but not used", () => {
  it("reports a condition dropped by && in a Choice rule, at the .when() call", () => {
    const flow = flowOf();
    const route = flow
      .choice("C")
      .when(($) => $.input.amount.gt(5) && $.input.claimId.eq("x"), succeed("S"))
      .otherwise(succeed("D"));
    const { diagnostics } = flow.startWith(route).compile();
    const found = findings(diagnostics, "DISCARDED_CONDITION");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^/States/C: a comparison \\(gt\\) on \\$\\.input\\.amount is built but not used in the result: .* use and\\(\\), or\\(\\), not\\(\\) \\(${THIS_FILE}:\\d+\\)$`));
    expect(() => flow.startWith(route).toAsl()).toThrow(/DISCARDED_CONDITION/);
  });

  it("reports a reference whose ?: fallback was dropped, in an output", () => {
    const flow = flowOf();
    const { diagnostics } = flow.startWith(flow.pass("P", { output: ($) => ({ note: $.input.notes ? $.input.notes : "none" }) })).compile();
    expect(findings(diagnostics, "DISCARDED_REFERENCE")).toEqual([
      expect.stringMatching(new RegExp(`^/States/P: \\$\\.input\\.notes is read but not used in the result: .* \\(${THIS_FILE}:\\d+\\)$`)),
    ]);
  });

  it("reports && between conditions used as a value, and && between references", () => {
    const flow = flowOf();
    const conditions = flow.startWith(flow.pass("And", { output: ($) => ({ ok: $.input.amount.gt(1) && $.input.amount.lt(9) }) })).compile();
    expect(findings(conditions.diagnostics, "DISCARDED_CONDITION")).toEqual([expect.stringMatching(/^\/States\/And: a comparison \(gt\) on \$\.input\.amount/)]);
    const references = flow.startWith(flow.pass("And", { output: ($) => ({ id: $.input.notes && $.input.claimId }) })).compile();
    expect(findings(references.diagnostics, "DISCARDED_REFERENCE")).toEqual([expect.stringMatching(/^\/States\/And: \$\.input\.notes is read/)]);
  });

  it("reports once, the outermost dropped condition, in a Catcher's output at its task, and inside a Map processor", () => {
    const flow = flowOf();
    const chain = flow.task("T", check, {
      arguments: ($) => ({ claimId: $.input.claimId }),
      catch: [{ errors: ["States.ALL"], output: ($) => ({ e: and($.errorOutput.Error.eq("x"), $.input.amount.gt(1)) && $.errorOutput.Error }), next: succeed("Caught") }],
    });
    const { diagnostics } = flow.startWith(chain).compile();
    expect(findings(diagnostics, "DISCARDED_CONDITION")).toEqual([expect.stringMatching(/^\/States\/T: an and\(\) condition is built but not used/)]);

    const mapFlow = workflow("M", { input: typeOnly<{ readonly items: readonly Claim[] }>(), queryLanguage: "JSONata" });
    const map = mapFlow.map("Each", {
      items: ($) => $.input.items,
      processor: (item) => item.pass("Inner", { output: ($) => ({ n: $.input.amount.gt(1) && $.input.amount }) }),
    });
    const inner = mapFlow.startWith(map).compile().diagnostics;
    expect(inner.filter((d) => d.code.startsWith("DISCARDED_")).map((d) => d.path)).toEqual(["/States/Each/ItemProcessor/States/Inner"]);
  });

  it("reports in both query languages", () => {
    for (const queryLanguage of ["JSONata", "JSONPath"] as const) {
      const flow = flowOf(queryLanguage);
      const route = flow
        .choice("C")
        .when(($) => $.input.amount.gt(5) && $.input.claimId.eq("x"), succeed("S"))
        .otherwise(succeed("D"));
      expect(findings(flow.startWith(route).compile().diagnostics, "DISCARDED_CONDITION"), queryLanguage).toHaveLength(1);
    }
  });

  it("reports nothing for selectors that use everything they read", () => {
    const flow = flowOf();
    const route = flow
      .choice("C")
      .when(($) => $.input.limits.gt.gt(2), succeed("S"))
      .otherwise(succeed("D"));
    expect(flow.startWith(route).compile().diagnostics).toEqual([]);
    const chain = flow
      .pass("Remember", { assign: ($) => ({ total: $.input.amount }) })
      .pass("P", {
        output: ({ input, vars }) => ({
          id: input.claimId,
          both: and(input.amount.gt(5), or(input.claimId.eq("x"), not(input.notes.isPresent()))),
          text: fn.format("claim {} of {}", input.claimId, vars.total),
          limit: input.limits.gt,
          over: input.limits.gt.lt(3),
          sum: jsonata<number>`${input.amount} + ${vars.total}`,
        }),
      });
    const { diagnostics } = flow.startWith(chain).compile();
    expect(diagnostics).toEqual([]);
  });
});
