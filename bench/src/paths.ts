import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is bench/src/paths.ts). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The benchmark workloads shared with the peer comparison (copied from shared/bench) and the corpus, both in the repository. */
export const sharedBenchDir: string = resolve(repoRoot, "bench/shared");
export const sharedWorkloadsModule: string = resolve(repoRoot, "bench/shared/workloads.mjs");
export const realworldCorpusDir: string = resolve(repoRoot, "testdata/corpus/realworld");
export const jsonataTwinsDir: string = resolve(repoRoot, "bench/workloads-jsonata");
export const conformanceCasesFile: string = resolve(repoRoot, "testdata/conformance/cases.json");
