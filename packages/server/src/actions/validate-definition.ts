import { parseDefinition } from "@stepcraft/asl";
import type { Diagnostic } from "@stepcraft/asl";
import { z } from "zod";
import { str } from "../protocol/request-shape.ts";
import { action, type ActionTable } from "./action.ts";

function awsDiagnostic(d: Diagnostic) {
  return { severity: d.severity === "error" ? "ERROR" : "WARNING", code: d.code, message: d.message, ...(d.path === "" ? {} : { location: d.path }) };
}

/** ValidateStateMachineDefinition: AWS's diagnostic shape, `severity` threshold, `maxResults`, `truncated`. */
export const validateDefinitionActions: ActionTable = {
  ValidateStateMachineDefinition: action(
    z.strictObject({
      definition: str(1, 1_048_576),
      type: z.enum(["STANDARD", "EXPRESS"]).optional(),
      severity: z.enum(["ERROR", "WARNING"]).optional(),
      maxResults: z.number().int().min(0).max(100).optional(),
    }),
    (input) => {
      const parsed = parseDefinition(input.definition, { stateMachineType: input.type ?? "STANDARD" });
      const all = parsed.ok ? parsed.warnings : parsed.diagnostics;
      // ERROR (the default) reports errors only; WARNING reports both.
      const shown = all.filter((d) => d.severity === "error" || input.severity === "WARNING");
      const limit = input.maxResults === undefined || input.maxResults === 0 ? 100 : input.maxResults;
      return {
        result: all.some((d) => d.severity === "error") ? "FAIL" : "OK",
        diagnostics: shown.slice(0, limit).map(awsDiagnostic),
        truncated: shown.length > limit,
      };
    },
  ),
};
