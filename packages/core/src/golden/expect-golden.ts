import { validateDefinition } from "@stepcraft/asl";
import { expect } from "vitest";
import type { AslDefinition } from "../index.ts";

/** Compiles, compares with the literal ASL, checks key order and byte-identical recompilation, and validates. */
export function expectGolden(flow: { toAsl(): AslDefinition; toJson(): string }, expected: unknown): void {
  const asl = flow.toAsl();
  expect(asl).toEqual(expected);
  // toEqual ignores key order; the JSON text does not.
  expect(JSON.stringify(asl)).toBe(JSON.stringify(expected));
  expect(flow.toJson()).toBe(flow.toJson());
  expect(validateDefinition(asl)).toEqual([]);
}
