import type { CaseActual, ConformanceCase } from "./case-types.ts";
import { deleteAtPath, getAtPath } from "./case-paths.ts";
import { jsonEquals } from "../data/json-values.ts";
import { numberTokens } from "./number-tokens.ts";
import { normaliseBranchEvents, sortAsRecorded } from "./recorded-parallel-order.ts";

/** The comparable part of an outcome, rooted like the cases' `ignore`/`patterns` paths. */
interface Comparable {
  status: string;
  output?: unknown;
  error?: unknown;
  cause?: unknown;
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function present(doc: Comparable): Record<string, unknown> {
  const out: Record<string, unknown> = { status: doc.status };
  if (doc.output !== undefined) out["output"] = copy(doc.output);
  if (doc.error !== undefined) out["error"] = doc.error;
  if (doc.cause !== undefined) out["cause"] = copy(doc.cause);
  return out;
}

/**
 * Compares what the runtime did with what AWS recorded, following the runner spec: status
 * first; error and cause for failures (an object cause was JSON text at AWS); output after
 * `ignore` and `patterns`; number formatting against `outputText`. Returns why it differs
 * (empty when the case passes).
 */
export function compareOutcome(c: ConformanceCase, actual: CaseActual): string[] {
  const reasons: string[] = [];
  const exp = c.expected;
  if (exp.status !== actual.status) {
    reasons.push(`status: expected ${exp.status}, got ${actual.status}`);
    return reasons;
  }
  if (exp.status === "CREATE_FAILED" || c.timeSensitive === true) return reasons;

  const expectedCauseIsObject = exp.cause !== null && typeof exp.cause === "object";
  const expected = present({ status: exp.status, output: exp.output, error: exp.error, cause: exp.cause });
  const got = present({
    status: actual.status,
    output: exp.status === "SUCCEEDED" ? actual.output : undefined,
    error: actual.error,
    cause: actual.cause !== undefined && expectedCauseIsObject ? parseMaybe(actual.cause) : actual.cause,
  });
  if (exp.status === "TIMED_OUT") {
    // AWS reports neither for an execution timeout in these cases; compare only what it recorded.
    if (!("error" in expected)) delete got["error"];
    if (!("cause" in expected)) delete got["cause"];
  }

  for (const path of c.ignore ?? []) {
    deleteAtPath(expected, path);
    deleteAtPath(got, path);
  }
  for (const [path, pattern] of Object.entries(c.patterns ?? {})) {
    const value = getAtPath(got, path);
    if (typeof value !== "string" || !new RegExp(pattern).test(value)) {
      reasons.push(`pattern ${path}: ${JSON.stringify(value)} does not match /${pattern}/`);
    }
    deleteAtPath(expected, path);
    deleteAtPath(got, path);
  }
  for (const field of ["error", "cause", "output"] as const) {
    if (!jsonEquals(expected[field], got[field])) {
      reasons.push(`${field}: expected ${JSON.stringify(expected[field])}, got ${JSON.stringify(got[field])}`);
    }
  }
  const masked = (c.ignore?.length ?? 0) > 0 || Object.keys(c.patterns ?? {}).length > 0;
  if (!masked && exp.outputText !== undefined && actual.outputText !== undefined && exp.outputText !== actual.outputText) {
    const sameNumbers = numberTokens(exp.outputText).join(",") === numberTokens(actual.outputText).join(",");
    if (!sameNumbers) reasons.push(`outputText: expected ${exp.outputText}, got ${actual.outputText}`);
  }
  return reasons;
}

/**
 * Whether the history's event types (and state names) match the recorded sequence. A case
 * recorded through the Parallel transformer (see recorded-parallel-order.ts) is compared with
 * the local history put through the same transformer; the transformer's sort key leads with
 * each event's timestamp, which a virtual clock does not reproduce, so the events of each run
 * it sorted are then compared in one order on both sides.
 */
export function historyMatches(c: ConformanceCase, actual: CaseActual): boolean | undefined {
  if (c.history === undefined || actual.history === undefined) return undefined;
  const sorted = recordedWithParallelSort(c);
  const expected = sorted ? normaliseBranchEvents(c.history) : c.history;
  const got = sorted ? normaliseBranchEvents(sortAsRecorded(actual.history)) : actual.history;
  return expected.length === got.length && expected.every((e, i) => e === got[i]);
}

/** The case's history went through the recording test's Parallel transformer (its note says so). */
function recordedWithParallelSort(c: ConformanceCase): boolean {
  return c.historyNote?.includes("re-sorted") === true;
}
