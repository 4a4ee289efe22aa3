import { validateDefinition } from "@stepcraft/asl";
import type { Diagnostic } from "@stepcraft/asl";
import { StatesError } from "../errors.ts";

/** A definition AWS would refuse at CreateStateMachine; `diagnostics` has every finding. */
export class InvalidDefinitionError extends StatesError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(
      "InvalidDefinition",
      `Invalid State Machine Definition: '${diagnostics.map((d) => `${d.code}: ${d.message} at ${d.path === "" ? "null" : d.path}`).join(", ")}'`,
    );
  }
}

/** Rejects a definition that `@stepcraft/asl` finds errors in (warnings pass). */
export function validateBeforePrepare(definition: object, stateMachineType: "STANDARD" | "EXPRESS" = "STANDARD"): void {
  const errors = validateDefinition(definition, { stateMachineType }).filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
}
