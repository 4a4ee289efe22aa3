/** Members of `$states` that never involve the context object. */
const CONTEXT_FREE_MEMBERS: ReadonlySet<string> = new Set(["input", "result", "errorOutput"]);

type Node = Readonly<Record<string, unknown>>;

/**
 * Whether a parsed expression may read `$states.context`. Building the context object costs the
 * engine a timestamp formatting per state, and most expressions only read `$states.input`, so a
 * caller may skip it for expressions where this says `false`.
 *
 * Conservative: only `$states.input…`, `$states.result…` and `$states.errorOutput…` paths (with
 * nothing attached to `$states` itself) count as context-free. `$states` anywhere else (bare,
 * as an argument, with a predicate, rebound with `:=`, …) or a parent operator `%` anywhere
 * (it can climb from `$states.input` back to `$states`) means "may read it".
 */
export function mayReadContext(ast: unknown): boolean {
  // Parent-operator slots are shared between nodes; never walk a node twice.
  const seen = new WeakSet<object>();
  const safeStarts = new WeakSet<object>();
  let reads = false;
  const visit = (node: unknown): void => {
    if (reads || typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Node;
    if (record["type"] === "parent") {
      reads = true;
      return;
    }
    if (record["type"] === "path" && Array.isArray(record["steps"])) markSafeStart(record["steps"] as unknown[], safeStarts);
    if (record["type"] === "variable" && record["value"] === "states" && !safeStarts.has(record)) {
      reads = true;
      return;
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  return reads;
}

/** Marks the `$states` step of `$states.input…`-like paths, provided nothing else is attached to it. */
function markSafeStart(steps: readonly unknown[], safeStarts: WeakSet<object>): void {
  const [first, second] = steps as Array<Node | undefined>;
  if (first === undefined || second === undefined) return;
  if (first["type"] !== "variable" || first["value"] !== "states") return;
  // Nothing attached to either step: a focus (`$states.input@$v.context`) keeps the context at
  // `$states`, and predicates or tuple bindings are not worth reasoning about here.
  if (!isBare(first) || !isBare(second)) return;
  if (second["type"] !== "name" || typeof second["value"] !== "string" || !CONTEXT_FREE_MEMBERS.has(second["value"])) return;
  safeStarts.add(first);
}

function isBare(step: Node): boolean {
  for (const key of Object.keys(step)) {
    if (key !== "type" && key !== "value" && key !== "position" && step[key] !== undefined) return false;
  }
  return true;
}
