// Guarantee 8 of the builder design: renaming a schema field or a variable with the TypeScript
// rename refactoring updates every reference, and the compiled ASL changes with it and nothing else.
// The refactoring is ts-morph's (TypeScript 6's language service, as an editor runs it); the
// workflow module lives in a temp dir and is imported before and after the rename.
import { Node, SyntaxKind } from "ts-morph";
import type { Project, PropertyAssignment, SourceFile } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRenameWorkspace, type RenameWorkspace } from "./rename-workspace.ts";

const WORKFLOW = `import { z } from "zod";
import { succeed, workflow } from "@stepcraft/core";
import type { QueryLanguage } from "@stepcraft/core";

export const Order = z.object({
  orderId: z.string(),
  total: z.number(),
});

export function build(queryLanguage: QueryLanguage) {
  const flow = workflow("Rename", { input: Order, queryLanguage });
  // The comment's text names both identifiers; a rename must leave strings alone.
  const remember = flow.pass("Remember", { assign: ($) => ({ orderTotal: $.input.total, ref: $.input.orderId }), comment: "orderId orderTotal" });
  const route = remember
    .choice("Big?")
    .when(($) => $.vars.orderTotal.gt(100), (s) => s.pass("Tag", { output: ($) => ({ id: $.input.orderId, total: $.vars.orderTotal }) }))
    .otherwise(succeed("Small"));
  return flow.startWith(route);
}
`;

let workspace: RenameWorkspace;
let project: Project;
let source: SourceFile;

beforeAll(async () => {
  workspace = await openRenameWorkspace("stepcraft-rename-", WORKFLOW);
  ({ project, source } = workspace);
}, 120_000);

afterAll(() => workspace?.dispose());

const compileModule = (name: string, text: string) => workspace.compileModule(name, text);

/** The first property assignment named `name` in the workflow module. */
function propertyNamed(name: string): PropertyAssignment {
  const found = source.getDescendantsOfKind(SyntaxKind.PropertyAssignment).find((p) => p.getName() === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found;
}

/** Every place a rename of `property` touches, as `line:expression` (the declaration, or the property access reading it). */
function renameLocations(property: PropertyAssignment): string[] {
  return project
    .getLanguageService()
    .findRenameLocations(property.getNameNode())
    .map((location) => {
      const at = location.getSourceFile().getDescendantAtPos(location.getTextSpan().getStart());
      if (at === undefined) return "?";
      const parent = at.getParent();
      const shown = parent !== undefined && Node.isPropertyAccessExpression(parent) ? parent : at;
      return `${at.getStartLineNumber()}:${shown.getText()}`;
    });
}

/** A leaf of a JSON document: its pointer (keys included, so renamed keys show) and value. */
type Leaves = ReadonlyMap<string, unknown>;

function leaves(value: unknown, pointer = "", into = new Map<string, unknown>()): Leaves {
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${key}`, into);
  } else {
    into.set(pointer, value);
  }
  return into;
}

/** What changed between two JSON documents, leaf by leaf: `-pointer: value` and `+pointer: value` lines. */
function jsonDiff(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const lines: string[] = [];
  for (const [pointer, value] of a) if (!b.has(pointer) || b.get(pointer) !== value) lines.push(`-${pointer}: ${JSON.stringify(value)}`);
  for (const [pointer, value] of b) if (!a.has(pointer) || a.get(pointer) !== value) lines.push(`+${pointer}: ${JSON.stringify(value)}`);
  return lines;
}

describe("8. the TypeScript rename refactoring carries into the ASL", () => {
  it("type-checks the workflow module with the repository's options before renaming", () => {
    expect(source.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
  }, 120_000);

  it("renames a zod schema field everywhere it is read, and only its paths change in the ASL", async () => {
    const before = await compileModule("workflow-0.ts", source.getFullText());
    const field = propertyNamed("orderId");
    // The reads go through z.infer and the builder's selector proxies, and still lead back to the schema.
    expect(renameLocations(field)).toEqual(["6:orderId", "13:$.input.orderId", "16:$.input.orderId"]);
    field.rename("orderRef");
    const text = source.getFullText();
    expect(text).toContain('comment: "orderId orderTotal"');
    expect(text.replaceAll('"orderId orderTotal"', "")).not.toMatch(/\borderId\b/);
    const after = await compileModule("workflow-1.ts", text);
    expect(jsonDiff(before.JSONata, after.JSONata)).toEqual([
      '-/States/Remember/Assign/ref: "{% $states.input.orderId %}"',
      '-/States/Tag/Output/id: "{% $states.input.orderId %}"',
      '+/States/Remember/Assign/ref: "{% $states.input.orderRef %}"',
      '+/States/Tag/Output/id: "{% $states.input.orderRef %}"',
    ]);
    expect(jsonDiff(before.JSONPath, after.JSONPath)).toEqual([
      '-/States/Remember/Assign/ref.$: "$.orderId"',
      '-/States/Tag/Parameters/id.$: "$.orderId"',
      '+/States/Remember/Assign/ref.$: "$.orderRef"',
      '+/States/Tag/Parameters/id.$: "$.orderRef"',
    ]);
  }, 120_000);

  it("renames an assigned variable from its Assign key to every $.vars read, and the ASL follows", async () => {
    const before = await compileModule("workflow-2.ts", source.getFullText());
    const variable = propertyNamed("orderTotal");
    expect(renameLocations(variable)).toEqual(["13:orderTotal", "16:$.vars.orderTotal", "16:$.vars.orderTotal"]);
    variable.rename("grandTotal");
    const text = source.getFullText();
    expect(text).toContain('comment: "orderId orderTotal"');
    expect(source.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
    const after = await compileModule("workflow-3.ts", text);
    expect(jsonDiff(before.JSONata, after.JSONata)).toEqual([
      '-/States/Remember/Assign/orderTotal: "{% $states.input.total %}"',
      '-/States/Big?/Choices/0/Condition: "{% $orderTotal > 100 %}"',
      '-/States/Tag/Output/total: "{% $orderTotal %}"',
      '+/States/Remember/Assign/grandTotal: "{% $states.input.total %}"',
      '+/States/Big?/Choices/0/Condition: "{% $grandTotal > 100 %}"',
      '+/States/Tag/Output/total: "{% $grandTotal %}"',
    ]);
    expect(jsonDiff(before.JSONPath, after.JSONPath)).toEqual([
      '-/States/Remember/Assign/orderTotal.$: "$.total"',
      '-/States/Big?/Choices/0/Variable: "$orderTotal"',
      '-/States/Tag/Parameters/total.$: "$orderTotal"',
      '+/States/Remember/Assign/grandTotal.$: "$.total"',
      '+/States/Big?/Choices/0/Variable: "$grandTotal"',
      '+/States/Tag/Parameters/total.$: "$grandTotal"',
    ]);
  }, 120_000);
});
