/**
 * Accepts what a user has: a stepcraft workflow (anything with `toAsl()`, and `compile()` when it
 * can report without throwing), an ASL object, or ASL JSON text. Never throws: a definition that
 * does not compile or parse becomes diagnostics, which fail synth at the construct's path.
 */
import { parseDefinition, type Diagnostic, type StateMachineDefinition } from "@stepcraft/asl";
import type { LambdaDeclaration } from "../functions/lambda-declaration.ts";
import { isRecord } from "./walk-states.ts";

/** A compiled or compilable workflow: `@stepcraft/core`'s `Workflow`, or anything else that renders ASL. */
export interface WorkflowSource {
  toAsl(): StateMachineDefinition;
  /** Used instead of `toAsl()` when present, so every diagnostic reaches synth. @default only `toAsl()` is called */
  compile?(): { readonly asl: StateMachineDefinition; readonly diagnostics: readonly Diagnostic[] };
  /** The `lambda()` declarations the workflow calls (core's `workflow.lambdas`): deployed when the construct gets no `lambdas`. */
  readonly lambdas?: readonly LambdaDeclaration[];
}

/** An ASL definition as plain data (typed, or straight from `JSON.parse`); checked at synth. */
export type RawDefinition = StateMachineDefinition | { readonly [field: string]: unknown };

/** What the construct deploys: a workflow, an ASL definition object, or its JSON text. */
export type DefinitionSource = WorkflowSource | RawDefinition | string;

/** A definition read from its source, with what went wrong reading it. */
export interface ReadDefinition {
  readonly definition: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * False when no definition could be read (text that is not a JSON object, a workflow whose
   * `toAsl()` threw): `definition` is an empty stand-in that must not be validated, since its
   * only findings would be about the stand-in (`These fields are required: [States, StartAt]`).
   */
  readonly readable: boolean;
}

const isWorkflow = (source: DefinitionSource): source is WorkflowSource => typeof source === "object" && typeof (source as Partial<WorkflowSource>).toAsl === "function";

/** The JSON object in `text`, or undefined when it is not JSON or not an object. */
function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the definition out of a source. */
export function readDefinition(source: DefinitionSource): ReadDefinition {
  if (typeof source === "string") {
    // A JSON object is a raw definition like any other: synth validates it once, for the machine's type.
    const object = jsonObject(source);
    if (object !== undefined) return { definition: object, diagnostics: [], readable: true };
    // parseDefinition says precisely why the text is not a definition (syntax position, empty text, an array).
    const parsed = parseDefinition(source);
    return parsed.ok ? { definition: { ...parsed.definition }, diagnostics: [], readable: true } : { definition: {}, diagnostics: parsed.diagnostics, readable: false };
  }
  if (!isWorkflow(source)) return { definition: isRecord(source) ? { ...source } : {}, diagnostics: [], readable: true };
  if (typeof source.compile === "function") {
    const { asl, diagnostics } = source.compile();
    return { definition: { ...asl }, diagnostics, readable: true };
  }
  try {
    return { definition: { ...source.toAsl() }, diagnostics: [], readable: true };
  } catch (error) {
    // core's WorkflowCompileError carries its diagnostics; any other failure becomes one.
    const carried = (error as { diagnostics?: unknown }).diagnostics;
    const diagnostics = Array.isArray(carried)
      ? (carried as Diagnostic[])
      : [{ code: "COMPILE_FAILED", path: "", message: error instanceof Error ? error.message : String(error), severity: "error" as const }];
    return { definition: {}, diagnostics, readable: false };
  }
}

/** The declarations a workflow source lists (core's `workflow.lambdas`); none for ASL. */
export function sourceLambdas(source: DefinitionSource): readonly LambdaDeclaration[] | undefined {
  return typeof source === "object" && isWorkflow(source) && Array.isArray(source.lambdas) ? source.lambdas : undefined;
}
