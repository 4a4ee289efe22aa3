import { StatesError } from "../errors.ts";
import { PartialStatesError } from "../engine/failure.ts";
import { createTaskResolver, resolvedTask } from "../tasks/resolve.ts";
import type { TaskDataIsolation } from "../tasks/resolve.ts";
import type { LambdaErrorFormat, ResolvedTask, TaskCallContext, TaskHandler, TaskResolver } from "../tasks/types.ts";
import { planOf } from "./plan.ts";
import type { MockPlan, Outcome } from "./plan.ts";
import { bindingKey, callsFunction, functionMatches, invokedFunction, taskShape } from "./task-shape.ts";
import type { MockSet } from "./types.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** How mocked invocations are bound, and what runs everything no mock covers. */
export interface MockResolverOptions {
  /** Binds every Task no mock answers. @default the built-in resolver with no handlers (unbound resources fail, saying how to bind them) */
  readonly fallback?: TaskResolver;
  /** Region of function ARNs, as the machine's. @default "us-east-1" */
  readonly region?: string;
  /** Account of function ARNs, as the machine's. @default "123456789012" */
  readonly accountId?: string;
  /** Cause format of errors thrown by handler mocks. @default "nodejs" */
  readonly lambdaErrorFormat?: LambdaErrorFormat;
  /** As the machine option of the same name. @default "freeze" */
  readonly taskDataIsolation?: TaskDataIsolation;
}

/** A TaskResolver answering mocked invocations, which can also say which mocks were never used. */
export type MockResolver = TaskResolver & {
  /** Mocks no invocation has used yet (state names as given, resources as `resource <key>`). */
  unusedMocks(): string[];
  /** State mocks naming no Task state of the machines this resolver has bound (likely typos). */
  unknownStates(): string[];
  /** Task state names this resolver has been asked to bind. */
  taskStates(): string[];
};

/**
 * Wraps Task binding with mocks in the style of the TestState API: per state name or resource, a
 * result, an error or a handler, once or per invocation. Mocked invocations run through the same
 * path as bound handlers, so history and results are those of a real invocation.
 * @example
 * const resolveTask = createMockResolver({ states: { Charge: [{ error: "Lambda.TooManyRequestsException", cause: "slow down" }, { result: { charged: true } }] } });
 * await runExecution(definition, input, { resolveTask });
 */
export function createMockResolver(mocks: MockSet, options: MockResolverOptions = {}): MockResolver {
  const states = new Map<string, MockPlan>();
  const resources = new Map<string, MockPlan>();
  for (const [name, mock] of Object.entries(mocks.states ?? {})) states.set(name, planOf(mock, `the mock of state '${name}'`));
  for (const [key, mock] of Object.entries(mocks.resources ?? {})) resources.set(key, planOf(mock, `the mock of resource '${key}'`));
  return resolverFromPlans(states, resources, options);
}

/** Invocation counts of one execution, per mock (Step Functions Local counts per state and execution, retries included). */
type Counts = Map<MockPlan, number>;

/** Builds the resolver from checked plans (the mock config file comes in here too). */
export function resolverFromPlans(
  states: ReadonlyMap<string, MockPlan>,
  resources: ReadonlyMap<string, MockPlan>,
  options: MockResolverOptions,
): MockResolver {
  const bindingOptions = {
    lambdaErrorFormat: options.lambdaErrorFormat ?? "nodejs",
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "123456789012",
    ...(options.taskDataIsolation === undefined ? {} : { taskDataIsolation: options.taskDataIsolation }),
  } as const;
  const fallback = options.fallback ?? createTaskResolver(bindingOptions);
  const used = new Set<MockPlan>();
  const seenStates = new Set<string>();
  // Keyed by the execution's abort signal: one prepared machine may run many executions, and
  // each starts counting at invocation 0.
  const perExecution = new WeakMap<AbortSignalLike, Counts>();
  const inner = new Map<string, ResolvedTask>();

  /** The built-in binding with the mock's dispatcher bound under the key this invocation looks up. */
  const boundFor = (resource: string, stateName: string, input: unknown): ResolvedTask => {
    const key = bindingKey(resource, input);
    const cacheKey = `${resource}\u0000${key}`;
    let task = inner.get(cacheKey);
    if (task === undefined) {
      task = createTaskResolver({ ...bindingOptions, tasks: { [key]: dispatch } })(resource, stateName);
      inner.set(cacheKey, task);
    }
    return task;
  };

  const planFor = (resource: string, stateName: string, input: unknown): MockPlan | undefined => {
    const byState = states.get(stateName);
    if (byState !== undefined) return byState;
    const exact = resources.get(resource);
    if (exact !== undefined) return exact;
    const fn = invokedFunction(resource, input);
    if (fn === undefined) return undefined;
    for (const [key, plan] of resources) if (functionMatches(key, fn)) return plan;
    return undefined;
  };

  const mayBeMocked = (resource: string, stateName: string): boolean =>
    states.has(stateName) || resources.has(resource) || (callsFunction(resource) && resources.size > 0);

  const resolve: TaskResolver = (resource, stateName) => {
    seenStates.add(stateName);
    const real = fallback(resource, stateName);
    if (!mayBeMocked(resource, stateName)) return real;
    const shape = taskShape(resource);
    return resolvedTask(shape.kind, shape.resourceType, shape.resourceAction, (input, ctx) => {
      const plan = planFor(resource, stateName, input);
      if (plan === undefined) return real.invoke(input, ctx);
      used.add(plan);
      let counts = perExecution.get(ctx.signal);
      if (counts === undefined) {
        counts = new Map();
        perExecution.set(ctx.signal, counts);
      }
      const n = counts.get(plan) ?? 0;
      counts.set(plan, n + 1);
      const outcome = plan.at(n);
      if (outcome === undefined) throw exhausted(plan, stateName, n);
      return perform(outcome, input, ctx, () => boundFor(resource, stateName, input));
    });
  };

  return Object.assign(resolve, {
    unusedMocks: (): string[] => [
      ...[...states].filter(([, p]) => !used.has(p)).map(([name]) => name),
      ...[...resources].filter(([, p]) => !used.has(p)).map(([key]) => `resource ${key}`),
    ],
    unknownStates: (): string[] => [...states.keys()].filter((name) => !seenStates.has(name)),
    taskStates: (): string[] => [...seenStates],
  });
}

/** The mocked outcome: an error thrown as is, a verbatim result, or a run through the real binding. */
function perform(outcome: Outcome, input: unknown, ctx: TaskCallContext, bound: () => ResolvedTask): unknown {
  switch (outcome.kind) {
    case "fail":
      // No Cause given: the Error Output and the Failed event carry none, as in AWS.
      throw outcome.cause === undefined ? new PartialStatesError(outcome.error, undefined) : new StatesError(outcome.error, outcome.cause);
    case "verbatim":
      return outcome.value;
    case "run":
      return bound().invoke(input, withHandler(ctx, outcome.handler));
  }
}

const HANDLER = Symbol("mockHandler");

/** The call context with the handler this invocation should run (the binding's dispatcher reads it). */
interface MockCallContext extends TaskCallContext {
  readonly [HANDLER]: TaskHandler;
}

function withHandler(ctx: TaskCallContext, handler: TaskHandler): MockCallContext {
  return {
    stateName: ctx.stateName,
    resource: ctx.resource,
    get signal() {
      return ctx.signal;
    },
    get attemptSignal() {
      return ctx.attemptSignal ?? ctx.signal;
    },
    ...(ctx.clock === undefined ? {} : { clock: ctx.clock }),
    heartbeat: () => ctx.heartbeat?.(),
    submitted: (output: unknown) => ctx.submitted?.(output),
    awaitingExternal: () => ctx.awaitingExternal?.(),
    started: (workerName?: string) => ctx.started?.(workerName),
    get taskToken() {
      return ctx.taskToken;
    },
    [HANDLER]: handler,
  };
}

/** Bound in the built-in resolver under the invocation's key: runs the mock's handler. */
function dispatch(input: unknown, ctx: TaskCallContext): unknown {
  const handler = (ctx as Partial<MockCallContext>)[HANDLER];
  // Only mocked invocations reach this binding, and they always carry a handler.
  if (handler === undefined) throw new StatesError("States.Runtime", "stepcraft mock binding called without a mock");
  return handler(input, ctx);
}

/** Step Functions Local fails the execution when a mocked Task runs out of responses. */
function exhausted(plan: MockPlan, stateName: string, n: number): StatesError {
  return new StatesError(
    "States.Runtime",
    `The Task state '${stateName}' was invoked ${ordinal(n)} (invocation ${n}, counting from 0, retries included), ` +
      `but ${plan.label} defines responses for invocations ${plan.defined} only. ` +
      `Add a response for invocation ${n}, or give a single response to answer every invocation.`,
  );
}

function ordinal(n: number): string {
  const count = n + 1;
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}
