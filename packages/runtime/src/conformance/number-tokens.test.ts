import { describe, expect, it } from "vitest";
import { numberTokens } from "./number-tokens.ts";

describe("numberTokens", () => {
  it("keeps number literals as written and skips strings", () => {
    expect(numberTokens('{"a":1.0,"b":"2.0","c":[-3e2]}')).toEqual(["1.0", "-3e2"]);
  });
});
