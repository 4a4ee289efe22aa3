import { describe, expect, it } from "vitest";
import { parseJsonText, positionOf } from "./json-source.ts";

describe("parseJsonText", () => {
  it("parses JSON and ignores a leading byte-order mark", () => {
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("reports the line and column of a syntax error", () => {
    const result = parseJsonText('{\n  "StartAt": "A",\n  "States": {\n}}x\n');
    expect(result).toMatchObject({ ok: false, line: 4, column: 3 });
  });

  it("reports a trailing comma at the closing brace", () => {
    const result = parseJsonText('{\n  "a": 1,\n}');
    expect(result).toMatchObject({ ok: false, line: 3, column: 1 });
    if (!result.ok) expect(result.reason).not.toMatch(/position/);
  });

  it("says an empty file is empty", () => {
    expect(parseJsonText("  \n")).toEqual({ ok: false, reason: "the file is empty", line: 1, column: 1 });
  });

  it("points at the end for truncated input", () => {
    expect(parseJsonText('{"a": [1,')).toMatchObject({ ok: false, line: 1, column: 10 });
  });
});

describe("positionOf", () => {
  it("counts CRLF as one line break and clamps out-of-range offsets", () => {
    expect(positionOf("ab\r\ncd", 5)).toEqual({ line: 2, column: 2 });
    expect(positionOf("ab", 99)).toEqual({ line: 1, column: 3 });
    expect(positionOf("ab", -4)).toEqual({ line: 1, column: 1 });
  });
});
