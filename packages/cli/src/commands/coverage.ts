import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CoverageDataError, formatCoverageLine, formatCoverageTable, mergeCoverage, readCoverageData, summarizeMachine } from "@stepcraft/runtime/testing";
import type { CoverageData } from "@stepcraft/runtime/testing";
import { coverageHtmlPages } from "../coverage/coverage-html.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { readText } from "./graph.ts";

/** Saved coverage can list many machines with their definitions; this is far above any real report. */
const MAX_COVERAGE_BYTES = 256 * 1024 * 1024;

/** Where the test reporters save coverage, read when no file is named. */
export const DEFAULT_COVERAGE_FILE = "coverage/stepcraft/coverage.json";

/** Options of `stepcraft coverage`. */
export interface CoverageOptions {
  /** Print the merged summaries as JSON instead of the table. */
  readonly json: boolean;
  /** One line per machine instead of the table and the uncovered names. */
  readonly summary: boolean;
  /** Write the HTML report (index.html and a page per machine) into this directory. */
  readonly html?: string;
}

/**
 * Merges saved workflow coverage files (default `coverage/stepcraft/coverage.json`) and prints the
 * table, one line per machine, or JSON; `--html` also draws each machine with what was never reached.
 */
export async function coverageCommand(files: readonly string[], options: CoverageOptions, io: CliIo): Promise<ExitCode> {
  const names = files.length === 0 ? [DEFAULT_COVERAGE_FILE] : files;
  const parts: CoverageData[] = [];
  for (const file of names) {
    const text = await readText(file, "coverage", MAX_COVERAGE_BYTES, io);
    try {
      parts.push(readCoverageData(text, `'${file}'`));
    } catch (error) {
      if (error instanceof CoverageDataError) throw new UsageError(`${error.message} (write it with the WorkflowCoverageReporter of @stepcraft/runtime/testing)`);
      throw error;
    }
  }
  const data = mergeCoverage(parts);
  const machines = data.machines.map(summarizeMachine);
  if (options.json) {
    const report = machines.map((m) => ({
      name: m.name,
      hash: m.hash,
      metrics: m.metrics,
      uncovered: m.items.filter((i) => i.hits === 0).map((i) => ({ metric: i.metric, state: i.state, label: i.label })),
    }));
    io.out(`${JSON.stringify({ machines: report }, null, 2)}\n`);
  } else if (options.summary) {
    io.out(machines.length === 0 ? formatCoverageTable([]) : `${machines.map(formatCoverageLine).join("\n")}\n`);
  } else {
    io.out(formatCoverageTable(machines));
  }
  if (options.html !== undefined) {
    const dir = resolve(io.cwd, options.html);
    await mkdir(dir, { recursive: true });
    for (const [file, html] of Object.entries(coverageHtmlPages(data))) await writeFile(join(dir, file), html, "utf8");
    io.err(`wrote ${join(options.html, "index.html")}\n`);
  }
  return ExitCode.Ok;
}
