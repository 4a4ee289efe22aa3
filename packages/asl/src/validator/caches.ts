// Lets benchmarks and tests measure the validator without the memoised grammar and JSONata results.
import { clearGrammarCache } from "./grammar-bridge.ts";
import { clearJsonataCache } from "./jsonata-check.ts";

/** Empties every memoisation cache the validator keeps. */
export function clearValidatorCaches(): void {
  clearGrammarCache();
  clearJsonataCache();
}
