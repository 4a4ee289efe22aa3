import { COVERAGE_METRICS } from "./coverage-summary.ts";
import type { MachineSummary, MetricSummary } from "./coverage-summary.ts";

function cell(m: MetricSummary): string {
  return `${m.percent}% (${m.covered}/${m.total})`;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

/** One line per machine: `Name  states 100% (9/9)  branches 66.6% (2/3) …`. */
export function formatCoverageLine(machine: MachineSummary): string {
  return `${machine.name}: ${COVERAGE_METRICS.map((m) => `${m} ${cell(machine.metrics[m])}`).join(", ")}`;
}

/**
 * The end-of-run table: a row per machine with each metric's percentage, then what is not
 * covered, by name, under each machine that misses something.
 */
export function formatCoverageTable(machines: readonly MachineSummary[]): string {
  if (machines.length === 0) return "Workflow coverage: no state machine ran with coverage recording on.\n";
  const header = ["machine", ...COVERAGE_METRICS];
  const rows = machines.map((m) => [`${m.name} (${m.hash.slice(0, 8)})`, ...COVERAGE_METRICS.map((k) => cell(m.metrics[k]))]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0)).join("  ").trimEnd();
  const out = ["Workflow coverage", line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const machine of machines) {
    const missing = machine.items.filter((i) => i.hits === 0);
    if (missing.length === 0) continue;
    out.push("", `${machine.name} (${machine.hash.slice(0, 8)}) not covered:`);
    for (const metric of COVERAGE_METRICS) {
      const names = missing.filter((i) => i.metric === metric).map((i) => i.label);
      if (names.length > 0) out.push(`  ${metric}: ${names.join("; ")}`);
    }
  }
  return `${out.join("\n")}\n`;
}
