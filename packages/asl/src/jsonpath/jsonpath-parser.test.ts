import { describe, expect, it } from "vitest";
import type { JsonPathAst } from "./jsonpath-ast.ts";
import { parseJsonPath } from "./jsonpath-parser.ts";

function parsed(text: string): JsonPathAst {
  const result = parseJsonPath(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message} @${result.error.offset}`);
  return result.value;
}

function errorOf(text: string): { message: string; offset: number } {
  const result = parseJsonPath(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.error;
}

describe("parseJsonPath roots", () => {
  it("reads $, $$ and $name roots", () => {
    expect(parsed("$").root).toEqual({ kind: "input" });
    expect(parsed("$").segments).toEqual([]);
    expect(parsed("$$.Execution.Id").root).toEqual({ kind: "context" });
    expect(parsed("$myVar").root).toEqual({ kind: "variable", name: "myVar" });
    expect(parsed("$my_var2.a").root).toEqual({ kind: "variable", name: "my_var2" });
    expect(parsed("$my_var2.a").segments).toEqual([{ kind: "child", selector: { kind: "member", name: "a" } }]);
  });

  it("rejects texts that do not start with $", () => {
    expect(errorOf("a.b")).toEqual({ message: "A path must start with '$' but found 'a'", offset: 0 });
    expect(errorOf("")).toMatchObject({ offset: 0 });
    expect(errorOf("@.a").message).toContain("only allowed inside a filter");
  });

  it("rejects bad variable names", () => {
    expect(errorOf("$my-var")).toMatchObject({ offset: 3 });
  });
});

describe("parseJsonPath segments", () => {
  it("reads dot members, keeping characters Jayway allows in names", () => {
    expect(parsed("$.a.b-c.d:e").segments.map((s) => s.kind === "child" && s.selector)).toEqual([
      { kind: "member", name: "a" },
      { kind: "member", name: "b-c" },
      { kind: "member", name: "d:e" },
    ]);
  });

  it("reads bracket members with single and double quotes", () => {
    expect(parsed("$['a b']").segments).toEqual([{ kind: "child", selector: { kind: "member", name: "a b" } }]);
    expect(parsed('$["x.y"]').segments).toEqual([{ kind: "child", selector: { kind: "member", name: "x.y" } }]);
  });

  it("keeps backslashes inside quoted names as AWS does", () => {
    // Recorded case ESCAPE_SEQUENCES_JSONPATH: `$['Test\""Name"']` reads the key `Test\""Name"`.
    expect(parsed(`$['Test\\""Name"']`).segments).toEqual([{ kind: "child", selector: { kind: "member", name: 'Test\\""Name"' } }]);
    expect(parsed(`$['it\\'s']`).segments).toEqual([{ kind: "child", selector: { kind: "member", name: "it\\'s" } }]);
  });

  it("reads indexes, negative indexes, unions and slices", () => {
    const selectors = (text: string) => parsed(text).segments.map((s) => (s.kind === "function" ? s : s.selector));
    expect(selectors("$.a[0][-1]")).toEqual([{ kind: "member", name: "a" }, { kind: "index", index: 0 }, { kind: "index", index: -1 }]);
    expect(selectors("$[0, 2]")).toEqual([{ kind: "index-union", indexes: [0, 2] }]);
    expect(selectors("$['a','b']")).toEqual([{ kind: "member-union", names: ["a", "b"] }]);
    expect(selectors("$[1:5]")).toEqual([{ kind: "slice", start: 1, end: 5, step: null }]);
    expect(selectors("$[:2]")).toEqual([{ kind: "slice", start: null, end: 2, step: null }]);
    expect(selectors("$[-2:]")).toEqual([{ kind: "slice", start: -2, end: null, step: null }]);
    expect(selectors("$[::2]")).toEqual([{ kind: "slice", start: null, end: null, step: 2 }]);
  });

  it("reads wildcards and deep scans", () => {
    expect(parsed("$.*").segments).toEqual([{ kind: "child", selector: { kind: "wildcard" } }]);
    expect(parsed("$[*]").segments).toEqual([{ kind: "child", selector: { kind: "wildcard" } }]);
    expect(parsed("$..name").segments).toEqual([{ kind: "descendant", selector: { kind: "member", name: "name" } }]);
    expect(parsed("$..*").segments).toEqual([{ kind: "descendant", selector: { kind: "wildcard" } }]);
    expect(parsed("$..[0]").segments).toEqual([{ kind: "descendant", selector: { kind: "index", index: 0 } }]);
  });

  it("accepts a dot before a bracket, as published workflows use", () => {
    expect(parsed("$.[0]").segments).toEqual([{ kind: "child", selector: { kind: "index", index: 0 } }]);
    expect(parsed("$.[*].['bucket', 'key']").segments).toEqual([
      { kind: "child", selector: { kind: "wildcard" } },
      { kind: "child", selector: { kind: "member-union", names: ["bucket", "key"] } },
    ]);
  });

  it("reads trailing functions and rejects them elsewhere", () => {
    expect(parsed("$.items.length()").segments.at(-1)).toEqual({ kind: "function", name: "length" });
    expect(errorOf("$.items.length().a").message).toContain("last step");
    expect(errorOf("$.items.frobnicate()")).toEqual({ message: "Unknown path function 'frobnicate()'", offset: 8 });
  });

  it("reports precise errors", () => {
    expect(errorOf("$.")).toEqual({ message: "Expected a member name after '.' but found the end of the text", offset: 2 });
    expect(errorOf("$.a[")).toMatchObject({ offset: 4 });
    expect(errorOf("$.a[0")).toEqual({ message: "Expected ']' to close the '[' at offset 3 but found the end of the text", offset: 5 });
    expect(errorOf("$['a")).toEqual({ message: "Unterminated quoted name", offset: 2 });
    expect(errorOf("$.a b")).toEqual({ message: "Unexpected 'b' in the path", offset: 4 });
    expect(errorOf("$[1:2:0]")).toEqual({ message: "A slice step cannot be 0", offset: 6 });
    expect(errorOf("$[-]")).toMatchObject({ offset: 2 });
    expect(errorOf("$[0,]")).toMatchObject({ offset: 4 });
    expect(errorOf("$[abc]")).toMatchObject({ offset: 2 });
    expect(errorOf("$...a")).toMatchObject({ offset: 3 });
  });
});

describe("parseJsonPath whitespace", () => {
  it("ignores surrounding whitespace as Jayway does (a published sample has '$$.Execution.Name ')", () => {
    expect(parsed("$$.Execution.Name ").text).toBe("$$.Execution.Name");
    expect(parsed("  $.a").segments).toHaveLength(1);
    expect(errorOf("   ")).toMatchObject({ offset: 3 });
  });
});

describe("parseJsonPath filters", () => {
  const filterOf = (text: string) => {
    const segment = parsed(text).segments[0];
    if (segment?.kind !== "child" || segment.selector.kind !== "filter") throw new Error("no filter");
    return segment.selector.expression;
  };

  it("reads comparisons with relative paths and literals", () => {
    expect(filterOf("$[?(@.status == 0)]")).toMatchObject({
      kind: "compare",
      operator: "==",
      left: { kind: "path", path: { root: { kind: "current" }, text: "@.status" } },
      right: { kind: "literal", value: 0 },
    });
    expect(filterOf("$[?(@.name != 'a b')]")).toMatchObject({ operator: "!=", right: { value: "a b" } });
    expect(filterOf('$[?(@.x <= -1.5e2)]')).toMatchObject({ operator: "<=", right: { value: -150 } });
  });

  it("reads && || ! and groups with the usual precedence", () => {
    expect(filterOf("$[?(@.a > 1 || @.b && !(@.c))]")).toMatchObject({
      kind: "or",
      left: { kind: "compare", operator: ">" },
      right: { kind: "and", left: { kind: "exists" }, right: { kind: "not", operand: { kind: "exists" } } },
    });
  });

  it("reads word operators, arrays, regexes and absolute paths", () => {
    expect(filterOf("$[?(@.a in ['x', 2, null])]")).toMatchObject({ operator: "in", right: { value: ["x", 2, null] } });
    expect(filterOf("$[?(@.a nin [])]")).toMatchObject({ operator: "nin", right: { value: [] } });
    expect(filterOf("$[?(@.tags contains 'x')]")).toMatchObject({ operator: "contains" });
    expect(filterOf("$[?(@.a =~ /ab.*/i)]")).toMatchObject({ operator: "=~", right: { kind: "regex", source: "ab.*", flags: "i" } });
    expect(filterOf("$[?(@.a == $.limit)]")).toMatchObject({ right: { kind: "path", path: { root: { kind: "input" } } } });
    expect(filterOf("$[?(@.a == true)]")).toMatchObject({ right: { value: true } });
  });

  it("reads an unquoted word as a string, as published workflows rely on", () => {
    expect(filterOf("$[?(@.Type.Text==VENDOR_NAME)]")).toMatchObject({ right: { kind: "literal", value: "VENDOR_NAME" } });
  });

  it("rejects malformed filters", () => {
    expect(errorOf("$[?(@.a ==)]")).toMatchObject({ offset: 10 });
    expect(errorOf("$[?(@.a == 1]")).toMatchObject({ offset: 12 });
    expect(errorOf("$[?@.a]")).toMatchObject({ offset: 3 });
    expect(errorOf("$[?(1)]").message).toContain("comparison operator");
    expect(errorOf("$[?(@.a =~ 'x')]").message).toContain("regular expression");
    expect(errorOf("$[?(@.a == 'x)]").message).toContain("Unterminated");
  });
});
