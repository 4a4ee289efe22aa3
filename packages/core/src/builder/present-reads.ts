/**
 * Templates may not read data that may be absent. Each leaf of an `output`, `arguments`, `assign`
 * or `itemSelector` template is a field AWS evaluates on its own, and an absent one fails the
 * state: JSONPath `"id.$": "$.maybeId"` with `States.Runtime` ("could not be found in the
 * input"), JSONata `"id": "{% $states.input.maybeId %}"` with `States.QueryEvaluationError`
 * ("returned nothing (undefined)"). A leaf that may be absent must be narrowed first (`orElse`,
 * `assertPresent`). Inside an expression (`jsonata\`…\``) absent data is JSONata's `undefined` and
 * does not fail, so only leaves are checked.
 */
import type { MayBeAbsentBrand } from "./data-ref.ts";
import type { StepcraftTypeError } from "./type-error.ts";
import type { Value } from "./value.ts";

/** The type a template leaf that may be absent is checked against: it never fits, and says why. */
export type AbsentLeaf = StepcraftTypeError<"this data may be absent, and AWS fails the state when a field of the template reads absent data: give a default with .orElse(…) (JSONata), or declare it present with .assertPresent() after a Choice tested .isPresent()">;

/**
 * What a template `O` must also be: each leaf that may be absent mapped to {@link AbsentLeaf}.
 * A reference stops the walk (its fields are not leaves of the template), so a large payload
 * type costs one check.
 */
type LeavesPresent<O> = O extends MayBeAbsentBrand
  ? AbsentLeaf
  : O extends Value<unknown>
    ? unknown
    : O extends readonly unknown[]
      ? number extends O["length"]
        ? ElementsPresent<O[number]>
        : { readonly [K in keyof O]: LeavesPresent<O[K]> }
      : O extends object
        ? { readonly [K in keyof O]: LeavesPresent<O[K]> }
        : unknown;

/**
 * An array literal's elements are one union (`[$.input.id, $.input.note]` is `(A | B)[]`), which
 * `LeavesPresent` would check member by member and let pass: one element that may be absent
 * makes every element the error type instead.
 */
type ElementsPresent<E> = true extends AnyAbsent<E> ? readonly AbsentLeaf[] : readonly LeavesPresent<E>[];
type AnyAbsent<E> = E extends MayBeAbsentBrand ? true : false;

/**
 * The check on a selector's result, intersected with it (`($) => O & PresentReads<O>`). `NoInfer`,
 * so `O` is inferred from the selector alone and only then checked; measured against the
 * `[T][T extends unknown ? 0 : never]` deferral, it instantiates fewer types per selector (a
 * 1,000-state chain: 368,174 against 389,324; without the check 330,246).
 */
export type PresentReads<O> = NoInfer<LeavesPresent<O>>;
