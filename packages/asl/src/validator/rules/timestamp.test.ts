import { describe, expect, it } from "vitest";
import { isRfc3339Timestamp } from "./timestamp.ts";

describe("isRfc3339Timestamp", () => {
  it.each([["2016-03-14T01:59:00Z"], ["2016-03-14T01:59:00.123456Z"], ["2024-02-29T00:00:00+05:30"], ["2016-12-31T23:59:59-00:00"]])("accepts %s", (text) => {
    expect(isRfc3339Timestamp(text)).toBe(true);
  });

  it.each([
    ["2016-13-05T21:29:29Z"],
    ["05-12-2016T21:29:29Z"],
    ["2016-12-05T25:29:29Z"],
    ["2016-12-05 21:29:29Z"],
    ["2016-12-05t21:29:29z"],
    ["2023-02-29T00:00:00Z"],
    ["2016-04-31T00:00:00Z"],
    ["2016-12-05T21:29:29"],
    ["2016-12-05T21:29:29+24:00"],
    ["{% '2016-03-14T01:59:00Z' %}"],
    [""],
  ])("rejects %s", (text) => {
    expect(isRfc3339Timestamp(text)).toBe(false);
  });
});
