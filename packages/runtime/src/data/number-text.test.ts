import { describe, expect, it } from "vitest";
import { copyNumberTexts, numberTextAt, recordNumberTexts, toJsonText } from "./number-text.ts";

const parsed = (text: string): unknown => {
  const value = JSON.parse(text) as unknown;
  recordNumberTexts(text, value);
  return value;
};

describe("lossless number text", () => {
  it("writes back every non-canonical literal exactly as read, and the rest as JSON.stringify does", () => {
    const text = '{"a":0.0,"b":[1.50,2,-0,1E3],"c":{"d":12345678901234567890,"e":1.5},"s":"1.0 stays a string","n":null}';
    expect(toJsonText(parsed(text))).toBe(text);
  });

  it("keeps a key's text apart from a string that looks like a number, and escaped keys", () => {
    const text = '{"x\\"y":2.0,"1.0":"2.0","arr":[[0.0],{"k":3.10}]}';
    expect(toJsonText(parsed(text))).toBe(text);
  });

  it("returns a top-level number's text to the caller (it has no container to keep it)", () => {
    expect(recordNumberTexts("0.0", 0)).toEqual({ value: 0, text: "0.0" });
    expect(recordNumberTexts(" 7 ", 7)).toBeUndefined();
    expect(toJsonText(0, { value: 0, text: "0.0" })).toBe("0.0");
    expect(toJsonText(1, { value: 0, text: "0.0" })).toBe("1");
  });

  it("forgets a text once the member holds another number", () => {
    const value = parsed('{"a":1.0}') as Record<string, number>;
    const changed = { ...value, a: 2 };
    copyNumberTexts(value, changed);
    expect(toJsonText(changed)).toBe('{"a":2}');
    expect(numberTextAt(value, "a", 1)).toBe("1.0");
  });

  it("copies carry the texts, except at the key the copy replaced", () => {
    const value = parsed('{"a":1.0,"b":2.0}') as Record<string, number>;
    const copy = { ...value };
    copyNumberTexts(value, copy, "b");
    expect(toJsonText(copy)).toBe('{"a":1.0,"b":2}');
  });

  it("a number computed anew is written canonically", () => {
    const value = parsed('{"a":1.0}') as Record<string, number>;
    expect(toJsonText({ a: value["a"]! + 0 })).toBe('{"a":1}');
  });
});
