/**
 * Finds what a selector built and then threw away. JavaScript's own operators on references
 * (`a.gt(5) && b.eq("x")`, `$.input.notes ? $.input.notes : "none"`) run while the workflow is
 * built, on proxies that are always truthy, so one operand is silently dropped. TypeScript cannot
 * see truthiness, so the builder records every condition and path created while a selector runs
 * and reports those its result never reaches.
 */
import type { Condition as ConditionNode, PathExpr } from "../ir/expr-node.ts";
import type { CallSite } from "./call-site.ts";

/** What a selector created and dropped, as a diagnostic code and message (without the call site). */
export interface DiscardedPart {
  readonly code: "DISCARDED_CONDITION" | "DISCARDED_REFERENCE";
  readonly message: string;
  /** The builder call that ran the selector, when it differs from the state's (a Choice rule's `.when()`). */
  readonly site?: CallSite;
}

interface Frame {
  readonly conditions: Set<ConditionNode>;
  /** Each path created, with the path it was read from (`$.input` for `$.input.notes`). */
  readonly paths: Map<PathExpr, PathExpr | undefined>;
}

// Selectors run synchronously and may nest (a selector building a `jsonata` value); one frame each.
const frames: Frame[] = [];

/** Records a condition created while a selector runs. */
export function noteCondition(node: ConditionNode): void {
  frames.at(-1)?.conditions.add(node);
}

/** Records a path created while a selector runs, and the path it extends. */
export function notePath(path: PathExpr, parent?: PathExpr): void {
  frames.at(-1)?.paths.set(path, parent);
}

/** A path read only to reach a method (`amount.gt` in `amount.gt(5)`) was not data: forget it. */
export function forgetPath(path: PathExpr): void {
  frames.at(-1)?.paths.delete(path);
}

/** Every object reachable from `root` (IR is plain data, so a walk over values sees all of it), but not inside `skip`. */
function reachable(root: unknown, into: Set<object>, skip: (value: object) => boolean = () => false): Set<object> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || into.has(value) || skip(value)) continue;
    into.add(value);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return into;
}

/** `$.input.amount`, `$.vars.total`: how a path reads in a message. */
export function describePath(path: PathExpr): string {
  const root = path.root === "variable" ? `$.vars.${path.variable ?? ""}` : `$.${path.root}`;
  return root + path.segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
}

function describeCondition(node: ConditionNode): string {
  switch (node.kind) {
    case "compare":
    case "matches":
    case "typeTest": {
      const left = node.left.kind === "path" ? describePath(node.left) : "a value";
      return node.kind === "compare" ? `a comparison (${node.operator}) on ${left}` : node.kind === "matches" ? `matches() on ${left}` : `${node.test}() on ${left}`;
    }
    case "and":
    case "or":
    case "not":
      return `an ${node.kind}() condition`;
    case "rawCondition":
      return "a raw condition";
  }
}

/**
 * Runs `build` and lists what it created but did not return. `toIr` turns what `build` returned
 * into the IR that will be compiled; everything that IR does not reach was dropped.
 */
export function trackDiscards<T, R>(build: () => T, toIr: (value: T) => R): { readonly ir: R; readonly discarded: readonly DiscardedPart[] } {
  const frame: Frame = { conditions: new Set(), paths: new Map() };
  frames.push(frame);
  let value: T;
  try {
    value = build();
  } finally {
    frames.pop();
  }
  const ir = toIr(value);
  if (frame.conditions.size === 0 && frame.paths.size === 0) return { ir, discarded: [] };
  const used = reachable(ir, new Set());
  const dropped = [...frame.conditions].filter((c) => !used.has(c));
  // Parts of a dropped condition are reported with it, once.
  const insideDropped = new Set<object>();
  for (const c of dropped) for (const part of reachable(c, new Set())) if (part !== c) insideDropped.add(part);
  const discarded: DiscardedPart[] = dropped
    .filter((c) => !insideDropped.has(c))
    .map((c) => ({
      code: "DISCARDED_CONDITION",
      message: `${describeCondition(c)} is built but not used in the result: JavaScript's &&, ||, ! and ?: cannot combine conditions (one side is dropped); use and(), or(), not()`,
    }));
  // A path is used when it, or a path read from it, is in the result (or in a reported condition).
  const usedPaths = new Set<PathExpr>();
  for (const path of frame.paths.keys()) {
    if (!used.has(path) && !insideDropped.has(path)) continue;
    for (let p: PathExpr | undefined = path; p !== undefined && !usedPaths.has(p); p = frame.paths.get(p)) usedPaths.add(p);
  }
  const dropPaths = new Set<string>();
  for (const path of frame.paths.keys()) if (!usedPaths.has(path)) dropPaths.add(describePath(path));
  // Only the deepest dropped reads are named: `$.input.notes`, not also `$.input`.
  for (const text of dropPaths) {
    if ([...dropPaths].some((other) => other !== text && (other.startsWith(`${text}.`) || other.startsWith(`${text}[`)))) continue;
    discarded.push({
      code: "DISCARDED_REFERENCE",
      message: `${text} is read but not used in the result: a reference is always truthy while the workflow is built, so ?:, &&, || and ! on it drop an operand; test data with a Choice (isPresent(), eq()…) or compute with jsonata\`…\``,
    });
  }
  return { ir, discarded };
}

/**
 * What a selector dropped, kept beside the IR it returned until the graph is turned into IR and
 * the state's pointer is known. Weak: a builder object thrown away takes its findings with it.
 */
const discardsOf = new WeakMap<object, readonly DiscardedPart[]>();
// Most workflows drop nothing; then no state's IR is walked for findings.
let anyDiscards = false;

/** Runs a selector and keeps what it dropped beside the IR it produced (`toIr` turns its result into that IR). */
export function runSelector<T, R extends object>(build: () => T, toIr: (value: T) => R, site?: CallSite): R {
  const { ir, discarded } = trackDiscards(build, toIr);
  if (discarded.length > 0) {
    anyDiscards = true;
    discardsOf.set(ir, site === undefined ? discarded : discarded.map((d) => ({ ...d, site })));
  }
  return ir;
}

/** Everything selectors dropped while building the IR of one state (`node`), not of the states nested in it. */
export function discardsIn(node: object): readonly DiscardedPart[] {
  if (!anyDiscards) return [];
  const found: DiscardedPart[] = [];
  const nestedBlock = (value: object): boolean => value !== node && (value as { kind?: unknown }).kind === "block";
  for (const part of reachable(node, new Set(), nestedBlock)) found.push(...(discardsOf.get(part) ?? []));
  return found;
}
