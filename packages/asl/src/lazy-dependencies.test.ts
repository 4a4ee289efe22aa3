import { describe, expect, it } from "vitest";
import { packagesLoadedBy } from "../../../scripts/testing/loaded-packages.ts";

const validateJsonPath = `
const { validateDefinition } = await import("@stepcraft/asl");
const diagnostics = validateDefinition({ StartAt: "P", States: { P: { Type: "Pass", Parameters: { "n.$": "$.n" }, End: true } } });
if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
`;

describe("dependencies loaded on first use", () => {
  it("importing the package and validating a JSONPath definition loads neither jsonata nor zod", () => {
    const loaded = packagesLoadedBy(validateJsonPath);
    expect(loaded).not.toContain("jsonata");
    expect(loaded).not.toContain("zod");
  });

  it("loads jsonata to check a JSONata expression and zod for the JSON Schema, when they are first used", () => {
    const loaded = packagesLoadedBy(`
${validateJsonPath}
const { aslJsonSchemaText } = await import("@stepcraft/asl");
if (!aslJsonSchemaText().includes("StartAt")) throw new Error("no schema");
const bad = validateDefinition({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input.( %}", End: true } } });
if (bad.length === 0) throw new Error("the syntax error was not found");
`);
    expect(loaded).toContain("jsonata");
    expect(loaded).toContain("zod");
  });
});
