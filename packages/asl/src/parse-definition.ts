// Text (or an already-parsed value) in, a typed definition or diagnostics out.
import { diagnostic, type Diagnostic } from "./diagnostic.ts";
import { findDuplicateKeys } from "./duplicate-keys.ts";
import { positionOf } from "./locate-json-pointer.ts";
import type { StateMachineDefinition, StateMachineType } from "./types.ts";
import { checkDefinitionTextSize } from "./validator/definition-size.ts";
import { validateDefinition } from "./validator/validate-definition.ts";

/** The outcome of `parseDefinition`. */
export type ParseDefinitionResult =
  | { ok: true; definition: StateMachineDefinition; /** Warning-severity findings. */ warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Options for `parseDefinition`. */
export interface ParseDefinitionOptions {
  /** @default "STANDARD" */
  stateMachineType?: StateMachineType | undefined;
}

const NOT_AN_OBJECT = "Definition must be a valid JSON object";

/**
 * Parses ASL JSON text (or takes a parsed value) and validates it; `ok` only when there is no error.
 * @example parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}')
 */
export function parseDefinition(textOrObject: string | unknown, options: ParseDefinitionOptions = {}): ParseDefinitionResult {
  let value: unknown = textOrObject;
  let sourceText: string | undefined;
  if (typeof textOrObject === "string") {
    const text = textOrObject.charCodeAt(0) === 0xfeff ? textOrObject.slice(1) : textOrObject;
    sourceText = text;
    if (text.trim() === "") {
      return fail(diagnostic("MISSING_DESCRIPTION", "", `${NOT_AN_OBJECT}: the text is empty. Pass the state machine's JSON, e.g. {"StartAt": "...", "States": {...}}.`));
    }
    const tooLarge = checkDefinitionTextSize(text);
    if (tooLarge !== undefined) return fail(tooLarge);
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail(jsonSyntaxDiagnostic(text, error));
    }
  }
  if (value === null || value === undefined) {
    return fail(diagnostic("MISSING_DESCRIPTION", "", `${NOT_AN_OBJECT}: received ${String(value)}. Pass the state machine's JSON object.`));
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const kind = Array.isArray(value) ? "an array" : `a ${typeof value}`;
    return fail(diagnostic("SCHEMA_VALIDATION_FAILED", "", `${NOT_AN_OBJECT}, but it is ${kind}. Wrap the states in an object with 'StartAt' and 'States'.`));
  }
  const diagnostics = validateDefinition(value, options.stateMachineType ? { stateMachineType: options.stateMachineType } : {});
  if (sourceText !== undefined) diagnostics.push(...duplicateKeyWarnings(sourceText));
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  // Validation proved the shape, so the cast states a checked fact.
  return { ok: true, definition: value as StateMachineDefinition, warnings: diagnostics };
}

/** One DUPLICATE_JSON_KEY warning, with line and column, per key repeated in an object. */
function duplicateKeyWarnings(text: string): Diagnostic[] {
  return findDuplicateKeys(text).map(({ pointer, key, offset }) => ({
    ...diagnostic(
      "DUPLICATE_JSON_KEY",
      pointer,
      `The key '${key}' appears more than once in this object; only its last value counts (JSON parsers keep the last one). Remove or rename the other.`,
    ),
    ...positionOf(text, offset),
  }));
}

function fail(single: Diagnostic): ParseDefinitionResult {
  return { ok: false, diagnostics: [single] };
}

/** Turns a `JSON.parse` failure into INVALID_JSON_DESCRIPTION with the line and column. */
function jsonSyntaxDiagnostic(text: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const offsetMatch = /position (\d+)/.exec(reason);
  const offset = offsetMatch ? Number(offsetMatch[1]) : text.length;
  const { line, column } = positionOf(text, offset);
  // V8 appends its own "(line x column y)"; ours is authoritative (it counts the BOM-stripped text the same way).
  const cleanReason = reason.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "").replace(/^JSON\.parse: /, "");
  // V8 quotes the text around the error, line breaks included: keep the diagnostic on one line.
  const oneLine = cleanReason.replace(/\r?\n/g, "\\n");
  return {
    ...diagnostic(
      "INVALID_JSON_DESCRIPTION",
      "",
      `Invalid JSON at line ${line}, column ${column}: ${oneLine}. Fix the syntax there (a missing comma or quote, or a trailing comma, is the usual cause).`,
    ),
    line,
    column,
  };
}
