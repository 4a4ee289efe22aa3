/**
 * Turns definition diagnostics into CDK's own channels: errors become construct validations (so
 * `app.synth()` fails, naming the construct's path), warnings become annotations.
 */
import { Annotations } from "aws-cdk-lib";
import type { Diagnostic } from "@stepcraft/asl";
import type { Construct } from "constructs";

/** `CODE at /States/X: message`, the line a synth error shows under the construct's path. */
export function formatDiagnostic(diagnostic: Pick<Diagnostic, "code" | "path" | "message">): string {
  return `${diagnostic.code} at ${diagnostic.path === "" ? "/" : diagnostic.path}: ${diagnostic.message}`;
}

/** Diagnostics without repeats (the workflow's compiler and our validation may report the same finding). */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.path}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Attaches errors as a validation of `scope` and warnings as its annotations. */
export function reportDiagnostics(scope: Construct, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
  if (errors.length > 0) scope.node.addValidation({ validate: () => errors });
  for (const warning of diagnostics.filter((d) => d.severity === "warning")) {
    Annotations.of(scope).addWarningV2(`@stepcraft/cdk:${warning.code}`, formatDiagnostic(warning));
  }
}
