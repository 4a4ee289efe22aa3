import { expect, test } from "vitest";
import { formatDuration } from "./duration.ts";

test.each<[number, string]>([
  [0, "0s"],
  [0.5, "0.5ms"],
  [250, "250ms"],
  [1000, "1s"],
  [4500, "4.5s"],
  [59_999, "59.999s"],
  [60_000, "1m 00s"],
  [185_000, "3m 05s"],
  [7_200_000, "2h 00m"],
  [7_206_000, "2h 00m 06s"],
  [93_600_000, "1d 02h 00m"],
  [-4000, "-4s"],
  [Number.POSITIVE_INFINITY, "Infinity"],
])("%d ms → %s", (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
