import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../../..");

describe("npx stepcraft (the installed bin, from the repository root)", () => {
  it("validates a corpus file and exits 0", async () => {
    const file = resolve(repoRoot, "testdata/corpus/realworld/aws-samples_serverless-patterns__sfn-lambda--statemachine--stateMachine.asl.json");
    const { stdout } = await run("npx", ["--no-install", "stepcraft", "validate", file], { cwd: repoRoot });
    expect(stdout).toContain("1 file valid");
  });

  it("exits 2 on a usage error", async () => {
    await expect(run("npx", ["--no-install", "stepcraft", "validate"], { cwd: repoRoot })).rejects.toMatchObject({ code: 2 });
  });
});
