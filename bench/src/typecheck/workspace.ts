// Writes the two fixtures into a temp dir inside the repository (so `@stepcraft/core` and
// `aws-cdk-lib` resolve through node_modules the way a user's imports do) and runs tsc on each.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../paths.ts";
import { CDK_BASELINE, TYPED_BASELINE } from "./baseline-fixtures.ts";
import { generateCdkFixture } from "./cdk-fixture.ts";
import { HANDLER_FILE, HANDLER_SOURCE, generateTypedFixture } from "./typed-fixture.ts";

/** Ignored by bench/.gitignore. */
export const typecheckTmpRoot: string = join(repoRoot, "bench/.typecheck-tmp");
const tsc = join(repoRoot, "node_modules/.bin/tsc");

export type Side = "ours" | "cdk";
/** Each side's fixture, and its two-state baseline with the same imports. */
export type Program = Side | `${Side}-baseline`;
export const PROGRAMS: readonly Program[] = ["ours", "cdk", "ours-baseline", "cdk-baseline"];

export interface FixtureDir {
  readonly dir: string;
  readonly tsconfig: Record<Program, string>;
  readonly source: Record<Program, string>;
  remove(): void;
}

/** Both fixtures of `stateCount` states, each with a tsconfig extending the repository's (same strict options). */
export function writeFixtures(stateCount: number): FixtureDir {
  mkdirSync(typecheckTmpRoot, { recursive: true });
  const dir = mkdtempSync(join(typecheckTmpRoot, `states-${stateCount}-`));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  writeFileSync(join(dir, HANDLER_FILE), HANDLER_SOURCE);
  const files: Record<Program, string> = {
    ours: "stepcraft-workflow.ts",
    cdk: "cdk-workflow.ts",
    "ours-baseline": "stepcraft-baseline.ts",
    "cdk-baseline": "cdk-baseline.ts",
  };
  writeFileSync(join(dir, files.ours), generateTypedFixture(stateCount));
  writeFileSync(join(dir, files.cdk), generateCdkFixture(stateCount));
  writeFileSync(join(dir, files["ours-baseline"]), TYPED_BASELINE);
  writeFileSync(join(dir, files["cdk-baseline"]), CDK_BASELINE);
  const tsconfig = (program: Program): string => {
    const path = join(dir, `tsconfig.${program}.json`);
    // `include: []` drops the root config's globs; each program is its fixture plus the handler.
    // No source condition: @stepcraft/core resolves to its built .d.ts, as in a user's project.
    const config = { extends: relative(dir, join(repoRoot, "tsconfig.json")), compilerOptions: { customConditions: [] }, include: [], files: [files[program], HANDLER_FILE] };
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
    return path;
  };
  const each = <T>(f: (program: Program) => T): Record<Program, T> =>
    ({ ours: f("ours"), cdk: f("cdk"), "ours-baseline": f("ours-baseline"), "cdk-baseline": f("cdk-baseline") });
  return {
    dir,
    tsconfig: each(tsconfig),
    source: each((program) => join(dir, files[program])),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TscRun {
  readonly exitCode: number;
  /** stdout and stderr together: diagnostics and the --extendedDiagnostics table. */
  readonly output: string;
  /** Wall time of the tsc process, start-up included. */
  readonly wallSeconds: number;
}

/** `tsc -p <tsconfig> --extendedDiagnostics` with the repository's TypeScript. */
export function runTsc(tsconfig: string): Promise<TscRun> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(tsc, ["-p", tsconfig, "--extendedDiagnostics"], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ exitCode, output: `${stdout}${stderr}`, wallSeconds });
    });
  });
}
