import type { IntegrationShape } from "./integration-shapes.ts";
import type { ShapeRef, ShapeTable } from "./shape-types.ts";
import { isJsonObject } from "../data/json-values.ts";

/** TestState's `mock.fieldValidationMode`. */
export type FieldValidationMode = "STRICT" | "PRESENT" | "NONE";

/**
 * Checks a mocked result against the integration's output shape as TestState does, and returns
 * AWS's message for the first problem (undefined: the mock fits). STRICT: required fields
 * present and present fields of the right type; PRESENT: only the fields given; NONE: nothing.
 * Fields the API model does not have are accepted in every mode, as AWS accepts them (recorded:
 * `{"random": "json"}` passes STRICT for `events:putEvents`).
 */
export function mockResultProblem(result: unknown, shape: IntegrationShape, mode: FieldValidationMode): string | undefined {
  if (mode === "NONE") return undefined;
  const problem = check(result, shape.output, shape.shapes, mode === "STRICT", undefined);
  return problem === undefined ? undefined : `Mock result schema validation error: ${problem}`;
}

function field(name: string | undefined): string {
  return name === undefined ? "The mocked result" : `Field '${name}'`;
}

function check(value: unknown, ref: ShapeRef, shapes: ShapeTable, strict: boolean, name: string | undefined): string | undefined {
  if (typeof ref === "string") return checkSimple(value, ref, name);
  if ("list" in ref) {
    if (!Array.isArray(value)) return `${field(name)} must be an array`;
    for (const item of value) {
      const problem = check(item, ref.list, shapes, strict, name);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (!isJsonObject(value)) return `${field(name)} must be an object`;
  if ("map" in ref) {
    for (const item of Object.values(value)) {
      const problem = check(item, ref.map, shapes, strict, name);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const structure = shapes[ref.shape];
  if (structure === undefined) return undefined;
  if (strict) {
    for (const required of structure.required) {
      if (value[required] === undefined || value[required] === null) return `Required field '${required}' is missing`;
    }
  }
  for (const [member, memberValue] of Object.entries(value)) {
    if (memberValue === null || !Object.hasOwn(structure.members, member)) continue;
    const problem = check(memberValue, structure.members[member]!, shapes, strict, member);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkSimple(value: unknown, ref: Exclude<ShapeRef, object>, name: string | undefined): string | undefined {
  switch (ref) {
    case "document":
      return undefined;
    case "number":
      return typeof value === "number" ? undefined : `${field(name)} must be a number`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${field(name)} must be a boolean`;
    // Timestamps and blobs travel as text in Step Functions results (AWS: "must be a string").
    case "string":
    case "timestamp":
    case "blob":
      return typeof value === "string" ? undefined : `${field(name)} must be a string`;
  }
}

