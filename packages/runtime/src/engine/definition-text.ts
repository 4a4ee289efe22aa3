import { parseDefinition } from "@stepcraft/asl";
import { InvalidDefinitionError } from "./validation-bridge.ts";
import { recordNumberTexts } from "../data/number-text.ts";

/**
 * The parsed JSON of a definition given as text. Text AWS would refuse before reading it (over
 * 1 MiB, not JSON) raises InvalidDefinitionError with the validator's diagnostic (size, or the
 * line and column of the syntax error) instead of a bare SyntaxError.
 */
export function parseDefinitionText(text: string): unknown {
  try {
    const definition: unknown = JSON.parse(text);
    // Literals (a Pass Result, Parameters) keep their numbers as written, as AWS echoes them.
    recordNumberTexts(text, definition);
    return definition;
  } catch {
    // parseDefinition words the syntax error with its position (or reports the size first).
  }
  const parsed = parseDefinition(text);
  throw new InvalidDefinitionError(parsed.ok ? [] : parsed.diagnostics);
}
