// The real-world corpus: published definitions must pass, the known-bad ones must fail precisely.
import { describe, expect, it } from "vitest";
import { parseDefinition, validateDefinition } from "../src/index.ts";
import { readCorpusManifest, readCorpusText } from "./shared-data.ts";

const entries = readCorpusManifest();
const errorsOf = (file: string) => validateDefinition(JSON.parse(readCorpusText(file))).filter((d) => d.severity === "error");

// Where each known-invalid file is wrong; a new invalid file without an entry here fails the suite.
const INVALID_PATHS: Record<string, Array<{ code: string; path: string }>> = {
  "aws-samples_step-functions-workflows-collection__shared-fallback-state-jsonata--statemachine--statemachine.asl.json": [
    { code: "SCHEMA_VALIDATION_FAILED", path: "/States/QueryLanguage" },
    // With no machine-level JSONata, the JSONata fields are foreign to these JSONPath states.
    { code: "SCHEMA_VALIDATION_FAILED", path: "/States/FirstLambdaState" },
    { code: "SCHEMA_VALIDATION_FAILED", path: "/States/FirstLambdaState/Catch/0" },
  ],
  "aws-samples_the-aws-step-functions-workshop__content--module-5--step-4--index.pt--L34.asl.json": [
    { code: "SCHEMA_VALIDATION_FAILED", path: "/States/Are there messages to process?/Choices/0/Variable" },
    { code: "MISSING_TRANSITION_TARGET", path: "/States/Are there messages to process?/Choices/0/Next" },
    { code: "SCHEMA_VALIDATION_FAILED", path: "/States/Process Messages/Parameters" },
  ],
};

describe("real-world corpus", () => {
  it("has entries of every validity", () => {
    const kinds = new Set(entries.map((entry) => entry.expected.validity));
    expect([...kinds].sort()).toEqual(["invalid", "valid", "valid-after-substitution"]);
  });

  describe.each(entries.filter((entry) => entry.expected.validity === "valid").map((entry) => [entry.file]))("valid: %s", (file) => {
    it("has no error diagnostics", () => {
      expect(errorsOf(file)).toEqual([]);
    });
    it("parses through parseDefinition", () => {
      expect(parseDefinition(readCorpusText(file)).ok).toBe(true);
    });
  });

  describe.each(entries.filter((entry) => entry.expected.validity === "valid-after-substitution").map((entry) => [entry.file]))("valid after substitution: %s", (file) => {
    it("reports only PLACEHOLDER_NOT_SUBSTITUTED, once per field", () => {
      const errors = errorsOf(file);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((d) => d.code === "PLACEHOLDER_NOT_SUBSTITUTED")).toBe(true);
      expect(new Set(errors.map((d) => d.path)).size).toBe(errors.length);
      expect(errors.every((d) => d.message.includes("valid after substitution"))).toBe(true);
    });
  });

  describe.each(entries.filter((entry) => entry.expected.validity === "invalid").map((entry) => [entry.file]))("invalid: %s", (file) => {
    it("is rejected at the right paths", () => {
      const expected = INVALID_PATHS[file];
      expect(expected, "add the expected code and path for this invalid file").toBeDefined();
      const found = errorsOf(file).map(({ code, path }) => ({ code, path }));
      for (const item of expected ?? []) expect(found).toContainEqual(item);
    });
  });
});
