/** What a selector's `$` offers in each place: the input, variables, the context, and where valid the result or error. */
import type { Ref } from "./data-ref.ts";
import type { Json } from "./json.ts";
import type { Timestamp } from "./timestamp.ts";

/** The context object (`$$` / `$states.context`). */
export interface ContextObject {
  readonly Execution: {
    readonly Id: string;
    /** The execution's input, whatever the workflow declares: JSON of unknown shape. */
    readonly Input: Json;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: Timestamp;
    readonly RedriveCount: number;
  };
  readonly State: { readonly EnteredTime: Timestamp; readonly Name: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
}

/**
 * The context of a callback (`.waitForTaskToken`) task's `arguments`: only there does AWS set
 * `Task.Token`, the token to hand to whoever calls `SendTaskSuccess`.
 */
export interface CallbackContextObject extends ContextObject {
  readonly Task: { readonly Token: string };
}

/**
 * The error output a Catcher receives. A type alias, not an interface, so that it fits `Json`:
 * a Catcher of an untyped workflow hands it to states that accept any JSON.
 */
export type ErrorOutput = {
  readonly Error: string;
  readonly Cause?: string;
};

/** Variables visible to a state; reading a name that was never assigned is a type error. */
export type VariableRefs<V> = { readonly [K in keyof V]-?: Ref<V[K]> };

export interface InputScope<In, V, C = ContextObject> {
  /** The state's input. */
  readonly input: Ref<In>;
  /** The workflow variables assigned before this state. */
  readonly vars: VariableRefs<V>;
  /** The context object (with `Task.Token` in a callback task's `arguments`). */
  readonly context: Ref<C>;
}

export interface ResultScope<In, R, V> extends InputScope<In, V> {
  /** The task's (or Map's, or Parallel's) result. */
  readonly result: Ref<R>;
}

export interface ErrorScope<In, V> extends InputScope<In, V> {
  /** `{ Error, Cause }` of the caught error. */
  readonly errorOutput: Ref<ErrorOutput>;
}

export interface ItemScope<In, Item, V> extends InputScope<In, V> {
  /** The Map item being selected (`$$.Map.Item.Value`). */
  readonly item: Ref<Item>;
  /** Its index (`$$.Map.Item.Index`). */
  readonly index: Ref<number>;
}
