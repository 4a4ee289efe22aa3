// Definitions recorded against real AWS: the CREATE_FAILED ones must be rejected with AWS's code
// at AWS's location; every definition AWS ran must pass.
import { describe, expect, it } from "vitest";
import { validateDefinition } from "../src/index.ts";
import { readConformanceCases } from "./shared-data.ts";

const cases = readConformanceCases();
const rejected = cases.filter((item) => item.expected.status === "CREATE_FAILED");
const accepted = cases.filter((item) => item.expected.status !== "CREATE_FAILED");

/** `'<CODE>: <message> at <location>'` inside AWS's InvalidDefinition cause. */
function parseCause(cause: unknown): { code: string; location: string } {
  const match = /'([A-Z_]+): .* at (\S+)'$/s.exec(String(cause));
  if (!match?.[1] || !match[2]) throw new Error(`unexpected cause format: ${String(cause)}`);
  return { code: match[1], location: match[2] };
}

describe("conformance cases AWS rejected", () => {
  it("are the 8 recorded cases", () => {
    expect(rejected).toHaveLength(8);
  });
  it.each(rejected.map((item) => [item.id, item] as const))("%s", (_id, item) => {
    const { code, location } = parseCause(item.expected.cause);
    const diagnostics = validateDefinition(item.definition, { stateMachineType: item.stateMachineType });
    expect(diagnostics.map((d) => ({ code: d.code, path: d.path }))).toContainEqual({ code, path: location });
  });
});

describe("conformance cases AWS accepted", () => {
  it("all validate without errors", () => {
    const failures = accepted
      .map((item) => ({ id: item.id, errors: validateDefinition(item.definition, { stateMachineType: item.stateMachineType }).filter((d) => d.severity === "error") }))
      .filter((result) => result.errors.length > 0);
    expect(failures).toEqual([]);
  });
});
