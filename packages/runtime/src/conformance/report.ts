import type { CaseActual, ConformanceCase } from "./case-types.ts";
import { compareOutcome, historyMatches } from "./compare.ts";

/** One failing case, with both sides for whoever fixes it. */
export interface ConformanceFailure {
  readonly id: string;
  readonly category: string;
  readonly reasons: readonly string[];
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The JSON report the runner writes. */
export interface ConformanceReport {
  passed: number;
  total: number;
  categories: Record<string, { pass: number; total: number }>;
  /** History sequences scored separately (only cases that recorded one). */
  history: { pass: number; total: number };
  failures: ConformanceFailure[];
}

/** Scores outcomes into a report. */
export function buildReport(results: ReadonlyArray<{ case: ConformanceCase; actual: CaseActual }>): ConformanceReport {
  const report: ConformanceReport = { passed: 0, total: 0, categories: {}, history: { pass: 0, total: 0 }, failures: [] };
  for (const { case: c, actual } of results) {
    const reasons = compareOutcome(c, actual);
    const cat = (report.categories[c.category] ??= { pass: 0, total: 0 });
    cat.total++;
    report.total++;
    if (reasons.length === 0) {
      cat.pass++;
      report.passed++;
    } else {
      report.failures.push({ id: c.id, category: c.category, reasons, expected: c.expected, actual });
    }
    const h = historyMatches(c, actual);
    if (h !== undefined) {
      report.history.total++;
      if (h) report.history.pass++;
    }
  }
  return report;
}

/** The table by category, ending with `conformance: <passed>/<total> passed`. */
export function formatReport(report: ConformanceReport): string {
  const names = Object.keys(report.categories).sort();
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = [`${"category".padEnd(width)}  pass / total`];
  for (const name of names) {
    const { pass, total } = report.categories[name]!;
    lines.push(`${name.padEnd(width)}  ${String(pass).padStart(4)} / ${String(total).padStart(5)}${pass === total ? "" : "  *"}`);
  }
  lines.push(`${"history".padEnd(width)}  ${String(report.history.pass).padStart(4)} / ${String(report.history.total).padStart(5)}  (event sequences, scored separately)`);
  lines.push(`conformance: ${report.passed}/${report.total} passed`);
  return lines.join("\n");
}
