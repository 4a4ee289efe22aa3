// `npm create stepcraft my-app` (the create-stepcraft bin, from its packed tarball) scaffolds a
// project outside the repository; with the packed packages installed, its `npm test` and
// `npx cdk synth` pass, and `npx stepcraft` runs compiled JavaScript: --version loads no compiler or
// loader, and a .ts workflow module is still loaded (esbuild brought in only then).
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { packagesLoadedBy } from "../../scripts/testing/loaded-packages.ts";
import { npmInstall, packAll, removeScratch, run, scratchDir, tarballs, writeFiles, type PackedPackage } from "./support.ts";

vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

let root: string;
let app: string;
let packed: Map<string, PackedPackage>;
const stepcraftPackages = ["@stepcraft/asl", "@stepcraft/core", "@stepcraft/graph", "@stepcraft/runtime", "@stepcraft/cdk", "@stepcraft/cli"];

beforeAll(() => {
  root = scratchDir("scaffold");
  packed = packAll(join(root, "tarballs"));
  // What `npm create stepcraft` does: install create-stepcraft and run its bin.
  const tools = join(root, "tools");
  writeFiles(tools, { "package.json": `${JSON.stringify({ name: "tools", private: true })}\n` });
  npmInstall(tools, tarballs(packed, [...stepcraftPackages, "create-stepcraft"]));
  run(join(tools, "node_modules/.bin/create-stepcraft"), ["my-app", "--no-install"], { cwd: root });
  app = join(root, "my-app");
  npmInstall(app, tarballs(packed, stepcraftPackages));
}, 900_000);

afterAll(() => removeScratch(root));

/** Median wall time of `count` runs of a command, in ms. */
function medianMs(count: number, command: string, args: readonly string[], cwd: string): number {
  const times = Array.from({ length: count }, () => run(command, args, { cwd }).ms).sort((a, b) => a - b);
  return times[Math.floor(count / 2)]!;
}

describe("a project made by npm create stepcraft", () => {
  it("depends on the stepcraft packages it was installed with", () => {
    const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies["@stepcraft/core"]).toMatch(/^file:/);
  });

  it("passes its own npm test (tsc, then the workflow's tests on the local runtime)", () => {
    const result = run("npm", ["test"], { cwd: app });
    expect(result.stdout).toMatch(/2 passed/);
  });

  it("synthesizes with npx cdk synth", () => {
    run("npx", ["--no-install", "cdk", "synth", "--quiet", "--no-notices", "--ci", "--no-version-reporting"], { cwd: app });
    const template = JSON.parse(readFileSync(join(app, "cdk.out", "MyAppStack.template.json"), "utf8")) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(template.Resources).map((r) => r.Type)).toContain("AWS::StepFunctions::StateMachine");
  });
});

describe("npx stepcraft from node_modules/.bin", () => {
  // What --version loads, not how long it takes (a wall-clock limit fails on a loaded machine; the
  // start time is printed for the record): compiled JavaScript only, no compiler or loader.
  it("runs --version as compiled JavaScript: no esbuild, tsx or TypeScript is loaded", () => {
    const bin = join(app, "node_modules/.bin/stepcraft");
    expect(run(bin, ["--version"], { cwd: app }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const binFile = realpathSync(bin);
    const body = `process.argv = [process.execPath, ${JSON.stringify(binFile)}, "--version"]; await import(${JSON.stringify(pathToFileURL(binFile).href)});`;
    const loaded = packagesLoadedBy(body, { cwd: app, sources: false });
    expect(loaded).toContain("@stepcraft/cli");
    expect(loaded.filter((name) => ["esbuild", "tsx", "typescript", "ts-morph"].includes(name))).toEqual([]);
    const bare = medianMs(5, process.execPath, ["-e", ""], app);
    const cli = medianMs(5, bin, ["--version"], app);
    console.log(`stepcraft --version: ${cli.toFixed(0)} ms, node -e "": ${bare.toFixed(0)} ms, ratio ${(cli / bare).toFixed(2)}`);
  });

  it("says how to get stepcraft serve when @stepcraft/server (an optional peer) is not installed", () => {
    const result = run("npx", ["--no-install", "stepcraft", "serve", "--port", "0"], { cwd: app, allowFailure: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("stepcraft serve needs the @stepcraft/server package: npm install --save-dev @stepcraft/server");
  });

  it("still loads a user's .ts workflow module (validate and run)", () => {
    const validated = run("npx", ["--no-install", "stepcraft", "validate", "src/workflow.ts"], { cwd: app });
    expect(validated.stdout).toContain("valid");
    const ran = run("npx", ["--no-install", "stepcraft", "run", "src/workflow.ts", "--input", '{"name":"Ada"}', "--json"], { cwd: app });
    expect(JSON.parse(ran.stdout)).toMatchObject({ status: "SUCCEEDED", output: { name: "Ada", greeting: { message: "Hello, Ada!" } } });
  });
});
