/** Payload templates: objects whose leaves are literals or data references, checked against a target type. */
import type { MergeFields } from "./merged.ts";
import type { Value } from "./value.ts";

/** What may be written where a `T` is expected: a `T`, data of type `T`, or an object/array of those. */
export type Template<T> = Value<T> | TemplateShape<T>;
// `readonly`: a template is data sent once, so a mutable array field takes a readonly array too,
// as the `const` inference of `arguments` makes array literals readonly tuples.
type TemplateShape<T> = T extends object ? { readonly [K in keyof T]: Template<T[K]> } : T;

/** The data type a template produces (replacing each reference by its type). */
export type Resolve<A> =
  A extends Value<infer T>
    ? T
    : A extends readonly unknown[]
      ? { -readonly [K in keyof A]: Resolve<A[K]> }
      : A extends object
        ? { -readonly [K in keyof A]: Resolve<A[K]> }
        : A;

/**
 * Variables after an Assign: new names added, reassigned names replaced, in one flat object type
 * built from the Assign objects (merged.ts: it does not nest, however many Assigns came before).
 * Each Assign object is mapped over its own keys, so each variable keeps a link to the Assign key
 * that declared it: "rename symbol" and "find references" follow a variable from its Assign to
 * every `$.vars.name` read.
 */
export type MergeVars<V, A> = [keyof A] extends [never] ? V : MergeFields<V, { readonly [K in keyof A]: Resolve<A[K]> }>;
