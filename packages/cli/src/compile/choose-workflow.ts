/** One workflow of a TypeScript module, for commands that take a single workflow (`graph`, `run`). */
import { resolve } from "node:path";
import { UsageError } from "../io.ts";
import { compileModule, type CompiledWorkflow } from "./compile-module.ts";
import { ModuleLoadError } from "./load-workflows.ts";

/**
 * Loads `file` (relative to `cwd`) through the compile loader and picks the workflow named
 * `workflowName` (its name or export name), or the only one; usage errors say how to choose.
 */
export async function loadOneWorkflow(file: string, workflowName: string | undefined, cwd: string): Promise<CompiledWorkflow> {
  const compiled = await loadModuleWorkflows(file, cwd);
  const names = compiled.map((w) => w.name);
  const chosen = workflowName === undefined ? (compiled.length === 1 ? compiled[0] : undefined) : compiled.find((w) => w.name === workflowName || w.exportName === workflowName);
  if (chosen === undefined) {
    throw new UsageError(
      workflowName === undefined
        ? `'${file}' exports ${compiled.length} workflows (${names.join(", ")}): choose one with --workflow <name>`
        : `'${file}' has no workflow '${workflowName}'; it exports ${names.join(", ")}`,
    );
  }
  return chosen;
}

/**
 * Loads `file` (relative to `cwd`) through the compile loader and compiles every workflow it
 * exports; a module that fails to load or exports none is a usage error naming the file.
 */
export async function loadModuleWorkflows(file: string, cwd: string): Promise<CompiledWorkflow[]> {
  const path = resolve(cwd, file);
  let compiled: CompiledWorkflow[];
  try {
    compiled = await compileModule(path);
  } catch (error) {
    if (error instanceof ModuleLoadError) throw new UsageError(error.message.replace(path, file));
    throw error;
  }
  if (compiled.length === 0) throw new UsageError(`'${file}' exports no workflow: export the result of workflow(...).startWith(...)`);
  return compiled;
}
