/**
 * The public shapes of the builder. A chain carries five types, each replaced (never intersected)
 * at every step: what it accepts, what its open ends produce, the variables assigned so far, the
 * errors its tasks declare, and what its Succeed states output. Types are read back through one
 * phantom member.
 */
import type { JsonObject } from "../ir/expr-node.ts";
import type { QueryLanguage } from "../ir/state-node.ts";
import type { JsonRef } from "./data-ref.ts";
import type { IsJson, Json } from "./json.ts";
import type { CallbackContextObject, ContextObject, ErrorOutput, ErrorScope, InputScope, ItemScope, ResultScope } from "./scope.ts";
import type { ChainData } from "./state-graph.ts";
import type { TaskResource } from "./task-resource.ts";
import type { MergeFields } from "./merged.ts";
import type { PresentReads } from "./present-reads.ts";
import type { MergeVars, Resolve, Template } from "./template.ts";
import type { StandardSchemaLike } from "./schema.ts";
import type { Timestamp } from "./timestamp.ts";
import type { CheckedNumber } from "./number-checks.ts";
import type { StepcraftTypeError } from "./type-error.ts";
import type { Condition, Value, ValueOr } from "./value.ts";

declare const chainTypes: unique symbol;
/** Run-time key of a chain's graph. */
export const chainData: unique symbol = Symbol("stepcraft.chain");

/** A chain's types, read by indexed access (`C[typeof chainTypes]["output"]`). */
export interface ChainTypes<In, Out, V, E extends string, D = never> {
  readonly input: (input: In) => void;
  /** What the open ends produce (a following state's input). */
  readonly output: Out;
  readonly vars: V;
  readonly errors: E;
  /** What the Succeed states output: a branch's or an execution's result when it ends there. */
  readonly done: D;
}

/** Anything that can be joined into a graph: a chain, a single state, a `goto`. */
export interface ChainLike<In, Out, V, E extends string, D = never> {
  readonly [chainTypes]: ChainTypes<In, Out, V, E, D>;
  readonly [chainData]: ChainData;
}

/**
 * A chain that accepts `In`, whatever it produces. It has no output member on purpose: as the
 * contextual type of `next: states<T>().pass(…)`, an `output: unknown` would be inferred as the
 * Pass state's output type.
 */
export interface Accepting<In> {
  readonly [chainTypes]: { readonly input: (input: In) => void };
  readonly [chainData]: ChainData;
}

/** Any chain, whatever it accepts or produces. */
export type AnyChain = ChainLike<never, unknown, unknown, string, unknown>;

/** The output type of a chain. */
export type ChainOutput<C> = C extends { readonly [chainTypes]: { readonly output: infer O } } ? O : never;
/** What a chain's Succeed states output. */
export type ChainDone<C> = C extends { readonly [chainTypes]: { readonly done: infer D } } ? D : never;

declare const passesInput: unique symbol;
/** The `done` type of a standalone `succeed()`: it outputs whatever reaches it, known where it is joined. */
export interface PassesInput {
  readonly [passesInput]: true;
}
/** `D` once joined after a state producing `In`: a standalone Succeed outputs `In`. */
export type DoneAfter<D, In> = D extends PassesInput ? In : D;

/** The errors a chain's tasks declare. */
export type ChainErrors<C> = C extends { readonly [chainTypes]: { readonly errors: infer E extends string } } ? E : never;

/** The error names ASL defines. */
export type StatesErrorName =
  | "States.ALL"
  | "States.DataLimitExceeded"
  | "States.ExceedToleratedFailureThreshold"
  | "States.HeartbeatTimeout"
  | "States.Http.Socket"
  | "States.IntrinsicFailure"
  | "States.ItemReaderFailed"
  | "States.ResultWriterFailed"
  | "States.NoChoiceMatched"
  | "States.ParameterPathFailure"
  | "States.Permissions"
  | "States.QueryEvaluationError"
  | "States.ResultPathMatchFailure"
  | "States.Runtime"
  | "States.TaskFailed"
  | "States.Timeout"
  | "States.BranchFailed";

/** Error names a Retrier or Catcher may list. */
export type ErrorNames<E extends string> = readonly [E | StatesErrorName, ...(E | StatesErrorName)[]];

export interface RetrySpec<E extends string> {
  readonly errors: ErrorNames<E>;
  /** @default 1 */
  readonly intervalSeconds?: number;
  /** @default 3 */
  readonly maxAttempts?: number;
  /** @default 2 */
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  /** @default "NONE" */
  readonly jitter?: "FULL" | "NONE";
  readonly comment?: string;
}

/** The checks on a Retrier's literal numbers (number-checks.ts): the ranges AWS accepts. */
export type RetryNumbers<S> = {
  readonly maxAttempts?: CheckedNumber<S extends { readonly maxAttempts: infer N } ? N : number, { min: 0; integer: true; max: "8 digits" }, "maxAttempts must be a whole number from 0 to 99999999">;
  readonly intervalSeconds?: CheckedNumber<S extends { readonly intervalSeconds: infer N } ? N : number, { min: 1; integer: true; max: "8 digits" }, "intervalSeconds must be a whole number from 1 to 99999999">;
  readonly maxDelaySeconds?: CheckedNumber<S extends { readonly maxDelaySeconds: infer N } ? N : number, { min: 1; integer: true; max: "8 digits" }, "maxDelaySeconds must be a whole number from 1 to 31622400">;
  readonly backoffRate?: CheckedNumber<S extends { readonly backoffRate: infer N } ? N : number, { min: 1; integer: false }, "backoffRate must be 1.0 or more">;
};

/**
 * The checks on a task's `retry` Retriers, one per element. Only a tuple is checked (what a
 * `const` type parameter infers from an array literal); an array built elsewhere is left to the validator.
 */
export type RetriesNumbers<RS> = RS extends readonly unknown[] ? (number extends RS["length"] ? unknown : { readonly [I in keyof RS]: RS[I] & RetryNumbers<RS[I]> }) : unknown;

/** A Wait state's literal `seconds`: a whole number from 0 to 99999999. */
export type WaitSeconds<S> = S & CheckedNumber<S, { min: 0; integer: true; max: "8 digits" }, "a Wait state's seconds must be a whole number from 0 to 99999999">;

/** A Map state's literal `maxConcurrency`: a whole number, 0 (no limit) or more. */
export type MaxConcurrency<N> = N & CheckedNumber<N, { min: 0; integer: true }, "maxConcurrency must be a whole number, 0 (no limit) or more">;
/** A Map state's literal `toleratedFailureCount`: a whole number, 0 or more. */
export type ToleratedFailureCount<N> = N & CheckedNumber<N, { min: 0; integer: true }, "toleratedFailureCount must be a whole number, 0 or more">;
/** A Map state's literal `toleratedFailurePercentage`: from 0 to 100. */
export type ToleratedFailurePercentage<N> = N & CheckedNumber<N, { min: 0; integer: false; max: "100" }, "toleratedFailurePercentage must be from 0 to 100">;

/** A transition target: a chain, or a function building one from factories whose input is `In`. */
export type Target<In, V, O, V2, E extends string, D = never> =
  | ChainLike<WithVarsAssigned<In, V>, O, V2, E, D>
  | ((states: StateFactories<In, In, V, never>) => ChainLike<In, O, V2, E, D>);

declare const assignedVars: unique symbol;

/**
 * The variables assigned on every path to a transition, as a phantom beside what it hands on. A
 * fragment built with `states<In, Vars>()` accepts `In & VarsAssigned<Vars>`: joined where fewer
 * variables are assigned (`Vars` not met by what every path assigned, or none at all), it does not
 * type-check. Other chains accept the phantom as an extra member.
 */
// A type alias, not an interface: it keeps an input type `Json` (see JsonObject).
export type VarsAssigned<V> = { readonly [assignedVars]: V };

/** What a transition hands on: the data, and the variables assigned when there are any (the message stays short without). */
export type WithVarsAssigned<In, V> = [keyof V] extends [never] ? In : In & VarsAssigned<V>;

/** A Catcher in a state's options; {@link CatchTargetsAccept} checks each `next` against what the Catcher passes on. */
export interface CatchSpec<Cur, V, E extends string> {
  readonly errors: ErrorNames<E>;
  /**
   * Where to go; its open ends become open ends of the catching state's chain. A function builds
   * the chain from factories typed for the error output (with `output` or `resultField`, give a
   * chain, or use `.catch()`, whose function targets are typed for what the Catcher passes on).
   */
  readonly next: Accepting<never> | ((states: StateFactories<ErrorOutput, ErrorOutput, V, never>) => Accepting<never>);
  /** The output passed to `next`. @default the error output `{ Error, Cause }` */
  readonly output?: ($: ErrorScope<Cur, V>) => unknown;
  /** Keep the state input and put the error output under this field (JSONPath `ResultPath`); not with `output`. */
  readonly resultField?: string;
  readonly assign?: ($: ErrorScope<Cur, V>) => object;
  readonly comment?: string;
}

/** A Catcher added with `.catch()`. */
export interface CatcherSpec<Cur, V, E extends string, K extends string = never, CA extends object = object> {
  readonly errors: ErrorNames<E>;
  /** The output passed to `next`. @default the error output `{ Error, Cause }` */
  readonly output?: ($: ErrorScope<Cur, V>) => unknown;
  /**
   * Keep the state input and put the error output under this field: `next` gets the input with
   * `{ [field]: { Error, Cause } }`. JSONPath `ResultPath: "$.field"`, JSONata `$merge` in `Output`.
   */
  readonly resultField?: K;
  readonly assign?: ($: ErrorScope<Cur, V>) => CA & PresentReads<CA>;
  readonly comment?: string;
}

/** A Catcher with its own output `CO` (the selector's result), for `.catch()`. */
export interface CatcherOutputSpec<Cur, V, E extends string, CO, CA extends object = object> {
  readonly errors: ErrorNames<E>;
  /** The output passed to `next` instead of the error output. */
  readonly output: ($: ErrorScope<Cur, V>) => CO & PresentReads<CO>;
  /** Not with `output`: a Catcher either builds its output or keeps the input with the error under a field. */
  readonly resultField?: never;
  readonly assign?: ($: ErrorScope<Cur, V>) => CA & PresentReads<CA>;
  readonly comment?: string;
}

/**
 * Each Catcher's `next` must accept what the Catcher passes on: its own `output`, or else the error
 * output. Mapped over the tuple of Catchers, so only states with Catchers pay for it.
 */
export type CatchTargetsAccept<C, Cur = unknown, V = {}> = C extends readonly unknown[] ? (number extends C["length"] ? unknown : CheckedTargets<C, Cur, V>) : unknown;
// Only a tuple of Catchers is checked: while TypeScript first reads a call whose options hold
// callbacks, `C` is still its default (a plain array), and a check then would reject the call.
type CheckedTargets<C, Cur, V> = {
  // The conditional keeps TypeScript from inferring `C` backwards through this mapped type.
  readonly [I in keyof C]: C[I] extends unknown ? WithNext<C[I], AcceptingTarget<C[I], CatcherPasses<C[I], Cur>, V>> : never;
};
/** A chain accepting `P`, or a function building one from factories whose input is `P`. */
// The form the Catcher was given in (not a union of both), so that a mismatch reads as one.
type AcceptingTarget<S, P, V> = S extends { readonly next: (...args: never) => unknown } ? (states: StateFactories<P, P, V, never>) => Accepting<P> : Accepting<P>;
/** The chain a Catch target is or builds. */
type TargetChain<N> = N extends (...args: never) => infer R ? R : N;
/**
 * `S` with its `next` replaced (every other key kept, so object literals are not "excess"), and
 * its `output` and `assign` checked for fields that read data that may be absent (PresentReads).
 */
type WithNext<S, N> = { readonly [K in keyof S]: K extends "next" ? N : K extends "output" | "assign" ? PresentOutput<S[K]> : S[K] };
type PresentOutput<F> = F extends ($: infer Scope) => infer O ? ($: Scope) => O & PresentReads<O> : F;

/**
 * Output types added by Catch targets. `C` is a tuple when Catchers are given; without them it is
 * its default, a plain array, which adds nothing. (Not `= []`: TypeScript types the `$` of a
 * Catcher's `output` from the default while inferring, and `[]` has no elements to type it.)
 */
export type CatchOutputs<C> = C extends readonly unknown[] ? (number extends C["length"] ? never : CatchTargetOutputs<C>) : never;
/** What Catch targets' Succeed states output (a standalone Succeed outputs what its Catcher passes on). */
export type CatchDone<C, Cur = unknown> = C extends readonly unknown[] ? (number extends C["length"] ? never : CatchTargetDone<C, Cur>) : never;
type CatchTargetDone<C, Cur> = C extends readonly (infer S)[] ? (S extends { readonly next: infer N } ? DoneAfter<ChainDone<TargetChain<N>>, CatcherPasses<S, Cur>> : never) : never;
type CatcherPasses<S, Cur> = S extends { readonly output: (...args: never) => infer O }
  ? Resolve<O>
  : S extends { readonly resultField: infer K extends string }
    ? CatcherKeeps<Cur, K>
    : ErrorOutput;
/** What a Catcher with `resultField` passes on: the state input with the error output under `K`. */
type CatcherKeeps<Cur, K> = StateOutput<Cur, WithResultField<Cur, K & string, ErrorOutput>>;
type CatchTargetOutputs<C> = C extends readonly (infer S)[]
  ? S extends { readonly next: infer N }
    ? ChainOutput<TargetChain<N>>
    : never
  : never;

declare const noOutput: unique symbol;
/** Marks an option that was not given. */
export interface NotGiven {
  readonly [noOutput]: true;
}

/** The output of a state: its default, or what its `output` template resolves to. */
export type OutputOf<Default, O> = [O] extends [NotGiven] ? Default : Resolve<O>;

/**
 * The input with one field set to the result (`resultField`), as one flat object type built from
 * the input and the results merged so far (merged.ts: it does not nest, however many merges came
 * before). The object is homomorphic over its sources, so each input field keeps its declaration
 * (a rename or "find references" follows it past the merge) and its `?` (`notes?: string` stays
 * optional under `exactOptionalPropertyTypes`, not `string | undefined`). A union input is merged
 * member by member.
 */
export type WithResultField<Cur, K extends ResultFieldPath, R> = [K] extends [never]
  ? R
  : [K] extends [string]
    ? MergeFields<Cur, { readonly [F in K]: R }>
    : WithResultPath<Cur, K, R>;

/** `WithResultField` along a path of fields, one level per field (paths are short). */
type WithResultPath<Cur, K, R> = K extends readonly [infer F extends string]
  ? WithResultField<Cur, F, R>
  : K extends readonly [infer F extends string, ...infer Rest extends readonly [string, ...string[]]]
    ? WithResultField<Cur, F, WithResultPath<FieldOf<Cur, F>, Rest, R>>
    : Json;

/**
 * Where `resultField` puts the result: a field of the input, or a path of fields (`["a", "b"]`,
 * JSONPath `ResultPath: "$.a.b"`; a missing `a` is created, an object `a` keeps its other fields).
 */
export type ResultFieldPath = string | readonly [string, ...string[]];

/** The field `F` of `Cur`, or an empty object where the input has none (a result path creates it). */
type FieldOf<Cur, F extends string> = F extends keyof Cur ? Cur[F] : {};

/**
 * What a state with input `Cur` outputs: `Out`, except that untyped input keeps the output untyped.
 * Raw fields, literal results and templates over unknown data give no trustworthy shape, and `Json`
 * keeps every later read open; typing the input types what follows. One check per state.
 */
export type StateOutput<Cur, Out> = IsJson<Cur> extends true ? Json : Out;

export interface ResultFieldOption<K extends ResultFieldPath> {
  /** Keep the input and store the result (or `output`) under this field, or this path of fields. @default replace the input */
  readonly resultField?: K;
}

export interface StateOptions {
  readonly comment?: string;
  /** Per-state query language. @default the workflow's */
  readonly queryLanguage?: QueryLanguage;
  /** Raw ASL fields merged into the compiled state: the escape hatch for anything without an option. */
  readonly raw?: JsonObject;
}

/** A number given literally or read from data (typed as a number, or untyped: checked by AWS at run time). */
export type NumberInput<Cur, V> = number | (($: InputScope<Cur, V>) => Value<number> | JsonRef);
/** A string given literally or read from data (typed as a string, or untyped). */
export type StringInput<Cur, V> = string | (($: InputScope<Cur, V>) => Value<string> | JsonRef);

export interface PassOptions<Cur, V, O, R, A, K extends ResultFieldPath = never> extends StateOptions, ResultFieldOption<K> {
  /** A new output built from the input (with `resultField`, the value kept under that field). */
  readonly output?: ($: InputScope<Cur, V>) => O & PresentReads<O>;
  /** A literal result (JSONPath `Result`). */
  readonly result?: R;
  readonly assign?: ($: InputScope<Cur, V>) => A & PresentReads<A>;
}

/**
 * `T`, in a place no type argument is inferred from. The deferred indexed access does what the
 * intrinsic `NoInfer` does, also under TypeScript 6, which inferred other arguments of overloaded
 * `task` calls wrongly with the intrinsic there.
 */
type NotInferred<T> = [T][T extends unknown ? 0 : never];

/** The context a task's `arguments` read: with `Task.Token` for a callback resource only. */
export type TaskContext<CB extends boolean> = true extends CB ? CallbackContextObject : ContextObject;

export interface TaskOptions<Cur, V, TI, TR, TE extends string, O, A, C, K extends ResultFieldPath = never, Args = Template<NotInferred<TI>>, CB extends boolean = false, RS = readonly RetrySpec<string>[]>
  extends StateOptions,
    ResultFieldOption<K> {
  /** The request; must match the task's input type. @default the state input */
  // Not inferred from: the resource says what it takes; inferring `TI` from the template instead
  // would also walk an untyped reference's open fields without end.
  readonly arguments?: ($: InputScope<Cur, V, TaskContext<CB>>) => Args;
  /** The state's output built from its input and the task's result. @default the result */
  readonly output?: ($: ResultScope<Cur, TR, V>) => O & PresentReads<O>;
  readonly assign?: ($: ResultScope<Cur, TR, V>) => A & PresentReads<A>;
  readonly timeoutSeconds?: NumberInput<Cur, V>;
  readonly heartbeatSeconds?: NumberInput<Cur, V>;
  /** Role to assume for the call. */
  readonly credentials?: { readonly roleArn: ValueOr<string> };
  /** Retriers; their error names are checked against the task's errors, their literal numbers against AWS's ranges. */
  // NoInfer: error names are checked against the resource's errors, never added to them.
  readonly retry?: RS & readonly RetrySpec<NoInfer<TE>>[] & RetriesNumbers<RS>;
  /** Catchers; their error names are checked against the task's errors. */
  readonly catch?: C & readonly CatchSpec<Cur, V, NoInfer<TE>>[] & CatchTargetsAccept<C, Cur, V>;
}

// `O` and `A` are only what the selectors return, read to check their fields (PresentReads).
export interface ChoiceOptions<Cur, V, O = unknown, A extends object = object> extends StateOptions {
  /** Output on the Default path. */
  readonly output?: ($: InputScope<Cur, V>) => O & PresentReads<O>;
  /** Variables on the Default path. */
  readonly assign?: ($: InputScope<Cur, V>) => A & PresentReads<A>;
}

export interface ChoiceRuleOptions<Cur, V, O = unknown, A extends object = object> {
  readonly output?: ($: InputScope<Cur, V>) => O & PresentReads<O>;
  readonly assign?: ($: InputScope<Cur, V>) => A & PresentReads<A>;
  readonly comment?: string;
}

export type WaitOptions<Cur, V, O, A, S = NumberInput<Cur, V>> = StateOptions & {
  readonly output?: ($: InputScope<Cur, V>) => O & PresentReads<O>;
  readonly assign?: ($: InputScope<Cur, V>) => A & PresentReads<A>;
} & (
    | { readonly seconds: WaitSeconds<S>; readonly timestamp?: never }
    | { readonly timestamp: Timestamp | (($: InputScope<Cur, V>) => Value<Timestamp> | JsonRef); readonly seconds?: never }
  );

export interface SucceedOptions<Cur, V, O = unknown> extends StateOptions {
  /** The execution's (or branch's) output. @default the state input */
  readonly output?: ($: InputScope<Cur, V>) => O & PresentReads<O>;
}

/**
 * A Fail state's `error` or `cause`: a string, or read from data, which may be an optional field
 * (`$.input.Cause` of an error output). ASL allows a path there (`ErrorPath`/`CausePath`, or a
 * JSONata expression); when the field is missing at run time the Fail state itself fails with a
 * run-time error instead of failing with that error and cause.
 */
export type FailStringInput<Cur, V> = string | (($: InputScope<Cur, V>) => Value<string | undefined> | JsonRef);

export interface FailOptions<Cur, V> extends StateOptions {
  readonly error?: FailStringInput<Cur, V>;
  readonly cause?: FailStringInput<Cur, V>;
}


export interface ParallelOptions<Cur, V, B, O, A, K extends ResultFieldPath = never, XE extends string = never> extends StateOptions, ResultFieldOption<K> {
  /**
   * Error names the state may raise besides its branches' task errors (a Fail state's `error`,
   * an error AWS raises), so that `.retry()` and `.catch()` accept them.
   */
  readonly errors?: readonly XE[];
  /** Each branch gets the state's input; the output is the tuple of their outputs. */
  readonly branches: { readonly [K in keyof B]: (states: StateFactories<Cur, Cur, V, never>) => B[K] };
  readonly output?: ($: ResultScope<Cur, BranchOutputs<B, Cur>, V>) => O & PresentReads<O>;
  readonly assign?: ($: ResultScope<Cur, BranchOutputs<B, Cur>, V>) => A & PresentReads<A>;

}

/** The tuple of branch outputs (`B` is the tuple of branch chains, `In` the Parallel state's input): open ends or Succeed states. */
export type BranchOutputs<B, In = unknown> = { -readonly [K in keyof B]: ChainOutput<B[K]> | DoneAfter<ChainDone<B[K]>, In> };
type BranchErrors<B> = B extends readonly (infer R)[] ? ChainErrors<R> : never;

/** What an ItemReader's `arguments` hold: the reader's request (`Bucket`, `Key`, `Prefix`…). */
export interface ItemReaderArguments {
  readonly [key: string]: ValueOr<string | number | boolean> | JsonRef;
}

/**
 * A distributed Map's ItemReader. `Cur` and `V` type the `$` of its `arguments` selector: the Map
 * state's input and variables (given inline, they are the Map's; a spec declared apart names them,
 * `satisfies ItemReaderSpec<Row, Input>`). Without them the spec takes no selector, and so fits
 * every Map whatever its input (a selector typed for one input would not).
 */
export interface ItemReaderSpec<Item, Cur = NotGiven, V = {}> {
  /** Phantom: the type of one item read (set by a type annotation `ItemReaderSpec<Item>`). */
  readonly itemType?: (item: Item) => void;
  /**
   * The type of one item, as a schema or `typeOnly<T>()`. Unlike the phantom, it survives
   * `satisfies` and inline object literals, so the Map's item type is inferred from it. Never in the ASL.
   */
  readonly itemSchema?: StandardSchemaLike<Item>;
  readonly resource: "arn:aws:states:::s3:getObject" | "arn:aws:states:::s3:listObjectsV2" | (string & {});
  /** The reader's request: literals and values, or a selector reading the Map state's input (`$ => ({ Bucket: "b", Key: $.input.key })`). */
  readonly arguments?: ItemReaderArguments | ([Cur] extends [NotGiven] ? never : ($: InputScope<Cur, V>) => ItemReaderArguments);
  readonly readerConfig?: {
    readonly inputType?: "CSV" | "JSON" | "JSONL" | "PARQUET" | "MANIFEST";
    readonly transformation?: "NONE" | "LOAD_AND_FLATTEN";
    readonly manifestType?: "ATHENA_DATA" | "S3_INVENTORY";
    readonly csvDelimiter?: "COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB";
    readonly csvHeaderLocation?: "FIRST_ROW" | "GIVEN";
    readonly csvHeaders?: readonly string[];
    readonly itemsPointer?: string;
    readonly maxItems?: ValueOr<number> | ([Cur] extends [NotGiven] ? never : ($: InputScope<Cur, V>) => Value<number> | JsonRef);
  };
}

export interface ItemBatcherSpec<BI> {
  readonly maxItemsPerBatch?: ValueOr<number>;
  readonly maxInputBytesPerBatch?: ValueOr<number>;
  /** Extra data sent with every batch as `BatchInput`. */
  readonly batchInput?: BI;
}

export interface ResultWriterSpec {
  /** @default "arn:aws:states:::s3:putObject" */
  readonly resource?: string;
  readonly arguments?: { readonly Bucket: ValueOr<string>; readonly Prefix?: ValueOr<string> };
  readonly writerConfig?: { readonly transformation?: "NONE" | "COMPACT" | "FLATTEN"; readonly outputType?: "JSON" | "JSONL" };
}

/** What a distributed Map with a ResultWriter outputs instead of the results. */
export interface ResultWriterOutput {
  readonly MapRunArn: string;
  readonly ResultWriterDetails: { readonly Bucket: string; readonly Key: string };
}

/** The input of one processor run: the item, the selected item (untyped for untyped items, as every state's output), or a batch. */
export type ProcessorInput<Item, S, BI> = [BI] extends [NotGiven]
  ? StateOutput<Item, OutputOf<Item, S>>
  : { readonly Items: OutputOf<Item, S>[]; readonly BatchInput: Resolve<BI> };

export type MapResult<P, W> = [W] extends [NotGiven] ? P[] : ResultWriterOutput;

export interface MapOptions<
  Cur,
  V,
  Item,
  S,
  BI,
  P,
  PE extends string,
  W,
  O,
  A,
  K extends ResultFieldPath = never,
  M extends MapMode = "inline",
  PD = never,
  XE extends string = never,
  MC = NumberInput<Cur, V>,
  TC = NumberInput<Cur, V>,
  TP = NumberInput<Cur, V>,
> extends StateOptions,
    ResultFieldOption<K> {
  /** Error names the state may raise besides its processor's task errors, for `.retry()` and `.catch()`. */
  readonly errors?: readonly XE[];
  /** The array to iterate (untyped data iterates as `Json` items). @default the state input */
  readonly items?: ($: InputScope<Cur, V>) => Value<readonly Item[]> | JsonRef;
  /** Reads items from S3 instead (distributed mode). */
  readonly itemReader?: ItemReaderSpec<Item, Cur, V>;
  /** Builds each processor input from the item. */
  readonly itemSelector?: ($: ItemScope<Cur, Item, V>) => S & PresentReads<S>;
  readonly itemBatcher?: ItemBatcherSpec<BI>;
  /** The states run for each item; distributed child executions cannot read outer variables. */
  readonly processor: (
    states: StateFactories<ProcessorInput<Item, S, BI>, ProcessorInput<Item, S, BI>, M extends "distributed" ? {} : V, never>,
  ) => ChainLike<ProcessorInput<Item, S, BI>, P, unknown, PE, PD>;
  /** @default "inline" */
  readonly mode?: M;
  /** Child execution type in distributed mode. @default "STANDARD" */
  readonly executionType?: "STANDARD" | "EXPRESS";
  /** A whole number, 0 or more; a literal out of range is a type error. @default 0 (unlimited) */
  readonly maxConcurrency?: MaxConcurrency<MC>;
  /** A whole number, 0 or more. @default 0 (any failure fails the state) */
  readonly toleratedFailureCount?: ToleratedFailureCount<TC>;
  /** From 0 to 100. @default 0 */
  readonly toleratedFailurePercentage?: ToleratedFailurePercentage<TP>;
  readonly label?: string;
  readonly resultWriter?: W;
  readonly output?: ($: ResultScope<Cur, MapResult<P | PD, W>, V>) => O & PresentReads<O>;
  readonly assign?: ($: ResultScope<Cur, MapResult<P | PD, W>, V>) => A & PresentReads<A>;

}

/** Inline iterations run in the execution; distributed ones are child executions. */
export type MapMode = "inline" | "distributed";

// Untyped input is iterated as untyped items (the check comes first: `Json` is a union with an array in it).
type DefaultItem<Cur> = IsJson<Cur> extends true ? Json : Cur extends readonly (infer I)[] ? I : unknown;

/**
 * Fields of an `arguments` template that the task's input does not declare (a misspelt optional
 * field, `priorty` for `priority?`). TypeScript checks no excess fields of an inferred template,
 * so each such field must be this error type instead. Untyped input (`Json`, `unknown`) takes any.
 */
export type NoExtraFields<Args, TI> = [keyof Args] extends [never]
  ? unknown
  : // A reference as the whole request (\`arguments: ($) => $.input.id\`) has no fields of its own:
    // its members are the reference's methods; \`Template<TI>\` already checks its type.
    Args extends Value<unknown>
    ? unknown
    : IsJson<TI> extends true
    ? unknown
    : unknown extends TI
      ? unknown
      : { readonly [K in Exclude<keyof Args, InputKeys<TI>>]: StepcraftTypeError<"the task's input type has no such field (misspelt?)"> };
// Every member's keys: a request may be any member of a union input.
type InputKeys<TI> = TI extends unknown ? keyof TI : never;

/** When a task gets the state input as its request, that input must fit the task. */
export type AcceptsInput<Cur, TI> = [Cur] extends [TI]
  ? unknown
  : StepcraftTypeError<"the state input does not match the task's input type: pass `arguments` to build the request">;

/** The state factories: each creates one state whose input is `Cur`, as (part of) a chain accepting `ChainIn`. */
export interface StateFactories<ChainIn, Cur, V, E extends string, D = never> {
  /** A Pass state. */
  // The output is not inferred back from the return type: where a chain is reassigned in a loop,
  // TypeScript would read `O` from the expected output through WithResultField's mapped branch.
  pass<O = NotGiven, const R = NotGiven, A extends object = {}, const K extends ResultFieldPath = never>(
    name: string,
    options?: PassOptions<Cur, V, O, R, A, K>,
  ): Chain<ChainIn, StateOutput<Cur, WithResultField<Cur, K, NotInferred<[R] extends [NotGiven] ? OutputOf<Cur, O> : R>>>, MergeVars<V, A>, E, D>;

  /** A Task state that sends its input as the request (which must then fit the task). */
  task<TI, TR, TE extends string, O = NotGiven, A extends object = {}, const C extends readonly CatchSpec<Cur, V, string>[] = readonly CatchSpec<Cur, V, string>[], const K extends ResultFieldPath = never, const RS extends readonly RetrySpec<string>[] = readonly RetrySpec<string>[]>(
    name: string,
    resource: TaskResource<TI, TR, TE, boolean> & AcceptsInput<Cur, TI>,
    options?: TaskOptions<Cur, V, TI, TR, TE, O, A, C, K, Template<NotInferred<TI>>, false, RS> & { readonly arguments?: never },
  ): StateChain<ChainIn, Cur, StateOutput<Cur, WithResultField<Cur, K, OutputOf<TR, O>>> | CatchOutputs<C>, MergeVars<V, A>, E | TE, TE, D | CatchDone<C, Cur>, V>;
  // Last on purpose: TypeScript reports the last overload's error, and wrong `arguments` are the
  // common mistake (the other overload's error would say the state input does not fit).
  /** A Task state with a request built by `arguments`. */
  task<
    TI,
    TR,
    TE extends string,
    O = NotGiven,
    A extends object = {},
    const C extends readonly CatchSpec<Cur, V, string>[] = readonly CatchSpec<Cur, V, string>[],
    const K extends ResultFieldPath = never,
    const Args extends Template<NotInferred<TI>> = Template<NotInferred<TI>>,
    CB extends boolean = false,
    const RS extends readonly RetrySpec<string>[] = readonly RetrySpec<string>[],
  >(
    name: string,
    resource: TaskResource<TI, TR, TE, CB>,
    options: TaskOptions<Cur, V, TI, TR, TE, O, A, C, K, Args, CB, RS> & { readonly arguments: ($: InputScope<Cur, V, TaskContext<CB>>) => Args & NotInferred<NoExtraFields<Args, TI>> & PresentReads<Args> },
  ): StateChain<ChainIn, Cur, StateOutput<Cur, WithResultField<Cur, K, OutputOf<TR, O>>> | CatchOutputs<C>, MergeVars<V, A>, E | TE, TE, D | CatchDone<C, Cur>, V>;

  /** A Choice state; add rules with `.when()` and a default with `.otherwise()`. */
  choice<O = unknown, A extends object = object>(name: string, options?: ChoiceOptions<Cur, V, O, A>): ChoiceChain<ChainIn, Cur, V, E, never, D>;

  /** A Wait state, for `seconds` or until a `timestamp`. */
  wait<O = NotGiven, A extends object = {}, const S extends NumberInput<Cur, V> = NumberInput<Cur, V>>(
    name: string,
    options: WaitOptions<Cur, V, O, A, S>,
  ): Chain<ChainIn, StateOutput<Cur, OutputOf<Cur, O>>, MergeVars<V, A>, E, D>;

  /** A Succeed state. */
  succeed<O = NotGiven>(name: string, options?: SucceedOptions<Cur, V, O>): Chain<ChainIn, never, V, E, D | StateOutput<Cur, OutputOf<Cur, O>>>;

  /** A Fail state. */
  fail(name: string, options?: FailOptions<Cur, V>): Chain<ChainIn, never, V, E, D>;

  /** A Parallel state; its output is the tuple of its branches' outputs. */
  parallel<const B extends readonly AnyChain[], O = NotGiven, A extends object = {}, const K extends ResultFieldPath = never, const XE extends string = never>(
    name: string,
    options: ParallelOptions<Cur, V, B, O, A, K, XE>,
  ): StateChain<ChainIn, Cur, StateOutput<Cur, WithResultField<Cur, K, OutputOf<BranchOutputs<B, Cur>, O>>>, MergeVars<V, A>, E, BranchErrors<B> | XE, D, V>;

  /** A Map state; its output is the array of the processor's outputs. */
  map<
    Item = DefaultItem<Cur>,
    S = NotGiven,
    BI = NotGiven,
    P = unknown,
    PE extends string = never,
    W = NotGiven,
    O = NotGiven,
    A extends object = {},
    const K extends ResultFieldPath = never,
    const M extends MapMode = "inline",
    PD = never,
    const XE extends string = never,
    const MC extends NumberInput<Cur, V> = NumberInput<Cur, V>,
    const TC extends NumberInput<Cur, V> = NumberInput<Cur, V>,
    const TP extends NumberInput<Cur, V> = NumberInput<Cur, V>,
  >(
    name: string,
    options: MapOptions<Cur, V, Item, S, BI, P, PE, W, O, A, K, M, PD, XE, MC, TC, TP>,
  ): StateChain<ChainIn, Cur, StateOutput<Cur, WithResultField<Cur, K, OutputOf<MapResult<P | DoneAfter<PD, ProcessorInput<Item, S, BI>>, W>, O>>>, MergeVars<V, A>, E, PE | XE, D, V>;
}

/** A chain: states joined so far, accepting `In`; its open ends produce `Out`. */
export interface Chain<In, Out, V = {}, E extends string = never, D = never> extends ChainLike<In, Out, V, E, D>, StateFactories<In, Out, V, E, D> {
  /** Continues every open end with `next`; `next` must accept this chain's output. */
  then<O2, V2, E2 extends string, D2 = never>(
    next: [Out] extends [never] ? StepcraftTypeError<"this chain has no open end to continue (it ends in Succeed, Fail or a goto)"> : Target<Out, V, O2, V2, E2, D2>,
  ): Chain<In, O2, V2, E | E2, D | DoneAfter<D2, Out>>;
  /**
   * Ends the chain where it is: each open end becomes `End: true`, so nothing joined after it (a
   * Catch target inside a longer chain, a branch) continues it. What it outputs is then a result
   * of the execution or branch, as a Succeed state's is.
   */
  end(): Chain<In, never, V, E, D | Out>;
}

/**
 * A chain ending in a Task, Map or Parallel state, which can still gain Retriers and Catchers.
 * `SE` are the error names that state may raise besides `States.*`. `CV` are the variables a
 * Catcher sees: those before the state, since AWS drops a failing state's `Assign`.
 */
export interface StateChain<In, Cur, Out, V, E extends string, SE extends string, D = never, CV = V> extends Chain<In, Out, V, E, D> {
  /** Adds a Retrier to the state. */
  retry<const S extends RetrySpec<SE>>(spec: S & RetryNumbers<S>): StateChain<In, Cur, Out, V, E, SE, D, CV>;
  /** Adds a Catcher with its own output; `next` must accept that output. */
  catch<CO, O2, D2 = never, CA extends object = object>(
    spec: CatcherOutputSpec<Cur, CV, SE, CO, CA> & { readonly next: CatchTarget<CatcherOwnOutput<Cur, CO>, CV, O2, D2> },
  ): StateChain<In, Cur, Out | O2, V, E, SE, D | DoneAfter<D2, CatcherOwnOutput<Cur, CO>>, CV>;
  // Last on purpose: TypeScript reports the last overload's error, and a plain Catcher is the common case.
  /**
   * Adds a Catcher whose `next` receives the error output `{ Error, Cause }`, or with `resultField`
   * the state input with the error output under that field; its open ends become open ends of this chain.
   */
  catch<O2, D2 = never, const K extends string = never, CA extends object = object>(
    // `K` is read from `resultField` only: inferred from `next` too, it would take that chain's input keys.
    spec: CatcherSpec<Cur, CV, SE, K, CA> & { readonly output?: never; readonly next: CatchTarget<CatcherInput<Cur, NotInferred<K>>, CV, O2, D2> },
  ): StateChain<In, Cur, Out | O2, V, E, SE, D | DoneAfter<D2, CatcherInput<Cur, K>>, CV>;
}

/**
 * Where a Catcher goes: a chain accepting what it passes on (`P`), or, like every other transition,
 * a function building one from factories whose input is `P`.
 */
export type CatchTarget<P, V, O, D> = ChainLike<WithVarsAssigned<P, V>, O, unknown, string, D> | ((states: StateFactories<P, P, V, never>) => ChainLike<P, O, unknown, string, D>);

/** What a plain Catcher passes on: the error output, or with `resultField` the input keeping it under `K`. */
type CatcherInput<Cur, K> = [K] extends [never] ? ErrorOutput : CatcherKeeps<Cur, K>;

/**
 * What a Catcher with its own output passes on. On an untyped state it is untyped `Json`: the
 * conditional is settled by `Cur` before the call is inferred, so `CO` is never inferred back from
 * an untyped `next` through Resolve's mapped types (which would walk the recursive `Json` without end).
 */
type CatcherOwnOutput<Cur, CO> = IsJson<Cur> extends true ? Json : Resolve<CO>;

/** A Choice being built: each `.when()` adds a rule, `.otherwise()` sets the default. */
export interface ChoiceChain<ChainIn, Cur, V, E extends string, Out, D = never> extends Chain<ChainIn, Out, V, E, D> {
  when<O2, V2, E2 extends string, D2 = never, RO = unknown, RA extends object = object>(
    test: ($: InputScope<Cur, V>) => Condition,
    next: Target<Cur, V, O2, V2, E2, D2>,
    options?: ChoiceRuleOptions<Cur, V, RO, RA>,
  ): ChoiceChain<ChainIn, Cur, V, E | E2, Out | O2, D | DoneAfter<D2, Cur>>;
  otherwise<O2, V2, E2 extends string, D2 = never>(next: Target<Cur, V, O2, V2, E2, D2>): Chain<ChainIn, Out | O2, V, E | E2, D | DoneAfter<D2, Cur>>;
}
