import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliVersion } from "./version.ts";

describe("cliVersion", () => {
  it("reads the version of @stepcraft/cli's own package.json", () => {
    const json = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(cliVersion()).toBe(json.version);
  });
});
