/**
 * Compiles a JSONPath-mode Choice state's `Choices` and `Default` into a decision: the first rule
 * (in array order) that holds wins, else `Default`, else `States.NoChoiceMatched`. InputPath,
 * OutputPath and Assign stay with the state runner; this module only picks the branch.
 */
import type { EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";
import { compileChoiceRule, type CompiledChoiceRule } from "./compile-rule.ts";

/** The branch a Choice state takes. Preallocated at compile time: returning one allocates nothing. */
export type ChoiceBranch =
  /** A rule matched: `index` into `Choices` (for its `Assign`), `next` its `Next`. */
  | { readonly kind: "rule"; readonly index: number; readonly next: string }
  /** No rule matched and the state has a `Default`. */
  | { readonly kind: "default"; readonly next: string };

/** A Choice state ready to decide. */
export interface CompiledChoiceState {
  /** The branch taken for this effective input; raises `States.NoChoiceMatched` when none applies. */
  choose(input: unknown, scope: EvaluationScope): ChoiceBranch;
}

/** [?] AWS's wording is not in the recorded cases; this says what happened in AWS's terms. */
export const NO_CHOICE_MATCHED_CAUSE = "No Choice Rule matched the input and the Choice state has no Default.";

function invalidState(location: string, problem: string): StatesError {
  return new StatesError("States.Runtime", `Invalid Choice state at ${location}: ${problem}`);
}

/** Compiles the Choice state object found at `location` (a JSON pointer such as `/States/Check`). */
export function compileChoiceState(state: unknown, location: string): CompiledChoiceState {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw invalidState(location, "a state must be a JSON object");
  }
  const { Choices: choices, Default: fallback } = state as Record<string, unknown>;
  if (!Array.isArray(choices) || choices.length === 0) throw invalidState(location, "'Choices' must be a non-empty array");
  if (fallback !== undefined && typeof fallback !== "string") throw invalidState(location, "'Default' must be a state name");

  const rules: CompiledChoiceRule[] = [];
  const branches: ChoiceBranch[] = [];
  choices.forEach((rule: unknown, index) => {
    const where = `${location}/Choices/${index}`;
    const next = typeof rule === "object" && rule !== null ? (rule as Record<string, unknown>)["Next"] : undefined;
    if (typeof next !== "string") throw invalidState(where, "a top-level Choice rule needs 'Next'");
    rules.push(compileChoiceRule(rule, where));
    branches.push({ kind: "rule", index, next });
  });
  const defaultBranch: ChoiceBranch | undefined = fallback === undefined ? undefined : { kind: "default", next: fallback };

  return {
    choose(input, scope) {
      for (let i = 0; i < rules.length; i++) {
        // Both arrays were filled in step above, so index i exists in each.
        if ((rules[i] as CompiledChoiceRule).evaluate(input, scope)) return branches[i] as ChoiceBranch;
      }
      if (defaultBranch !== undefined) return defaultBranch;
      throw new StatesError("States.NoChoiceMatched", NO_CHOICE_MATCHED_CAUSE);
    },
  };
}
