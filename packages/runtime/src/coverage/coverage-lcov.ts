import type { MachineCoverage } from "./coverage-data.ts";
import { summarizeMachine } from "./coverage-summary.ts";

interface FileLines {
  /** line → hits of the states declared there. */
  readonly lines: Map<number, number>;
  /** line → branch hits (Choice rules and Default, Catchers, Retriers) of the states declared there. */
  readonly branches: Map<number, number[]>;
  /** State name (one "function" each) → line and hits, so editors can list them. */
  readonly functions: Map<string, { line: number; hits: number }>;
}

function parseSite(site: string): { file: string; line: number } | undefined {
  const match = /^(.*):(\d+)$/.exec(site);
  if (match === null || match[1] === undefined || match[1] === "" || match[1] === "<unknown>") return undefined;
  return { file: match[1], line: Number(match[2]) };
}

/**
 * An lcov tracefile mapping each builder call site (`file:line`) to its state's coverage: a line
 * hit per state entry, a branch per Choice rule/Default, Catcher and Retrier, and a "function"
 * per state. Machines without call sites (plain ASL) have nothing to map and are left out.
 */
export function toLcov(machines: readonly MachineCoverage[]): string {
  const files = new Map<string, FileLines>();
  for (const machine of machines) {
    const summary = summarizeMachine(machine);
    for (const item of summary.items) {
      if (item.metric === "edges") continue;
      const site = machine.sites[item.state];
      const at = site === undefined ? undefined : parseSite(site);
      if (at === undefined) continue;
      let file = files.get(at.file);
      if (file === undefined) {
        file = { lines: new Map(), branches: new Map(), functions: new Map() };
        files.set(at.file, file);
      }
      if (item.metric === "states") {
        file.lines.set(at.line, (file.lines.get(at.line) ?? 0) + item.hits);
        const key = `${machine.name}.${item.state}`;
        const fn = file.functions.get(key);
        file.functions.set(key, { line: at.line, hits: (fn?.hits ?? 0) + item.hits });
      } else {
        const list = file.branches.get(at.line) ?? [];
        list.push(item.hits);
        file.branches.set(at.line, list);
      }
    }
  }
  const out: string[] = [];
  for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    out.push("TN:stepcraft", `SF:${path}`);
    for (const [name, fn] of file.functions) out.push(`FN:${fn.line},${name}`);
    for (const [name, fn] of file.functions) out.push(`FNDA:${fn.hits},${name}`);
    out.push(`FNF:${file.functions.size}`, `FNH:${[...file.functions.values()].filter((f) => f.hits > 0).length}`);
    let branchCount = 0;
    let branchHit = 0;
    for (const [line, hits] of [...file.branches].sort(([a], [b]) => a - b)) {
      hits.forEach((h, i) => out.push(`BRDA:${line},0,${i},${h}`));
      branchCount += hits.length;
      branchHit += hits.filter((h) => h > 0).length;
    }
    out.push(`BRF:${branchCount}`, `BRH:${branchHit}`);
    const lines = [...file.lines].sort(([a], [b]) => a - b);
    for (const [line, hits] of lines) out.push(`DA:${line},${hits}`);
    out.push(`LF:${lines.length}`, `LH:${lines.filter(([, h]) => h > 0).length}`, "end_of_record");
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
