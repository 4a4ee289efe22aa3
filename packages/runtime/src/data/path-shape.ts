import { isDefinitePath, type JsonPathAst } from "@stepcraft/asl";

/**
 * Jayway treats a path whose last step picks several properties (`$['a','b']`, `$.x[0]['a','b']`)
 * and whose other steps are members and indexes as definite: it reads one object holding the
 * properties present, rather than a list.
 */
export function isDefiniteMerge(ast: JsonPathAst): boolean {
  const last = ast.segments.at(-1);
  return last?.kind === "child" && last.selector.kind === "member-union" && isDefinitePath({ ...ast, segments: ast.segments.slice(0, -1) });
}

/**
 * True when evaluating the path gives one value (or NOT_FOUND) rather than an array of matches:
 * member and index steps only, any path ending in a function such as length(), or member and
 * index steps ending in a property merge (`$.a['x','y']`).
 */
export function yieldsOneValue(ast: JsonPathAst): boolean {
  return isDefinitePath(ast) || ast.segments.at(-1)?.kind === "function" || isDefiniteMerge(ast);
}
