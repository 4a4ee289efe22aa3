import type { MapRunObserver } from "./map-run-observer.ts";
import type { StatesError } from "../errors.ts";
import type { Clock } from "./clock.ts";
import type { HistoryRecorder } from "./history.ts";
import type { RandomSource } from "./random.ts";
import type { TaskResolver, LambdaErrorFormat } from "../tasks/types.ts";
import type { Frame } from "./frame.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** The eight ASL state types. */
export type StateType = "Pass" | "Task" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map";

/** A state compiled once per machine into a closure; run once per visit. */
export interface CompiledState {
  readonly name: string;
  readonly type: StateType;
  /**
   * Runs the state on its raw input and returns its output, after setting `frame.next` to the
   * following state (null: the block ends here). Throws a StatesError when the state fails
   * without a matching Catcher. When the state's work is asynchronous it returns the promise of
   * its body's result and leaves in `frame.pendingExit` what finishes the state once that
   * settles (and maybe, in `frame.pendingStep`, the body's own last step): only the block runner
   * (`runBlock`) calls `run`, and it does that.
   */
  run(input: unknown, frame: Frame): unknown;
}

/** A `States` block (the machine, a Parallel branch, a Map item processor) compiled. */
export interface CompiledBlock {
  readonly start: CompiledState;
}

/** Everything one execution shares across its frames. */
export interface ExecutionRuntime {
  readonly clock: Clock;
  readonly history: HistoryRecorder;
  readonly random: RandomSource;
  readonly tasks: TaskResolver;
  readonly lambdaErrorFormat: LambdaErrorFormat;
  readonly region: string;
  readonly accountId: string;
  /** `$$.Execution` (shared, never mutated). */
  readonly contextExecution: Readonly<Record<string, unknown>>;
  /** `$$.StateMachine` (shared, never mutated). */
  readonly contextStateMachine: Readonly<Record<string, unknown>>;
  /** Set when the execution is aborted or timed out; every state checks it before running. */
  readonly halt: HaltFlag;
  /** Aborted when the execution stops, for task handlers to observe. */
  readonly signal: AbortSignalLike;
  /** Timers to cancel when the execution ends. */
  readonly timers: TimerRegistry;
  /** Makes a callback task's token (`$$.Task.Token`); a random UUID when absent. */
  readonly taskToken?: TaskTokenFactory | undefined;
  /** Watches the execution's Distributed Map Runs, when the host keeps them. */
  readonly mapRuns?: MapRunObserver | undefined;
  /** Transitions since the execution last gave the event loop a turn (see run-block.ts; shared by child runtimes). */
  readonly pace: { transitions: number; resumedAt?: number };
  /**
   * What a redrive keeps of a failed top-level Map or Parallel: the outputs of its iterations or
   * branches that succeeded, by index, so only the failed and aborted ones run again.
   */
  readonly redrive: RedriveMemo;
}

/** Outputs of a failed top-level Map's iterations (or Parallel's branches) kept for a redrive. */
export interface RedriveMemo {
  /** By state name: index → output of each iteration or branch that succeeded. */
  readonly kept: Map<string, Map<number, unknown>>;
  /** The state a redrive restarts: only its first visit reuses what was kept. */
  target: string | undefined;
}

/**
 * For a Map or Parallel in the machine's top-level block: the outputs a redrive kept for it (on
 * the redriven run's first visit of the failed state), else undefined. Takes them: a later visit
 * runs everything again.
 */
export function takeRedriveOutputs(exec: ExecutionRuntime, halt: HaltFlag, name: string): Map<number, unknown> | undefined {
  const memo = exec.redrive;
  if (memo.target !== name || halt !== exec.halt) return undefined;
  memo.target = undefined;
  const kept = memo.kept.get(name);
  memo.kept.delete(name);
  return kept;
}

/** Keeps the outputs that succeeded when a top-level Map or Parallel fails, for a redrive. */
export function keepForRedrive(exec: ExecutionRuntime, halt: HaltFlag, name: string, succeeded: Map<number, unknown> | undefined): void {
  if (succeeded !== undefined && succeeded.size > 0 && halt === exec.halt) exec.redrive.kept.set(name, succeeded);
}

/** Where a `.waitForTaskToken` task asks for its token: enough to make the same token again on a replay. */
export interface TaskTokenSite {
  readonly executionArn: string;
  readonly stateName: string;
  /** Id of the task's StateEntered event (unique in the execution). */
  readonly enteredEventId: number;
  /** 0 on the first attempt, then one more per Retry. */
  readonly retryCount: number;
}

/** Makes task tokens; a durable host makes them deterministic so they survive a restart. */
export type TaskTokenFactory = (site: TaskTokenSite) => string;

/** Timers to cancel when the execution ends (the set is created on first use; shared by child runtimes). */
export interface TimerRegistry {
  set: Set<{ cancel(): void }> | undefined;
}

/**
 * A stop signal for a group of frames: the execution (aborted, timed out), or the branches of a
 * Parallel / iterations of a Map once one of them failed. Child flags see their parents'.
 */
export interface HaltFlag {
  reason: StatesError | undefined;
  readonly parent: HaltFlag | undefined;
  /** Called when this flag is raised (tasks in flight record TaskStateAborted and stop waiting). */
  watchers?: Set<() => void>;
}

/** Raises a group's flag (first failure wins) and tells the work in flight under it. */
export function raiseHalt(flag: HaltFlag, reason: StatesError): void {
  if (flag.reason !== undefined) return;
  flag.reason = reason;
  if (flag.watchers !== undefined) for (const watcher of [...flag.watchers]) watcher();
}

/** The reason any flag in the chain was raised, if one was. */
export function haltReason(flag: HaltFlag): StatesError | undefined {
  for (let f: HaltFlag | undefined = flag; f !== undefined; f = f.parent) if (f.reason !== undefined) return f.reason;
  return undefined;
}
