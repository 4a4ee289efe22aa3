import { formatJsonPathCanonical, parseJsonPath } from "@stepcraft/asl";
import { StatesError } from "../errors.ts";
import { NOT_FOUND, type CompiledPath } from "./compiled-path.ts";
import type { EvaluationScope } from "./scope.ts";

/**
 * Apply InputPath or OutputPath: `null` selects `{}`, a path that matches nothing fails with
 * States.Runtime worded as AWS does (`Invalid path '$.X' : No results for path: $['X']`).
 * `fieldName` names the field in diagnostics of callers; AWS's wording does not include it.
 */
export function selectPath(input: unknown, path: CompiledPath | null, fieldName: string, scope: EvaluationScope): unknown {
  void fieldName;
  if (path === null) return {};
  const value = path.evaluate(input, scope);
  if (value === NOT_FOUND) {
    throw noResultsForPath(path.text);
  }
  return value;
}

/**
 * The States.Runtime error AWS raises when a path field (InputPath, OutputPath, ItemsPath,
 * SecondsPath, TimeoutSecondsPath, …) matches nothing: Jayway's message, with the path as written
 * and then in its bracket rendering (`Invalid path '$.X' : No results for path: $['X']`).
 */
export function noResultsForPath(pathText: string): StatesError {
  return new StatesError("States.Runtime", `Invalid path '${pathText}' : No results for path: ${canonicalPathText(pathText)}`);
}

/** Jayway's bracket rendering of a path (`$.a[0]` → `$['a'][0]`) for error causes. */
export function canonicalPathText(text: string): string {
  const parsed = parseJsonPath(text);
  return parsed.ok ? formatJsonPathCanonical(parsed.value) : text;
}
