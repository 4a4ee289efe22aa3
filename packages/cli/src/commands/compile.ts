import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { aslFileName, formatAsl } from "../compile/asl-file.ts";
import { compileModule, hasErrors, type CompiledWorkflow } from "../compile/compile-module.ts";
import { isWorkflowModulePath, ModuleLoadError } from "../compile/load-workflows.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";

export interface CompileOptions {
  /** Directory for the .asl.json files; each entry's own directory when absent. */
  readonly output?: string;
  /** Compare with the files on disk instead of writing them (CI). */
  readonly check?: boolean;
  readonly json?: boolean;
}

/** One written (or checked) file, as `--json` prints it. */
export interface CompileReport {
  readonly entry: string;
  readonly workflow: string;
  readonly file: string;
  readonly status: "written" | "unchanged" | "differs" | "missing" | "invalid";
  readonly diagnostics: readonly { readonly code: string; readonly path: string; readonly message: string; readonly severity: string; readonly site?: string }[];
}

/**
 * Compiles workflow modules to `<name>.asl.json`. Exit 1 when a workflow does not compile or,
 * with `--check`, when a committed file is missing or differs; 2 for bad input.
 */
export async function compileCommand(entries: readonly string[], options: CompileOptions, io: CliIo): Promise<ExitCode> {
  if (entries.length === 0) throw new UsageError("compile needs at least one module: stepcraft compile <entry.ts...>");
  for (const entry of entries) {
    if (!isWorkflowModulePath(entry)) throw new UsageError(`'${entry}' is not a TypeScript module: compile takes .ts files that export workflows`);
  }
  const reports: CompileReport[] = [];
  const seen = new Map<string, string>();
  for (const [index, entry] of entries.entries()) {
    if (entries.length > 5 && !options.json) io.err(`\rcompiling ${index + 1}/${entries.length}`);
    const path = resolve(io.cwd, entry);
    const compiled = await compileEntry(entry, path);
    for (const workflow of compiled) {
      const directory = options.output === undefined ? dirname(path) : resolve(io.cwd, options.output);
      const target = join(directory, aslFileName(workflow.name));
      const near = relative(io.cwd, target);
      const shown = near === "" || near.startsWith("..") ? target : near;
      const earlier = seen.get(target);
      if (earlier !== undefined) throw new UsageError(`two workflows write ${shown} (${earlier} and ${entry}:${workflow.exportName}): give them different names`);
      seen.set(target, `${entry}:${workflow.exportName}`);
      reports.push(await writeOrCheck(entry, workflow, target, shown, options));
    }
  }
  if (entries.length > 5 && !options.json) io.err("\n");
  io.out(options.json ? `${JSON.stringify(reports, null, 2)}\n` : formatCompileReports(reports, options.check === true));
  return reports.every((r) => r.status === "written" || r.status === "unchanged") ? ExitCode.Ok : ExitCode.Findings;
}

async function compileEntry(entry: string, path: string): Promise<CompiledWorkflow[]> {
  let compiled: CompiledWorkflow[];
  try {
    compiled = await compileModule(path);
  } catch (error) {
    if (error instanceof ModuleLoadError) throw new UsageError(error.message.replace(path, entry));
    throw error;
  }
  if (compiled.length === 0) {
    throw new UsageError(`'${entry}' exports no workflow: export the result of workflow(...).startWith(...) (e.g. export const flow = ...)`);
  }
  return compiled;
}

async function writeOrCheck(entry: string, workflow: CompiledWorkflow, target: string, shown: string, options: CompileOptions): Promise<CompileReport> {
  const base = { entry, workflow: workflow.name, file: shown, diagnostics: workflow.diagnostics };
  if (hasErrors(workflow.diagnostics)) return { ...base, status: "invalid" };
  const text = formatAsl(workflow.asl);
  const current = await readFile(target, "utf8").catch(() => undefined);
  if (options.check === true) {
    if (current === undefined) return { ...base, status: "missing" };
    return { ...base, status: current === text ? "unchanged" : "differs" };
  }
  if (current === text) return { ...base, status: "unchanged" };
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, "utf8");
  } catch (error) {
    throw new UsageError(`cannot write '${shown}': ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...base, status: "written" };
}

/** One line a workflow (and its diagnostics), then a summary. */
export function formatCompileReports(reports: readonly CompileReport[], check: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) lines.push(`${d.site ?? r.entry}  ${d.severity}  ${d.code}  ${d.path || "/"}  ${d.message}`);
    const what = {
      written: `wrote ${r.file}`,
      unchanged: `${r.file} is up to date`,
      differs: `${r.file} differs from workflow ${r.workflow} in ${r.entry}: run stepcraft compile and commit the result`,
      missing: `${r.file} is missing for workflow ${r.workflow} in ${r.entry}: run stepcraft compile and commit the result`,
      invalid: `workflow ${r.workflow} in ${r.entry} does not compile; ${r.file} ${check ? "not checked" : "not written"}`,
    }[r.status];
    lines.push(what);
  }
  const bad = reports.filter((r) => r.status !== "written" && r.status !== "unchanged").length;
  const n = reports.length === 1 ? "1 workflow" : `${reports.length} workflows`;
  lines.push(bad === 0 ? `${n} ${check ? "up to date" : "compiled"}` : `${bad} of ${n} ${check ? "out of date or invalid" : "failed"}`);
  return `${lines.join("\n")}\n`;
}
