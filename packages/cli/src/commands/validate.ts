import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { locateJsonPointer, MAX_DEFINITION_BYTES, parseDefinition, validateDefinition, type Diagnostic } from "@stepcraft/asl";
import { loadModuleWorkflows } from "../compile/choose-workflow.ts";
import type { SitedDiagnostic } from "../compile/compile-module.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { colorsFor } from "../terminal.ts";
import { expandInputs, readWorkflowFiles } from "./expand-inputs.ts";

/** One diagnostic with the source position its JSON pointer maps to (when it can be found). */
export interface LocatedDiagnostic extends Diagnostic {
  /** The TypeScript file a builder diagnostic points at, when it is not the reported file. */
  readonly source?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The result for one file, as `--json` prints it. */
export interface FileReport {
  readonly file: string;
  readonly valid: boolean;
  readonly diagnostics: readonly LocatedDiagnostic[];
}

export interface ValidateOptions {
  readonly json?: boolean;
  readonly stateMachineType?: "STANDARD" | "EXPRESS";
}


/** Validates ASL files; exit code 1 when any file has an error-severity diagnostic. */
export async function validateCommand(inputs: readonly string[], options: ValidateOptions, io: CliIo): Promise<ExitCode> {
  if (inputs.length === 0) throw new UsageError("validate needs at least one file: stepcraft validate <file...>");
  // Found files that are not workflows are skipped with a note (expand-inputs.ts).
  const reports = await readWorkflowFiles<FileReport>(inputs, await expandInputs(inputs, io.cwd), io.cwd, {
    onFile: (index, total, file) => {
      if (total > 1) io.progress?.(`validating ${index + 1}/${total} ${file}`);
    },
    skipped: (file, reason) => {
      io.progress?.("");
      io.err(`stepcraft validate: skipped ${file}: ${reason}\n`);
    },
    module: (file) => validateModule(file, io),
    definition: (file) => validateFile(file, options, io),
  }).finally(() => io.progress?.(""));
  io.out(options.json ? `${JSON.stringify(reports, null, 2)}\n` : formatReports(reports, colorsFor(io)));
  return reports.every((r) => r.valid) ? ExitCode.Ok : ExitCode.Findings;
}

async function validateFile(file: string, options: ValidateOptions, io: CliIo): Promise<FileReport> {
  const text = await readDefinitionText(file, io);
  if (typeof text !== "string") return { file, valid: false, diagnostics: [text] };
  const parsed = parseDefinition(text);
  const diagnostics = parsed.ok
    ? validateDefinition(parsed.definition, options.stateMachineType ? { stateMachineType: options.stateMachineType } : {})
    : parsed.diagnostics;
  const located = diagnostics.map((d) => locate(d, text));
  return { file, valid: !located.some((d) => d.severity === "error"), diagnostics: located };
}

/**
 * Compiles a workflow module and reports each workflow's builder, compiler and ASL diagnostics.
 * Builder diagnostics carry their call site (`file.ts:line`) in the message; it becomes the line.
 * The machine type comes from the workflow itself (`workflow(name, { type })`), not `--type`.
 */
async function validateModule(file: string, io: CliIo): Promise<FileReport[]> {
  const compiled = await loadModuleWorkflows(file, io.cwd);
  return compiled.map((workflow) => {
    const diagnostics = workflow.diagnostics.map((d) => atCallSite(d));
    return { file: `${file} (${workflow.name})`, valid: !diagnostics.some((d) => d.severity === "error"), diagnostics };
  });
}

function atCallSite(diagnostic: SitedDiagnostic): LocatedDiagnostic {
  const { site, ...rest } = diagnostic;
  const match = site === undefined ? null : /^(.*):(\d+)$/.exec(site);
  if (match === null) return rest;
  return { ...rest, source: match[1] ?? "", line: Number(match[2]), column: 1 };
}

/** Reads the file, or returns the diagnostic explaining why it can't be validated. */
async function readDefinitionText(file: string, io: CliIo): Promise<string | LocatedDiagnostic> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`'${file}' is not a file: pass the path of an ASL JSON file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read '${file}': no such file (check the path; it is resolved from ${io.cwd})`);
  }
  if (size > MAX_DEFINITION_BYTES) {
    return {
      code: "DEFINITION_TOO_LARGE",
      path: "",
      severity: "error",
      message: `The file is ${size} bytes; AWS accepts definitions up to ${MAX_DEFINITION_BYTES} bytes (1 MiB). Split the workflow into nested state machines or move data out of the definition.`,
    };
  }
  return readFile(path, "utf8");
}

function locate(diagnostic: Diagnostic, text: string): LocatedDiagnostic {
  if ("line" in diagnostic) return diagnostic;
  const position = locateJsonPointer(text, diagnostic.path);
  return position ? { ...diagnostic, line: position.line, column: position.column } : diagnostic;
}

/** `file:line:col  severity  CODE  path  message`, one line a diagnostic, then a summary. */
export function formatReports(reports: readonly FileReport[], colors: ReturnType<typeof colorsFor> = colorsFor({})): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
      const where = d.line === undefined ? report.file : `${d.source ?? report.file}:${d.line}:${d.column ?? 1}`;
      const severity = d.severity === "error" ? colors.red(d.severity) : colors.yellow(d.severity);
      lines.push(`${colors.dim(where)}  ${severity}  ${colors.bold(d.code)}  ${d.path || "/"}  ${d.message}`);
    }
  }
  const invalid = reports.filter((r) => !r.valid).length;
  const files = counted(reports.length, "file");
  const findings = `${counted(errors, "error")}, ${counted(warnings, "warning")}`;
  lines.push(invalid === 0 ? colors.green(`${files} valid (${findings})`) : colors.red(`${invalid} of ${files} invalid (${findings})`));
  return `${lines.join("\n")}\n`;
}

/** "1 error", "2 errors", "0 warnings". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
