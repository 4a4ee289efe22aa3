/** The single place where compiled ASL meets `@stepcraft/asl`'s validator. */
import { validateDefinition } from "@stepcraft/asl";
import type { AslDefinition } from "./asl-definition.ts";
import type { CompileDiagnostic } from "./compile-diagnostic.ts";

export interface AslValidationOptions {
  /** Express machines reject `.sync`, `.waitForTaskToken` and distributed Maps. @default "STANDARD" */
  readonly stateMachineType?: "STANDARD" | "EXPRESS";
}

/** Runs `@stepcraft/asl`'s `validateDefinition` on a compiled definition. */
export function validateCompiledAsl(definition: AslDefinition, options: AslValidationOptions = {}): readonly CompileDiagnostic[] {
  return validateDefinition(definition, options.stateMachineType === undefined ? {} : { stateMachineType: options.stateMachineType });
}
