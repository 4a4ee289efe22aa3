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

/**
 * Rejects a definition that `@stepcraft/asl` finds errors in (warnings pass). Returns the
 * definition's compact JSON text, which the validator writes for its size check: the coverage
 * recorder identifies machines by it, and writing it twice was most of what recording cost a
 * machine prepared per execution.
 */
export function validateBeforePrepare(definition: object, stateMachineType: "STANDARD" | "EXPRESS" = "STANDARD"): string | undefined {
  let text: string | undefined;
  const errors = validateDefinition(definition, { stateMachineType, onDefinitionText: (written) => (text = written) }).filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
  return text;
}
