/** Compiles every workflow a module exports, keeping each one's diagnostics for the caller to report. */
import type { CompileDiagnostic, LambdaDeclaration } from "@stepcraft/core";
import { loadWorkflows } from "./load-workflows.ts";
import { siteOfPointer } from "./state-sites.ts";
import type { LoadedWorkflow } from "./workflow-brand.ts";

/** A diagnostic with the builder call site (`file.ts:line`) it belongs to, when known. */
export interface SitedDiagnostic extends CompileDiagnostic {
  readonly site?: string;
}

export interface CompiledWorkflow {
  readonly exportName: string;
  readonly name: string;
  readonly asl: unknown;
  readonly diagnostics: readonly SitedDiagnostic[];
  /** The workflow's `lambda()` declarations; their loaders import from the module's own bundle. */
  readonly lambdas: readonly LambdaDeclaration[];
  /** The workflow object itself (its input schema checks a run's input). */
  readonly workflow: LoadedWorkflow;
}

/** Loads `path` (absolute) and compiles each exported workflow; none exported is an empty list. */
export async function compileModule(path: string): Promise<CompiledWorkflow[]> {
  // Builder diagnostics name call sites from stack traces; with source maps they point at the
  // user's .ts lines, not the temporary bundle.
  process.setSourceMapsEnabled(true);
  const workflows = await loadWorkflows(path);
  return workflows.map(({ exportName, workflow }) => {
    const { asl, diagnostics } = workflow.compile();
    return { exportName, name: workflow.name, asl, diagnostics: withSites(workflow, diagnostics), lambdas: workflow.lambdas ?? [], workflow };
  });
}

const MESSAGE_SITE = /\(([^()\s]+\.[cm]?tsx?:\d+)\)|at ([^()\s]+\.[cm]?tsx?:\d+)/;

/**
 * Builder diagnostics name their call site in the message; validator findings on the compiled ASL
 * get the site of the state their pointer is in.
 */
function withSites(workflow: LoadedWorkflow, diagnostics: readonly CompileDiagnostic[]): SitedDiagnostic[] {
  let ir: Parameters<typeof siteOfPointer>[0] | undefined;
  return diagnostics.map((d) => {
    const match = MESSAGE_SITE.exec(d.message);
    const named = match?.[1] ?? match?.[2];
    if (named !== undefined) return { ...d, site: named };
    ir ??= workflow.toIr?.().ir;
    const site = ir === undefined ? undefined : siteOfPointer(ir, d.path);
    return site === undefined || site === "<unknown>" ? d : { ...d, site };
  });
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly CompileDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
