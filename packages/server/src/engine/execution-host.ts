import { createHash } from "node:crypto";
import {
  activityResolver,
  createTaskResolver,
  ExecutionNotRedrivableError,
  mockResolverFor,
  prepareStateMachine,
  TaskCallbackError,
  taskTimedOut,
  unboundCallbacks,
} from "@stepcraft/runtime";
import type { ActivityBroker, CallbackRegistry, Clock, Execution, ExecutionResult, MapRunLimits, MockConfig, TaskHandler, TaskResolver } from "@stepcraft/runtime";
import type { ExecutionRow, ExecutionStore, TaskOutcome } from "../store/execution-store.ts";
import type { MapRunStore } from "../store/map-run-store.ts";
import { CommitFeed } from "./commit-feed.ts";
import { DurableExecution, type DurableExecutionHost } from "./durable-execution.ts";
import { lambdaEndpointHandlers, lambdaFunctionNames } from "./lambda-endpoint.ts";
import { missingFunctionsFail } from "./missing-functions.ts";

/** What runs executions: task bindings, the clock, where tokens and activities wait. */
export interface ExecutionHostOptions {
  readonly store: ExecutionStore;
  readonly mapRuns: MapRunStore;
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

function isTaskDoesNotExist(e: unknown): boolean {
  return e instanceof TaskCallbackError && e.code === "TaskDoesNotExist";
}

/** How the ASL's machine name and region come out of an execution ARN. */
function machineNameOf(row: ExecutionRow): string {
  return row.machine_arn.split(":")[6] ?? "StateMachine";
}

function regionOf(arn: string): string {
  return arn.split(":")[3] ?? "us-east-1";
}

/**
 * Runs executions over the runtime and makes them durable (see {@link DurableExecution}):
 * `resumeAll()` replays the executions a previous process left RUNNING from their commits, and
 * `redrive()` rebuilds a finished one to continue it.
 */
export class ExecutionHost implements DurableExecutionHost {
  /** Executions running here, or being rebuilt (a resume, a redrive), by ARN. */
  private readonly live = new Map<string, Promise<DurableExecution>>();
  /** Callback tokens → the execution and journal key their answer is committed under. */
  private readonly tokens = new Map<string, { arn: string; key: string }>();

  /** Told after every commit of events or an end: the console's live stream listens here. */
  readonly commits = new CommitFeed();

  /** Set once the service closes: executions still in memory are let go without writing anything. */
  detached = false;

  readonly runningMapRuns = new Map<string, MapRunLimits>();

  constructor(private readonly options: ExecutionHostOptions) {}

  get store(): ExecutionStore {
    return this.options.store;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get mapRuns(): MapRunStore {
    return this.options.mapRuns;
  }

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
    for (const live of this.live.values()) void live.then((durable) => durable.execution.abort(), () => undefined);
    this.live.clear();
    this.tokens.clear();
  }

  /** Stores and starts a new execution; ExecutionStarted is committed before this returns. */
  start(row: ExecutionRow): Execution {
    const durable = DurableExecution.start(row, this);
    this.track(durable);
    return durable.execution;
  }

  /** Resumes every execution a previous process left RUNNING; returns how many. */
  resumeAll(): number {
    const rows = this.options.store.running();
    for (const row of rows) {
      const resumed = DurableExecution.resume(row, this).catch((e: unknown) => {
        // The execution can no longer run here (e.g. its mock test case is gone): it fails, visibly.
        this.live.delete(row.arn);
        if (!this.detached) this.options.store.finish(row.arn, { status: "FAILED", output: null, error: "States.Runtime", cause: `Could not resume after a restart: ${e instanceof Error ? e.message : String(e)}`, stopMs: this.options.clock.now() }, []);
        throw e;
      });
      this.live.set(row.arn, resumed);
      void resumed.then((durable) => this.track(durable), () => undefined);
    }
    return rows.length;
  }

  /**
   * RedriveExecution: rebuilds the finished execution from its commits and continues it from the
   * state that did not succeed. Returns when it was redriven, once ExecutionRedriven is committed.
   * Throws the runtime's ExecutionNotRedrivableError when it cannot be.
   */
  async redrive(row: ExecutionRow, clientToken: string | null): Promise<number> {
    if (this.live.has(row.arn)) throw new ExecutionNotRedrivableError(row.arn, "Execution is RUNNING and cannot be redriven.");
    const reopened = DurableExecution.reopen(row, this);
    this.live.set(row.arn, reopened);
    try {
      const durable = await reopened;
      if (this.detached) throw new ExecutionNotRedrivableError(row.arn, "The service is stopping.");
      const redriveMs = durable.redrive(clientToken);
      this.track(durable);
      return redriveMs;
    } catch (e) {
      this.live.delete(row.arn);
      throw e;
    }
  }

  /** UpdateMapRun: a Map Run running here takes its new settings at once (the store keeps them for a replay). */
  updateMapRun(mapRunArn: string, settings: { readonly maxConcurrency?: number | undefined; readonly toleratedFailureCount?: number | undefined; readonly toleratedFailurePercentage?: number | undefined }): void {
    const limits = this.runningMapRuns.get(mapRunArn);
    if (limits === undefined) return;
    if (settings.maxConcurrency !== undefined) limits.maxConcurrency = settings.maxConcurrency;
    if (settings.toleratedFailureCount !== undefined) limits.toleratedFailureCount = settings.toleratedFailureCount;
    if (settings.toleratedFailurePercentage !== undefined) limits.toleratedFailurePercentage = settings.toleratedFailurePercentage;
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
    const durable = await this.live.get(arn)?.catch(() => undefined);
    if (durable === undefined) return;
    durable.execution.abort(error, cause);
    await durable.ended;
  }

  /** SendTaskSuccess: answers the token, committing the answer before the caller is told. */
  sendTaskSuccess(token: string, output: unknown): void {
    this.answer(token, { ok: true, output }, () => this.options.callbacks.sendTaskSuccess(token, output));
  }

  /** SendTaskFailure, committed likewise. */
  sendTaskFailure(token: string, error: string | undefined, cause: string | undefined): void {
    this.answer(token, { ok: false, error: error ?? null, cause: cause ?? null }, () => this.options.callbacks.sendTaskFailure(token, error, cause));
  }

  sendTaskHeartbeat(token: string): void {
    try {
      this.options.callbacks.sendTaskHeartbeat(token);
    } catch (e) {
      // A task the replay after a restart has not reached yet is alive: its heartbeat is fine.
      if (!isTaskDoesNotExist(e) || this.storedTask(token) === undefined) throw e;
    }
  }

  /**
   * Answers a waiting task. A token the engine does not know (yet) may be one handed out before
   * a restart: if its task still waits (its execution's replay has not reached it), the answer is
   * committed and the replay takes it; if its task has ended (answered before the crash, timed
   * out, its execution stopped), it is TaskTimedOut, as on AWS.
   */
  private answer(token: string, outcome: TaskOutcome, send: () => void): void {
    try {
      send();
    } catch (e) {
      if (!isTaskDoesNotExist(e)) throw e;
      const site = this.storedTask(token);
      if (site === undefined) throw e;
      if (!this.detached) this.options.store.answer(token, site.exec_arn, site.key, outcome, this.options.clock.now());
      return;
    }
    const site = this.tokens.get(token);
    if (site === undefined || this.detached) return;
    this.tokens.delete(token);
    this.options.store.answer(token, site.arn, site.key, outcome, this.options.clock.now());
  }

  /**
   * The task a token stored before a restart was handed out for, while it still waits for its
   * answer; TaskTimedOut when that task has ended; undefined for a token never handed out.
   */
  private storedTask(token: string): { exec_arn: string; key: string } | undefined {
    const { store } = this.options;
    const site = store.token(token);
    if (site === undefined) return undefined;
    const waiting = site.answered === 0 && store.execution(site.exec_arn)?.status === "RUNNING" && store.outcome(site.exec_arn, site.key) === undefined;
    if (!waiting) throw taskTimedOut();
    return site;
  }

  /** A task token for a place in an execution: unguessable without the data directory's secret, the same on a replay. */
  token(site: string): string {
    return createHash("sha256").update(`${this.options.tokenSecret}|${site}`).digest("base64url");
  }

  tokenIssued(token: string, arn: string, key: string): void {
    this.tokens.set(token, { arn, key });
    if (!this.detached) this.options.store.tokenIssued(token, arn, key);
  }

  /** Keeps a running execution until the end of its run is committed. */
  private track(durable: DurableExecution): void {
    const arn = durable.row.arn;
    this.live.set(arn, Promise.resolve(durable));
    void durable.ended.then(() => {
      if (this.detached || durable.execution.currentStatus === "RUNNING") return;
      this.live.delete(arn);
      for (const [token, site] of this.tokens) if (site.arn === arn) this.tokens.delete(token);
    });
  }

  machineOptions(row: ExecutionRow, resolveTask: TaskResolver) {
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
  resolver(row: ExecutionRow): TaskResolver {
    const endpoint = this.options.lambdaEndpoint;
    const remote = endpoint === undefined ? {} : lambdaEndpointHandlers(endpoint, lambdaFunctionNames(JSON.parse(row.definition) as unknown));
    const base = missingFunctionsFail(createTaskResolver({ tasks: { ...remote, ...this.options.tasks }, lambdaErrorFormat: "nodejs", region: regionOf(row.arn), accountId: "123456789012" }));
    const waiting = unboundCallbacks(this.options.callbacks, activityResolver(this.options.activities, base));
    if (row.test_case === null) return waiting;
    if (this.options.mockConfig === undefined) throw new Error(`the state machine ARN names the test case '${row.test_case}' but the server has no --mock-config`);
    return mockResolverFor(this.options.mockConfig, machineNameOf(row), row.test_case, waiting);
  }
}
