// Binds the Task states of a synthesized machine to local code: a test's handlers keyed by
// construct or state name, the functions' own deployed code run in-process, and the other machines
// of the stack as nested executions. Anything left unbound fails naming its construct.
import { callbackResolver, nestedExecutionResolver, sfnCallbackTasks, StatesError, StateMachineRegistry } from "@stepcraft/runtime";
import type { TaskCallContext, TaskHandler } from "@stepcraft/runtime";
import type { SourceBinding, SourceBindingContext } from "@stepcraft/runtime/testing";
import { lambdaCodeLoader } from "./lambda-code.ts";
import type { LambdaHandler } from "./lambda-code.ts";
import { functionEnvironment, withEnvironment } from "./function-environment.ts";
import { constructById, describeConstruct, exactConstruct, stateMachineTypeOf } from "./stack-model.ts";
import type { ConstructInfo, StackModel } from "./stack-model.ts";
import { LAMBDA_CALLBACK, lambdaCallbacks } from "./lambda-callbacks.ts";
import type { LambdaCallbackBinding } from "./lambda-callbacks.ts";
import { constructOfText } from "./task-states.ts";
import type { TaskStateUse } from "./task-states.ts";
import { CdkTestingError, STATE_MACHINE_TYPE } from "./template.ts";

const LAMBDA_FUNCTION = "AWS::Lambda::Function";
const START_EXECUTION = /^arn:aws[a-zA-Z-]*:states:::states:startExecution/;
const WAIT_FOR_TOKEN = /\.waitForTaskToken$/;

/** A machine of the stack the test may run, with its Task states. */
export interface MachineInPlay {
  readonly construct: ConstructInfo;
  /** Its resolved ASL; undefined for a child whose definition the source does not carry. */
  readonly definition: unknown;
  readonly tasks: readonly TaskStateUse[];
}

export interface BindingInput {
  readonly model: StackModel;
  /** The machine under test first, then the machines it starts (transitively). */
  readonly machines: readonly MachineInPlay[];
  /** Run functions' deployed code when nothing else binds them. */
  readonly runHandlers: boolean;
  /** One loader cache per machine object, so a handler module loads once. */
  readonly loaded: Map<ConstructInfo, Promise<LambdaHandler>>;
}

/** The test's `tasks`, sorted by what each key names. */
interface SortedTasks {
  readonly byConstruct: ReadonlyMap<ConstructInfo, TaskHandler>;
  readonly byState: ReadonlyMap<string, TaskHandler>;
  /** ARNs, resources and function names, for the built-in binding as they are. */
  readonly raw: Readonly<Record<string, TaskHandler>>;
}

/** Builds what a test run binds: `tasks` for the runtime's binding and the nested-machine wrapper. */
export function bindConstructs(input: BindingInput, tasks: Readonly<Record<string, TaskHandler>>, context: SourceBindingContext): SourceBinding {
  const uses = input.machines.flatMap((m) => m.tasks);
  const sorted = sortTasks(input, uses, tasks);
  const own: Record<string, TaskHandler> = {};
  const loaders = new Map<ConstructInfo, CodeLoader>();
  for (const use of uses) {
    const fn = use.constructs.find((c) => c.type === LAMBDA_FUNCTION);
    if (fn?.arn !== undefined) {
      // A callback task's function runs through its plain invoke too (see lambdaCallbacks).
      own[fn.arn] ??= lambdaDispatcher(input, fn, sorted, loaderOf(input, fn, loaders));
      if (!WAIT_FOR_TOKEN.test(use.resource)) continue;
    }
    if (START_EXECUTION.test(use.resource) && !sorted.byState.has(use.stateName)) continue;
    const statesOfResource = uses.filter((u) => u.resource === use.resource);
    const anyBound = statesOfResource.some((u) => sorted.byState.has(u.stateName) || u.constructs.some((c) => sorted.byConstruct.has(c)));
    // An unbound callback task waits for the test's answer; only a binding replaces that.
    if (WAIT_FOR_TOKEN.test(use.resource) ? anyBound : anyBound || use.constructs.length > 0) {
      own[use.resource] ??= resourceDispatcher(statesOfResource, sorted);
    }
  }
  const [, ...children] = input.machines;
  const functionOf = (name: unknown): ConstructInfo | undefined => {
    const fn = typeof name === "string" ? constructOfText(name, input.model.byValue) : undefined;
    return fn?.type === LAMBDA_FUNCTION ? fn : undefined;
  };
  const callbackBinding: LambdaCallbackBinding = {
    callbacks: context.callbacks,
    boundByTest: (name, stateName, resource) => sorted.byState.has(stateName) || hasBinding(sorted.byConstruct, functionOf(name)) || Object.hasOwn(sorted.raw, resource),
    runsCode: (name) => {
      const fn = functionOf(name);
      return fn !== undefined && typeof loaderOf(input, fn, loaders) === "function";
    },
  };
  return {
    // The machines of the stack answer each other's tokens (aws-sdk:sfn:sendTaskSuccess…) as on AWS.
    tasks: { ...sfnCallbackTasks(context.callbacks), ...own, ...sorted.raw },
    wrap: (unwrapped) => {
      const base = lambdaCallbacks(unwrapped, callbackBinding);
      if (children.length === 0) return base;
      // Children wait for their own callbacks where the test's handle sees them.
      const { callbacks } = context;
      const registry = new StateMachineRegistry({ defaults: { region: input.model.place.region, accountId: input.model.place.accountId }, callbacks });
      // A child whose definition could not be read stays unregistered: starting it fails like AWS
      // (StepFunctions.StateMachineDoesNotExist).
      for (const child of children) if (child.definition !== undefined) registry.register(child.construct.arn ?? child.construct.ref, child.definition, { resolveTask: base, stateMachineType: stateMachineTypeOf(input.model, child.construct) });
      // `.waitForTaskToken` starts the child, then waits for the token's answer.
      const nested = callbackResolver(callbacks, nestedExecutionResolver(registry, base));
      return (resource, stateName) => (START_EXECUTION.test(resource) && !sorted.byState.has(stateName) ? nested(resource, stateName) : base(resource, stateName));
    },
    binds: (resource) => LAMBDA_CALLBACK.test(resource) || (children.length > 0 && START_EXECUTION.test(resource)),
  };
}

/** What runs a function's deployed code, or why nothing does; worked out once per binding. */
type CodeLoader = ReturnType<typeof lambdaCodeLoader>;

function loaderOf(input: BindingInput, fn: ConstructInfo, loaders: Map<ConstructInfo, CodeLoader>): CodeLoader {
  let loader = loaders.get(fn);
  if (loader === undefined) {
    loader = input.runHandlers ? lambdaCodeLoader(input.model.resourceOf(fn), input.model.assets) : { reason: "is not run (runHandlers: false)" };
    loaders.set(fn, loader);
  }
  return loader;
}

function hasBinding(byConstruct: ReadonlyMap<ConstructInfo, TaskHandler>, construct: ConstructInfo | undefined): boolean {
  return construct !== undefined && byConstruct.has(construct);
}

function lambdaDispatcher(input: BindingInput, fn: ConstructInfo, sorted: SortedTasks, loader: CodeLoader): TaskHandler {
  const bound = sorted.byConstruct.get(fn);
  const environment = functionEnvironment(fn, input.model.resourceOf(fn), input.model.scopeOf(fn));
  return (event: unknown, ctx: TaskCallContext) => {
    const byState = sorted.byState.get(ctx.stateName);
    if (byState !== undefined) return byState(event, ctx);
    if (bound !== undefined) return bound(event, ctx);
    if (typeof loader !== "function") {
      throw new StatesError(
        "Lambda.ResourceNotFoundException",
        `Function not found: ${fn.arn ?? fn.ref}. The function ${describeConstruct(fn)} called by state '${ctx.stateName}' ${loader.reason}. ` +
          `Bind it: tasks: { '${fn.path ?? fn.logicalId}': handler }, or mock the state: mocks: { '${ctx.stateName}': { result: … } }.`,
      );
    }
    let load = input.loaded.get(fn);
    // Module scope often reads its configuration (TABLE_NAME) once: load under the environment too.
    if (load === undefined) input.loaded.set(fn, (load = withEnvironment(environment, loader)));
    // Deployed code gets its own copy of the event, as from Lambda's JSON (it may mutate it).
    return load.then((handler) => withEnvironment(environment, () => handler(structuredClone(event))));
  };
}

function resourceDispatcher(uses: readonly TaskStateUse[], sorted: SortedTasks): TaskHandler {
  return (value: unknown, ctx: TaskCallContext) => {
    const byState = sorted.byState.get(ctx.stateName);
    if (byState !== undefined) return byState(value, ctx);
    const use = uses.find((u) => u.stateName === ctx.stateName);
    const construct = use?.constructs.find((c) => sorted.byConstruct.has(c));
    if (construct !== undefined) return sorted.byConstruct.get(construct)!(value, ctx);
    const named = use?.constructs ?? [];
    const first = named[0];
    throw new StatesError(
      "States.Runtime",
      `The Task state '${ctx.stateName}' uses the resource '${ctx.resource}', which is not bound to a local handler. ` +
        (first === undefined ? "" : `It names ${named.map(describeConstruct).join(", ")}: bind it with tasks: { '${first.path ?? first.logicalId}': handler }, `) +
        `bind the state with tasks: { '${ctx.stateName}': handler }, or mock it: mocks: { '${ctx.stateName}': { result: … } }.`,
    );
  };
}

/** Sorts the test's keys: construct path or logical ID, then Task state name, then construct id; ARNs pass as they are. */
function sortTasks(input: BindingInput, uses: readonly TaskStateUse[], tasks: Readonly<Record<string, TaskHandler>>): SortedTasks {
  const stateNames = new Set(uses.map((u) => u.stateName));
  const byConstruct = new Map<ConstructInfo, TaskHandler>();
  const byState = new Map<string, TaskHandler>();
  const raw: Record<string, TaskHandler> = {};
  const unknown: string[] = [];
  for (const [key, handler] of Object.entries(tasks)) {
    if (typeof handler !== "function") throw new CdkTestingError(`tasks['${key}'] is ${handler === null ? "null" : typeof handler}, not a handler function.`);
    const exact = exactConstruct(input.model, key) ?? constructOfText(key, input.model.byValue);
    if (exact !== undefined) byConstruct.set(exact, handler);
    else if (stateNames.has(key)) byState.set(key, handler);
    else {
      const byId = constructById(input.model, key);
      if (byId !== undefined) byConstruct.set(byId, handler);
      else if (key.startsWith("arn:")) raw[key] = handler;
      else unknown.push(key);
    }
  }
  if (unknown.length > 0) {
    const used = [...new Set(uses.flatMap((u) => u.constructs).filter((c) => c.type !== STATE_MACHINE_TYPE))];
    throw new CdkTestingError(
      `tasks names ${unknown.map((k) => `'${k}'`).join(", ")}: no construct, Task state or ARN of ${describeConstruct(input.machines[0]!.construct)}. ` +
        `Its Task states: ${[...stateNames].map((s) => `'${s}'`).join(", ") || "none"}. ` +
        `The constructs they call: ${used.map((c) => `'${c.path ?? c.logicalId}'`).join(", ") || "none"}.`,
    );
  }
  return { byConstruct, byState, raw };
}
