import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { captureIo as capture } from "../capture-io.ts";
import { main } from "../main.ts";
import { LOAD_TIMEOUT_VARIABLE } from "./load-deadline.ts";

const run = promisify(execFile);
const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const repoRoot = resolve(import.meta.dirname, "../../../..");
const bundles = join(tmpdir(), "stepcraft-modules");

/** Leftover bundles: in the fixtures folder (never written there) and in the temporary folder. */
function leftovers(): string[] {
  const inTree = readdirSync(fixtures).filter((f) => f.includes("stepcraft.mjs"));
  let inTemp: string[] = [];
  try {
    inTemp = readdirSync(bundles).filter((f) => /^(exits|prints|loops|awaits-forever)-on-load/.test(f));
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

  it("a module still loading after the time limit (an endless loop at its top level) is a load error naming the file, not a hung CLI", async () => {
    const io = capture(fixtures);
    const before = process.env[LOAD_TIMEOUT_VARIABLE];
    process.env[LOAD_TIMEOUT_VARIABLE] = "1000";
    try {
      expect(await main(["validate", "--json", "never-loads/loops-on-load.ts"], io)).toBe(2);
    } finally {
      if (before === undefined) delete process.env[LOAD_TIMEOUT_VARIABLE];
      else process.env[LOAD_TIMEOUT_VARIABLE] = before;
    }
    // --json: the error is the one JSON document on stdout.
    expect(JSON.parse(io.stdout())).toEqual({
      error: {
        type: "UsageError",
        exitCode: 2,
        message: `cannot load 'never-loads/loops-on-load.ts': it was still loading after 1 s (a loop, or a top-level await that never settles?); a workflow module must finish loading promptly (${LOAD_TIMEOUT_VARIABLE} sets the limit in milliseconds)`,
      },
    });
    expect(leftovers()).toEqual([]);
  }, 30_000);

  it("the real CLI, too: a module that loops at load ends the command with exit 2 and the one-line error", async () => {
    const env = { ...process.env, [LOAD_TIMEOUT_VARIABLE]: "1500" };
    const failed = await run("npx", ["--no-install", "stepcraft", "run", join(fixtures, "never-loads", "loops-on-load.ts")], { cwd: repoRoot, env }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr?.trim()).toMatch(/^stepcraft: cannot load '[^']*loops-on-load\.ts': it was still loading after 1\.5 s[^\n]*$/);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("a module whose top-level await never settles is a load error too, not a CLI that quietly stops", async () => {
    const io = capture(fixtures);
    const before = process.env[LOAD_TIMEOUT_VARIABLE];
    process.env[LOAD_TIMEOUT_VARIABLE] = "1000";
    try {
      expect(await main(["validate", "never-loads/awaits-forever-on-load.ts"], io)).toBe(2);
    } finally {
      if (before === undefined) delete process.env[LOAD_TIMEOUT_VARIABLE];
      else process.env[LOAD_TIMEOUT_VARIABLE] = before;
    }
    expect(io.stderr()).toMatch(/^stepcraft: cannot load 'never-loads\/awaits-forever-on-load\.ts': it was still loading after 1 s [^\n]*\n$/);
    expect(leftovers()).toEqual([]);
  }, 30_000);

  it("bundles are written outside the user's tree", () => {
    expect(bundles.startsWith(repoRoot)).toBe(false);
  });
});
