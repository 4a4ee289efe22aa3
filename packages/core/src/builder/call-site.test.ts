import { describe, expect, it } from "vitest";
import { builderDirs, captureSite } from "./call-site.ts";

describe("builderDirs", () => {
  it("counts a built builder's sources as the builder too (source-mapped stack frames name them)", () => {
    expect(builderDirs("/app/node_modules/@stepcraft/core/dist/esm/builder/")).toEqual([
      "/app/node_modules/@stepcraft/core/dist/esm/builder/",
      "/app/node_modules/@stepcraft/core/src/builder/",
    ]);
    expect(builderDirs("/app/node_modules/@stepcraft/core/dist/cjs/builder/")).toContain("/app/node_modules/@stepcraft/core/src/builder/");
  });

  it("is only the builder folder when running from source", () => {
    expect(builderDirs("/repo/packages/core/src/builder/")).toEqual(["/repo/packages/core/src/builder/"]);
  });
});

describe("captureSite", () => {
  it("names the caller outside the builder (this test file)", () => {
    expect(captureSite().text).toMatch(/call-site\.test\.ts:\d+$/);
  });
});
