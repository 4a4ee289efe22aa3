import { grammarFail, grammarOk, type GrammarResult } from "./grammar-result.ts";
import type { JsonPathAst, JsonPathSegment } from "./jsonpath-ast.ts";
import { parseLocatedJsonPath } from "./jsonpath-parser.ts";

/** True when the path can select at most one node (no wildcard, slice, union, filter or deep scan). */
export function isDefinitePath(ast: JsonPathAst): boolean {
  return ast.segments.every((segment) => segment.kind === "function" || (segment.kind === "child" && isSingleSelector(segment)));
}

/** True when the path is a reference path: only member and index steps, not rooted at `@`. */
export function isReferencePath(ast: JsonPathAst): boolean {
  return ast.root.kind !== "current" && ast.segments.every(isReferenceSegment);
}

/** Parse a reference path (ResultPath, ItemsPath, …), rejecting anything that could select several nodes. */
export function parseReferencePath(text: string): GrammarResult<JsonPathAst> {
  const parsed = parseLocatedJsonPath(text);
  if (!parsed.ok) return parsed;
  const { ast, segmentOffsets } = parsed.value;
  const index = ast.segments.findIndex((segment) => !isReferenceSegment(segment));
  if (index === -1) return grammarOk(ast);
  return grammarFail(`A reference path allows only member and index access, not ${describeSegment(ast.segments[index])}`, segmentOffsets[index] ?? 0);
}

function isReferenceSegment(segment: JsonPathSegment): boolean {
  return segment.kind === "child" && isSingleSelector(segment);
}

function isSingleSelector(segment: JsonPathSegment & { kind: "child" }): boolean {
  return segment.selector.kind === "member" || segment.selector.kind === "index";
}

function describeSegment(segment: JsonPathSegment | undefined): string {
  if (segment === undefined) return "this step";
  if (segment.kind === "descendant") return "a deep scan '..'";
  if (segment.kind === "function") return `the function ${segment.name}()`;
  switch (segment.selector.kind) {
    case "wildcard":
      return "a wildcard";
    case "slice":
      return "a slice";
    case "filter":
      return "a filter";
    case "member-union":
    case "index-union":
      return "a union";
    default:
      return "this step";
  }
}
