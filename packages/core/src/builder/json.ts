/**
 * `Json`: data whose shape is not known (imported ASL, a payload not typed yet). It is the honest
 * type of whatever JSON a state may receive, not `any`: every JSON value fits it, and references to
 * it (`JsonRef`) may read any field and run any test, because nothing is known to forbid them.
 */

/** Any JSON value. References to it are open: `$.input.anything` is allowed and is `Json` again. */
export type Json = JsonPrimitive | readonly Json[] | JsonObject;
/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;
// A type alias, not an interface: object types written as aliases (and mapped types) fit an index
// signature implicitly, so payloads built from templates are `Json` without being declared so.
/** A JSON object of unknown fields. */
export type JsonObject = { readonly [key: string]: Json };

/**
 * True when `T` is the untyped `Json` (or a type every JSON value fits, other than `unknown`).
 * Checked as "`Json` fits `T`", which fails on the first union member for typed payloads, so typed
 * workflows pay almost nothing; `unknown` stays closed (its references need a type first).
 */
export type IsJson<T> = unknown extends T ? false : [Json] extends [T] ? true : false;
