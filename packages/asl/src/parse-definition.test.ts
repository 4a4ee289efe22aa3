import { describe, expect, it } from "vitest";
import { parseDefinition } from "./parse-definition.ts";

const VALID = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';

describe("parseDefinition", () => {
  it("returns the typed definition for valid text", () => {
    const result = parseDefinition(VALID);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.States["A"]?.Type).toBe("Succeed");
  });

  it("accepts an already-parsed object and a leading BOM", () => {
    expect(parseDefinition(JSON.parse(VALID)).ok).toBe(true);
    expect(parseDefinition(`\uFEFF${VALID}`).ok).toBe(true);
  });

  it("keeps warnings on success", () => {
    const result = parseDefinition('{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"id": "$.id"}, "End": true}}}');
    expect(result.ok && result.warnings.map((d) => d.code)).toEqual(["NO_DOLLAR"]);
  });

  it.each([[""], ["   \n"]])("rejects empty text %j with AWS's message", (text) => {
    const result = parseDefinition(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.message).toContain("Definition must be a valid JSON object");
  });

  it.each([[null], [undefined]])("rejects %j", (value) => {
    expect(parseDefinition(value)).toMatchObject({ ok: false, diagnostics: [{ code: "MISSING_DESCRIPTION", path: "" }] });
  });

  it.each([["[]"], ["42"], ['"text"'], ["true"], [[1, 2]], [7]])("rejects the non-object %j", (value) => {
    const result = parseDefinition(value);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: "SCHEMA_VALIDATION_FAILED", path: "" }] });
    if (!result.ok) expect(result.diagnostics[0]?.message).toContain("Definition must be a valid JSON object");
  });

  it.each([
    ['{"StartAt": "A",\n  "States": {\n    "A": {"Type": "Succeed"}\n  }', 4, 4],
    ['{\n  "StartAt": "A"\n  "States": {}\n}', 3, 3],
    ["{\n\t'StartAt': 1}", 2, 2],
  ])("reports JSON syntax errors with line and column: %j", (text, line, column) => {
    const result = parseDefinition(text);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: "INVALID_JSON_DESCRIPTION", path: "", line, column }] });
    if (!result.ok) expect(result.diagnostics[0]?.message).toContain(`line ${line}, column ${column}`);
  });

  it("keeps a syntax error's message on one line when V8 quotes text with line breaks", () => {
    const result = parseDefinition('{"StartAt":\n\nx1}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]?.message).not.toMatch(/[\r\n]/);
      expect(result.diagnostics[0]?.message).toMatch(/^Invalid JSON at line 3, column \d+: Unexpected token 'x', "\{"StartAt":\\n\\nx1\}" is not valid JSON\./);
    }
  });

  it("returns validation errors instead of a definition", () => {
    const result = parseDefinition('{"StartAt": "B", "States": {"A": {"Type": "Succeed"}}}');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: "MISSING_TRANSITION_TARGET", path: "/StartAt" }] });
  });

  it("honours the state machine type", () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true}}}';
    expect(parseDefinition(text).ok).toBe(true);
    expect(parseDefinition(text, { stateMachineType: "EXPRESS" }).ok).toBe(false);
  });
});
