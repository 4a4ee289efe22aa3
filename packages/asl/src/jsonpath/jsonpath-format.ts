import type { JsonPathAst, JsonPathRoot, JsonPathSelector } from "./jsonpath-ast.ts";

/**
 * Render a path the way Jayway (and so AWS) prints it in error messages: bracket notation with
 * single quotes, e.g. `$.a.b[0]` → `$['a']['b'][0]`.
 */
export function formatJsonPathCanonical(ast: JsonPathAst): string {
  let out = formatRoot(ast.root);
  for (const segment of ast.segments) {
    if (segment.kind === "function") out += `.${segment.name}()`;
    else if (segment.kind === "descendant") out += `..${formatSelector(segment.selector)}`;
    else out += formatSelector(segment.selector);
  }
  return out;
}

function formatRoot(root: JsonPathRoot): string {
  switch (root.kind) {
    case "input":
      return "$";
    case "context":
      return "$$";
    case "variable":
      return `$${root.name}`;
    case "current":
      return "@";
  }
}

function formatSelector(selector: JsonPathSelector): string {
  switch (selector.kind) {
    case "member":
      return `['${selector.name}']`;
    case "index":
      return `[${selector.index}]`;
    case "wildcard":
      return "[*]";
    case "slice":
      return `[${selector.start ?? ""}:${selector.end ?? ""}${selector.step === null ? "" : `:${selector.step}`}]`;
    case "member-union":
      return `[${selector.names.map((name) => `'${name}'`).join(",")}]`;
    case "index-union":
      return `[${selector.indexes.join(",")}]`;
    case "filter":
      return "[?]";
  }
}
