import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args.ts";
import { repoRoot } from "./paths.ts";

describe("parseArgs", () => {
  it("defaults to a full run of everything with no JSON", () => {
    expect(parseArgs([])).toEqual({ quick: false, only: undefined, json: undefined, help: false });
  });
  it("reads --quick, --only and --json", () => {
    expect(parseArgs(["--quick", "--only", "a,b0", "--json", "out.json"])).toEqual({
      quick: true,
      only: ["a", "b0"],
      json: "out.json",
      help: false,
    });
  });
  it("accepts --flag=value and repeated --only", () => {
    const args = parseArgs(["--only=a", "--only", " g-cold , ", "--json=r.json"]);
    expect(args.only).toEqual(["a", "g-cold"]);
    expect(args.json).toBe("r.json");
  });
  it("rejects unknown flags, missing values and empty selections", () => {
    expect(() => parseArgs(["--fast"])).toThrow(new UsageError("unknown argument: --fast"));
    expect(() => parseArgs(["--only"])).toThrow(UsageError);
    expect(() => parseArgs(["--json", "--quick"])).toThrow(/--json needs a value/);
    expect(() => parseArgs(["--only", ","])).toThrow(UsageError);
    expect(() => parseArgs(["--quick=yes"])).toThrow(UsageError);
  });
});

describe("the bench command line", () => {
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", main, ...args], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });

  it("exits 2 with a message and the usage on an unknown flag", () => {
    const result = run("--bogus");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown argument: --bogus");
    expect(result.stderr).toContain("usage: npm run bench");
    expect(result.stdout).toBe("");
  });
  it("exits 2 on an unknown workload", () => {
    const result = run("--only", "zz");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown workload(s): zz");
  });
});

describe("parseArgs error wording", () => {
  it("names the argument node:util rejected", () => {
    expect(() => parseArgs(["stray"])).toThrow(new UsageError("unknown argument: stray"));
    expect(() => parseArgs(["--only"])).toThrow(new UsageError("--only needs a value"));
    expect(() => parseArgs(["--quick=yes"])).toThrow(new UsageError("--quick takes no value"));
    expect(() => parseArgs(["--json="])).toThrow(new UsageError("--json needs a file name"));
  });
});
