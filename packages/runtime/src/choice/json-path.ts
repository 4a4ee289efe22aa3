/**
 * The one place the Choice evaluator gets JSONPath from. TEMPORARY stand-in with the exact
 * contract of `../data/`'s `compileJsonPath` (definite paths only: `$`, `$$`, `$name`, `.name`,
 * `['name']`, `[0]`) until that module lands; then this file re-exports it.
 */
import { NOT_FOUND, type CompiledPath } from "../data/compiled-path.ts";
import { StatesError } from "../errors.ts";

export { NOT_FOUND, type CompiledPath };

type Step = string | number;

/** Compiles a definite JSONPath. */
export function compileJsonPath(text: string): CompiledPath {
  let root: "input" | "context" | "variable";
  let i: number;
  let variable = "";
  if (text.startsWith("$$")) {
    root = "context";
    i = 2;
  } else if (text.startsWith("$") && /^[A-Za-z_]/.test(text.slice(1))) {
    root = "variable";
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    variable = m?.[1] ?? "";
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
      throw new StatesError("States.Runtime", `Invalid JSONPath '${text}'`);
    }
  }
  return {
    text,
    definite: true,
    evaluate(input, scope) {
      let node: unknown =
        root === "input" ? input : root === "context" ? scope.context : scope.variables.read(variable);
      if (node === undefined) return NOT_FOUND;
      for (const step of steps) {
        if (typeof step === "number") {
          if (!Array.isArray(node) || step >= node.length) return NOT_FOUND;
          node = node[step];
        } else {
          if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, step)) {
            return NOT_FOUND;
          }
          node = (node as Record<string, unknown>)[step];
        }
      }
      return node;
    },
  };
}
