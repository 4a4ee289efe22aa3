import { createHash } from "node:crypto";
import { StatesError, isStatesError } from "@stepcraft/runtime";
import type { ResolvedTask, TaskCallContext, TaskResolver } from "@stepcraft/runtime";
import type { TaskOutcome } from "../store/execution-store.ts";

/** Where an execution's task outcomes are read from and written to. */
export interface TaskJournal {
  /** Outcomes committed before a restart, by key. */
  readonly recorded: ReadonlyMap<string, { readonly outcome: TaskOutcome; readonly atMs: number }>;
  /** Commits an outcome (before the engine sees it). */
  save(key: string, outcome: TaskOutcome): void;
  /** Called when a task has no recorded outcome: the replay is over, this is new work. */
  reachedNewWork(): void;
  /** Called with the journal key of a callback task's token, so an answer can be committed by token. */
  tokenIssued(token: string, key: string): void;
  /** Moves a replaying clock to when a recorded task ended. */
  replayedAt(ms: number): void;
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
    return `${stateName}:${digest}:${n}`;
  };
  return (resource, stateName) => {
    const inner = base(resource, stateName);
    const invoke = (input: unknown, ctx: TaskCallContext): unknown => {
      const key = keyOf(ctx.stateName, input);
      const recorded = journal.recorded.get(key);
      if (recorded !== undefined) {
        journal.replayedAt(recorded.atMs);
        if (recorded.outcome.ok) return Promise.resolve(recorded.outcome.output);
        return Promise.reject(new StatesError(recorded.outcome.error ?? "", recorded.outcome.cause ?? ""));
      }
      journal.reachedNewWork();
      if (ctx.taskToken !== undefined) journal.tokenIssued(ctx.taskToken, key);
      const attempt = ctx.attemptSignal ?? ctx.signal;
      return Promise.resolve()
        .then(() => inner.invoke(input, ctx))
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
