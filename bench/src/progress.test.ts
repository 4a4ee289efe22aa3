import { describe, expect, it } from "vitest";
import { progress } from "./progress.ts";

describe("progress", () => {
  it("writes on a terminal and nowhere else", () => {
    let written = "";
    progress("runtime: a ...", { isTTY: true, write: (t: string) => (written += t) });
    expect(written).toBe("runtime: a ...\n");
    progress("runtime: b ...", { isTTY: false, write: (t: string) => (written += t) });
    expect(written).toBe("runtime: a ...\n");
  });
});
