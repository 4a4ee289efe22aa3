/** Compiles every workflow a module exports, keeping each one's diagnostics for the caller to report. */
import type { CompileDiagnostic } from "@stepcraft/core";
import { loadWorkflows } from "./load-workflows.ts";

export interface CompiledWorkflow {
  readonly exportName: string;
  readonly name: string;
  readonly asl: unknown;
  readonly diagnostics: readonly CompileDiagnostic[];
}

/** Loads `path` (absolute) and compiles each exported workflow; none exported is an empty list. */
export async function compileModule(path: string): Promise<CompiledWorkflow[]> {
  // Builder diagnostics name call sites from stack traces; with source maps they point at the
  // user's .ts lines, not the temporary bundle.
  process.setSourceMapsEnabled(true);
  const workflows = await loadWorkflows(path);
  return workflows.map(({ exportName, workflow }) => {
    const { asl, diagnostics } = workflow.compile();
    return { exportName, name: workflow.name, asl, diagnostics };
  });
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly CompileDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
