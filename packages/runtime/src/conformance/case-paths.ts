/** A step of a case path (`$.output.a[0]`): a member name or an array index. */
type Step = string | number;

/** Parses the simple JSON paths the cases use for `ignore`/`patterns` (`$`, `.name`, `[n]`). */
export function parseCasePath(path: string): Step[] {
  if (!path.startsWith("$")) throw new Error(`case path must start with $: ${path}`);
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/gy;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (m === null) throw new Error(`unsupported case path: ${path}`);
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? "")));
  }
  return steps;
}

function child(node: unknown, step: Step): unknown {
  if (typeof step === "number") return Array.isArray(node) ? node[step] : undefined;
  if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, step)) return undefined;
  return (node as Record<string, unknown>)[step];
}

/** The value at `path` in `doc`, or undefined. */
export function getAtPath(doc: unknown, path: string): unknown {
  let node = doc;
  for (const step of parseCasePath(path)) node = child(node, step);
  return node;
}

/** Removes the value at `path` from `doc` in place (`doc` must be a private copy). */
export function deleteAtPath(doc: unknown, path: string): void {
  const steps = parseCasePath(path);
  const last = steps.pop();
  if (last === undefined) return;
  let node = doc;
  for (const step of steps) node = child(node, step);
  if (node === null || typeof node !== "object") return;
  if (typeof last === "number" && Array.isArray(node)) {
    if (last < node.length) node[last] = null;
    return;
  }
  if (!Array.isArray(node)) delete (node as Record<string, unknown>)[String(last)];
}
