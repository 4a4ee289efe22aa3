import { prepareStateMachine } from "../engine/machine.ts";
import { CallbackRegistry } from "../integrations/callback-registry.ts";
import type { PreparedStateMachine, StateMachineOptions } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskHandler, TaskResolver } from "../tasks/types.ts";
import { closest } from "../mocks/config-schema.ts";
import { loadMockConfig, mockResolverFor } from "../mocks/mock-config.ts";
import type { MockConfig } from "../mocks/mock-config.ts";
import { createMockResolver } from "../mocks/mock-resolver.ts";
import type { MockResolver, MockResolverOptions } from "../mocks/mock-resolver.ts";
import type { Mock } from "../mocks/types.ts";
import { MAX_PAYLOAD_BYTES } from "../tasks/payload-size.ts";
import { recordUnbound } from "./unbound.ts";
import { activeCoverageRecorder } from "../coverage/recorder.ts";
import type { UnboundInvocation } from "./unbound.ts";

/** Anything that compiles to ASL (a `@stepcraft/core` workflow), without importing it. */
export interface WorkflowLike {
  toAsl(): unknown;
  readonly name?: string;
  /** How the source deploys (a synthesized machine's StateMachineType); a test's `stateMachineType` option wins. @default "STANDARD" */
  readonly stateMachineType?: "STANDARD" | "EXPRESS";
  /** Where each state was declared (state name → `file:line`), for workflow coverage reports. */
  stateSites?(): Readonly<Record<string, string>>;
  /**
   * Lets a source bind the resources it knows itself (a synthesized CDK machine's functions,
   * tables, sibling machines): given the test's `tasks`, it returns the `tasks` the built-in
   * binding gets, and optionally wraps that binding (nested machines). Mocks still layer over it.
   */
  bindTasks?(tasks: Readonly<Record<string, TaskHandler>>, context: SourceBindingContext): SourceBinding;
}

/** What a source's `bindTasks` is told about the machine it binds for. */
export interface SourceBindingContext {
  /** The machine's callback registry: where `.waitForTaskToken` tasks the source binds wait. */
  readonly callbacks: CallbackRegistry;
}

/** What a source's `bindTasks` gives the test run. */
export interface SourceBinding {
  readonly tasks: Readonly<Record<string, TaskHandler>>;
  readonly wrap?: (base: TaskResolver) => TaskResolver;
  /**
   * Resources the wrapper runs itself although `tasks` has no handler for them (a nested
   * machine's `.waitForTaskToken` start): the test's callback handling leaves them to it.
   * @default none
   */
  readonly binds?: (resource: string) => boolean;
}

/** A definition (object or JSON text) or a workflow. */
export type DefinitionSource = WorkflowLike | object | string;

/** Which test case of a Step Functions Local mock config to run. */
export interface MockConfigSelection {
  /** The config: loaded (`loadMockConfig`), parsed JSON or JSON text. */
  readonly config: MockConfig | object | string;
  readonly testCase: string;
  /** The state machine entry in the config. @default the machine's name (`name`, or the workflow's) */
  readonly stateMachine?: string;
}

/** Mocks and checks a test run adds to the machine options. */
export interface TestMockOptions {
  /** Mocks by Task state name: a response, or a list of them per invocation. @default {} */
  readonly mocks?: Readonly<Record<string, Mock>>;
  /** Mocks by Resource, or by Lambda function name/ARN. @default {} */
  readonly resourceMocks?: Readonly<Record<string, Mock>>;
  /** A Step Functions Local test case (applied under `mocks` and `resourceMocks`). */
  readonly mockConfig?: MockConfigSelection;
  /** Refuse state mocks that name no Task state of the definition (typos). @default true */
  readonly strictMocks?: boolean;
}

/** Thrown before running when a test's mocks cannot be right. */
export class TestSetupError extends Error {
  override readonly name = "TestSetupError";
}

/** A machine prepared for a test, with the mock resolvers it went through. */
export interface PreparedTest {
  readonly machine: PreparedStateMachine;
  readonly mockResolvers: readonly MockResolver[];
  /** Filled while executions run: invocations the built-in binding found nothing for. */
  readonly unbound: readonly UnboundInvocation[];
}

/**
 * Prepares `source` with the test's mocks layered over its bindings:
 * `mocks`/`resourceMocks` → mock config test case → `around(base)` → `resolveTask` or `tasks`.
 */
export function prepareForTest(
  source: DefinitionSource,
  options: StateMachineOptions & TestMockOptions,
  around?: { readonly base?: (base: TaskResolver, isBound: (resource: string) => boolean) => TaskResolver; readonly outer?: (resolver: TaskResolver) => TaskResolver },
): PreparedTest {
  const { definition, name: workflowName, bindTasks, stateMachineType: deployedType } = definitionOf(source);
  const name = options.name ?? workflowName;
  const stateMachineType = options.stateMachineType ?? deployedType;
  const bindingOptions: MockResolverOptions = {
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "123456789012",
    lambdaErrorFormat: options.lambdaErrorFormat ?? "nodejs",
    ...(options.taskDataIsolation === undefined ? {} : { taskDataIsolation: options.taskDataIsolation }),
  };
  // Made here (as the machine would make it) so the source's own binding can wait on it too.
  const callbacks = options.callbacks ?? new CallbackRegistry();
  const own = options.resolveTask === undefined ? bindTasks?.(options.tasks ?? {}, { callbacks }) : undefined;
  const tasks = own?.tasks ?? options.tasks ?? {};
  let resolver: TaskResolver =
    options.resolveTask ??
    createTaskResolver({
      tasks,
      lambdaErrorFormat: bindingOptions.lambdaErrorFormat ?? "nodejs",
      region: bindingOptions.region ?? "us-east-1",
      accountId: bindingOptions.accountId ?? "123456789012",
      maxPayloadBytes: options.limits === false ? Number.POSITIVE_INFINITY : MAX_PAYLOAD_BYTES,
      ...(options.taskDataIsolation === undefined ? {} : { taskDataIsolation: options.taskDataIsolation }),
    });
  // Inside the unbound recording: what the source's own binding reports as unbound counts too.
  if (own?.wrap !== undefined) resolver = own.wrap(resolver);
  const unbound: UnboundInvocation[] = [];
  // Only the built-in binding's failures mean "nothing bound"; a custom resolveTask decides itself.
  if (options.resolveTask === undefined) resolver = recordUnbound(resolver, unbound);
  if (around?.base !== undefined) {
    // With a custom resolveTask, only it knows what it binds: everything counts as bound.
    resolver = around.base(resolver, (resource) => options.resolveTask !== undefined || Object.hasOwn(tasks, resource) || own?.binds?.(resource) === true);
  }
  const mockResolvers: MockResolver[] = [];
  if (options.mockConfig !== undefined) {
    const selection = options.mockConfig;
    const machineName = selection.stateMachine ?? name;
    if (machineName === undefined) {
      throw new TestSetupError("mockConfig: say which state machine of the config to use: mockConfig: { stateMachine: '<name>', … }, or name the machine with the `name` option.");
    }
    // Loading again is cheap and checks hand-built configs too.
    const config = loadMockConfig(selection.config);
    const fromConfig = mockResolverFor(config, machineName, selection.testCase, { ...bindingOptions, fallback: resolver });
    mockResolvers.push(fromConfig);
    resolver = fromConfig;
  }
  if (options.mocks !== undefined || options.resourceMocks !== undefined) {
    const direct = createMockResolver({ states: options.mocks ?? {}, resources: options.resourceMocks ?? {} }, { ...bindingOptions, fallback: resolver });
    mockResolvers.push(direct);
    resolver = direct;
  }
  if (around?.outer !== undefined) resolver = around.outer(resolver);
  const sourceSites = options.sourceSites ?? sitesWhenRecording(source, options);
  const machine = prepareStateMachine(definition, {
    ...options,
    callbacks,
    ...(name === undefined ? {} : { name }),
    ...(stateMachineType === undefined ? {} : { stateMachineType }),
    ...(sourceSites === undefined ? {} : { sourceSites }),
    resolveTask: resolver,
  });
  if (options.strictMocks !== false) checkMockedStatesExist(mockResolvers);
  return { machine, mockResolvers, unbound };
}

/** Mocks for states the machine does not have are almost always typos: say so before running. */
function checkMockedStatesExist(resolvers: readonly MockResolver[]): void {
  const problems: string[] = [];
  for (const r of resolvers) {
    const states = r.taskStates();
    for (const unknown of r.unknownStates()) {
      const near = closest(unknown, states);
      problems.push(`'${unknown}'${near === undefined ? "" : ` (did you mean '${near}'?)`}`);
    }
  }
  if (problems.length === 0) return;
  const states = [...new Set(resolvers.flatMap((r) => r.taskStates()))];
  throw new TestSetupError(
    `Mocks name ${problems.length === 1 ? "a state" : "states"} with no Task state in the definition: ${problems.join(", ")}. ` +
      `Its Task states: ${states.length === 0 ? "none" : states.map((s) => `'${s}'`).join(", ")}. (strictMocks: false allows this.)`,
  );
}

/** The workflow's state call sites, asked for only when coverage is recorded (it walks the workflow). */
function sitesWhenRecording(source: DefinitionSource, options: StateMachineOptions): Readonly<Record<string, string>> | undefined {
  const recording = typeof options.coverage === "object" || (options.coverage !== false && activeCoverageRecorder() !== undefined);
  if (!recording) return undefined;
  const stateSites = (source as Partial<WorkflowLike>).stateSites;
  return typeof stateSites === "function" ? stateSites.call(source) : undefined;
}

interface SourceParts {
  readonly definition: unknown;
  readonly name: string | undefined;
  readonly bindTasks: WorkflowLike["bindTasks"];
  readonly stateMachineType: WorkflowLike["stateMachineType"];
}

function definitionOf(source: DefinitionSource): SourceParts {
  if (typeof source === "object" && source !== null && typeof (source as Partial<WorkflowLike>).toAsl === "function") {
    const workflow = source as WorkflowLike;
    const bindTasks = typeof workflow.bindTasks === "function" ? workflow.bindTasks.bind(workflow) : undefined;
    const type = workflow.stateMachineType === "EXPRESS" || workflow.stateMachineType === "STANDARD" ? workflow.stateMachineType : undefined;
    return { definition: workflow.toAsl(), name: typeof workflow.name === "string" ? workflow.name : undefined, bindTasks, stateMachineType: type };
  }
  return { definition: source, name: undefined, bindTasks: undefined, stateMachineType: undefined };
}
