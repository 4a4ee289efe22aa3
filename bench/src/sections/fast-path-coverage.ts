// JSONata fast-path coverage: the share of JSONata expressions that the runtime compiles to
// JavaScript (and so evaluates without the general `jsonata` evaluator), in the real-world corpus,
// the AWS-recorded conformance cases, the typed builder's output and the bench's own JSONata twins.
import { readFileSync } from "node:fs";
import { fastPathCoverage } from "@stepcraft/runtime";
import { buildBigWorkflow } from "../compiler/big-workflow.ts";
import { conformanceCasesFile } from "../paths.ts";
import type { Workload } from "../workloads.ts";
import { loadCorpus } from "./validator.ts";

export interface CoverageCount {
  /** `{% … %}` expressions found (every occurrence). */
  readonly expressions: number;
  /** Of those, the ones the fast path compiles. */
  readonly fast: number;
  /** fast / expressions, or null when there are none. */
  readonly share: number | null;
  /** Distinct texts left to the general evaluator. */
  readonly outside: readonly string[];
}

export interface FastPathCoverageResult {
  readonly corpus: CoverageCount;
  readonly conformance: CoverageCount;
  /** The compiler section's 1,000-state workflow, built in JSONata with the typed builder. */
  readonly builder: CoverageCount;
  readonly twins: CoverageCount;
  readonly errors: string[];
}

/** States in the builder workflow measured (the compiler section's size). */
const BUILDER_STATES = 1000;

export function count(definitions: Iterable<unknown>): CoverageCount {
  const { expressions, fast, outside } = fastPathCoverage(definitions);
  return { expressions, fast, share: expressions === 0 ? null : fast / expressions, outside };
}

const EMPTY: CoverageCount = { expressions: 0, fast: 0, share: null, outside: [] };

/** Measures all four sources; a source that cannot be read counts nothing and says why in `errors`. */
export function measureFastPathCoverage(twins: readonly Workload[]): FastPathCoverageResult {
  const errors: string[] = [];
  const guarded = (source: string, read: () => Iterable<unknown>): CoverageCount => {
    try {
      return count(read());
    } catch (error) {
      errors.push(`${source}: ${error instanceof Error ? error.message : String(error)}`);
      return EMPTY;
    }
  };
  return {
    corpus: guarded("corpus", () => loadCorpus()),
    conformance: guarded("conformance", () => conformanceDefinitions()),
    builder: guarded("builder", () => [buildBigWorkflow(BUILDER_STATES, "JSONata").toAsl()]),
    twins: guarded("twins", () => twins.filter((w) => w.jsonata).map((w) => w.definition)),
    errors,
  };
}

function conformanceDefinitions(file: string = conformanceCasesFile): unknown[] {
  const cases: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(cases)) throw new Error(`${file} is not an array of cases`);
  return cases.map((c: unknown) => (typeof c === "object" && c !== null ? (c as { definition?: unknown }).definition : undefined));
}
