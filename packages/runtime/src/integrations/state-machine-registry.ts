import { randomUUID } from "node:crypto";
import { RealClock, VirtualClock } from "../engine/clock.ts";
import type { Clock } from "../engine/clock.ts";
import type { Execution, ExecutionResult } from "../engine/execution.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import type { PreparedStateMachine, StateMachineOptions } from "../engine/machine.ts";
import { MAX_PAYLOAD_BYTES } from "../tasks/payload-size.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskResolver } from "../tasks/types.ts";
import { CallbackRegistry } from "./callback-registry.ts";
import { callbackResolver } from "./callback-resolver.ts";
import { describeExecution } from "./execution-description.ts";
import type { ExecutionRecord } from "./execution-description.ts";
import { nestedExecutionResolver } from "./nested-execution-resolver.ts";
import { serviceError } from "./start-execution-input.ts";

/** Options of a {@link StateMachineRegistry}. */
export interface StateMachineRegistryOptions {
  /** Options every registered machine is prepared with (tasks, time, limits…). @default {} */
  readonly defaults?: StateMachineOptions;
  /** Where `.waitForTaskToken` tasks of every machine wait. @default a new registry */
  readonly callbacks?: CallbackRegistry;
  /** When a child starts (epoch ms); its own clock starts there. @default Date.now */
  readonly now?: () => number;
}

/** A machine the registry can start, with how its executions keep time. */
interface Entry {
  readonly machine: PreparedStateMachine;
  readonly time: "virtual" | "real";
}

/** An execution started through the registry (by a Task or by `start`). */
export class NestedExecution implements ExecutionRecord {
  readonly executionArn: string;
  readonly name: string;
  readonly result: Promise<ExecutionResult>;
  private stoppedAt: number | undefined;
  private finished: ExecutionResult | undefined;

  constructor(
    readonly execution: Execution,
    readonly stateMachineArn: string,
    readonly input: unknown,
    readonly startDate: number,
    clock: Clock,
  ) {
    this.executionArn = execution.executionArn;
    this.name = execution.name;
    this.result = execution.result.then((r) => {
      // The child's own clock: in virtual time StopDate includes its Waits and back-offs.
      this.stoppedAt = clock.now();
      this.finished = r;
      return r;
    });
  }

  /** DescribeExecution now (`json`: Input/Output as JSON, the `.sync:2` form). */
  describe(form: "text" | "json" = "text"): Record<string, unknown> {
    return describeExecution(this, this.finished, this.stoppedAt, form);
  }
}

/**
 * Local state machines by name and ARN, so `states:startExecution` Tasks can run them as
 * children (request-response, `.sync`, `.sync:2`, `.waitForTaskToken`). Children are prepared
 * with the registry's defaults and bound through the same registry, so they can start
 * grandchildren and wait for callbacks themselves.
 */
export class StateMachineRegistry {
  readonly callbacks: CallbackRegistry;
  private readonly machines = new Map<string, Entry>();
  /** Null while an execution is being started (it may start grandchildren before `start` returns). */
  private readonly started = new Map<string, NestedExecution | null>();
  private readonly defaults: StateMachineOptions;
  private readonly now: () => number;

  constructor(options: StateMachineRegistryOptions = {}) {
    this.defaults = options.defaults ?? {};
    this.callbacks = options.callbacks ?? new CallbackRegistry();
    this.now = options.now ?? Date.now;
  }

  /**
   * Prepares and registers a definition under `nameOrArn` (a name, or a state machine ARN whose
   * last part becomes the name); `options` override the registry's defaults. Returns its ARN.
   */
  register(nameOrArn: string, definition: unknown, options: StateMachineOptions = {}): string {
    const merged: StateMachineOptions = { ...this.defaults, ...options };
    const arn = nameOrArn.startsWith("arn:") ? nameOrArn : undefined;
    const name = arn === undefined ? nameOrArn : machineName(arn);
    const base = merged.resolveTask ?? this.defaultBinding(merged);
    const machine = prepareStateMachine(definition, {
      ...merged,
      name,
      ...(arn === undefined ? {} : { stateMachineArn: arn }),
      resolveTask: this.resolver(base),
    });
    return this.add(machine, merged.time ?? "virtual");
  }

  /** Registers a machine prepared elsewhere (its Tasks are bound as it was prepared). */
  registerPrepared(machine: PreparedStateMachine, time: "virtual" | "real" = "virtual"): string {
    return this.add(machine, time);
  }

  /** The machine registered under this ARN (a version or alias ARN finds its machine). */
  machine(stateMachineArn: string): PreparedStateMachine | undefined {
    return this.entry(stateMachineArn)?.machine;
  }

  /**
   * StartExecution: starts a child on `parentClock` (a Task's `ctx.clock`, when it keeps the
   * machine's kind of time) or on its own clock from `now`. Fails like AWS for an unknown
   * machine (`StepFunctions.StateMachineDoesNotExist`) or a name already used
   * (`StepFunctions.ExecutionAlreadyExists`).
   */
  start(stateMachineArn: string, input: unknown = {}, name?: string, parentClock?: Clock): NestedExecution {
    const entry = this.entry(stateMachineArn);
    if (entry === undefined) throw serviceError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${stateMachineArn}'`);
    // A child started by a Task shares its parent's clock when both keep the same kind of time.
    const shared = parentClock !== undefined && (entry.time === "real") === parentClock instanceof RealClock ? parentClock : undefined;
    const startDate = shared?.now() ?? this.now();
    const clock: Clock = shared ?? (entry.time === "real" ? new RealClock() : new VirtualClock(startDate));
    const executionName = name ?? randomUUID();
    const executionArn = entry.machine.stateMachineArn.replace(":stateMachine:", ":execution:") + `:${executionName}`;
    if (this.started.has(executionArn)) throw serviceError("ExecutionAlreadyExists", `Execution Already Exists: '${executionArn}'`);
    // Reserved first so start order is kept when the child starts grandchildren synchronously.
    this.started.set(executionArn, null);
    const execution = entry.machine.start(input, { name: executionName, executionArn, clock });
    const nested = new NestedExecution(execution, entry.machine.stateMachineArn, input, startDate, clock);
    this.started.set(executionArn, nested);
    return nested;
  }

  /** An execution started through the registry, by ARN. */
  execution(executionArn: string): NestedExecution | undefined {
    return this.started.get(executionArn) ?? undefined;
  }

  /** Every execution started through the registry, in start order. */
  executions(): NestedExecution[] {
    return [...this.started.values()].filter((e): e is NestedExecution => e !== null);
  }

  /**
   * A resolver that runs `states:startExecution` Tasks on this registry, waits for
   * `.waitForTaskToken` answers on its callbacks, and sends every other resource to `base`.
   * @default base: the built-in binding of the registry's default `tasks`
   */
  resolver(base: TaskResolver = this.defaultBinding(this.defaults)): TaskResolver {
    return callbackResolver(this.callbacks, nestedExecutionResolver(this, base));
  }

  private add(machine: PreparedStateMachine, time: "virtual" | "real"): string {
    this.machines.set(machine.stateMachineArn, { machine, time });
    return machine.stateMachineArn;
  }

  private entry(arn: string): Entry | undefined {
    const exact = this.machines.get(arn);
    if (exact !== undefined) return exact;
    // arn:…:stateMachine:<name>:<version or alias>
    const unqualified = /^(arn:[^:]+:states:[^:]*:[^:]*:stateMachine:[^:]+):[^:]+$/.exec(arn);
    return unqualified === null ? undefined : this.machines.get(unqualified[1]!);
  }

  private defaultBinding(options: StateMachineOptions): TaskResolver {
    return createTaskResolver({
      tasks: options.tasks,
      lambdaErrorFormat: options.lambdaErrorFormat ?? "nodejs",
      region: options.region ?? "us-east-1",
      accountId: options.accountId ?? "123456789012",
      maxPayloadBytes: options.limits === false ? Number.POSITIVE_INFINITY : MAX_PAYLOAD_BYTES,
      ...(options.taskDataIsolation === undefined ? {} : { taskDataIsolation: options.taskDataIsolation }),
    });
  }
}

function machineName(arn: string): string {
  const m = /:stateMachine:([^:]+)/.exec(arn);
  return m === null ? arn : m[1]!;
}
