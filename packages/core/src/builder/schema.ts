import type { Json } from "./json.ts";

/**
 * Workflow input schemas: any Standard Schema (zod 4, valibot, arktype…) or a type-only marker.
 * Only the structural `~standard` shape is used, so core depends on no schema library.
 */

export interface StandardSchemaLike<T = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => unknown;
    readonly types?: { readonly input: unknown; readonly output: T } | undefined;
  };
}

/** The payload type a schema describes (its output type). */
export type InferSchema<S> = S extends { readonly "~standard": { readonly types?: infer Types } }
  ? NonNullable<Types> extends { readonly output: infer Output }
    ? Output
    : unknown
  : unknown;

/** A schema that only carries a TypeScript type and accepts every value at run time. */
export function typeOnly<T>(): StandardSchemaLike<T> {
  return {
    "~standard": { version: 1, vendor: "stepcraft", validate: (value: unknown) => ({ value }) },
  };
}

/**
 * The schema of data whose shape is not known: `typeOnly<Json>()`. References to it read any field
 * and run any test, and what a state builds from it stays `Json`; type it (a schema or
 * `typeOnly<T>()`) to have paths checked. `stepcraft import` declares imported data with it.
 */
export function untyped(): StandardSchemaLike<Json> {
  return typeOnly<Json>();
}
