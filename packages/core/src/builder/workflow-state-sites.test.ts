import { describe, expect, expectTypeOf, it } from "vitest";
import { typeOnly, workflow } from "../index.ts";

const FILE = "packages/core/src/builder/workflow-state-sites.test.ts";

describe("workflow.stateSites()", () => {
  it("names the builder call of every state, nested Parallel and Map states included", () => {
    const flow = workflow("Sited", { input: typeOnly<{ readonly items: readonly number[] }>() });
    const wf = flow.startWith(
      flow
        .pass("First")
        .parallel("Both", { branches: [(b) => b.pass("Left"), (b) => b.pass("Right")] })
        .map("Each", { items: ($) => $.input, processor: (item) => item.pass("Item") })
        .succeed("Done"),
    );
    // The lines above, where each state's builder method was called.
    expect(wf.stateSites()).toEqual({
      First: `${FILE}:11`,
      Both: `${FILE}:12`,
      Left: `${FILE}:12`,
      Right: `${FILE}:12`,
      Each: `${FILE}:13`,
      Item: `${FILE}:13`,
      Done: `${FILE}:14`,
    });
    expectTypeOf(wf.stateSites()).toEqualTypeOf<Readonly<Record<string, string>>>();
  });
});
