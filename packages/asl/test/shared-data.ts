// Locates the test data the repository owns: testdata/ (copied from the shared material, with its NOTICE files).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file (packages/asl/test/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The repository's test data directory. */
export const sharedRoot = resolve(repoRoot, "testdata");

/** The real-world corpus directory. */
export const corpusDir = resolve(sharedRoot, "corpus/realworld");

/** What the corpus manifest says about one file. */
export interface CorpusEntry {
  file: string;
  expected: { validity: "valid" | "invalid" | "valid-after-substitution"; reason: string };
}

/** Every manifest entry of the real-world corpus. */
export function readCorpusManifest(): CorpusEntry[] {
  const manifest = JSON.parse(readFileSync(resolve(corpusDir, "manifest.json"), "utf8")) as { entries: CorpusEntry[] };
  return manifest.entries;
}

/** The text of one corpus file. */
export function readCorpusText(file: string): string {
  return readFileSync(resolve(corpusDir, file), "utf8");
}

/** One recorded AWS conformance case (only the fields the validator tests read). */
export interface ConformanceCase {
  id: string;
  definition: unknown;
  stateMachineType: "STANDARD" | "EXPRESS";
  expected: { status: string; cause?: unknown };
}

/** Every conformance case. */
export function readConformanceCases(): ConformanceCase[] {
  return JSON.parse(readFileSync(resolve(sharedRoot, "conformance/cases.json"), "utf8")) as ConformanceCase[];
}
