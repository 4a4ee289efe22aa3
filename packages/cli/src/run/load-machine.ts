/** The definition `stepcraft run` executes: an ASL file, or one workflow of a TypeScript module. */
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parseDefinition } from "@stepcraft/asl";
import type { LambdaDeclaration } from "@stepcraft/core";
import { loadOneWorkflow } from "../compile/choose-workflow.ts";
import { hasErrors } from "../compile/compile-module.ts";
import { isWorkflowModulePath } from "../compile/load-workflows.ts";
import { UsageError } from "../io.ts";

export interface LoadedMachine {
  /** The state machine's name (the workflow's, or the file's without `.asl.json`). */
  readonly name: string;
  readonly definition: unknown;
  /** Diagnostics that stop the run (a workflow that does not compile), one line each. */
  readonly problems: readonly string[];
  /** A workflow's `lambda()` declarations, whose handlers the run binds; none for an ASL file. */
  readonly lambdas: readonly LambdaDeclaration[];
  /** The workflow a module exported, whose input schema the input must match; none for an ASL file. */
  readonly workflow?: unknown;
}

export async function loadMachine(file: string, workflowName: string | undefined, cwd: string): Promise<LoadedMachine> {
  const path = resolve(cwd, file);
  if (isWorkflowModulePath(file)) {
    const chosen = await loadOneWorkflow(file, workflowName, cwd);
    const problems = hasErrors(chosen.diagnostics) ? chosen.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`) : [];
    return { name: chosen.name, definition: chosen.asl, problems, lambdas: chosen.lambdas, workflow: chosen.workflow };
  }
  if (workflowName !== undefined) throw new UsageError("--workflow chooses a workflow of a TypeScript module; an ASL file holds one state machine");
  const text = await readFile(path, "utf8").catch(() => {
    throw new UsageError(`cannot read '${file}': no such file (check the path; it is resolved from ${cwd})`);
  });
  const parsed = parseDefinition(text);
  if (!parsed.ok) {
    const syntax = parsed.diagnostics.find((d) => d.code === "INVALID_JSON_DESCRIPTION" || d.code === "MISSING_DESCRIPTION");
    if (syntax !== undefined) throw new UsageError(`'${file}${syntax.line === undefined ? "" : `:${syntax.line}:${syntax.column ?? 1}`}' is not valid JSON: ${syntax.message}`);
    return { name: machineName(file), definition: undefined, problems: parsed.diagnostics.map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`), lambdas: [] };
  }
  return { name: machineName(file), definition: parsed.definition, problems: [], lambdas: [] };
}

function machineName(file: string): string {
  return basename(file).replace(/\.asl\.json$|\.json$/i, "");
}
