// DeployModel: the nested state machine MlTraining starts (`states:startExecution.sync:2`) once a
// model is good enough. A separate machine so that a model trained elsewhere (or rolled back) is
// deployed the same way. JSONPath, to show the two query languages calling each other.
import { lambda, serviceIntegration, succeed, typeOnly, workflow } from "@stepcraft/core";
import type { CreateModelRequest, CreateModelResponse } from "./sagemaker.ts";

export interface DeployRequest {
  readonly modelName: string;
  readonly modelDataUrl: string;
  readonly auc: number;
  readonly image: string;
}

export const registerModel = lambda("RegisterModel", {
  entry: "./handlers/register-model.ts",
  handler: () => import("./handlers/register-model.ts").then((m) => m.handler),
});

export const createModel = serviceIntegration("sagemaker", "createModel", {
  input: typeOnly<CreateModelRequest>(),
  output: typeOnly<CreateModelResponse>(),
  errors: ["SageMaker.AmazonSageMakerException"] as const,
});

/** The role SageMaker runs the model as; CloudFormation fills it in (DefinitionSubstitutions). */
export const SAGEMAKER_ROLE = "${SageMakerRoleArn}";

const flow = workflow("DeployModel", { input: typeOnly<DeployRequest>(), queryLanguage: "JSONPath", timeoutSeconds: 900 });

export const deployModel = flow.startWith(
  flow
    .task("RegisterModel", registerModel, {
      arguments: ($) => ({ modelName: $.input.modelName, modelDataUrl: $.input.modelDataUrl, auc: $.input.auc }),
      output: ($) => ({ registeredName: $.result.registeredName, version: $.result.version }),
      resultField: "registered",
    })
    .task("CreateModel", createModel, {
      arguments: ($) => ({
        ModelName: $.input.registered.registeredName,
        ExecutionRoleArn: SAGEMAKER_ROLE,
        PrimaryContainer: { Image: $.input.image, ModelDataUrl: $.input.modelDataUrl },
      }),
      output: ($) => ({ modelArn: $.result.ModelArn }),
      resultField: "model",
      // CreateModel is throttled per account: back off 5s, 10s, 20s.
      retry: [{ errors: ["SageMaker.AmazonSageMakerException"], intervalSeconds: 5, maxAttempts: 3, backoffRate: 2 }],
    })
    .then(succeed("ModelDeployed")),
);
