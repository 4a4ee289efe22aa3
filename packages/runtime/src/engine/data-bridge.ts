/**
 * The one place the interpreter gets JSONPath-mode data processing from (`../data/`). TEMPORARY
 * stand-in with that module's contract (definite paths, `.$` templates without intrinsics,
 * ResultPath, InputPath/OutputPath) until it lands; then this file re-exports it.
 */
import type { EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";

/** What a path yields when it selects nothing. */
export const NOT_FOUND: unique symbol = Symbol("NOT_FOUND");

/** A JSONPath compiled once. */
export interface CompiledPath {
  readonly text: string;
  readonly definite: boolean;
  evaluate(input: unknown, scope: EvaluationScope): unknown;
}

/** A compiled payload template (Parameters, ResultSelector, ItemSelector). */
export interface CompiledTemplate {
  evaluate(input: unknown, scope: EvaluationScope): unknown;
}

type Step = string | number;

/** Compiles a definite JSONPath (`$`, `$$`, `$var`, `.name`, `['name']`, `[0]`). */
export function compileJsonPath(text: string): CompiledPath {
  let root: "input" | "context" | "variable";
  let i: number;
  let variable = "";
  if (text.startsWith("$$")) {
    root = "context";
    i = 2;
  } else if (/^\$[A-Za-z_]/.test(text)) {
    root = "variable";
    variable = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text)?.[1] ?? "";
    i = variable.length + 1;
  } else if (text.startsWith("$")) {
    root = "input";
    i = 1;
  } else {
    throw new StatesError("States.Runtime", `Invalid JSONPath '${text}'`);
  }
  const steps: Step[] = [];
  while (i < text.length) {
    const rest = text.slice(i);
    const dot = /^\.([^.[\]]+)/.exec(rest);
    const quoted = /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    if (dot?.[1] !== undefined) {
      steps.push(dot[1]);
      i += dot[0].length;
    } else if (quoted?.[1] !== undefined) {
      steps.push(quoted[1]);
      i += quoted[0].length;
    } else if (index?.[1] !== undefined) {
      steps.push(Number(index[1]));
      i += index[0].length;
    } else {
      throw new StatesError("States.Runtime", `Unsupported JSONPath '${text}'`);
    }
  }
  return {
    text,
    definite: true,
    evaluate(input, scope) {
      let cur: unknown = root === "input" ? input : root === "context" ? scope.context : scope.variables.read(variable);
      if (root === "variable" && cur === undefined) return NOT_FOUND;
      for (const step of steps) {
        if (cur === null || typeof cur !== "object") return NOT_FOUND;
        if (typeof step === "number") {
          if (!Array.isArray(cur) || step >= cur.length) return NOT_FOUND;
          cur = cur[step];
        } else {
          if (Array.isArray(cur) || !Object.hasOwn(cur, step)) return NOT_FOUND;
          cur = (cur as Record<string, unknown>)[step];
        }
      }
      return cur;
    },
  };
}

/** Compiles a reference path (same stand-in). */
export function compileReferencePath(text: string): CompiledPath {
  return compileJsonPath(text);
}

/** Compiles a payload template: `.$` keys evaluated, others copied. */
export function compilePayloadTemplate(template: unknown, fieldName: string): CompiledTemplate {
  const build = (node: unknown): ((input: unknown, scope: EvaluationScope) => unknown) => {
    if (Array.isArray(node)) {
      const items = node.map(build);
      return (input, scope) => items.map((f) => f(input, scope));
    }
    if (node !== null && typeof node === "object") {
      const entries = Object.entries(node).map(([key, value]): [string, (i: unknown, s: EvaluationScope) => unknown] => {
        if (key.endsWith(".$") && typeof value === "string") {
          const path = compileJsonPath(value);
          const name = key.slice(0, -2);
          return [
            name,
            (input, scope) => {
              const v = path.evaluate(input, scope);
              if (v === NOT_FOUND) {
                throw new StatesError(
                  "States.Runtime",
                  `The JSONPath '${value}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`,
                );
              }
              return v;
            },
          ];
        }
        return [key, build(value)];
      });
      return (input, scope) => {
        const out: Record<string, unknown> = {};
        for (const [k, f] of entries) Object.defineProperty(out, k, { value: f(input, scope), enumerable: true, writable: true, configurable: true });
        return out;
      };
    }
    return () => node;
  };
  void fieldName;
  const fn = build(template);
  return { evaluate: fn };
}

/** InputPath/OutputPath: null → `{}`; a path that selects nothing → States.Runtime. */
export function selectPath(input: unknown, path: CompiledPath | null, fieldName: string, scope: EvaluationScope): unknown {
  void fieldName;
  if (path === null) return {};
  const v = path.evaluate(input, scope);
  if (v === NOT_FOUND) {
    throw new StatesError("States.Runtime", `Invalid path '${path.text}' : No results for path: ${bracketed(path.text)}`);
  }
  return v;
}

function bracketed(text: string): string {
  return text.replace(/\.([^.[\]]+)/g, "['$1']");
}

/** ResultPath: undefined → result; null → raw input; a path → copy of raw input with the result placed. */
export function applyResultPath(rawInput: unknown, result: unknown, path: CompiledPath | null | undefined): unknown {
  if (path === undefined) return result;
  if (path === null) return rawInput;
  if (path.text === "$") return result;
  const steps = path.text
    .slice(1)
    .split(".")
    .filter((s) => s !== "");
  const place = (node: unknown, idx: number): unknown => {
    if (idx === steps.length) return result;
    const key = steps[idx]!;
    if (node !== undefined && (node === null || typeof node !== "object" || Array.isArray(node))) {
      throw new StatesError(
        "States.ResultPathMatchFailure",
        `Unable to apply ResultPath "${path.text}" to input ${JSON.stringify(rawInput)}`,
      );
    }
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown> | undefined) };
    Object.defineProperty(copy, key, {
      value: place(node === undefined ? undefined : (node as Record<string, unknown>)[key], idx + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  };
  return place(rawInput, 0);
}

/** Compiles an intrinsic function call (stand-in: not available until `../data/` lands). */
export function compileIntrinsic(text: string): CompiledTemplate {
  return {
    evaluate() {
      throw new StatesError("States.IntrinsicFailure", `Intrinsic functions are not available yet: ${text}`);
    },
  };
}
