import { describe, expect, it } from "vitest";
import { compileStringPattern } from "./string-matches.ts";

function matcher(pattern: string): (text: string) => boolean {
  const compiled = compileStringPattern(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.matches;
}

describe("compileStringPattern", () => {
  it.each([
    // pattern (as the rule's string value, i.e. after JSON unescaping), text, expected
    ["log-*.txt", "log-2024.txt", true],
    ["log-*.txt", "log-.txt", true],
    ["log-*.txt", "log-2024.csv", false],
    ["*.log", "a.log", true],
    ["*.log", "a.logx", false],
    ["foo*", "foo", true],
    ["foo*", "fo", false],
    ["*", "", true],
    ["*", "anything", true],
    ["**", "", true],
    ["", "", true],
    ["", "x", false],
    ["abc", "abc", true],
    ["abc", "ABC", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "aXbYc", true],
    ["a*b*c", "acb", false],
    ["a*bc*bc", "abcbc", true],
    ["a*bc*bc", "abc", false],
    ["*ab*ab*", "ab", false],
    ["*ab*ab*", "abab", true],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    // Only * is special: ?, ., [ ] and regex syntax are literal.
    ["a?c", "abc", false],
    ["a?c", "a?c", true],
    ["a.c", "abc", false],
    ["[ab]", "a", false],
    ["[ab]", "[ab]", true],
    ["^a$", "^a$", true],
    // \* is a literal star; \\ a literal backslash.
    ["\\*", "*", true],
    ["\\*", "x", false],
    ["a\\*b", "a*b", true],
    ["a\\*b", "aXb", false],
    ["\\**", "*tail", true],
    ["\\**", "tail", false],
    ["a\\\\b", "a\\b", true],
    ["a\\\\*", "a\\anything", true],
    ["a\\\\*", "a*", false],
    // Case and code units matter: no folding, no normalisation.
    ["é*", "e\u0301x", false],
    ["😀*", "😀!", true],
  ])("%j against %j is %s", (pattern, text, expected) => {
    expect(matcher(pattern)(text)).toBe(expected);
  });

  it("reports a dangling backslash as malformed", () => {
    expect(compileStringPattern("abc\\")).toEqual({ ok: false, reason: "The pattern 'abc\\' ends with an unescaped backslash" });
    expect(compileStringPattern("\\").ok).toBe(false);
  });

  it("takes any other escaped character literally", () => {
    expect(matcher("\\a*")("abc")).toBe(true);
    expect(matcher("\\a*")("\\abc")).toBe(false);
  });
});
