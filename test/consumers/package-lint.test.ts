// publint and @arethetypeswrong/cli over every packed package. Entry points with a `require`
// condition must resolve for CommonJS and ESM consumers under node16 resolution (node10 is
// ignored: TypeScript 6 deprecates it); ESM-only entry points (the CLI, /vitest, since vitest is
// ESM-only) are checked with attw's esm-only profile.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readPackage } from "../../scripts/packaging/package-manifest.ts";
import { packAll, publishedPackageDirs, removeScratch, repoRoot, run, scratchDir, type PackedPackage } from "./support.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let dir: string;
let packed: Map<string, PackedPackage>;
const bin = (name: string): string => join(repoRoot, "node_modules/.bin", name);

beforeAll(() => {
  dir = scratchDir("lint");
  packed = packAll(dir);
});
afterAll(() => removeScratch(dir));

/** The package's entry points (attw's names: "." for the root, else the subpath without "./"), split by whether a require can reach them. */
function entryPoints(packageDir: string): { dual: string[]; esmOnly: string[] } {
  const manifest = readPackage(packageDir);
  const subpaths = [...new Set(manifest.targets.filter((t) => !t.subpath.startsWith("bin:") && t.subpath !== "./package.json" && !t.path.endsWith(".json")).map((t) => t.subpath))];
  const requirable = (subpath: string): boolean => manifest.targets.some((t) => t.subpath === subpath && t.condition.split(".").includes("require"));
  const attwName = (subpath: string): string => (subpath === "." ? "." : subpath.slice(2));
  return { dual: subpaths.filter(requirable).map(attwName), esmOnly: subpaths.filter((s) => !requirable(s)).map(attwName) };
}

describe.each(publishedPackageDirs().map((packageDir) => [readPackage(packageDir).name, packageDir] as const))("%s", (name, packageDir) => {
  it("passes publint", () => {
    const result = run(bin("publint"), [packageDir, "--strict"], { cwd: repoRoot, allowFailure: true });
    expect(result.stdout + result.stderr).toContain("All good!");
    expect(result.status).toBe(0);
  });

  it("passes @arethetypeswrong/cli", () => {
    const tarball = packed.get(name)!.tarball;
    const { dual, esmOnly } = entryPoints(packageDir);
    if (dual.length === 0 && esmOnly.length === 0) return; // a bin-only package (create-stepcraft) has no types to check
    for (const [profile, entries] of [["node16", dual], ["esm-only", esmOnly]] as const) {
      if (entries.length === 0) continue;
      const result = run(bin("attw"), [tarball, "--profile", profile, "--entrypoints", ...entries, "--format", "ascii"], { cwd: repoRoot, allowFailure: true });
      // attw exits 0 when every problem it shows is one the profile ignores (node10; CommonJS for esm-only).
      const output = `${result.stdout}${result.stderr}`;
      const unignored = output.split("\n").filter((line) => /💀|❗️|🐛|🥴|🚭|❌|⚠️/u.test(line) && !line.includes("ignored"));
      expect({ profile, entries, unignored }).toEqual({ profile, entries, unignored: [] });
      expect(result.status, output).toBe(0);
    }
  });

  it("ships no tests, fixtures or golden files", () => {
    const files = packed.get(name)!.files;
    expect(files.filter((f) => /\.test\.|\/(test-fixtures|fixtures|golden)\//.test(f))).toEqual([]);
  });
});

describe("@stepcraft/server's console", () => {
  it("ships the built console (page, bundle, stylesheet), not its TypeScript sources", () => {
    const files = packed.get("@stepcraft/server")!.files;
    expect(files.filter((f) => f.startsWith("dist/console/")).sort()).toEqual(["dist/console/console.css", "dist/console/console.js", "dist/console/console.js.map", "dist/console/index.html"]);
    expect(files.filter((f) => f.startsWith("console/") || f.startsWith("scripts/"))).toEqual([]);
  });
});
