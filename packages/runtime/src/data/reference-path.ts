import { parseReferencePath } from "@stepcraft/asl";
import { StatesError } from "../errors.ts";
import type { CompiledReferencePath, ReferenceStep } from "./compiled-path.ts";
import { compileJsonPathAst } from "./compile-json-path.ts";
import { isJsonObject, setOwn, shallowCopy } from "./json-values.ts";
import { copyNumberTexts } from "./number-text.ts";

/** Compile a reference path (member and index steps only), readable and writable. */
export function compileReferencePath(text: string): CompiledReferencePath {
  const parsed = parseReferencePath(text);
  if (!parsed.ok) {
    throw new StatesError("States.Runtime", `Invalid reference path '${text}': ${parsed.error.message} (at offset ${parsed.error.offset})`);
  }
  const ast = parsed.value;
  const steps: ReferenceStep[] = ast.segments.map((segment) => {
    if (segment.kind === "child" && segment.selector.kind === "member") return segment.selector.name;
    if (segment.kind === "child" && segment.selector.kind === "index") return segment.selector.index;
    throw new Error("parseReferencePath admits member and index steps only");
  });
  const root = ast.root.kind === "current" ? "input" : ast.root.kind;
  return { ...compileJsonPathAst(ast), root, steps };
}

/**
 * Merge a state's result into its raw input as ResultPath says: absent (`undefined`) → the result
 * replaces the input; `null` → the result is discarded; a path → a copy of the input with the
 * result placed there. Only the objects along the path are copied; the input is never mutated.
 */
export function applyResultPath(rawInput: unknown, result: unknown, resultPath: CompiledReferencePath | null | undefined): unknown {
  if (resultPath === undefined) return result;
  if (resultPath === null) return rawInput;
  const target = resultPath;
  if (target.root !== "input") {
    throw new StatesError("States.Runtime", `ResultPath '${target.text}' must be a path on the state input ('$…'), not on ${target.root === "context" ? "the context object" : "a variable"}`);
  }
  const { steps } = target;
  if (steps.length === 0) return result;
  return placeAt(rawInput, 0);

  function placeAt(node: unknown, depth: number): unknown {
    const step = steps[depth] as ReferenceStep;
    const isLast = depth === steps.length - 1;
    if (typeof step === "number") {
      const at = Array.isArray(node) ? (step < 0 ? node.length + step : step) : -1;
      if (!Array.isArray(node) || at < 0 || at >= node.length) throw matchFailure(target, rawInput);
      const copy = node.slice();
      copy[at] = isLast ? result : placeAt(node[at], depth + 1);
      copyNumberTexts(node, copy, at);
      return copy;
    }
    if (!isJsonObject(node)) throw matchFailure(target, rawInput);
    const copy = shallowCopy(node);
    // A missing intermediate object is created; AWS fills the path in.
    const child = Object.hasOwn(node, step) ? node[step] : {};
    setOwn(copy, step, isLast ? result : placeAt(child, depth + 1));
    copyNumberTexts(node, copy, step);
    return copy;
  }
}

function matchFailure(resultPath: CompiledReferencePath, rawInput: unknown): StatesError {
  return new StatesError("States.ResultPathMatchFailure", `Unable to apply ReferencePath ${resultPath.text} to input ${JSON.stringify(rawInput)}`);
}
