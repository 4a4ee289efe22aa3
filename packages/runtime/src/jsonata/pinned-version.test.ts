import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

describe("the jsonata package the runtime evaluates with", () => {
  it("is 2.0.6, the version AWS documents (asl-validator hoists a newer copy to the root)", () => {
    const require = createRequire(import.meta.url);
    const { version } = require("jsonata/package.json") as { version: string };
    expect(version).toBe("2.0.6");
  });
});
