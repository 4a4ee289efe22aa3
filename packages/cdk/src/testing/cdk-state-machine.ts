// A state machine of a synthesized stack, ready for testExecution/startTestExecution: its ASL with
// placeholder ARNs, the construct behind each ARN, and the bindings of its Task states.
import type { TaskHandler } from "@stepcraft/runtime";
import type { SourceBinding, SourceBindingContext, WorkflowLike } from "@stepcraft/runtime/testing";
import { bindConstructs } from "./construct-bindings.ts";
import type { MachineInPlay } from "./construct-bindings.ts";
import type { LambdaHandler } from "./lambda-code.ts";
import { definitionOf, findConstruct, selectStateMachine, stateMachineTypeOf } from "./stack-model.ts";
import type { ConstructInfo, StackModel } from "./stack-model.ts";
import { taskStates } from "./task-states.ts";
import { CdkTestingError, STATE_MACHINE_TYPE } from "./template.ts";

/** How to pick and run a machine of a synthesized stack. */
export interface CdkMachineOptions {
  /** The machine: construct path (`Shop/Checkout`), construct id or logical ID. @default the stack's only one */
  readonly stateMachine?: string;
  /**
   * Run each Lambda function's deployed code in-process (a NodejsFunction's bundle of its entry,
   * asset or inline JavaScript) when the test binds nothing else to it.
   * @default true
   */
  readonly runHandlers?: boolean;
  /** Values of template parameters (those with a Default need none). @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** A synthesized machine that `testExecution` and `startTestExecution` run like a workflow. */
export interface CdkStateMachine extends WorkflowLike {
  /** Its placeholder name (the StateMachineName, or CloudFormation's generated one). */
  readonly name: string;
  /** Its placeholder ARN; nested `states:startExecution` Tasks of other machines name it. */
  readonly stateMachineArn: string;
  /** Its StateMachineType in the template: tests run it with these semantics unless they say otherwise. */
  readonly stateMachineType: "STANDARD" | "EXPRESS";
  /** The construct it was synthesized from. */
  readonly construct: ConstructInfo;
  /** The ASL as CloudFormation would deploy it, placeholders in place of every token. */
  readonly definition: unknown;
  /** Every placeholder value (ARN, name, URL) the stack's resources have → its construct. */
  readonly constructs: ReadonlyMap<string, ConstructInfo>;
  toAsl(): unknown;
  /** The construct a placeholder ARN, name or URL stands for. */
  constructOf(value: string): ConstructInfo | undefined;
  /** The construct at a path (`Shop/Orders`), logical ID or unique id, with its placeholder values; throws naming the known ones. */
  constructAt(pathOrId: string): ConstructInfo;
  bindTasks(tasks: Readonly<Record<string, TaskHandler>>, context: SourceBindingContext): SourceBinding;
}

/** Builds the machine `options.stateMachine` names from a read stack. */
export function cdkStateMachine(model: StackModel, options: CdkMachineOptions): CdkStateMachine {
  const construct = selectStateMachine(model, options.stateMachine);
  const machines = machinesInPlay(model, construct);
  const [self] = machines;
  const loaded = new Map<ConstructInfo, Promise<LambdaHandler>>();
  const input = { model, machines, runHandlers: options.runHandlers ?? true, loaded };
  const definition = self!.definition;
  return Object.freeze({
    name: construct.arn?.split(":").at(-1) ?? construct.ref,
    stateMachineArn: construct.arn ?? construct.ref,
    stateMachineType: stateMachineTypeOf(model, construct),
    construct,
    definition,
    constructs: model.byValue,
    toAsl: () => definition,
    constructOf: (value: string) => model.byValue.get(value),
    constructAt: (pathOrId: string) => findConstruct(model, pathOrId),
    bindTasks: (tasks: Readonly<Record<string, TaskHandler>>, context: SourceBindingContext) => bindConstructs(input, tasks, context),
  });
}

/** The machine and every machine of the stack it starts, directly or through its children. */
function machinesInPlay(model: StackModel, root: ConstructInfo): MachineInPlay[] {
  const found = new Map<ConstructInfo, MachineInPlay>();
  const pending = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (found.has(next)) continue;
    let definition: unknown;
    try {
      definition = definitionOf(model, next);
    } catch (error) {
      // The machine under test must be readable; a child that is not only fails if it is started.
      if (next === root || !(error instanceof CdkTestingError)) throw error;
      found.set(next, { construct: next, definition: undefined, tasks: [] });
      continue;
    }
    const tasks = taskStates(definition, model.byValue);
    found.set(next, { construct: next, definition, tasks });
    for (const use of tasks) pending.push(...use.constructs.filter((c) => c.type === STATE_MACHINE_TYPE));
  }
  return [...found.values()];
}
