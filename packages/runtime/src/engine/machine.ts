import { MAX_DURATION_SECONDS } from "./redrive.ts";
import { StatesError } from "../errors.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskDataIsolation } from "../tasks/resolve.ts";
import type { LambdaErrorFormat, TaskHandler, TaskResolver } from "../tasks/types.ts";
import { compileBlock } from "./compile.ts";
import type { DataFlowFactory, QueryLanguage } from "./compile.ts";
import { Execution } from "./execution.ts";
import type { ExecutionResult, ExecutionSetup, StartOptions } from "./execution.ts";
import { copyJsonData } from "./json-copy.ts";
import { parseDefinitionText } from "./definition-text.ts";
import type { NestingSubject } from "../limits/json-nesting.ts";
import { seededRandom } from "./random.ts";
import type { RandomSource } from "./random.ts";
import { validateBeforePrepare } from "./validation-bridge.ts";
import { MAX_PAYLOAD_BYTES } from "../tasks/payload-size.ts";
import { CallbackRegistry } from "../integrations/callback-registry.ts";
import { unboundCallbacks } from "../integrations/callback-resolver.ts";
import type { ObjectStore } from "../object-store/object-store.ts";
import { activeCoverageRecorder } from "../coverage/recorder.ts";
import type { CoverageRecorder } from "../coverage/recorder.ts";

const DEFINITION: NestingSubject = { error: "InvalidDefinition", what: "The state machine definition" };

/** AWS Standard workflows fail once their history reaches this many events (Express keep no history). */
const MAX_HISTORY_EVENTS = 25_000;

/**
 * The backstop when `limits: false` lifts AWS's quotas: an endless loop with no TimeoutSeconds
 * would otherwise run (and, recording history, grow) until the process runs out of memory.
 * Forty times AWS's quota leaves room for the benchmarks' long runs (a 10,000-item Map is about
 * 80,000 events) and fails a runaway in seconds, with its history well under a gigabyte.
 */
export const UNLIMITED_HISTORY_BACKSTOP = 1_000_000;


/** The machine's TimeoutSeconds, capped by the workflow type's maximum duration when limits apply. */
function executionTimeout(declared: unknown, express: boolean, enforce: boolean): number | undefined {
  const own = typeof declared === "number" ? declared : undefined;
  if (!enforce) return own;
  const max = express ? MAX_DURATION_SECONDS.EXPRESS : MAX_DURATION_SECONDS.STANDARD;
  return own === undefined ? max : Math.min(own, max);
}

/**
 * AWS's quota for Standard; the backstop without limits, for Express too: Express keeps no
 * history on AWS, but its events are still counted here, and its 5 minutes are lifted as well.
 */
function defaultHistoryLimit(enforce: boolean, express: boolean): number {
  if (!enforce) return UNLIMITED_HISTORY_BACKSTOP;
  return express ? Number.POSITIVE_INFINITY : MAX_HISTORY_EVENTS;
}

/** How a state machine is prepared and how its executions run. */
export interface StateMachineOptions {
  /** State machine name (`$$.StateMachine.Name`); default `StateMachine`. */
  readonly name?: string;
  /** State machine ARN (`$$.StateMachine.Id`); default derived from region, account and name. */
  readonly stateMachineArn?: string;
  /** Execution role (`$$.Execution.RoleArn`). */
  readonly roleArn?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** Task bindings keyed by Resource ARN, Lambda function ARN or Lambda function name. */
  readonly tasks?: Readonly<Record<string, TaskHandler>>;
  /** Replaces the default binding of Task resources entirely. */
  readonly resolveTask?: TaskResolver;
  /**
   * `freeze` (default): task handlers get deep-frozen events and nothing is copied (fast);
   * `copy`: each handler gets its own JSON copy, as a deployed Lambda would.
   */
  readonly taskDataIsolation?: TaskDataIsolation;
  /** Lambda error payload format used for a thrown Error's Cause (default `nodejs`). */
  readonly lambdaErrorFormat?: LambdaErrorFormat;
  /** Virtual time (default: Wait, back-off and timeouts take no real time) or real time. */
  readonly time?: "virtual" | "real";
  /** Seed or source for retry jitter (default: Math.random). */
  readonly random?: number | RandomSource;
  /** Record history events (default true). */
  readonly history?: boolean;
  /**
   * Enforce AWS's quotas (default true): 256 KiB payloads (States.DataLimitExceeded) and 25,000
   * history events. `false` lifts both, e.g. for benchmarks over data AWS would refuse; an
   * execution still fails (States.Runtime) at {@link UNLIMITED_HISTORY_BACKSTOP} events, so an
   * endless loop without TimeoutSeconds ends instead of exhausting memory.
   */
  readonly limits?: boolean;
  /**
   * Fail an execution (States.Runtime) once it has this many events: default 25,000 like AWS
   * Standard, 1,000,000 under `limits: false`; `false`: no limit at all (a loop then runs until
   * aborted or timed out).
   */
  readonly maxHistoryEvents?: number | false;
  /** Check the definition with `@stepcraft/asl` first (default true). */
  readonly validate?: boolean;
  /** `STANDARD` (default) or `EXPRESS`: the validator applies Express restrictions. */
  readonly stateMachineType?: "STANDARD" | "EXPRESS";
  /** Evaluates non-JSONPath states (the JSONata seam); JSONPath states always use the built-in flow. */
  readonly dataFlow?: DataFlowFactory;
  /**
   * Where task tokens wait for SendTaskSuccess/Failure/Heartbeat. With the built-in binding,
   * `.waitForTaskToken` tasks with no handler wait here (until answered, or their TimeoutSeconds).
   * @default a new registry per prepared machine
   */
  readonly callbacks?: CallbackRegistry;
  /**
   * The S3 stand-in Distributed Maps read items from (ItemReader) and write results to
   * (ResultWriter): an `InMemoryObjectStore` or `DirectoryObjectStore`.
   */
  readonly objectStore?: ObjectStore;
  /**
   * Record workflow coverage for this machine's executions. Coverage is recorded only while a
   * recorder is on (`startCoverageRecording()`, or the coverage setup of the test runner);
   * `false` leaves this machine out even then; a `CoverageRecorder` records into that one instead.
   * @default true
   */
  readonly coverage?: boolean | CoverageRecorder;
  /** Where each state was declared (state name → `file:line`), so coverage reports map to source. */
  readonly sourceSites?: Readonly<Record<string, string>>;
}

/** A definition compiled once; start as many independent executions as you like. */
export interface PreparedStateMachine {
  readonly name: string;
  readonly stateMachineArn: string;
  /** The task tokens of this machine's executions (the `callbacks` option, or its own). */
  readonly callbacks: CallbackRegistry;
  /** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat for a token of any of its executions. */
  sendTaskSuccess(token: string, output: unknown): void;
  sendTaskFailure(token: string, error?: string, cause?: string): void;
  sendTaskHeartbeat(token: string): void;
  /** Starts an execution; it runs until its first asynchronous step before this returns. */
  start(input?: unknown, options?: StartOptions): Execution;
  /** Starts an execution and waits for its result. */
  run(input?: unknown, options?: StartOptions): Promise<ExecutionResult>;
}

/** Validates and compiles a definition (object or JSON text) into a reusable machine. */
export function prepareStateMachine(definition: unknown, options: StateMachineOptions = {}): PreparedStateMachine {
  // A private copy: literals of the definition end up shared in state data (and frozen when
  // handed to task handlers), which must not reach the caller's own objects.
  const def = typeof definition === "string" ? parseDefinitionText(definition) : copyJsonData(definition, DEFINITION);
  if (def === null || typeof def !== "object" || Array.isArray(def)) {
    throw new StatesError("InvalidDefinition", "A state machine definition must be a JSON object: pass {\"StartAt\": \"...\", \"States\": {...}} (or its JSON text).");
  }
  const text = options.validate === false ? undefined : validateBeforePrepare(def, options.stateMachineType);
  const record = def as Record<string, unknown>;
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  const name = options.name ?? "StateMachine";
  const stateMachineArn = options.stateMachineArn ?? `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
  const lambdaErrorFormat = options.lambdaErrorFormat ?? "nodejs";
  const enforce = options.limits !== false;
  const express = options.stateMachineType === "EXPRESS";
  const maxPayloadBytes = enforce ? MAX_PAYLOAD_BYTES : Number.POSITIVE_INFINITY;
  const callbacks = options.callbacks ?? new CallbackRegistry();
  const resolveTask =
    options.resolveTask ??
    unboundCallbacks(
      callbacks,
      createTaskResolver({
        tasks: options.tasks,
        lambdaErrorFormat,
        region,
        accountId,
        maxPayloadBytes,
        ...(options.taskDataIsolation === undefined ? {} : { taskDataIsolation: options.taskDataIsolation }),
      }),
    );
  const language: QueryLanguage = record["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  const recorder = typeof options.coverage === "object" ? options.coverage : options.coverage === false ? undefined : activeCoverageRecorder();
  const coverage = recorder?.machine(def, name, options.sourceSites, text);
  const block = compileBlock(def, "", language, { resolveTask, dataFlow: options.dataFlow, maxPayloadBytes, objectStore: options.objectStore, coverage });
  const random =
    typeof options.random === "function"
      ? options.random
      : typeof options.random === "number"
        ? seededRandom(options.random)
        : Math.random;
  const setup: ExecutionSetup = {
    block,
    stateMachineArn,
    stateMachineName: name,
    roleArn: options.roleArn ?? `arn:aws:iam::${accountId}:role/stepcraft-local`,
    contextStateMachine: Object.freeze({ Id: stateMachineArn, Name: name }),
    region,
    accountId,
    timeoutSeconds: executionTimeout(record["TimeoutSeconds"], express, enforce),
    express,
    tasks: resolveTask,
    lambdaErrorFormat,
    random,
    history: options.history !== false,
    maxHistoryEvents:
      options.maxHistoryEvents === false
        ? Number.POSITIVE_INFINITY
        : (options.maxHistoryEvents ?? defaultHistoryLimit(enforce, express)),
    maxPayloadBytes,
    time: options.time ?? "virtual",
    callbacks,
    historySize: { events: 0 },
  };
  return {
    name,
    stateMachineArn,
    callbacks,
    sendTaskSuccess: (token, output) => callbacks.sendTaskSuccess(token, output),
    sendTaskFailure: (token, error, cause) => callbacks.sendTaskFailure(token, error, cause),
    sendTaskHeartbeat: (token) => callbacks.sendTaskHeartbeat(token),
    start: (input, startOptions) => new Execution(setup, input, startOptions),
    run: (input, startOptions) => {
      try {
        return new Execution(setup, input, startOptions).result;
      } catch (error) {
        // An input AWS's StartExecution would refuse: the caller gets a rejected promise, never a throw.
        return Promise.reject(error as Error);
      }
    },
  };
}

/**
 * Prepares a machine and runs one execution: the one-shot form. Never throws: an invalid
 * definition or input rejects the promise (InvalidDefinitionError, States.DataLimitExceeded…).
 */
export function runExecution(
  definition: unknown,
  input?: unknown,
  options: StateMachineOptions & StartOptions = {},
): Promise<ExecutionResult> {
  try {
    return prepareStateMachine(definition, options).run(input, options);
  } catch (error) {
    // An invalid definition: a rejected promise (with the InvalidDefinitionError), never a throw.
    return Promise.reject(error as Error);
  }
}
