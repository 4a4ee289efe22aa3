/**
 * Diagnostics of the compiler, shaped exactly like `@stepcraft/asl`'s so one list can hold both:
 * a stable code, a JSON pointer into the compiled definition, a message, a severity.
 */
export interface CompileDiagnostic {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly severity: "error" | "warning";
}

/** The codes the builder and compiler add to the validator's (each one is documented in docs/builder.md). */
export const CORE_DIAGNOSTIC_CODES = [
  "DUPLICATE_STATE_NAME",
  "STATE_REUSED",
  "STATE_VERSIONS_JOINED",
  "MISSING_TRANSITION_TARGET",
  "DEAD_END",
  "NOT_EXPRESSIBLE",
  "AMBIGUOUS_COMPARISON",
  "DISCARDED_CONDITION",
  "DISCARDED_REFERENCE",
] as const;

export type CoreDiagnosticCode = (typeof CORE_DIAGNOSTIC_CODES)[number];

/** Collects diagnostics while rendering, each at a JSON pointer. */
export interface DiagnosticSink {
  report(code: CoreDiagnosticCode, path: string, message: string): void;
}

/** Creates a sink that appends to `into`. */
export function collectDiagnostics(into: CompileDiagnostic[]): DiagnosticSink {
  return {
    report(code, path, message) {
      into.push({ code, path, message, severity: "error" });
    },
  };
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Formats diagnostics as one readable block, one line each. */
export function formatDiagnostics(diagnostics: readonly CompileDiagnostic[]): string {
  return diagnostics.map((d) => `${d.severity} ${d.code} at ${d.path || "/"}: ${d.message}`).join("\n");
}
