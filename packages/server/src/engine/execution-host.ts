import { createHash } from "node:crypto";
import {
  activityResolver,
  createTaskResolver,
  mockResolverFor,
  prepareStateMachine,
  unboundCallbacks,
} from "@stepcraft/runtime";
import type { ActivityBroker, CallbackRegistry, Clock, Execution, ExecutionResult, HistoryEvent, MockConfig, TaskHandler, TaskResolver } from "@stepcraft/runtime";
import type { ExecutionRow, ExecutionStore, TaskOutcome } from "../store/execution-store.ts";
import { CommitFeed } from "./commit-feed.ts";
import { journaledTasks } from "./journaled-tasks.ts";
import { lambdaEndpointHandlers, lambdaFunctionNames } from "./lambda-endpoint.ts";
import { missingFunctionsFail } from "./missing-functions.ts";
import { ReplayClock } from "./replay-clock.ts";
import { reportDivergence } from "./replay-divergence.ts";

/** What runs executions: task bindings, the clock, where tokens and activities wait. */
export interface ExecutionHostOptions {
  readonly store: ExecutionStore;
  readonly clock: Clock;
  readonly callbacks: CallbackRegistry;
  readonly activities: ActivityBroker;
  /** In-process handlers by Lambda function name or ARN (the `--workflows` modules' lambdas). */
  readonly tasks: Readonly<Record<string, TaskHandler>>;
  /** Lambda-API-compatible endpoint for functions no in-process handler serves. */
  readonly lambdaEndpoint?: string | undefined;
  /** Step Functions Local's MockConfigFile, for `stateMachineArn#TestCase`. */
  readonly mockConfig?: MockConfig | undefined;
  /** Makes task tokens unguessable yet the same on a replay. */
  readonly tokenSecret: string;
}

/** An execution the host runs now. */
interface LiveExecution {
  readonly execution: Execution;
  /** Settles once the end is committed. */
  readonly committed: Promise<void>;
}


/** How the ASL's machine name and region come out of an execution ARN. */
function machineNameOf(row: ExecutionRow): string {
  return row.machine_arn.split(":")[6] ?? "StateMachine";
}

function regionOf(arn: string): string {
  return arn.split(":")[3] ?? "us-east-1";
}

/** A stored event (timestamp as epoch ms) from the runtime's event. */
function eventBody(event: HistoryEvent): { id: number; body: string } {
  return { id: event.id, body: JSON.stringify({ ...event, timestamp: event.timestamp.getTime() }) };
}

/**
 * Runs executions over the runtime and makes them durable: every history event and task outcome
 * is committed to SQLite as it happens, and `resumeAll()` replays the executions a previous
 * process left RUNNING from those commits.
 */
export class ExecutionHost {
  private readonly live = new Map<string, LiveExecution>();
  /** Callback tokens → the execution and journal key their answer is committed under. */
  private readonly tokens = new Map<string, { arn: string; key: string }>();

  /** Told after every commit of events or an end: the console's live stream listens here. */
  readonly commits = new CommitFeed();

  /** Set once the service closes: executions still in memory are let go without writing anything. */
  private detached = false;

  constructor(private readonly options: ExecutionHostOptions) {}

  /** The local task handlers (`--workflows`), which TestState binds too. */
  get tasks(): Readonly<Record<string, TaskHandler>> {
    return this.options.tasks;
  }

  /**
   * Lets go of the running executions without recording their end: in the data directory they
   * stay RUNNING, exactly as after a crash, and the next start resumes them.
   */
  detach(): void {
    this.detached = true;
    for (const live of this.live.values()) live.execution.abort();
    this.live.clear();
    this.tokens.clear();
  }

  /** Stores and starts a new execution; ExecutionStarted is committed before this returns. */
  start(row: ExecutionRow): Execution {
    return this.run(row, false);
  }

  /** Resumes every execution a previous process left RUNNING; returns how many. */
  resumeAll(): number {
    const rows = this.options.store.running();
    for (const row of rows) {
      try {
        this.run(row, true);
      } catch (e) {
        // The execution can no longer run here (e.g. its mock test case is gone): it fails, visibly.
        this.options.store.finish(row.arn, { status: "FAILED", output: null, error: "States.Runtime", cause: `Could not resume after a restart: ${e instanceof Error ? e.message : String(e)}`, stopMs: this.options.clock.now() }, []);
      }
    }
    return rows.length;
  }

  /** Runs an Express execution in memory only and waits for its result (StartSyncExecution). */
  async runSync(row: ExecutionRow): Promise<{ result: ExecutionResult; stopMs: number }> {
    const machine = prepareStateMachine(row.definition, this.machineOptions(row, this.resolver(row)));
    const execution = machine.start(JSON.parse(row.input) as unknown, { name: row.name, executionArn: row.arn, clock: this.options.clock });
    const result = await execution.result;
    return { result, stopMs: this.options.clock.now() };
  }

  /** StopExecution: aborts and waits until the end is committed. */
  async stop(arn: string, error: string | undefined, cause: string | undefined): Promise<void> {
    const live = this.live.get(arn);
    if (live === undefined) return;
    live.execution.abort(error, cause);
    await live.committed;
  }

  /** SendTaskSuccess: answers the token, then commits the answer before the caller is told. */
  sendTaskSuccess(token: string, output: unknown): void {
    this.options.callbacks.sendTaskSuccess(token, output);
    this.commitAnswer(token, { ok: true, output });
  }

  /** SendTaskFailure, committed likewise. */
  sendTaskFailure(token: string, error: string | undefined, cause: string | undefined): void {
    this.options.callbacks.sendTaskFailure(token, error, cause);
    this.commitAnswer(token, { ok: false, error: error ?? null, cause: cause ?? null });
  }

  sendTaskHeartbeat(token: string): void {
    this.options.callbacks.sendTaskHeartbeat(token);
  }

  /** A task token for a place in an execution: unguessable without the data directory's secret, the same on a replay. */
  private token(site: string): string {
    return createHash("sha256").update(`${this.options.tokenSecret}|${site}`).digest("base64url");
  }

  private commitAnswer(token: string, outcome: TaskOutcome): void {
    const site = this.tokens.get(token);
    if (site === undefined || this.detached) return;
    this.tokens.delete(token);
    this.options.store.saveOutcome(site.arn, site.key, outcome, this.options.clock.now());
  }

  private run(row: ExecutionRow, replay: boolean): Execution {
    const { store } = this.options;
    const clock = replay ? new ReplayClock(this.options.clock, row.start_ms) : undefined;
    let committedEvents = replay ? store.eventCount(row.arn) : 0;
    const recorded = replay ? store.outcomes(row.arn) : new Map<string, { outcome: TaskOutcome; atMs: number }>();
    const resolver = journaledTasks(this.resolver(row), {
      recorded,
      save: (key, outcome) => this.detached || store.saveOutcome(row.arn, key, outcome, (clock ?? this.options.clock).now()),
      reachedNewWork: () => clock?.goLive(),
      tokenIssued: (token, key) => this.tokens.set(token, { arn: row.arn, key }),
      activityToken: (key) => this.token(`${row.arn}|activity|${key}`),
      replayedAt: (ms) => clock?.advanceTo(ms),
    });
    const machine = prepareStateMachine(row.definition, this.machineOptions(row, resolver));
    // A new execution is stored only once it can run (a missing mock test case is refused first).
    if (!replay) store.insertExecution(row);
    let execution: Execution | undefined;
    let flushQueued = false;
    let replayChecked = !replay;
    const flush = (): void => {
      flushQueued = false;
      if (execution === undefined || this.detached) return;
      const events = execution.historyFrom(committedEvents + 1);
      if (events.length === 0) return;
      if (!replayChecked) {
        // The replay has now made every committed event again (and one more): compare once.
        replayChecked = true;
        reportDivergence(row.arn, store.eventTypes(row.arn), execution.historyFrom(1));
      }
      store.appendEvents(row.arn, events.map(eventBody));
      committedEvents = events[events.length - 1]!.id;
      this.commits.notify(row.arn);
    };
    execution = machine.start(JSON.parse(row.input) as unknown, {
      name: row.name,
      executionArn: row.arn,
      clock: clock ?? this.options.clock,
      taskToken: (site) => this.token(`${site.executionArn}|${site.enteredEventId}|${site.retryCount}`),
      onHistoryEvent: (id) => {
        // Past the committed events, the replay is new work too (a Wait that ends, a Pass).
        if (id > committedEvents) {
          clock?.goLive();
          if (!flushQueued) {
            flushQueued = true;
            queueMicrotask(flush);
          }
        }
      },
    });
    flush();
    const started = execution;
    const committed = started.result.then((result) => {
      if (this.detached) return;
      const events = started.historyFrom(committedEvents + 1);
      store.finish(
        row.arn,
        {
          status: result.status,
          output: result.status === "SUCCEEDED" ? JSON.stringify(result.output ?? null) : null,
          error: result.error ?? null,
          cause: result.cause ?? null,
          stopMs: (clock ?? this.options.clock).now(),
        },
        events.map(eventBody),
      );
      committedEvents += events.length;
      this.live.delete(row.arn);
      for (const [token, site] of this.tokens) if (site.arn === row.arn) this.tokens.delete(token);
      this.commits.notify(row.arn);
    });
    this.live.set(row.arn, { execution: started, committed });
    return started;
  }

  private machineOptions(row: ExecutionRow, resolveTask: TaskResolver) {
    return {
      name: machineNameOf(row),
      stateMachineArn: row.version_arn ?? row.machine_arn,
      roleArn: row.role_arn,
      region: regionOf(row.arn),
      accountId: "123456789012",
      resolveTask,
      validate: false,
      stateMachineType: row.type,
      callbacks: this.options.callbacks,
    } as const;
  }

  /** In-process handlers, then the Lambda endpoint, activities, callbacks, and the mock test case over all. */
  private resolver(row: ExecutionRow): TaskResolver {
    const endpoint = this.options.lambdaEndpoint;
    const remote = endpoint === undefined ? {} : lambdaEndpointHandlers(endpoint, lambdaFunctionNames(JSON.parse(row.definition) as unknown));
    const base = missingFunctionsFail(createTaskResolver({ tasks: { ...remote, ...this.options.tasks }, lambdaErrorFormat: "nodejs", region: regionOf(row.arn), accountId: "123456789012" }));
    const waiting = unboundCallbacks(this.options.callbacks, activityResolver(this.options.activities, base));
    if (row.test_case === null) return waiting;
    if (this.options.mockConfig === undefined) throw new Error(`the state machine ARN names the test case '${row.test_case}' but the server has no --mock-config`);
    return mockResolverFor(this.options.mockConfig, machineNameOf(row), row.test_case, waiting);
  }
}
