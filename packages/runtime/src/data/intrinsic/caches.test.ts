import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testScope } from "../test-scope.ts";
import { compileIntrinsic } from "./compile-intrinsic.ts";
import { jsonText } from "./json-text.ts";
import { MAX_CACHED_TEXT_LENGTH, parseJsonCached, parseJsonSafely } from "./parse-json-safely.ts";

const scope = testScope();
const run = (text: string, input: unknown) => compileIntrinsic(text).evaluate(input, scope);

describe("jsonText (cached JSON.stringify)", () => {
  it("gives JSON.stringify's text for every kind of value, first call and repeats alike", () => {
    const values: unknown[] = [
      undefined, null, true, 0, -0, 1.5e300, "a\"b", [], {}, [1, "x", null, { a: [true] }],
      { z: 1, a: { "__proto__": 2 } }, JSON.parse('{"__proto__": {"x": 1}}'),
    ];
    for (const value of values) {
      expect(jsonText(value)).toBe(JSON.stringify(value));
      expect(jsonText(value)).toBe(JSON.stringify(value));
    }
  });

  it("keeps one text per object: distinct objects with equal or different contents each get theirs", () => {
    const a = { n: 1 };
    const b = { n: 2 };
    expect(jsonText(a)).toBe('{"n":1}');
    expect(jsonText(b)).toBe('{"n":2}');
    expect(jsonText({ n: 1 })).toBe('{"n":1}');
    expect(jsonText(a)).toBe('{"n":1}');
  });
});

describe("parseJsonCached", () => {
  it("gives parseJsonSafely's outcome for valid, invalid, scalar and __proto__ texts, repeats included", () => {
    const texts = ['{"k":"v","n":[1,2,3]}', "[1, 2]", "12", '"s"', "null", "{bad", "", '{"__proto__": {"polluted": true}}'];
    for (const text of texts) {
      const expected = parseJsonSafely(text);
      expect(parseJsonCached(text)).toEqual(expected);
      expect(parseJsonCached(text)).toEqual(expected);
    }
    const proto = parseJsonCached('{"__proto__": {"polluted": true}}');
    if (!proto.ok) throw new Error("expected ok");
    expect(Object.hasOwn(proto.value as object, "__proto__")).toBe(true);
  });

  it("parses long texts every time and still correctly", () => {
    const long = JSON.stringify({ s: "x".repeat(MAX_CACHED_TEXT_LENGTH) });
    const first = parseJsonCached(long);
    const second = parseJsonCached(long);
    expect(first).toEqual(parseJsonSafely(long));
    if (!first.ok || !second.ok) throw new Error("expected ok");
    expect(second.value).not.toBe(first.value);
  });

  it("stays correct after the cache fills up and is cleared", () => {
    for (let i = 0; i < 600; i++) {
      const text = `{"i":${i}}`;
      expect(parseJsonCached(text)).toEqual({ ok: true, value: { i } });
    }
    expect(parseJsonCached('{"i":3}')).toEqual({ ok: true, value: { i: 3 } });
  });
});

describe("intrinsics over the caches", () => {
  it("StringToJson, JsonToString and Hash give the same values on repeated calls", () => {
    const obj = { a: 1, b: [true, null, "x"], c: { d: "e" } };
    const input = { obj, objStr: '{"k":"v","n":[1,2,3]}', name: "Ada Lovelace" };
    for (let i = 0; i < 3; i++) {
      expect(run("States.StringToJson($.objStr)", input)).toEqual({ k: "v", n: [1, 2, 3] });
      expect(run("States.JsonToString($.obj)", input)).toBe(JSON.stringify(obj));
      expect(run("States.Hash($.name, 'SHA-256')", input)).toBe(createHash("sha256").update("Ada Lovelace").digest("hex"));
      expect(run("States.Hash($.name, 'MD5')", input)).toBe(createHash("md5").update("Ada Lovelace").digest("hex"));
      expect(run("States.Hash($.obj, 'SHA-1')", input)).toBe(createHash("sha1").update(JSON.stringify(obj)).digest("hex"));
    }
  });

  it("Hash stays correct past its cache bound", () => {
    for (let i = 0; i < 1100; i++) {
      const data = `d${i}`;
      expect(run("States.Hash($.d, 'SHA-1')", { d: data })).toBe(createHash("sha1").update(data).digest("hex"));
    }
  });
});
