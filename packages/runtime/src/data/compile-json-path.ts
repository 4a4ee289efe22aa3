// Compiles paths parsed by @stepcraft/asl (our own JSONPath grammar, for AWS's dialect: see
// jsonpath-parser.ts there) into evaluators with AWS's results and error causes.
import { isDefinitePath, parseJsonPath, type JsonPathAst, type JsonPathFunctionName, type JsonPathRoot, type JsonPathSegment } from "@stepcraft/asl";
import { isDefiniteMerge, yieldsOneValue } from "./path-shape.ts";
import { StatesError } from "../errors.ts";
import { NOT_FOUND, type CompiledPath } from "./compiled-path.ts";
import { compileFilterPredicate, type FilterPathEvaluator } from "./filter-predicate.ts";
import { isJsonObject, setOwn } from "./json-values.ts";
import { compileDescendantSelector, compileSelector, type PathContext, type SelectorFunction } from "./path-selectors.ts";
import type { EvaluationScope } from "./scope.ts";

/** Compile a JSONPath once; throws a StatesError on a syntax error (definitions are validated first). */
export function compileJsonPath(text: string): CompiledPath {
  const parsed = parseJsonPath(text);
  if (!parsed.ok) {
    throw new StatesError("States.Runtime", `Invalid JSONPath '${text}': ${parsed.error.message} (at offset ${parsed.error.offset})`);
  }
  return compileJsonPathAst(parsed.value);
}

/** Compile an already parsed JSONPath. */
export function compileJsonPathAst(ast: JsonPathAst): CompiledPath {
  const walk = compileWalk(ast);
  const readRoot = rootReader(ast.root);
  const definite = yieldsOneValue(ast);
  // A fresh array each time: callers may own (and extend) what a path returns.
  const missing = definite ? () => NOT_FOUND : () => [];
  if (!needsContext(ast)) {
    // Member/index paths never look at the context: skip allocating one per evaluation.
    const noContext = undefined as unknown as PathContext;
    if (ast.root.kind === "input" && definite && isPlainMemberPath(ast)) {
      // `$.a.b`, by far the most common path: the walk is the evaluator (no wrapper call). It
      // has at least one step, so an undefined input already gives NOT_FOUND, as missing() does.
      return { text: ast.text, definite, evaluate: compileDefiniteWalk(ast.segments) };
    }
    if (ast.root.kind === "input") {
      // Other `$` paths: one closure call less per evaluation than going through readRoot.
      return {
        text: ast.text,
        definite,
        evaluate(input: unknown): unknown {
          return input === undefined ? missing() : walk(input, noContext);
        },
      };
    }
    return {
      text: ast.text,
      definite,
      evaluate(input: unknown, scope: EvaluationScope): unknown {
        const start = readRoot(input, input, scope);
        return start === undefined ? missing() : walk(start, noContext);
      },
    };
  }
  return {
    text: ast.text,
    definite,
    evaluate(input: unknown, scope: EvaluationScope): unknown {
      const start = readRoot(input, input, scope);
      if (start === undefined) return missing();
      return walk(start, { root: input, scope });
    },
  };
}

/** Member and index steps only, at least one, no path function. */
function isPlainMemberPath(ast: JsonPathAst): boolean {
  return (
    ast.segments.length > 0 &&
    isDefinitePath(ast) &&
    !isDefiniteMerge(ast) &&
    ast.segments.every((segment) => segment.kind === "child" && (segment.selector.kind === "member" || segment.selector.kind === "index"))
  );
}

/** Only filters read the context (their `$`, `$$` and `$var` operands). */
function needsContext(ast: JsonPathAst): boolean {
  return ast.segments.some((segment) => segment.kind !== "function" && segment.selector.kind === "filter");
}

type Walk = (start: unknown, context: PathContext) => unknown;

/** Reads the value a path starts from; `undefined` for an unassigned variable. */
function rootReader(root: JsonPathRoot): (input: unknown, node: unknown, scope: EvaluationScope) => unknown {
  switch (root.kind) {
    case "input":
      return (input) => input;
    case "current":
      return (_input, node) => node;
    case "context":
      return (_input, _node, scope) => scope.context;
    case "variable": {
      const { name } = root;
      return (_input, _node, scope) => scope.variables.read(name);
    }
  }
}

function compileWalk(ast: JsonPathAst): Walk {
  if (isDefiniteMerge(ast)) return compileDefiniteMergeWalk(ast.segments);
  const last = ast.segments.at(-1);
  const applyFunction = last?.kind === "function" ? PATH_FUNCTIONS[last.name] : null;
  const segments = applyFunction === null ? ast.segments : ast.segments.slice(0, -1);
  const walk = isDefinitePath(ast) ? compileDefiniteWalk(segments) : compileIndefiniteWalk(segments);
  if (applyFunction === null) return walk;
  return (start, context) => {
    const value = walk(start, context);
    return value === NOT_FOUND ? NOT_FOUND : applyFunction(value);
  };
}

/** Member and index steps only: a tight loop, no allocation per evaluation (the context is never read). */
function compileDefiniteWalk(segments: readonly JsonPathSegment[]): (start: unknown) => unknown {
  const steps: (string | number)[] = segments.map((segment) => {
    if (segment.kind === "child" && segment.selector.kind === "member") return segment.selector.name;
    if (segment.kind === "child" && segment.selector.kind === "index") return segment.selector.index;
    throw new Error(`not a definite segment: ${segment.kind}`);
  });
  // One and two member steps (`$.name`, `$.a.b`) dominate real definitions: unrolled, they skip
  // the loop and the per-step type dispatch.
  const [first, second] = steps;
  if (steps.length === 1 && typeof first === "string") {
    return (start) => (isJsonObject(start) && Object.hasOwn(start, first) ? start[first] : NOT_FOUND);
  }
  if (steps.length === 2 && typeof first === "string" && typeof second === "string") {
    return (start) => {
      if (!isJsonObject(start) || !Object.hasOwn(start, first)) return NOT_FOUND;
      const node = start[first];
      return isJsonObject(node) && Object.hasOwn(node, second) ? node[second] : NOT_FOUND;
    };
  }
  return (start) => {
    let node = start;
    for (const step of steps) {
      if (typeof step === "string") {
        if (!isJsonObject(node) || !Object.hasOwn(node, step)) return NOT_FOUND;
        node = node[step];
      } else {
        if (!Array.isArray(node)) return NOT_FOUND;
        const at = step < 0 ? node.length + step : step;
        if (at < 0 || at >= node.length) return NOT_FOUND;
        node = node[at];
      }
    }
    return node;
  };
}

/** Member and index steps, then one object gathering the listed properties that exist. */
function compileDefiniteMergeWalk(segments: readonly JsonPathSegment[]): Walk {
  const last = segments.at(-1);
  const names = last?.kind === "child" && last.selector.kind === "member-union" ? last.selector.names : [];
  const prefix = compileDefiniteWalk(segments.slice(0, -1));
  return (start) => {
    const node = prefix(start);
    if (!isJsonObject(node)) return NOT_FOUND;
    const merged: Record<string, unknown> = {};
    for (const name of names) if (Object.hasOwn(node, name)) setOwn(merged, name, node[name]);
    return merged;
  };
}

/** Wildcards, slices, unions, filters, deep scans: gather every match into an array. */
function compileIndefiniteWalk(segments: readonly JsonPathSegment[]): Walk {
  const selectors: SelectorFunction[] = segments.map((segment) => {
    if (segment.kind === "function") throw new Error("functions are applied after the walk");
    const select = compileSelector(segment.selector, (filter) => compileFilterPredicate(filter.expression, compileFilterPath));
    return segment.kind === "descendant" ? compileDescendantSelector(segment.selector, select) : select;
  });
  const lastIndex = selectors.length - 1;
  return (start, context) => {
    let nodes: unknown[] = [start];
    for (let i = 0; i < selectors.length; i++) {
      const select = selectors[i] as SelectorFunction;
      const next: unknown[] = [];
      for (const node of nodes) select(node, context, next, i === lastIndex);
      nodes = next;
    }
    return nodes;
  };
}

/** Paths inside filters: `@` is the node under test, `$` the input of the outer path. */
function compileFilterPath(ast: JsonPathAst): FilterPathEvaluator {
  const walk = compileWalk(ast);
  const readRoot = rootReader(ast.root);
  return (node, context) => {
    const start = readRoot(context.root, node, context.scope);
    return start === undefined ? NOT_FOUND : walk(start, context);
  };
}

const numbersOf = (value: unknown): number[] | null =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "number") ? (value as number[]) : null;

const PATH_FUNCTIONS: Record<JsonPathFunctionName, (value: unknown) => unknown> = {
  length: (value) => (Array.isArray(value) || typeof value === "string" ? value.length : isJsonObject(value) ? Object.keys(value).length : NOT_FOUND),
  size: (value) => (Array.isArray(value) || typeof value === "string" ? value.length : isJsonObject(value) ? Object.keys(value).length : NOT_FOUND),
  min: (value) => numbersOf(value)?.reduce((a, b) => Math.min(a, b)) ?? NOT_FOUND,
  max: (value) => numbersOf(value)?.reduce((a, b) => Math.max(a, b)) ?? NOT_FOUND,
  sum: (value) => numbersOf(value)?.reduce((a, b) => a + b, 0) ?? NOT_FOUND,
  avg: (value) => {
    const numbers = numbersOf(value);
    return numbers === null ? NOT_FOUND : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  },
  stddev: (value) => {
    const numbers = numbersOf(value);
    if (numbers === null) return NOT_FOUND;
    const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
    return Math.sqrt(numbers.reduce((a, b) => a + (b - mean) ** 2, 0) / numbers.length);
  },
  keys: (value) => (isJsonObject(value) ? Object.keys(value) : NOT_FOUND),
  first: (value) => (Array.isArray(value) && value.length > 0 ? value[0] : NOT_FOUND),
  last: (value) => (Array.isArray(value) && value.length > 0 ? value[value.length - 1] : NOT_FOUND),
};
