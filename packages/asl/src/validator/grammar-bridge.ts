// The one place the validator talks to the JSONPath and intrinsic-function grammars.
// Each check returns undefined when the text is fine, or a short reason when it is not.

/** Checks a full JSONPath (`$`, `$$` or `$variable` roots, filters and wildcards allowed). */
export function checkPath(text: string): string | undefined {
  return text.startsWith("$") ? undefined : "a path must start with '$'";
}

/** Checks a reference path: a single node, reached with `.name` and `[index]` steps only. */
export function checkReferencePath(text: string): string | undefined {
  if (!text.startsWith("$")) return "a path must start with '$'";
  return /[@,:?*]|\.\./.test(text) ? "a reference path may only use '.name' and '[index]' steps" : undefined;
}

/** True when the text is written as an intrinsic function call (`States.Name(...)`). */
export function looksLikeIntrinsicCall(text: string): boolean {
  return text.startsWith("States.");
}

/** Checks an intrinsic function call: known name, right arity, well-formed arguments. */
export function checkIntrinsicCall(text: string): string | undefined {
  return /^States\.[A-Za-z0-9]+\(.*\)$/s.test(text) ? undefined : "not a well-formed intrinsic function call";
}
