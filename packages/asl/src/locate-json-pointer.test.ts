import { describe, expect, it } from "vitest";
import { locateJsonPointer, positionOf } from "./locate-json-pointer.ts";

const TEXT = `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Retry": [ {"ErrorEquals": ["X"]}, { "ErrorEquals": [] } ]
    },
    "a/b~c": { "Type": "Pass", "Note": "has \\"quotes\\" and ] } [ {" },
    "esc\\u0041ped": 1
  }
}`;

describe("locateJsonPointer", () => {
  it.each([
    ["", 1, 1],
    ["/StartAt", 2, 3],
    ["/States/A", 4, 5],
    ["/States/A/Type", 5, 7],
    ["/States/A/Retry/1", 6, 42],
    ["/States/A/Retry/1/ErrorEquals", 6, 44],
    ["/States/a~1b~0c", 8, 5],
    ["/States/a~1b~0c/Note", 8, 32],
    ["/States/escAped", 9, 5],
  ])("finds %j at %i:%i", (pointer, line, column) => {
    expect(locateJsonPointer(TEXT, pointer)).toEqual({ line, column });
  });

  it.each([["/Missing"], ["/States/A/Retry/2"], ["/States/A/Retry/01"], ["/StartAt/x"], ["/States/A/Retry/-1"]])("returns undefined for the absent %j", (pointer) => {
    expect(locateJsonPointer(TEXT, pointer)).toBeUndefined();
  });

  it.each([[""], ["{"], ['{"a": '], ['{"a" 1}'], ["[1,"], ['"unterminated'], ["\uFEFF"]])("never throws on broken text %j", (text) => {
    expect(() => locateJsonPointer(text, "/a/0")).not.toThrow();
  });

  it("skips huge sibling values without recursion", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = `{"skip": ${deep}, "target": 1}`;
    expect(locateJsonPointer(text, "/target")).toEqual({ line: 1, column: 200_012 });
  });

  it("counts CRLF line breaks once", () => {
    expect(locateJsonPointer('{\r\n  "a": 1\r\n}', "/a")).toEqual({ line: 2, column: 3 });
  });
});

describe("positionOf", () => {
  it("clamps offsets past the end", () => {
    expect(positionOf("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
  });
});

describe("positionOf", () => {
  it("counts CRLF as one line break and clamps out-of-range offsets", () => {
    expect(positionOf("ab\r\ncd", 5)).toEqual({ line: 2, column: 2 });
    expect(positionOf("ab", 99)).toEqual({ line: 1, column: 3 });
    expect(positionOf("ab", -4)).toEqual({ line: 1, column: 1 });
  });
});
