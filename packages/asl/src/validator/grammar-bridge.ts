// The one place the validator talks to the JSONPath and intrinsic-function grammars.
// Each check returns undefined when the text is fine, or a short reason when it is not.
// Results are memoised: definitions repeat the same paths, and the validator must stay cheap.
import { checkIntrinsicArity, looksLikeIntrinsic, parseIntrinsic } from "../intrinsic/index.ts";
import { parseJsonPath, parseReferencePath, type GrammarError } from "../jsonpath/index.ts";

const MAX_CACHE_ENTRIES = 10_000;
const caches: Array<Map<string, string | null>> = [];

/** Empties the memoised grammar results (for benchmarks). */
export function clearGrammarCache(): void {
  for (const cache of caches) cache.clear();
}

/** Wraps a grammar check with a cache; a check that throws yields a reason, never "valid". */
export function memoise(check: (text: string) => string | undefined): (text: string) => string | undefined {
  const cache = new Map<string, string | null>();
  caches.push(cache);
  return (text) => {
    const cached = cache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    let reason: string | undefined;
    try {
      reason = check(text);
    } catch (error) {
      // Every grammar bounds its own recursion, so this is a grammar bug; it must not take the
      // validator down, nor pass as valid (the runtime would then fail on the same text).
      reason = `it could not be checked (${error instanceof Error ? error.message : String(error)}); simplify it`;
    }
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(text, reason ?? null);
    return reason;
  };
}

function describe(error: GrammarError): string {
  return `${error.message} at character ${error.offset + 1}`;
}

// Jayway (AWS's JSONPath engine) trims the path before compiling it, and a published sample relies
// on that ('$$.Execution.Name ' in aws-stepfunctions-examples decompose-for-parallelism).
/** Checks a full JSONPath (`$`, `$$` or `$variable` roots, filters and wildcards allowed). */
export const checkPath = memoise((text) => {
  const result = parseJsonPath(text.trim());
  return result.ok ? undefined : describe(result.error);
});

/** Checks a reference path: a single node, reached with `.name` and `[index]` steps only. */
export const checkReferencePath = memoise((text) => {
  const result = parseReferencePath(text.trim());
  return result.ok ? undefined : describe(result.error);
});

/** True when the text is written as an intrinsic function call (`States.Name(...)`). */
export function looksLikeIntrinsicCall(text: string): boolean {
  return looksLikeIntrinsic(text);
}

/** Checks an intrinsic function call: known name, right arity, well-formed arguments. */
export const checkIntrinsicCall = memoise((text) => {
  const result = parseIntrinsic(text);
  if (!result.ok) return describe(result.error);
  const [first] = checkIntrinsicArity(result.value);
  return first === undefined ? undefined : describe(first);
});
