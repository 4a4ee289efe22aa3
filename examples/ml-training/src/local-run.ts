// Runs MlTraining locally with its nested DeployModel machine: both registered in a
// StateMachineRegistry (which runs `states:startExecution.sync:2` tasks), the Lambda handlers
// loaded by localTasks(), SageMaker answered by LocalSageMaker.
import { localTasks } from "@stepcraft/core";
import { StateMachineRegistry } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import { deployModel } from "./deploy-model.ts";
import { LocalSageMaker } from "./local-sagemaker.ts";
import { mlTraining } from "./workflow.ts";

/** Where the nested machine lives locally (the stack gives its real ARN). */
export const LOCAL_DEPLOY_MODEL_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:DeployModel";

/** What CloudFormation substitutes into the definitions; locally, stand-in values. */
export const LOCAL_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  DeployModelArn: LOCAL_DEPLOY_MODEL_ARN,
  SageMakerRoleArn: "arn:aws:iam::123456789012:role/sagemaker-execution",
  ArtifactBucket: "ml-artifacts-local",
};

/** `${key}` placeholders replaced as CloudFormation's DefinitionSubstitutions would. */
export function substitute<T>(definition: T, values: Readonly<Record<string, string>>): T {
  const text = JSON.stringify(definition).replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
  return JSON.parse(text) as T;
}

export interface LocalSetup {
  readonly registry: StateMachineRegistry;
  readonly sagemaker: LocalSageMaker;
  /** MlTraining's definition as deployed (placeholders filled), and its output type. */
  readonly parent: { toAsl(): unknown; readonly name: string; readonly outputType?: typeof mlTraining.outputType };
}

/** Registers DeployModel and binds every task; `overrides` replace bindings (failures, flaky services). */
export async function localSetup(sagemaker = new LocalSageMaker(), overrides: Readonly<Record<string, TaskHandler>> = {}): Promise<LocalSetup> {
  const tasks = { ...(await localTasks(mlTraining)), ...(await localTasks(deployModel)), ...sagemaker.tasks(), ...overrides };
  const registry = new StateMachineRegistry({ defaults: { tasks } });
  registry.register(LOCAL_DEPLOY_MODEL_ARN, substitute(deployModel.toAsl(), LOCAL_SUBSTITUTIONS));
  const asl = substitute(mlTraining.toAsl(), LOCAL_SUBSTITUTIONS);
  return { registry, sagemaker, parent: { toAsl: () => asl, name: mlTraining.name } };
}
