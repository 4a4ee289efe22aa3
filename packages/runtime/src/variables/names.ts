/** Longest variable name AWS accepts. */
export const MAX_VARIABLE_NAME_LENGTH = 80;

/** The reserved name: `$states` is provided by Step Functions and can never be assigned. */
export const RESERVED_VARIABLE_NAME = "states";

/** A Unicode identifier: first character ID_Start, the rest ID_Continue (UAX #31). */
const IDENTIFIER = /^\p{ID_Start}\p{ID_Continue}*$/u;

/**
 * Why `name` cannot be a workflow variable, or `undefined` when it can. Sub-parts (`x.y`,
 * `x[2]`) are not names, so they fail the identifier rule.
 */
export function variableNameProblem(name: string): string | undefined {
  if (name === RESERVED_VARIABLE_NAME) return `The variable name '${name}' is reserved`;
  if ([...name].length > MAX_VARIABLE_NAME_LENGTH) {
    return `The variable name '${name}' is longer than ${MAX_VARIABLE_NAME_LENGTH} characters`;
  }
  if (!IDENTIFIER.test(name)) return `The variable name '${name}' is not a valid identifier`;
  return undefined;
}
