import { formatJsonPathCanonical, parseJsonPath, type JsonPathAst } from "@stepcraft/asl";
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
    throw noResultsForPath(path.text, input);
  }
  return value;
}

/**
 * The States.Runtime error AWS raises when a path field (InputPath, OutputPath, ItemsPath,
 * SecondsPath, TimeoutSecondsPath, …) matches nothing. AWS evaluates these paths with Jayway
 * JsonPath and words the cause as Jayway does: a missing last property or an index out of range is
 * `Invalid path '$.X' : No results for path: $['X']` (the whole path); a missing property before the
 * last step names the path up to that property, `Invalid path '$.a.b.c' : Missing property in path
 * $['a']` (recorded: test_catch_states_runtime). `input` is what the path was evaluated on.
 */
export function noResultsForPath(pathText: string, input?: unknown): StatesError {
  const parsed = parseJsonPath(pathText);
  const missing = parsed.ok && input !== undefined ? firstMissingIntermediate(parsed.value, input) : undefined;
  const detail = missing === undefined ? `No results for path: ${canonicalPathText(pathText)}` : `Missing property in path ${missing}`;
  return new StatesError("States.Runtime", `Invalid path '${pathText}' : ${detail}`);
}

/**
 * Jayway's rendering of the path up to the first object property that is absent before the last
 * step of a `$` member/index path, or undefined when the path fails elsewhere (at its last step,
 * an index out of range, a value that is not an object): those keep "No results for path".
 */
function firstMissingIntermediate(ast: JsonPathAst, input: unknown): string | undefined {
  if (ast.root.kind !== "input") return undefined;
  let node = input;
  let rendered = "$";
  const last = ast.segments.length - 1;
  for (let i = 0; i < ast.segments.length; i++) {
    const segment = ast.segments[i];
    if (segment === undefined || segment.kind !== "child") return undefined;
    const selector = segment.selector;
    if (selector.kind === "member") {
      rendered += `['${selector.name}']`;
      if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
      if (!Object.hasOwn(node, selector.name)) return i < last ? rendered : undefined;
      node = (node as Record<string, unknown>)[selector.name];
    } else if (selector.kind === "index") {
      rendered += `[${selector.index}]`;
      if (!Array.isArray(node)) return undefined;
      const at = selector.index < 0 ? node.length + selector.index : selector.index;
      if (at < 0 || at >= node.length) return undefined;
      node = node[at];
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Jayway's bracket rendering of a path (`$.a[0]` → `$['a'][0]`) for error causes. */
export function canonicalPathText(text: string): string {
  const parsed = parseJsonPath(text);
  return parsed.ok ? formatJsonPathCanonical(parsed.value) : text;
}
