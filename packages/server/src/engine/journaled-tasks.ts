import { createHash } from "node:crypto";
import { StatesError, isStatesError } from "@stepcraft/runtime";
import type { ResolvedTask, TaskCallContext, TaskResolver } from "@stepcraft/runtime";
import type { TaskOutcome } from "../store/execution-store.ts";

/** Where an execution's task outcomes are read from and written to. */
export interface TaskJournal {
  /** Outcomes committed before a restart, by key. */
  recorded(key: string): { readonly outcome: TaskOutcome; readonly atMs: number } | undefined;
  /** Commits an outcome (before the engine sees it). */
  save(key: string, outcome: TaskOutcome): void;
  /** Called when a task has no recorded outcome: the replay is over, this is new work. */
  reachedNewWork(): void;
  /** Called with the journal key of a callback task's token, so an answer can be committed by token. */
  tokenIssued(token: string, key: string): void;
  /** An activity task's token, made from its journal key: the same again on a replay. */
  activityToken(key: string): string;
  /** Moves a replaying clock to when a recorded task ended. */
  replayedAt(ms: number): void;
  /**
   * Which run of the execution this is (0, then one more per redrive): each run's outcomes have
   * keys of their own, so a redriven task runs again instead of getting the failure it had.
   */
  run(): number;
  /**
   * True while a finished run is retraced (to be redriven): a task with no recorded outcome was
   * still in flight when the run ended, and must not run now.
   */
  retracing(): boolean;
}

/**
 * Wraps a resolver so that every task outcome is committed before the execution moves on, and
 * a replayed execution gets the committed outcomes back instead of running those tasks again.
 * A task is known by its state, its input and how many times the same state already ran on the
 * same input: stable across a replay, which feeds every state the same data again.
 */
export function journaledTasks(base: TaskResolver, journal: TaskJournal): TaskResolver {
  const seen = new Map<string, number>();
  const keyOf = (stateName: string, input: unknown): string => {
    const digest = createHash("sha1").update(stateName).update("\0").update(JSON.stringify(input) ?? "").digest("base64url");
    const n = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, n);
    const run = journal.run();
    // The first run's keys have no prefix: data directories written before redrives keep theirs.
    return `${run === 0 ? "" : `${run}|`}${stateName}:${digest}:${n}`;
  };
  return (resource, stateName) => {
    const inner = base(resource, stateName);
    const invoke = (input: unknown, ctx: TaskCallContext): unknown => {
      const key = keyOf(ctx.stateName, input);
      const recorded = journal.recorded(key);
      if (recorded !== undefined) {
        journal.replayedAt(recorded.atMs);
        return replayed(recorded.outcome);
      }
      if (journal.retracing()) return stillInFlight(ctx, key, journal);
      journal.reachedNewWork();
      const taskCtx = inner.kind === "activity" ? activityContext(ctx, key, journal) : ctx;
      if (taskCtx.taskToken !== undefined) journal.tokenIssued(taskCtx.taskToken, key);
      const attempt = ctx.attemptSignal ?? ctx.signal;
      return Promise.resolve()
        .then(() => {
          // An answer committed since the lookup (a callback answered after a restart, before the
          // replay handed its token out again) is the outcome.
          const late = journal.recorded(key);
          if (late !== undefined) return replayed(late.outcome);
          const answer = inner.invoke(input, taskCtx);
          // A worker had taken this activity task before the restart: it is started again at once
          // (ActivityStarted keeps its place in the history) and keeps its token for the worker's answer.
          const taken = journal.recorded(startKey(key));
          if (taken?.outcome.ok === true) taskCtx.started?.(typeof taken.outcome.output === "string" ? taken.outcome.output : undefined);
          return answer;
        })
        .then(
          (output: unknown) => {
            // An attempt that already ended (timed out, aborted) has no outcome to keep.
            if (!attempt.aborted) journal.save(key, { ok: true, output: output ?? null });
            return output;
          },
          (error: unknown) => {
            if (!attempt.aborted && isStatesError(error)) journal.save(key, { ok: false, error: error.error, cause: error.cause });
            throw error;
          },
        );
    };
    return { ...inner, invoke } satisfies ResolvedTask;
  };
}

/** A committed outcome as the task's result. */
function replayed(outcome: TaskOutcome): Promise<unknown> {
  if (outcome.ok) return Promise.resolve(outcome.output);
  return Promise.reject(new StatesError(outcome.error ?? "", outcome.cause ?? ""));
}

/** The journal key of "a worker took this activity task" (ActivityStarted). */
function startKey(key: string): string {
  return `${key}#started`;
}

/**
 * A task that was in flight when a retraced run ended: what it had recorded (ActivityStarted) is
 * made again, so the retrace has every event the run had, and it never ends (nor holds the
 * clock), as it did not.
 */
function stillInFlight(ctx: TaskCallContext, key: string, journal: TaskJournal): Promise<never> {
  const taken = journal.recorded(startKey(key));
  if (taken?.outcome.ok === true) ctx.started?.(typeof taken.outcome.output === "string" ? taken.outcome.output : undefined);
  ctx.awaitingExternal?.();
  return new Promise<never>(() => {});
}

/**
 * An activity's task context: its token comes from the journal key (the broker's random one would
 * not survive a restart), and a worker taking the task is journaled, once, before ActivityStarted.
 */
function activityContext(ctx: TaskCallContext, key: string, journal: TaskJournal): TaskCallContext {
  let started = false;
  const start = (workerName?: string): void => {
    if (started) return;
    started = true;
    if (journal.recorded(startKey(key)) === undefined) journal.save(startKey(key), { ok: true, output: workerName ?? null });
    ctx.started?.(workerName);
  };
  return Object.create(ctx, { taskToken: { value: ctx.taskToken ?? journal.activityToken(key) }, started: { value: start } }) as TaskCallContext;
}
