/**
 * Accepts what a user has: a stepcraft workflow (anything with `toAsl()`, and `compile()` when it
 * can report without throwing), an ASL object, or ASL JSON text. Never throws: a definition that
 * does not compile or parse becomes diagnostics, which fail synth at the construct's path.
 */
import { parseDefinition, type Diagnostic, type StateMachineDefinition } from "@stepcraft/asl";
import { isRecord } from "./walk-states.ts";

/** A compiled or compilable workflow: `@stepcraft/core`'s `Workflow`, or anything else that renders ASL. */
export interface WorkflowSource {
  toAsl(): StateMachineDefinition;
  /** Used instead of `toAsl()` when present, so every diagnostic reaches synth. @default only `toAsl()` is called */
  compile?(): { readonly asl: StateMachineDefinition; readonly diagnostics: readonly Diagnostic[] };
}

/** An ASL definition as plain data (typed, or straight from `JSON.parse`); checked at synth. */
export type RawDefinition = StateMachineDefinition | { readonly [field: string]: unknown };

/** What the construct deploys: a workflow, an ASL definition object, or its JSON text. */
export type DefinitionSource = WorkflowSource | RawDefinition | string;

/** A definition read from its source, with what went wrong reading it. */
export interface ReadDefinition {
  readonly definition: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
}

const isWorkflow = (source: DefinitionSource): source is WorkflowSource => typeof source === "object" && typeof (source as Partial<WorkflowSource>).toAsl === "function";

/** Reads the definition out of a source. */
export function readDefinition(source: DefinitionSource): ReadDefinition {
  if (typeof source === "string") {
    const parsed = parseDefinition(source);
    return parsed.ok ? { definition: { ...parsed.definition }, diagnostics: [] } : { definition: {}, diagnostics: parsed.diagnostics };
  }
  if (!isWorkflow(source)) return { definition: isRecord(source) ? { ...source } : {}, diagnostics: [] };
  if (typeof source.compile === "function") {
    const { asl, diagnostics } = source.compile();
    return { definition: { ...asl }, diagnostics };
  }
  try {
    return { definition: { ...source.toAsl() }, diagnostics: [] };
  } catch (error) {
    // core's WorkflowCompileError carries its diagnostics; any other failure becomes one.
    const carried = (error as { diagnostics?: unknown }).diagnostics;
    const diagnostics = Array.isArray(carried)
      ? (carried as Diagnostic[])
      : [{ code: "COMPILE_FAILED", path: "", message: error instanceof Error ? error.message : String(error), severity: "error" as const }];
    return { definition: {}, diagnostics };
  }
}
