import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplicateKeys } from "./duplicate-keys.ts";
import { parseDefinition } from "./parse-definition.ts";

describe("findDuplicateKeys", () => {
  it("finds a key repeated in one object, with the object's pointer and the repeat's offset", () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "Next": "C"}}}';
    expect(findDuplicateKeys(text)).toEqual([{ pointer: "/States/A", key: "Next", offset: text.lastIndexOf('"Next"') }]);
  });

  it("tells objects apart: equal keys in sibling or nested objects are fine", () => {
    expect(findDuplicateKeys('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": {"a": {"a": 1}}}')).toEqual([]);
  });

  it("points into arrays by index and unescapes keys", () => {
    const text = '{"x": [1, {"k\\u0041": 1, "kA": 2}], "a/b": {"z": 1, "z": 2}}';
    expect(findDuplicateKeys(text).map(({ pointer, key }) => ({ pointer, key }))).toEqual([
      { pointer: "/x/1", key: "kA" },
      { pointer: "/a~1b", key: "z" },
    ]);
  });

  it("is not fooled by braces, quotes and commas inside strings", () => {
    expect(findDuplicateKeys('{"a": "}{,\\"a\\":", "b": ["a", "a"], "c": 1}')).toEqual([]);
  });

  it("handles nesting 100,000 deep without recursion", () => {
    expect(findDuplicateKeys(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`)).toEqual([]);
  });

  it("finds nothing in any JSON.stringify output (which never repeats a key)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(findDuplicateKeys(JSON.stringify(v, null, 1))).toEqual([]);
      }),
    );
  });
});

describe("parseDefinition reports duplicate keys as warnings with their location", () => {
  it("warns DUPLICATE_JSON_KEY (the definition stays valid: JSON keeps the last value)", () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true, "End": true}\n  }\n}';
    const result = parseDefinition(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([expect.objectContaining({ code: "DUPLICATE_JSON_KEY", severity: "warning", path: "/States/A", line: 4, column: 40 })]);
  });
});
