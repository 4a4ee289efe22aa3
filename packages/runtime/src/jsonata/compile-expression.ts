import type jsonata from "jsonata";
import { compileFastPath, type FastEvaluator } from "./fast-path.ts";
import { addedFunctions, type RandomSources } from "./functions.ts";
import { BOUNDED_STRING_FUNCTIONS } from "../limits/bounded-string-functions.ts";
import { checkEvaluatedValue } from "../limits/evaluation-growth.ts";
import { LinearRegexEngine } from "../limits/linear-regex.ts";
import { BOUNDS_ON } from "../limits/measurement-switch.ts";
import { mayReadContext } from "./states-usage.ts";
import { jsonataModule } from "../lazy-dependencies.ts";

/** How one JSONata expression is compiled and bounded. */
export interface EngineOptions extends RandomSources {
  /**
   * Deepest nesting of evaluation steps allowed before failing with AWS's "Stack overflow" cause.
   * AWS's limit is about 100 nested levels.
   */
  readonly maxDepth?: number;
  /** Time budget of one evaluation, in milliseconds of its own running (AWS bounds evaluation too). */
  readonly timeoutMs?: number;
  /**
   * Longest stretch, in milliseconds, an evaluation runs before it gives the event loop a turn
   * (timers, I/O, other executions). jsonata evaluates in promise steps only, which never let a
   * macrotask run: without these pauses one long expression holds the whole process.
   */
  readonly sliceMs?: number;
}

/**
 * What a pausing evaluation tells its execution's clock (a `Clock`): it is busy, not waiting, so
 * virtual time must not jump to the next deadline while it pauses.
 */
export interface BusySignal {
  hold(): void;
  release(): void;
}

/** One compiled JSONata expression, ready to evaluate any number of times. */
export interface CompiledExpression {
  /** The expression text without its `{% %}` delimiters, as AWS quotes it in causes. */
  readonly text: string;
  /** Workflow-variable names the expression mentions (`$name`), so only those are read. */
  readonly variableNames: readonly string[];
  /** The parse error when the text is not valid JSONata (evaluation then throws it). */
  readonly syntaxError: unknown;
  /**
   * Evaluates with these `$name` bindings; throws whatever JSONata throws. `busy` is held while
   * the evaluation pauses for the event loop (see {@link EngineOptions.sliceMs}).
   */
  evaluate(bindings: Record<string, unknown>, busy?: BusySignal): Promise<unknown>;
  /**
   * The synchronous evaluator of an expression in the everyday subset (see `fast-path.ts`):
   * same value as {@link evaluate}, or `FALLBACK` when only JSONata can say. Absent otherwise.
   */
  readonly fast: FastEvaluator | undefined;
  /** False when the expression certainly never reads `$states.context` (see `states-usage.ts`). */
  readonly readsContext: boolean;
}

const DEFAULT_MAX_DEPTH = 100;
const DEFAULT_TIMEOUT_MS = 10_000;
/** A pause every 10 ms of evaluation keeps other executions' latency low at a negligible cost. */
const DEFAULT_SLICE_MS = 10;
/** Checking the clock on every step would be wasteful; every 256th step (well under 1 ms) is plenty. */
const CLOCK_CHECK_INTERVAL = 256;
/** Binding name of the per-evaluation guard; it contains a space so no expression can reach it. */
const GUARD_BINDING = "stepcraft evaluation guard";

/** The messages AWS reports (without a JSONata code) when an evaluation exceeds its bounds. */
export const STACK_OVERFLOW_MESSAGE =
  "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.";
/** Uncoded message when an evaluation runs past its time budget (AWS bounds evaluation time too). */
export const TIMEOUT_MESSAGE = "Expression evaluation timeout: Check for infinite loop";

let compilations = 0;

/** How many JSONata expressions have been compiled in this process (to prove compile-once). */
export function jsonataCompilationCount(): number {
  return compilations;
}

interface Guard {
  depth: number;
  steps: number;
  /** Milliseconds of running before the current slice, pauses excluded. */
  spentMs: number;
  /** When (performance.now()) the current slice began. */
  sliceStartedAt: number;
  readonly maxDepth: number;
  readonly timeoutMs: number;
  readonly sliceMs: number;
  readonly busy: BusySignal | undefined;
  /** Whether `busy` is held (from the first pause until the evaluation ends). */
  holding: boolean;
}

interface Frame {
  lookup(name: string): unknown;
  isParallelCall?: boolean;
}

/**
 * Compiles `text` (an expression body, without delimiters) once: parses it, binds AWS's added
 * functions, disables `$eval` as AWS does, and installs the depth/time guard.
 */
export function compileExpression(text: string, options: EngineOptions = {}): CompiledExpression {
  compilations++;
  let expression: jsonata.Expression;
  try {
    // Regexes run on RE2 (linear time); the typings call the option a RegExp, it is a constructor.
    expression = jsonataModule()(text, { RegexEngine: LinearRegexEngine as unknown as RegExp });
  } catch (syntaxError) {
    return {
      text,
      variableNames: [],
      syntaxError,
      evaluate: () => Promise.reject(syntaxError),
      fast: undefined,
      readsContext: true,
    };
  }
  // $pad and $join check their output size before building it (see limits/).
  for (const [name, fn] of Object.entries({ ...addedFunctions(options), ...BOUNDED_STRING_FUNCTIONS })) {
    expression.registerFunction(name, fn.implementation as (...args: unknown[]) => unknown, fn.signature);
  }
  // A binding holding undefined shadows the built-in, so calling it fails with T1006 like on AWS.
  expression.assign("eval", undefined);
  installGuard(expression);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  return {
    text,
    variableNames: referencedVariables(expression.ast()),
    syntaxError: undefined,
    fast: compileFastPath(expression.ast()),
    readsContext: mayReadContext(expression.ast()),
    evaluate: (bindings, busy) => {
      const guard: Guard = {
        depth: 0,
        steps: 0,
        spentMs: 0,
        sliceStartedAt: performance.now(),
        maxDepth,
        timeoutMs,
        sliceMs,
        busy,
        holding: false,
      };
      // No input document: AWS forbids `$` and bare field names at the top of an expression.
      const evaluation = expression.evaluate(undefined, { ...bindings, [GUARD_BINDING]: guard }) as Promise<unknown>;
      return guard.busy === undefined ? evaluation : evaluation.finally(() => endHold(guard));
    },
  };
}

/** Registers JSONata's evaluation hooks; the state they update lives in each evaluation's frame. */
function installGuard(expression: jsonata.Expression): void {
  // The hooks are looked up by symbol; the typings only admit string names.
  const assign = expression.assign.bind(expression) as unknown as (name: symbol, value: unknown) => void;
  assign(Symbol.for("jsonata.__evaluate_entry"), (_node: unknown, _input: unknown, frame: Frame) => {
    if (frame.isParallelCall === true) return;
    const guard = frame.lookup(GUARD_BINDING) as Guard | undefined;
    if (guard === undefined) return;
    guard.depth++;
    if (guard.depth > guard.maxDepth) throw { message: STACK_OVERFLOW_MESSAGE };
    // jsonata awaits this hook: a promise returned here pauses the evaluation.
    if (++guard.steps % CLOCK_CHECK_INTERVAL === 0 && BOUNDS_ON) return watch(guard);
    return undefined;
  });
  assign(Symbol.for("jsonata.__evaluate_exit"), (_node: unknown, _input: unknown, frame: Frame, result: unknown) => {
    // Every step's value, so a string or array grown step by step (`&`, $append in a recursive
    // function) fails at the bound instead of exhausting the heap.
    if (BOUNDS_ON) checkEvaluatedValue(result);
    if (frame.isParallelCall === true) return;
    const guard = frame.lookup(GUARD_BINDING) as Guard | undefined;
    if (guard !== undefined) guard.depth--;
  });
}

/**
 * The watchdog, every few hundred steps: fails an evaluation that has run longer than its budget,
 * and pauses one whose slice is used up for one macrotask, so that timers, I/O and other
 * executions get their turn. Only the evaluation's own running counts towards the budget, not
 * the other work done during its pauses.
 */
function watch(guard: Guard): Promise<void> | undefined {
  const ranMs = performance.now() - guard.sliceStartedAt;
  if (guard.spentMs + ranMs > guard.timeoutMs) throw { message: TIMEOUT_MESSAGE };
  if (ranMs < guard.sliceMs) return undefined;
  guard.spentMs += ranMs;
  if (guard.busy !== undefined && !guard.holding) {
    guard.busy.hold();
    guard.holding = true;
  }
  return new Promise((resolve) =>
    setImmediate(() => {
      guard.sliceStartedAt = performance.now();
      resolve();
    }),
  );
}

function endHold(guard: Guard): void {
  if (!guard.holding) return;
  guard.holding = false;
  guard.busy?.release();
}

/** Every `$name` in the syntax tree (including function names: a variable may shadow one). */
function referencedVariables(ast: unknown): string[] {
  const names = new Set<string>();
  // Parent-operator slots are shared between nodes; never walk a node twice.
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record["type"] === "variable" && typeof record["value"] === "string" && record["value"] !== "") {
      names.add(record["value"]);
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  return [...names];
}
