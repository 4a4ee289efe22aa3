import { resolve } from "node:path";
// Runs conformance case files and reports: `npm run conformance -- <cases.json>... [--report <out.json>]`.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildReport, formatReport, runCases } from "../src/conformance/index.ts";
import type { ConformanceCase } from "../src/conformance/index.ts";
import { handlerFromSource } from "./lambda-source.ts";

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...argv], options: { report: { type: "string" }, only: { type: "string" } }, allowPositionals: true, strict: true });
  const files = [...positionals];
  const reportPath = values.report;
  const only = values.only;
  if (files.length === 0) files.push(resolve(import.meta.dirname, "../../../testdata/conformance/cases.json"));
  let cases: ConformanceCase[] = files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as ConformanceCase[]);
  if (only !== undefined) cases = cases.filter((c) => c.category === only || c.id.includes(only));
  // A progress line on a terminal's stderr only: piped output (CI logs, files) stays the report alone.
  const progress = process.stderr.isTTY === true ? (done: number, total: number) => void process.stderr.write(`\r\u001b[2Kconformance: ${done}/${total}`) : undefined;
  const results = await runCases(cases, handlerFromSource, progress);
  if (progress !== undefined) process.stderr.write("\r\u001b[2K");
  const report = buildReport(results);
  if (reportPath !== undefined) writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    console.log("conformance: 0/0 passed");
    process.exit(0);
  },
);
