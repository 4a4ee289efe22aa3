import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.ts";

describe("formatDuration", () => {
  it("reads naturally from milliseconds to days", () => {
    expect([0, 250, 1500, 60_000, 125_000, 3_600_000, 90_061_000].map(formatDuration)).toEqual(["0 ms", "250 ms", "1.5 s", "1 min", "2 min 5 s", "1 h", "1 d 1 h"]);
  });
});
