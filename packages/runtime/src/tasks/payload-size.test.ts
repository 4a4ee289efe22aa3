import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "./freeze.ts";
import { jsonByteSize, jsonTextExceedsLimit, MAX_PAYLOAD_BYTES } from "./payload-size.ts";

describe("payload sizes", () => {
  it("measures exactly the UTF-8 bytes of the compact JSON text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonByteSize(value)).toBe(Buffer.byteLength(JSON.stringify(value), "utf8"));
      }),
    );
    expect(jsonByteSize(deepFreeze({ s: "é\n", n: [1, null, true] }))).toBe(Buffer.byteLength('{"s":"é\\n","n":[1,null,true]}'));
  });

  it("flags texts over 256 KiB", () => {
    expect(jsonTextExceedsLimit("x".repeat(10))).toBe(false);
    expect(jsonTextExceedsLimit("x".repeat(MAX_PAYLOAD_BYTES + 1))).toBe(true);
    expect(jsonTextExceedsLimit("é".repeat(MAX_PAYLOAD_BYTES / 2 + 1))).toBe(true);
  });
});
