import type { EvaluationScope } from "../data/scope.ts";
import type { VariableScope } from "../variables/index.ts";
import { formatContextTimestamp } from "./timestamps.ts";
import type { PendingStep, StateExit } from "./state-shell.ts";
import type { CompiledState, ExecutionRuntime, HaltFlag } from "./types.ts";

/** `$$.Map.Item` while a Map state evaluates its ItemSelector. */
export interface MapItemContext {
  readonly Index: number;
  readonly Value: unknown;
  readonly Key?: string;
}

/**
 * One run of a `States` block (the machine, one Parallel branch, one Map iteration): where the
 * block is, the history chain it extends, and the evaluation scope of its current state. The
 * context object is built only when a path actually reads `$$`.
 */
export class Frame implements EvaluationScope {
  /** The state to run after the current one (set by the state; null ends the block). */
  next: CompiledState | null = null;
  /** Set by a state whose body went asynchronous: how the block runner finishes it. */
  pendingExit: StateExit | undefined = undefined;
  /** Set by a body that returned a raw promise: what turns its value into the body's result. */
  pendingStep: PendingStep | undefined = undefined;
  /** Id of the last event this block wrote (previousEventId of the next one). */
  lastEventId: number;
  /** Current state and when it was entered. */
  stateName = "";
  /** The current state and its raw input: where a redrive restarts a block that failed there. */
  state: CompiledState | undefined = undefined;
  stateInput: unknown = undefined;
  enteredAt = 0;
  enteredEventId = 0;
  retryCount = 0;
  /** Whether the state can retry (Task, Parallel, Map): only those show `State.RetryCount`. */
  private retriable = false;
  /** Set while a Map evaluates its ItemSelector for one item. */
  mapItem: MapItemContext | undefined = undefined;
  /** Variables the current state assigned (name → JSON text), for its StateExited event. */
  assignedVariables: Record<string, string> | undefined = undefined;
  /** Set while a callback Task builds its parameters. */
  taskToken: string | undefined = undefined;
  /**
   * The whole context object this state visit sees instead of the execution's (TestState's
   * `context`); a Map evaluating its ItemSelector still adds `Map.Item`. Cleared on entering a state.
   */
  givenContext: Readonly<Record<string, unknown>> | undefined = undefined;
  private cachedContext: unknown = undefined;
  /** `$$.State.EnteredTime`, formatted once per state visit (Map items rebuild the context often). */
  private enteredTimeText: string | undefined = undefined;

  constructor(
    readonly exec: ExecutionRuntime,
    lastEventId: number,
    /** Stops this frame when raised (its own group's flag, chained to the outer ones). */
    readonly halt: HaltFlag,
    /** The block's variables (a branch/iteration child scope), or how to make the root scope on first use. */
    variables: VariableScope | (() => VariableScope),
  ) {
    this.lastEventId = lastEventId;
    this.scopeOrFactory = variables;
  }

  private scopeOrFactory: VariableScope | (() => VariableScope);

  /** The block's variables; the execution's root scope is created only when a state touches variables. */
  get variables(): VariableScope {
    const s = this.scopeOrFactory;
    if (typeof s !== "function") return s;
    const scope = s();
    this.scopeOrFactory = scope;
    return scope;
  }

  /** Records that `name` was entered (event id `eventId`); the context object changes with it. */
  enter(name: string, eventId: number, retriable: boolean): void {
    this.retriable = retriable;
    this.stateName = name;
    this.enteredEventId = eventId;
    this.enteredAt = this.exec.clock.now();
    this.retryCount = 0;
    this.assignedVariables = undefined;
    this.taskToken = undefined;
    this.givenContext = undefined;
    this.cachedContext = undefined;
    this.enteredTimeText = undefined;
  }

  /** Drops the cached context object after RetryCount / Map.Item / Task.Token changed. */
  invalidateContext(): void {
    this.cachedContext = undefined;
  }

  /** The context object (`$$`) of the current state. */
  get context(): unknown {
    if (this.cachedContext !== undefined) return this.cachedContext;
    const given = this.givenContext;
    if (given !== undefined) return (this.cachedContext = this.mapItem === undefined ? given : { ...given, Map: { Item: this.mapItem } });
    const enteredTime = (this.enteredTimeText ??= formatContextTimestamp(this.enteredAt));
    const ctx: Record<string, unknown> = {
      Execution: this.exec.contextExecution,
      // AWS shows RetryCount only on states that can retry (recorded: a Pass state has none).
      State: this.retriable
        ? { EnteredTime: enteredTime, Name: this.stateName, RetryCount: this.retryCount }
        : { EnteredTime: enteredTime, Name: this.stateName },
      StateMachine: this.exec.contextStateMachine,
    };
    if (this.taskToken !== undefined) ctx["Task"] = { Token: this.taskToken };
    if (this.mapItem !== undefined) ctx["Map"] = { Item: this.mapItem };
    this.cachedContext = ctx;
    return ctx;
  }
}
