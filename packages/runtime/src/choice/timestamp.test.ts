import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareInstants, formatTimestamp, parseTimestamp, parseTimestampInto, type PreciseInstant } from "./timestamp.ts";

function instant(text: string): PreciseInstant {
  const out: PreciseInstant = { seconds: 0, nanos: 0 };
  if (!parseTimestampInto(text, out)) throw new Error(`not a timestamp: ${text}`);
  return out;
}

describe("parseTimestamp", () => {
  it("reads UTC timestamps with and without fractional seconds", () => {
    expect(parseTimestamp("2016-03-14T01:59:00Z")).toBe(Date.UTC(2016, 2, 14, 1, 59, 0));
    expect(parseTimestamp("2012-10-09T19:00:55.5Z")).toBe(Date.UTC(2012, 9, 9, 19, 0, 55, 500));
    expect(parseTimestamp("2026-11-21T12:04:32.000000Z")).toBe(Date.UTC(2026, 10, 21, 12, 4, 32));
    expect(parseTimestamp("2026-11-21T12:04:32.00Z")).toBe(Date.UTC(2026, 10, 21, 12, 4, 32));
  });

  it("accepts any number of fractional digits up to nine when the Z is there (recorded test_wait_timestamppath)", () => {
    // AWS waited on ".000Z" and ".0000000Z" (seven digits) and failed on ".000" (no offset).
    expect(parseTimestamp("2023-12-11T22:01:34.000Z")).toBe(Date.UTC(2023, 11, 11, 22, 1, 34));
    expect(parseTimestamp("2023-12-11T22:01:34.0000000Z")).toBe(Date.UTC(2023, 11, 11, 22, 1, 34));
    expect(parseTimestamp("2023-12-11T22:01:34.000")).toBeUndefined();
  });

  it("truncates sub-millisecond digits (nine are allowed)", () => {
    expect(parseTimestamp("2016-03-05T21:29:29.243167252Z")).toBe(Date.UTC(2016, 2, 5, 21, 29, 29, 243));
    expect(parseTimestamp("1969-12-31T23:59:59.9999Z")).toBe(-1);
  });

  it("applies numeric offsets", () => {
    expect(parseTimestamp("2012-10-09T19:00:55+01:00")).toBe(Date.UTC(2012, 9, 9, 18, 0, 55));
    expect(parseTimestamp("2012-10-09T19:00:55-05:30")).toBe(Date.UTC(2012, 9, 10, 0, 30, 55));
    expect(parseTimestamp("2012-10-09T19:00:55-00:00")).toBe(Date.UTC(2012, 9, 9, 19, 0, 55));
  });

  it("handles leap years and years before 100 (where Date.UTC would add 1900)", () => {
    expect(parseTimestamp("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp("2000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp("0050-01-01T00:00:00Z")).toBe(new Date("0050-01-01T00:00:00Z").getTime());
  });

  it.each([
    ["no offset (AWS: not an offset date-time)", "2016-12-05T21:29:29"],
    ["no offset with fraction", "2026-11-21T12:04:32.000000"],
    ["a space instead of T", "2016-12-05 21:29:29Z"],
    ["a lowercase t", "2016-12-05t21:29:29Z"],
    ["a lowercase z", "2016-12-05T21:29:29z"],
    ["month 13", "2016-13-05T21:29:29Z"],
    ["hour 25", "2016-12-05T25:29:29Z"],
    ["hour 24", "2016-12-05T24:00:00Z"],
    ["minute 60", "2016-12-05T21:60:29Z"],
    ["leap second", "2016-12-31T23:59:60Z"],
    ["February 29 of a common year", "2023-02-29T00:00:00Z"],
    ["February 29 of 1900", "1900-02-29T00:00:00Z"],
    ["April 31", "2023-04-31T00:00:00Z"],
    ["day 0", "2023-04-00T00:00:00Z"],
    ["day-month-year order", "05-12-2016T21:29:29Z"],
    ["a date only", "2023-02-24"],
    ["no seconds", "2016-12-05T21:29Z"],
    ["ten fractional digits", "2016-12-05T21:29:29.1234567890Z"],
    ["a dot without digits", "2016-12-05T21:29:29.Z"],
    ["an offset without colon", "2016-12-05T21:29:29+0100"],
    ["an hour-only offset", "2016-12-05T21:29:29+01"],
    ["offset hour 24", "2016-12-05T21:29:29+24:00"],
    ["trailing text", "2016-12-05T21:29:29Zx"],
    ["leading space", " 2016-12-05T21:29:29Z"],
    ["an empty string", ""],
    ["blank", " "],
    ["a signed year", "+2016-12-05T21:29:29Z"],
  ])("rejects %s", (_why, text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe("parseTimestampInto and compareInstants", () => {
  it("keeps nanoseconds that milliseconds would lose", () => {
    const a = instant("2016-03-05T21:29:29.243167252Z");
    expect(a.nanos).toBe(243_167_252);
    expect(compareInstants(a, instant("2016-03-05T21:29:29.243167253Z"))).toBeLessThan(0);
    expect(compareInstants(a, instant("2016-03-05T21:29:29.243167252Z"))).toBe(0);
  });

  it("compares instants across offsets", () => {
    expect(compareInstants(instant("2012-10-09T19:00:55+01:00"), instant("2012-10-09T18:00:55Z"))).toBe(0);
    expect(compareInstants(instant("2012-10-09T19:00:56Z"), instant("2012-10-09T19:00:55Z"))).toBeGreaterThan(0);
  });

  it("leaves the output alone when it reports false", () => {
    const out: PreciseInstant = { seconds: 7, nanos: 9 };
    expect(parseTimestampInto("2016-12-05T21:29:29", out)).toBe(false);
    expect(out).toEqual({ seconds: 7, nanos: 9 });
  });
});

describe("formatTimestamp", () => {
  it("writes whole seconds without a fraction", () => {
    expect(formatTimestamp(0)).toBe("1970-01-01T00:00:00Z");
    expect(formatTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42))).toBe("2025-08-27T10:04:42Z");
  });

  it("writes milliseconds as three digits, like Java's Instant (zeros inside the group stay)", () => {
    expect(formatTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42, 1))).toBe("2025-08-27T10:04:42.001Z");
    expect(formatTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42, 100))).toBe("2025-08-27T10:04:42.100Z");
    expect(formatTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42, 120))).toBe("2025-08-27T10:04:42.120Z");
  });

  it("writes six or nine digits for a fractional millisecond", () => {
    expect(formatTimestamp(0.5)).toBe("1970-01-01T00:00:00.000500Z");
    expect(formatTimestamp(1.25)).toBe("1970-01-01T00:00:00.001250Z");
    expect(formatTimestamp(0.000001)).toBe("1970-01-01T00:00:00.000000001Z");
  });

  it("writes instants before 1970 and in early years", () => {
    expect(formatTimestamp(-1)).toBe("1969-12-31T23:59:59.999Z");
    expect(formatTimestamp(new Date("0050-03-01T00:00:00Z").getTime())).toBe("0050-03-01T00:00:00Z");
  });

  it("agrees with Date for integral milliseconds and round-trips through parseTimestamp", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("0001-01-01T00:00:00Z"), max: Date.parse("9999-12-31T23:59:59.999Z") }), (ms) => {
        const text = formatTimestamp(ms);
        const iso = new Date(ms).toISOString();
        expect(text).toBe(ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso);
        expect(parseTimestamp(text)).toBe(ms);
      }),
    );
  });
});
