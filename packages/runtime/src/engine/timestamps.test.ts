import { describe, expect, it } from "vitest";
import { formatContextTimestamp } from "./timestamps.ts";

describe("formatContextTimestamp", () => {
  it("drops a zero fraction and trailing zeros like AWS", () => {
    expect(formatContextTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42))).toBe("2025-08-27T10:04:42Z");
    expect(formatContextTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42, 100))).toBe("2025-08-27T10:04:42.1Z");
    expect(formatContextTimestamp(Date.UTC(2025, 7, 27, 10, 4, 42, 1))).toBe("2025-08-27T10:04:42.001Z");
  });
});
