// The other half of the import promise: the generated code type-checks. Every valid real-world
// definition is imported, and all 174 modules are checked by the repository's tsc in one program,
// under the root tsconfig's strict options, so an imported workflow a user opens shows no errors.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateModule, workflowNameFromFile } from "./generate-module.ts";

const corpus = resolve(import.meta.dirname, "../../../../testdata/corpus/realworld");
const repoDir = resolve(import.meta.dirname, "../../../..");
// Inside the repository (and gitignored) so that `@stepcraft/core` resolves as the workspace package.
const scratch = resolve(import.meta.dirname, "../../.import-typecheck-tmp");
const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")) as { entries: { file: string; expected: { validity: string } }[] };
const valid = manifest.entries.filter((e) => e.expected.validity === "valid").map((e) => e.file);

interface TscRun {
  readonly code: number;
  readonly output: string;
}

function tsc(project: string): Promise<TscRun> {
  return new Promise((done) => {
    execFile(join(repoDir, "node_modules/.bin/tsc"), ["-p", project], { cwd: repoDir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, output: `${stdout}${stderr}` });
    });
  });
}

describe("stepcraft import output type-checks", () => {
  it("type-checks the modules of all 174 valid corpus definitions in one tsc program, with no errors", { timeout: 120_000 }, async () => {
    expect(valid).toHaveLength(174);
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const files: string[] = [];
    for (const [index, file] of valid.entries()) {
      const definition = JSON.parse(readFileSync(join(corpus, file), "utf8")) as Record<string, unknown>;
      const name = `imported-${String(index).padStart(3, "0")}.ts`;
      await writeFile(join(scratch, name), generateModule(definition, { name: workflowNameFromFile(file), source: file }));
      files.push(name);
    }
    await writeFile(join(scratch, "tsconfig.json"), JSON.stringify({ extends: "../../../tsconfig.json", include: [], files }, null, 2));
    const started = performance.now();
    const run = await tsc(join(scratch, "tsconfig.json"));
    const seconds = (performance.now() - started) / 1000;
    console.log(`tsc on ${files.length} imported modules: ${seconds.toFixed(1)} s, exit code ${run.code}`);
    // Each error line, with the corpus file it came from, so a failure says which definition.
    const errors = run.output
      .split("\n")
      .filter((line) => /error TS\d+/.test(line))
      .map((line) => {
        const index = Number(/imported-(\d+)\.ts/.exec(line)?.[1] ?? "-1");
        return `${valid[index] ?? "?"}: ${line}`;
      });
    expect(errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(seconds).toBeLessThan(60);
    await rm(scratch, { recursive: true, force: true });
  });
});
