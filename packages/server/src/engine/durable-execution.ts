import { prepareStateMachine } from "@stepcraft/runtime";
import type { Clock, Execution, HistoryEvent, MapRunLimits, TaskResolver, TaskTokenSite } from "@stepcraft/runtime";
import type { ExecutionRow, ExecutionRun, ExecutionStore, TaskOutcome } from "../store/execution-store.ts";
import type { MapRunStore } from "../store/map-run-store.ts";
import type { CommitFeed } from "./commit-feed.ts";
import { mapRunRecorder } from "./map-run-recorder.ts";
import { journaledTasks } from "./journaled-tasks.ts";
import { PhasedClock } from "./phased-clock.ts";
import { ReplayClock } from "./replay-clock.ts";
import { reportDivergence } from "./replay-divergence.ts";
import { RetraceClock } from "./retrace-clock.ts";

/** What a durable execution needs from its host. */
export interface DurableExecutionHost {
  readonly store: ExecutionStore;
  readonly mapRuns: MapRunStore;
  /** The settings of the Map Runs running now, by ARN (UpdateMapRun changes them live). */
  readonly runningMapRuns: Map<string, MapRunLimits>;
  /** The service's (live) clock. */
  readonly clock: Clock;
  /** The execution's task resolver before journaling (handlers, endpoint, callbacks, mocks). */
  resolver(row: ExecutionRow): TaskResolver;
  /** The prepared machine's options for the row, with `resolveTask`. */
  machineOptions(row: ExecutionRow, resolveTask: TaskResolver): Parameters<typeof prepareStateMachine>[1];
  /** A task token for a place in an execution (the same on a replay). */
  token(site: string): string;
  /** A callback token was handed out: its answer is committed under `key`. */
  tokenIssued(token: string, arn: string, key: string): void;
  /** True once the service has let go of its executions (closing): nothing more is written. */
  readonly detached: boolean;
  /** Told after each commit (events, a redrive, an end): the console's event stream listens. */
  readonly commits: CommitFeed;
}

/** A stored event (timestamp as epoch ms) from the runtime's event. */
function eventBody(event: HistoryEvent): { id: number; body: string } {
  return { id: event.id, body: JSON.stringify({ ...event, timestamp: event.timestamp.getTime() }) };
}

/**
 * Turns of the event loop with nothing able to move before a retraced run counts as stalled
 * where it stopped (several, so that a chain of settling promises is never mistaken for a stall).
 */
const STALLED_TURNS = 3;

/**
 * One execution over the runtime, durable in SQLite: every history event and task outcome is
 * committed as it happens. An execution that ran before (a restart, a redrive) is rebuilt from
 * its commits: the engine runs it again from its start, each task getting its committed outcome.
 * Runs that had ended (before a redrive) are retraced on a virtual clock that stops where they
 * stopped, then redriven, exactly as they were; the last run continues for real.
 */
export class DurableExecution {
  readonly execution: Execution;
  /** Settles once the end of the execution's current run is committed. */
  ended: Promise<void> = Promise.resolve();
  private committedEvents: number;
  private readonly clock: PhasedClock;
  /** The clock of the run being replayed after a restart, until it reaches new work. */
  private replay: ReplayClock | undefined;
  /** The clock of a finished run being retraced (nothing is written then). */
  private retrace: RetraceClock | undefined;
  private run = 0;
  private flushQueued = false;
  private replayChecked: boolean;

  private constructor(
    readonly row: ExecutionRow,
    private readonly host: DurableExecutionHost,
    firstRun: ExecutionRun | undefined,
  ) {
    const { store } = host;
    const rebuilt = firstRun !== undefined;
    this.committedEvents = rebuilt ? store.eventCount(row.arn) : 0;
    this.replayChecked = !rebuilt;
    this.clock = new PhasedClock(this.clockFor(firstRun));
    const recorded = rebuilt ? store.outcomes(row.arn) : new Map<string, { outcome: TaskOutcome; atMs: number }>();
    const resolver = journaledTasks(host.resolver(row), {
      // In a rebuilt execution, an answer may have come after the outcomes were loaded (a
      // callback answered after the restart, before the replay reached its task): the store has it.
      recorded: (key) => recorded.get(key) ?? (rebuilt ? store.outcome(row.arn, key) : undefined),
      save: (key, outcome) => host.detached || store.saveOutcome(row.arn, key, outcome, this.clock.now()),
      reachedNewWork: () => this.replay?.goLive(),
      tokenIssued: (token, key) => host.tokenIssued(token, row.arn, key),
      activityToken: (key) => host.token(`${row.arn}|activity|${key}`),
      replayedAt: (ms) => (this.retrace ?? this.replay)?.advanceTo(ms),
      run: () => this.run,
      retracing: () => this.retrace !== undefined,
    });
    const machine = prepareStateMachine(row.definition, host.machineOptions(row, resolver));
    // A new execution is stored only once it can run (a missing mock test case is refused first).
    if (!rebuilt) store.insertExecution(row);
    this.execution = machine.start(JSON.parse(row.input) as unknown, {
      name: row.name,
      executionArn: row.arn,
      clock: this.clock,
      taskToken: (site: TaskTokenSite) => host.token(`${site.executionArn}|${site.enteredEventId}|${site.retryCount}`),
      mapRuns: mapRunRecorder({
        store: host.mapRuns,
        clock: this.clock,
        executionArn: row.arn,
        writing: () => !host.detached && this.retrace === undefined,
        // A Map Run may start (and end) while the execution is still being made.
        executionStopped: () => (this.execution as Execution | undefined)?.currentStatus !== undefined && this.execution.currentStatus !== "RUNNING",
        siteId: (site) => host.token(site),
        running: host.runningMapRuns,
      }),
      onHistoryEvent: (id) => {
        // Past the committed events, a replay is new work too (a Wait that ends, a Pass).
        if (id <= this.committedEvents || this.retrace !== undefined) return;
        this.replay?.goLive();
        if (!this.flushQueued) {
          this.flushQueued = true;
          queueMicrotask(() => this.flush());
        }
      },
    });
  }

  /** Stores and starts a new execution; ExecutionStarted is committed before this returns. */
  static start(row: ExecutionRow, host: DurableExecutionHost): DurableExecution {
    const durable = new DurableExecution(row, host, undefined);
    durable.flush();
    durable.commitEnd();
    return durable;
  }

  /**
   * An execution a previous process left RUNNING: its finished runs are retraced and redriven,
   * then its last run is replayed from the commits and continues live.
   */
  static async resume(row: ExecutionRow, host: DurableExecutionHost): Promise<DurableExecution> {
    const durable = await DurableExecution.reopen(row, host);
    durable.flush();
    durable.commitEnd();
    return durable;
  }

  /** An execution rebuilt from its commits: every finished run retraced (ready for {@link redrive}), a running one replaying. */
  static async reopen(row: ExecutionRow, host: DurableExecutionHost): Promise<DurableExecution> {
    const runs = host.store.runs(row);
    const durable = new DurableExecution(row, host, runs[0]!);
    await durable.retraceRuns(runs);
    return durable;
  }

  /**
   * RedriveExecution on a reopened execution: it continues live from the state that did not
   * succeed. ExecutionRedriven and the execution's new status are committed before this returns.
   * Throws the runtime's ExecutionNotRedrivableError when the runtime refuses.
   */
  redrive(clientToken: string | null): number {
    this.clock.use(this.host.clock);
    this.run++;
    const redriveMs = this.host.clock.now();
    void this.execution.redrive();
    const events = this.execution.historyFrom(this.committedEvents + 1);
    this.host.store.redrive(this.row.arn, { count: this.execution.redriveCount, ms: redriveMs, token: clientToken }, events.map(eventBody));
    this.committedEvents = events.at(-1)?.id ?? this.committedEvents;
    this.host.commits.notify(this.row.arn);
    this.commitEnd();
    return redriveMs;
  }

  /** The clock of a run rebuilt from its commits: retraced when it had ended, else replayed. */
  private clockFor(run: ExecutionRun | undefined): Clock {
    this.retrace = undefined;
    this.replay = undefined;
    if (run === undefined) return this.host.clock;
    if (run.endMs !== undefined) return (this.retrace = new RetraceClock(run.startMs, run.endMs));
    return (this.replay = new ReplayClock(this.host.clock, run.startMs));
  }

  /** Retraces each run that had ended, redriving after each as it was redriven; the last run goes on from there. */
  private async retraceRuns(runs: readonly ExecutionRun[]): Promise<void> {
    for (let i = 0; i < runs.length; i++) {
      if (i > 0) {
        this.clock.use(this.clockFor(runs[i]));
        this.run = i;
        void this.execution.redrive();
      }
      const retrace = this.retrace;
      if (retrace !== undefined) await this.settle(retrace);
    }
    this.retrace = undefined;
  }

  /** Lets a retraced run go as far as it can; one that stalls (stopped while waiting) is stopped there. */
  private async settle(clock: RetraceClock): Promise<void> {
    let quiet = 0;
    while (this.execution.currentStatus === "RUNNING") {
      await new Promise((resolve) => setImmediate(resolve));
      quiet = clock.stalled ? quiet + 1 : 0;
      if (quiet >= STALLED_TURNS) this.execution.abort();
    }
  }

  /** Commits the events made since the last commit. */
  private flush(): void {
    this.flushQueued = false;
    if (this.host.detached || this.retrace !== undefined) return;
    const events = this.execution.historyFrom(this.committedEvents + 1);
    if (events.length === 0) return;
    if (!this.replayChecked) {
      // The replay has now made every committed event again (and one more): compare once.
      this.replayChecked = true;
      reportDivergence(this.row.arn, this.host.store.eventTypes(this.row.arn), this.execution.historyFrom(1));
    }
    this.host.store.appendEvents(this.row.arn, events.map(eventBody));
    this.committedEvents = events[events.length - 1]!.id;
    this.host.commits.notify(this.row.arn);
  }

  /** Commits the end of the current run, with its last events, when it comes. */
  private commitEnd(): void {
    const { execution, host } = this;
    this.ended = execution.result.then((result) => {
      if (host.detached) return;
      const events = execution.historyFrom(this.committedEvents + 1);
      const stopMs = this.clock.now();
      host.store.finish(
        this.row.arn,
        {
          status: result.status,
          output: result.status === "SUCCEEDED" ? JSON.stringify(result.output ?? null) : null,
          error: result.error ?? null,
          cause: result.cause ?? null,
          stopMs,
        },
        events.map(eventBody),
        // Map Runs still going when the execution stopped (aborted, timed out) stop with it.
        () => host.mapRuns.abortRunning(this.row.arn, stopMs),
      );
      this.committedEvents = events.at(-1)?.id ?? this.committedEvents;
      host.commits.notify(this.row.arn);
    });
  }
}
