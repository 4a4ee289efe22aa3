import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is bench/src/paths.ts). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** shared/ sits beside the repository in CI's checkout and on developers' machines. */
export const sharedBenchDir: string = resolve(repoRoot, "../shared/bench");
export const sharedWorkloadsModule: string = resolve(repoRoot, "../shared/bench/workloads.mjs");
export const realworldCorpusDir: string = resolve(repoRoot, "../shared/corpus/realworld");
export const jsonataTwinsDir: string = resolve(repoRoot, "bench/workloads-jsonata");
export const conformanceCasesFile: string = resolve(repoRoot, "../shared/conformance/cases.json");
