// A comparison used as a value in a JSONata workflow, executed on @stepcraft/runtime: the compiled
// expression must evaluate to the boolean the types promise (true and false), not to `{}`.
import { runExecution } from "@stepcraft/runtime";
import { describe, expect, expectTypeOf, it } from "vitest";
import { and, lambda, not, or, typeOnly, workflow } from "../src/index.ts";

const decide = lambda("Decide", {
  entry: "./decide.ts",
  handler: () => Promise.resolve(async (event: { readonly decision: string; readonly score: number }) => event),
});

interface Case {
  readonly decision: string;
  readonly score: number;
  readonly note?: string;
}

const flow = workflow("DecideOnRuntime", { input: typeOnly<Case>() });
const wf = flow.startWith(
  flow.task("Decide", decide, {
    arguments: ($) => ({ decision: $.input.decision, score: $.input.score }),
    output: ($) => ({
      approved: $.result.decision.eq("APPROVED"),
      confident: and($.result.score.gte(5), or($.result.decision.matches("APP*"), not($.result.score.lt(0)))),
      noted: $.input.note.isPresent(),
      flags: [$.result.score.gt(9), not($.result.decision.eq("APPROVED"))],
    }),
  }),
);

type WorkflowOutput<W> = W extends { readonly outputType?: (output: infer O) => void } ? O : never;

async function run(input: Case): Promise<WorkflowOutput<typeof wf>> {
  const result = await runExecution(wf.toAsl(), input, { tasks: { Decide: async (event: unknown) => event } });
  expect(result.status).toBe("SUCCEEDED");
  // The runtime returns JSON of unknown shape; the assertions compare it with the promised type.
  return result.output as WorkflowOutput<typeof wf>;
}

describe("a comparison as a value, on the runtime (JSONata)", () => {
  it("is typed boolean", () => {
    expectTypeOf<WorkflowOutput<typeof wf>>().toEqualTypeOf<{ approved: boolean; confident: boolean; noted: boolean; flags: boolean[] }>();
  });

  it("evaluates to true", async () => {
    expect(await run({ decision: "APPROVED", score: 10, note: "ok" })).toEqual({ approved: true, confident: true, noted: true, flags: [true, false] });
  });

  it("evaluates to false", async () => {
    expect(await run({ decision: "REJECTED", score: 3 })).toEqual({ approved: false, confident: false, noted: false, flags: [false, true] });
  });
});
