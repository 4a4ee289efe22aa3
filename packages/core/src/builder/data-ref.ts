/**
 * The types of data references (`$.input.order.items`). Each level is computed only when a
 * property is read (mapped types are lazy), so a large payload type costs nothing until used.
 */
import type { Condition, Value, ValueOr } from "./value.ts";
import type { IsJson, Json } from "./json.ts";
import type { Timestamp } from "./timestamp.ts";
import type { StepcraftTypeError } from "./type-error.ts";

/**
 * True when the data `T` may be absent: an optional field, a field of an optional object, an
 * array element (`elementAt`). `unknown` is data of no known type, not optional data.
 */
export type MayBeAbsent<T> = unknown extends T ? false : undefined extends T ? true : false;

declare const mayBeAbsent: unique symbol;

/** Phantom brand of references to data that may be absent: what the template check looks for (one member, no inference). */
export interface MayBeAbsentBrand {
  readonly [mayBeAbsent]: true;
}

/** Tests every reference to data that is there has. */
export interface ValueRef<T> extends Value<T> {
  /** `IsPresent`: only on optional fields, where the data may be missing. */
  readonly isPresent: StepcraftTypeError<"isPresent() applies to optional fields only; this field is always present">;
  isNull(expected?: boolean): Condition;
  isNumeric(expected?: boolean): Condition;
  isString(expected?: boolean): Condition;
  isBoolean(expected?: boolean): Condition;
  isTimestamp(expected?: boolean): Condition;
}

/**
 * What a reference to data that may be absent offers. AWS fails a state that reads an absent
 * field where it needs a value (a JSONPath Choice comparison or type test: `States.Runtime`; a
 * JSONPath `.$` field: `States.Runtime`; a JSONata `Output`/`Arguments`/`Assign` field:
 * `States.QueryEvaluationError`), so such a reference must first be narrowed: tested with
 * `isPresent()`/`ifPresent()`, given a default with `orElse()`, or declared present with
 * `assertPresent()`.
 */
export interface OptionalRef<T> extends Value<T>, MayBeAbsentBrand {
  /** `IsPresent`: whether the data is there (never fails on absent data). */
  isPresent(expected?: boolean): Condition;
  /**
   * A test of the data that is false when it is absent: `$.input.note.ifPresent((note) => note.eq("x"))`.
   * JSONPath: `And [IsPresent, the test]`; JSONata: `($exists(note) and note = "x")`.
   */
  ifPresent(test: (present: Ref<Exclude<T, undefined>>) => Condition): Condition;
  /**
   * The data, or `fallback` when it is absent: JSONata `($exists(x) ? x : fallback)`. JSONPath has
   * no default, so a JSONPath workflow reports NOT_EXPRESSIBLE (branch with a Choice on `isPresent()`).
   */
  orElse(fallback: ValueOr<Exclude<T, undefined>>): RefOps<Exclude<T, undefined>>;
  /**
   * The data, declared present (an earlier Choice tested it, a task always sets it). Compiles to
   * the plain path: if it is absent after all, the state fails as AWS fails it (`States.Runtime`
   * in JSONPath, `States.QueryEvaluationError` in JSONata).
   */
  assertPresent(): Ref<Exclude<T, undefined>>;
}

/**
 * The tests and comparisons of present data, refused on data that may be absent with a message
 * that says what to write (mapped, so that the message shows in the error, not an alias name).
 */
export type AbsentDataTests = {
  readonly [K in
    | "eq"
    | "gt"
    | "gte"
    | "lt"
    | "lte"
    | "matches"
    | "sameInstant"
    | "before"
    | "after"
    | "atOrBefore"
    | "atOrAfter"
    | "isNull"
    | "isNumeric"
    | "isString"
    | "isBoolean"
    | "isTimestamp"
    | "elementAt"]: StepcraftTypeError<"this data may be absent, and a JSONPath Choice fails (States.Runtime) on an absent field: test it inside .ifPresent((v) => …), or give a default with .orElse(…)">;
};

/**
 * What `eq` compares a field of type `T` with: a literal of the field's own type (so a misspelt
 * member of a literal union, `"APROVE"` for `"APPROVE" | "DENY"`, is a type error), or any data
 * of the base type (another reference, compared at run time).
 */
export type EqOperand<T, Base> = Exclude<T, undefined> | Value<Base>;

export interface NumberRef<T> extends ValueRef<T> {
  eq(other: EqOperand<T, number>): Condition;
  gt(other: ValueOr<number>): Condition;
  gte(other: ValueOr<number>): Condition;
  lt(other: ValueOr<number>): Condition;
  lte(other: ValueOr<number>): Condition;
}

export interface StringRef<T> extends ValueRef<T> {
  eq(other: EqOperand<T, string>): Condition;
  gt(other: ValueOr<string>): Condition;
  gte(other: ValueOr<string>): Condition;
  lt(other: ValueOr<string>): Condition;
  lte(other: ValueOr<string>): Condition;
  /** `StringMatches`: `*` matches any run of characters; `\\*` is a literal star. */
  matches(pattern: string): Condition;
}

/** Timestamps compare as instants, with their own verbs so they never fall back to string order. */
export interface TimestampRef<T> extends ValueRef<T> {
  sameInstant(other: ValueOr<Timestamp>): Condition;
  before(other: ValueOr<Timestamp>): Condition;
  after(other: ValueOr<Timestamp>): Condition;
  atOrBefore(other: ValueOr<Timestamp>): Condition;
  atOrAfter(other: ValueOr<Timestamp>): Condition;
}

export interface BooleanRef<T> extends ValueRef<T> {
  eq(other: ValueOr<boolean>): Condition;
}

export interface ArrayRef<T, E> extends ValueRef<T> {
  /** The element at `index` (which may be missing); `$.input.items.elementAt(0)`. */
  elementAt(index: number): Ref<E | undefined>;
}

declare const untypedRef: unique symbol;

/**
 * The operations of a reference to untyped `Json`: every test and comparison, since nothing says
 * which apply (AWS evaluates them on the data as it is; a comparison on the wrong kind is false).
 * The brand keeps it apart from typed references: only a `JsonRef` stands in for a typed value
 * (a Map's items, a Wait's seconds), so typed workflows stay strict.
 */
export interface JsonRefOps extends Value<Json> {
  readonly [untypedRef]: true;
  /** `IsPresent`: untyped data may always be missing. */
  isPresent(expected?: boolean): Condition;
  isNull(expected?: boolean): Condition;
  isNumeric(expected?: boolean): Condition;
  isString(expected?: boolean): Condition;
  isBoolean(expected?: boolean): Condition;
  isTimestamp(expected?: boolean): Condition;
  /** `StringEquals`, `NumericEquals` or `BooleanEquals`, by the operand's kind. */
  eq(other: ValueOr<string> | ValueOr<number> | ValueOr<boolean>): Condition;
  gt(other: ValueOr<string> | ValueOr<number>): Condition;
  gte(other: ValueOr<string> | ValueOr<number>): Condition;
  lt(other: ValueOr<string> | ValueOr<number>): Condition;
  lte(other: ValueOr<string> | ValueOr<number>): Condition;
  /** `StringMatches`: `*` matches any run of characters; `\\*` is a literal star. */
  matches(pattern: string): Condition;
  sameInstant(other: ValueOr<Timestamp>): Condition;
  before(other: ValueOr<Timestamp>): Condition;
  after(other: ValueOr<Timestamp>): Condition;
  atOrBefore(other: ValueOr<Timestamp>): Condition;
  atOrAfter(other: ValueOr<Timestamp>): Condition;
  /** The element at `index`. */
  elementAt(index: number): JsonRef;
}

/**
 * Field names that references to untyped `Json` declare. Empty here; a module adds the names it
 * reads by augmenting it (`declare module "@stepcraft/core" { interface JsonFields { readonly id: true } }`),
 * as `stepcraft import` does. Needed only under `noUncheckedIndexedAccess`, where a field read
 * through an index signature may be `undefined`; a declared name is a `JsonRef` outright.
 */
export interface JsonFields {}

/**
 * A reference to untyped `Json`: any field (`$.input.order.id`) or index (`$.input[0]`) is `Json`
 * again. Names declared in {@link JsonFields} read as `JsonRef`; others through the index
 * signature (`JsonRef | undefined` under `noUncheckedIndexedAccess`).
 */
export type JsonRef = JsonRefOps & { readonly [K in keyof JsonFields]-?: JsonRef } & { readonly [field: string]: JsonRef | undefined };

type OptionalIf<Cond extends boolean> = Cond extends true ? undefined : never;

/** An object's fields; a field is optional when it is declared optional or its parent is. */
export type FieldRefs<T, D> = {
  readonly [K in keyof D]-?: Ref<D[K] | OptionalIf<{} extends Pick<D, K> ? true : undefined extends T ? true : false>>;
};

/** A tuple's elements by index (`$.input[0]`), for Parallel outputs. */
export type TupleRefs<T, D extends readonly unknown[]> = {
  readonly [K in keyof D as K extends `${number}` ? K : never]-?: Ref<D[K] | OptionalIf<undefined extends T ? true : false>>;
};

/**
 * Makes JavaScript's operators on a reference type errors. A reference is read when the workflow
 * runs, not while it is built, so `` `claim ${$.input.claimId}` ``, `"a" + ref` and `ref > 5` can
 * only go wrong; TypeScript refuses a `symbol` in each of them (TS2731, TS2469) and an `===`
 * against a literal (TS2367). Only references without fields carry it: a `symbol`'s own members
 * (`description`, `toString`) would clash with a payload's field names.
 */
// Messages show it as `symbol & NumberRef<number>` (TypeScript prints no alias of a primitive).
export type NotAnOperand = symbol;

/** The reference operations a value of type `T` supports, without field access. */
export type RefOps<T, D = Exclude<T, undefined>> =
  MayBeAbsent<T> extends true ? (IsJson<D> extends true ? JsonRef : NotAnOperand & OptionalRef<T> & AbsentDataTests) : PresentRefOps<T, D>;

/** The operations of data that is there, by its type. */
type PresentRefOps<T, D> = [D] extends [never]
  ? NotAnOperand & ValueRef<T>
  : [D] extends [Timestamp]
    ? NotAnOperand & TimestampRef<T>
    : [D] extends [number]
      ? NotAnOperand & NumberRef<T>
      : [D] extends [string]
        ? NotAnOperand & StringRef<T>
        : [D] extends [boolean]
          ? NotAnOperand & BooleanRef<T>
          : [D] extends [readonly (infer E)[]]
            ? NotAnOperand & ArrayRef<T, E>
            : IsJson<D> extends true
              ? JsonRef
              : NotAnOperand & ValueRef<T>;

/** A typed reference to data of type `T`: fields by property access, tests and comparisons by method. */
export type Ref<T, D = Exclude<T, undefined>> = [D] extends [readonly unknown[]]
  ? number extends D["length"]
    ? RefOps<T, D>
    : RefOps<T, D> & TupleRefs<T, D>
  : [D] extends [Timestamp]
    ? RefOps<T, D>
    : [D] extends [object]
      ? (MayBeAbsent<T> extends true ? OptionalRef<T> : ValueRef<T>) & FieldRefs<T, D>
      : RefOps<T, D>;
