import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../io.ts";
import { expandInputs, testFileReason } from "./expand-inputs.ts";

const root = mkdtempSync(join(tmpdir(), "stepcraft-expand-"));
for (const file of ["flows/a.asl.json", "flows/b.ts", "flows/b.test.ts", "flows/types.d.ts", "flows/notes.md", "flows/node_modules/x/index.ts", "flows/cdk.out/t.json", "other.asl.json"]) {
  mkdirSync(join(root, file, ".."), { recursive: true });
  writeFileSync(join(root, file), "{}");
}

describe("expandInputs", () => {
  it("keeps a named file as given, marked explicit", async () => {
    expect(await expandInputs(["other.asl.json", "missing.json"], root)).toEqual([
      { file: "other.asl.json", explicit: true },
      { file: "missing.json", explicit: true },
    ]);
  });

  it("searches a directory for .json and .ts files, leaving out dependencies, build output and declarations", async () => {
    expect(await expandInputs(["flows"], root)).toEqual([
      { file: "flows/a.asl.json", explicit: false },
      { file: "flows/b.test.ts", explicit: false },
      { file: "flows/b.ts", explicit: false },
    ]);
  });

  it("expands a glob and lists each file once", async () => {
    expect(await expandInputs(["**/*.asl.json", "other.asl.json"], root)).toEqual([
      { file: "flows/a.asl.json", explicit: false },
      { file: "other.asl.json", explicit: false },
    ]);
  });

  it("says so when a glob or a directory finds nothing", async () => {
    await expect(expandInputs(["*.yaml"], root)).rejects.toThrow(new UsageError(`no file matches '*.yaml' (resolved from ${root})`));
    mkdirSync(join(root, "empty"), { recursive: true });
    await expect(expandInputs(["empty"], root)).rejects.toThrow(new UsageError("'empty' holds no .json or .ts files to check"));
  });

  it("names test files as such", () => {
    expect(testFileReason("flows/b.test.ts")).toBe("a test file");
    expect(testFileReason("flows/b.spec.mts")).toBe("a test file");
    expect(testFileReason("flows/b.ts")).toBeUndefined();
  });
});
