import { describe, expect, it } from "vitest";
import { formatJsonPathCanonical } from "./jsonpath-format.ts";
import { parseJsonPath } from "./jsonpath-parser.ts";
import { isDefinitePath, isReferencePath, parseReferencePath } from "./path-kinds.ts";

function ast(text: string) {
  const result = parseJsonPath(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("path kinds", () => {
  it("tells definite paths from indefinite ones", () => {
    for (const text of ["$", "$.a.b[0]", "$$.Map.Item.Value", "$v.x", "$.a.length()"]) expect(isDefinitePath(ast(text))).toBe(true);
    for (const text of ["$[*]", "$.a[1:]", "$..a", "$[0,1]", "$['a','b']", "$[?(@.x)]"]) expect(isDefinitePath(ast(text))).toBe(false);
  });

  it("tells reference paths", () => {
    expect(isReferencePath(ast("$.a['b c'][3]"))).toBe(true);
    expect(isReferencePath(ast("$.a.length()"))).toBe(false);
    expect(isReferencePath(ast("$.a[*]"))).toBe(false);
  });

  it("parses reference paths and points at the offending step", () => {
    expect(parseReferencePath("$.a.b").ok).toBe(true);
    expect(parseReferencePath("$.a[*]")).toEqual({ ok: false, error: { message: "A reference path allows only member and index access, not a wildcard", offset: 3 } });
    expect(parseReferencePath("$..a")).toEqual({ ok: false, error: { message: "A reference path allows only member and index access, not a deep scan '..'", offset: 1 } });
    expect(parseReferencePath("$.a[?(@.b)]")).toMatchObject({ ok: false, error: { offset: 3 } });
    expect(parseReferencePath("$.a[0,1]")).toMatchObject({ ok: false, error: { offset: 3 } });
    expect(parseReferencePath("$.a[1:2]")).toMatchObject({ ok: false, error: { offset: 3 } });
    expect(parseReferencePath("x")).toMatchObject({ ok: false, error: { offset: 0 } });
  });
});

describe("formatJsonPathCanonical", () => {
  it("renders paths in Jayway's bracket notation", () => {
    expect(formatJsonPathCanonical(ast("$.NoSuchInputPath"))).toBe("$['NoSuchInputPath']");
    expect(formatJsonPathCanonical(ast("$.a[0].b"))).toBe("$['a'][0]['b']");
    expect(formatJsonPathCanonical(ast("$..a[*][1:2]"))).toBe("$..['a'][*][1:2]");
  });
});
