/**
 * The single place where compiled ASL meets `@stepcraft/asl`'s validator. The validator is looked
 * up on the package namespace so this module type-checks and runs while that export is still
 * being written; once it exists, it is used with no change here.
 */
import * as asl from "@stepcraft/asl";
import type { AslDefinition } from "./asl-definition.ts";
import type { CompileDiagnostic } from "./compile-diagnostic.ts";

type ValidateDefinition = (definition: unknown) => readonly CompileDiagnostic[];

/** True when `@stepcraft/asl` exports `validateDefinition`. */
export function isAslValidatorAvailable(): boolean {
  return typeof (asl as Record<string, unknown>)["validateDefinition"] === "function";
}

/** Runs `@stepcraft/asl`'s `validateDefinition` on a compiled definition. */
export function validateCompiledAsl(definition: AslDefinition): readonly CompileDiagnostic[] {
  const validate = (asl as Record<string, unknown>)["validateDefinition"];
  return typeof validate === "function" ? (validate as ValidateDefinition)(definition) : [];
}
