import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json-source.ts";

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
