import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { captureIo as capture } from "../capture-io.ts";
import { main } from "../main.ts";

const run = promisify(execFile);
const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const repoRoot = resolve(import.meta.dirname, "../../../..");
const bundles = join(tmpdir(), "stepcraft-modules");

/** Leftover bundles: in the fixtures folder (never written there) and in the temporary folder. */
function leftovers(): string[] {
  const inTree = readdirSync(fixtures).filter((f) => f.includes("stepcraft.mjs"));
  let inTemp: string[] = [];
  try {
    inTemp = readdirSync(bundles).filter((f) => f.startsWith("exits-on-load") || f.startsWith("prints-on-load"));
  } catch {
    // No bundle was ever written: nothing is left either.
  }
  return [...inTree, ...inTemp];
}

describe("loading a user's workflow module cannot corrupt the CLI's output or the user's folder", () => {
  it("what a module prints while loading goes to stderr: --json stdout stays one JSON document", async () => {
    const { stdout, stderr } = await run("npx", ["--no-install", "stepcraft", "validate", "--json", join(fixtures, "prints-on-load.ts")], { cwd: repoRoot });
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stdout).not.toContain("debug: loading");
    expect(stderr).toContain("debug: loading the workflow module");
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("a module calling process.exit is a load error naming the file (exit 2, one line), not an exit of the CLI", async () => {
    const io = capture(fixtures);
    const exitBefore = process.exit;
    expect(await main(["validate", "exits-on-load.ts"], io)).toBe(2);
    expect(io.stderr()).toBe("stepcraft: cannot load 'exits-on-load.ts': it called process.exit(3) while loading; a workflow module must not exit the process\n");
    expect(leftovers()).toEqual([]);
    // The process's own exit is back.
    expect(process.exit).toBe(exitBefore);
  });

  it("the real CLI, too: exit 2 with the one-line error", async () => {
    const failed = await run("npx", ["--no-install", "stepcraft", "validate", join(fixtures, "exits-on-load.ts")], { cwd: repoRoot }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr?.trim()).toMatch(/^stepcraft: cannot load '[^']*exits-on-load\.ts': it called process\.exit\(3\)[^\n]*$/);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("bundles are written outside the user's tree", () => {
    expect(bundles.startsWith(repoRoot)).toBe(false);
  });
});
