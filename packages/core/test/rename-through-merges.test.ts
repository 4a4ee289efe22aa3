// Guarantee 8 through the states that merge a result into their input: a TypeScript rename of an
// input field must reach every read after a `resultField` (Task, Map, Parallel, a Catcher), inside
// a Map's ItemSelector, a Parallel branch and a Catch target, and the ASL must change with it and
// nothing else. It used to find only the declaration and the reads before the first merge.
import { SyntaxKind } from "ts-morph";
import type { Project, SourceFile } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRenameWorkspace, type RenameWorkspace } from "./rename-workspace.ts";

const WORKFLOW = `import { z } from "zod";
import { lambda, workflow } from "@stepcraft/core";
import type { QueryLanguage } from "@stepcraft/core";

export const Order = z.object({
  orderId: z.string(),
  items: z.array(z.string()),
});

const score = lambda("Score", { entry: "./score.ts", handler: async () => async (event: { readonly id: string }) => ({ score: event.id.length }) });

export function build(queryLanguage: QueryLanguage) {
  const flow = workflow("RenameMerged", { input: Order, queryLanguage });
  const scored = flow.task("Score", score, { arguments: ($) => ({ id: $.input.orderId }), output: ($) => ({ score: $.result.score }), resultField: "scored" });
  const each = scored.map("Each", {
    items: ($) => $.input.items,
    itemSelector: ($) => ({ sku: $.item, order: $.input.orderId }),
    processor: (item) => item.pass("Line", { output: ($) => ({ order: $.input.order }) }),
    resultField: "lines",
  });
  const both = each.parallel("Both", { branches: [(b) => b.pass("Left", { output: ($) => ({ id: $.input.orderId }) }), (b) => b.pass("Right")], resultField: "pair" });
  const checked = both
    .task("Check", score, { arguments: ($) => ({ id: $.input.orderId }), output: ($) => ({ score: $.result.score }), resultField: "check" })
    .catch({ errors: ["States.ALL"], resultField: "failure", next: (s) => s.pass("Recovered", { output: ($) => ({ id: $.input.orderId }) }).succeed("Gave up") });
  return flow.startWith(checked.pass("Tag", { output: ($) => ({ id: $.input.orderId, score: $.input.check.score }) }));
}
`;

let workspace: RenameWorkspace;
let project: Project;
let source: SourceFile;

beforeAll(async () => {
  workspace = await openRenameWorkspace("stepcraft-rename-merged-", WORKFLOW);
  ({ project, source } = workspace);
}, 120_000);

afterAll(() => workspace?.dispose());

/** Every string leaf of a JSON document by pointer. */
function leaves(value: unknown, pointer = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object") for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${key}`, into);
  else into.set(pointer, value);
  return into;
}

/** The leaves that differ, as `pointer: before -> after`. */
function changedLeaves(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  expect([...b.keys()]).toEqual([...a.keys()]);
  return [...a].filter(([pointer, value]) => b.get(pointer) !== value).map(([pointer, value]) => `${pointer}: ${String(value)} -> ${String(b.get(pointer))}`);
}

describe("8. a rename reaches reads after resultField merges, in Map, Parallel and Catch", () => {
  it("type-checks before renaming", () => {
    expect(source.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
  }, 120_000);

  it("finds every read of the field and the ASL changes only there", async () => {
    const before = await workspace.compileModule("merged-0.ts", source.getFullText());
    const field = source.getDescendantsOfKind(SyntaxKind.PropertyAssignment).find((p) => p.getName() === "orderId");
    if (field === undefined) throw new Error("no orderId");
    const lines = project
      .getLanguageService()
      .findRenameLocations(field.getNameNode())
      .map((l) => l.getSourceFile().getLineAndColumnAtPos(l.getTextSpan().getStart()).line);
    // The declaration, then Score's arguments, the ItemSelector, the Parallel branch, Check's
    // arguments, the Catch target and Tag: each after one more merge than the last.
    expect(lines).toEqual([6, 14, 17, 21, 23, 24, 25]);
    field.rename("orderRef");
    expect(source.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
    const after = await workspace.compileModule("merged-1.ts", source.getFullText());
    for (const language of ["JSONata", "JSONPath"] as const) {
      const changed = changedLeaves(before[language], after[language]);
      expect(changed, language).toHaveLength(6);
      for (const line of changed) expect(line, language).toMatch(/orderId.* -> .*orderRef/);
    }
  }, 120_000);
});
