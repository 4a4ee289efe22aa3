// The shape every check reports in, and the stable codes it may use.

/** How bad a finding is: errors block deployment on AWS, warnings do not. */
export type DiagnosticSeverity = "error" | "warning";

/** One finding about a definition. */
export interface Diagnostic {
  /** Stable code: AWS's where AWS has one (`MISSING_TRANSITION_TARGET`), our own otherwise (see `DIAGNOSTIC_CODES`). */
  code: string;
  /** JSON pointer to the offending value (`/States/Charge/Retry/0`); `""` means the whole definition. */
  path: string;
  /** What is wrong, where, and how to fix it. */
  message: string;
  severity: DiagnosticSeverity;
  /** 1-based source line, set when the finding is about the JSON text itself (syntax errors). */
  line?: number;
  /** 1-based source column, with `line`. */
  column?: number;
}

/** Every code the parser and validator emit. */
export const DIAGNOSTIC_CODES = {
  // AWS ValidateStateMachineDefinition codes.
  INVALID_JSON_DESCRIPTION: "error",
  MISSING_DESCRIPTION: "error",
  SCHEMA_VALIDATION_FAILED: "error",
  INVALID_RESOURCE: "error",
  MISSING_END_STATE: "error",
  MISSING_TRANSITION_TARGET: "error",
  DUPLICATE_STATE_NAME: "error",
  INVALID_STATE_NAME: "error",
  DUPLICATE_LABEL_NAME: "error",
  INVALID_LABEL_NAME: "error",
  TOO_DEEPLY_NESTED: "error",
  DEFINITION_TOO_LARGE: "error",
  NO_DOLLAR: "warning",
  NO_PATH: "warning",
  PASS_RESULT_IS_STATIC: "warning",
  // stepcraft's own: JSON.parse keeps the last of two equal keys without a word.
  DUPLICATE_JSON_KEY: "warning",
  // stepcraft's own: a `${...}` template placeholder where a number or boolean is required.
  PLACEHOLDER_NOT_SUBSTITUTED: "error",
} as const satisfies Record<string, DiagnosticSeverity>;

/** A diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic with the severity that belongs to its code. */
export function diagnostic(code: DiagnosticCode, path: string, message: string): Diagnostic {
  return { code, path, message, severity: DIAGNOSTIC_CODES[code] };
}
