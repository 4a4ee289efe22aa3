import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpusManifest, readCorpusText, repoRoot } from "../../test/shared-data.ts";
import { stateMachineDefinitionSchema } from "./asl-schema.ts";
import { aslJsonSchemaText } from "./json-schema.ts";

const validFiles = readCorpusManifest()
  .filter((entry) => entry.expected.validity === "valid")
  .map((entry) => entry.file);

describe("ASL zod schema", () => {
  it("matches the committed JSON Schema (run `npm run schema` after changing it)", () => {
    const committed = readFileSync(resolve(repoRoot, "packages/asl/schema/asl.schema.json"), "utf8");
    expect(committed).toBe(aslJsonSchemaText());
  });

  it.each(validFiles.map((file) => [file]))("accepts the valid corpus file %s", (file) => {
    const result = stateMachineDefinitionSchema().safeParse(JSON.parse(readCorpusText(file)));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  const minimal = { StartAt: "A", States: { A: { Type: "Succeed" } } };
  it.each([
    ["a missing StartAt", { States: minimal.States }],
    ["an unknown top-level field", { ...minimal, Extra: true }],
    ["an unknown state type", { StartAt: "A", States: { A: { Type: "Lambda" } } }],
    ["an unknown state field", { StartAt: "A", States: { A: { Type: "Succeed", Next: "A" } } }],
    ["an empty ErrorEquals", { StartAt: "A", States: { A: { Type: "Task", Resource: "r", End: true, Retry: [{ ErrorEquals: [] }] } } }],
    ["an empty Choices", { StartAt: "A", States: { A: { Type: "Choice", Choices: [] } } }],
    ["a nested rule with a bad operator value", { StartAt: "A", States: { A: { Type: "Choice", Choices: [{ Not: { Variable: "$.x", IsNull: "yes" }, Next: "A" }] } } }],
    ["empty Branches", { StartAt: "A", States: { A: { Type: "Parallel", End: true, Branches: [] } } }],
    ["a state in a branch with a bad Type", { StartAt: "A", States: { A: { Type: "Parallel", End: true, Branches: [{ StartAt: "B", States: { B: { Type: "Nope" } } }] } } }],
    ["a negative Wait", { StartAt: "A", States: { A: { Type: "Wait", Seconds: -1, End: true } } }],
    ["a MaxConcurrency that is a plain string", { StartAt: "A", States: { A: { Type: "Map", End: true, MaxConcurrency: "${C}", ItemProcessor: minimal } } }],
    ["a label over 40 characters", { StartAt: "A", States: { A: { Type: "Map", End: true, Label: "x".repeat(41), ItemProcessor: minimal } } }],
  ])("rejects %s", (_name, definition) => {
    expect(stateMachineDefinitionSchema().safeParse(definition).success).toBe(false);
  });

  it("accepts JSONata expressions in numeric fields", () => {
    const definition = { QueryLanguage: "JSONata", StartAt: "A", States: { A: { Type: "Wait", Seconds: "{% $states.input.delay %}", End: true } } };
    expect(stateMachineDefinitionSchema().safeParse(definition).success).toBe(true);
  });
});
