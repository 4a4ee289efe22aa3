// Task `Resource` shapes: Lambda and activity ARNs, optimized integrations (known service and
// action, supported suffix), AWS SDK integrations; Express restrictions on .sync, callbacks
// and activities.
import { lambdaFunctionArnProblem } from "./lambda-arn.ts";
import type { StateMachineType } from "../../types.ts";
import { report, type ValidationContext } from "../context.ts";
import { containsPlaceholder, describeType } from "../values.ts";

interface IntegrationSupport {
  readonly actions: ReadonlySet<string>;
  readonly sync: boolean;
  readonly callback: boolean;
}

function service(actions: readonly string[], sync: boolean, callback: boolean): IntegrationSupport {
  return { actions: new Set(actions), sync, callback };
}

// Optimized integrations AWS documents (integrate-optimized.html). An unlisted action of a listed
// service is rejected, as AWS rejects `arn:aws:states:::dynamodb:query` (use
// `aws-sdk:dynamodb:query`). An unlisted service is accepted: AWS keeps adding integrations
// (published samples already use `bedrockagentcore:invokeHarness`), and a false error on a
// deployable definition costs more than a missed one.
const OPTIMIZED_INTEGRATIONS: ReadonlyMap<string, IntegrationSupport> = new Map([
  ["lambda", service(["invoke"], false, true)],
  ["batch", service(["submitJob"], true, false)],
  ["dynamodb", service(["getItem", "putItem", "updateItem", "deleteItem"], false, false)],
  ["ecs", service(["runTask"], true, true)],
  ["sns", service(["publish"], false, true)],
  ["sqs", service(["sendMessage"], false, true)],
  ["glue", service(["startJobRun"], true, false)],
  ["databrew", service(["startJobRun"], true, false)],
  ["sagemaker", service(["createEndpoint", "createEndpointConfig", "createHyperParameterTuningJob", "createLabelingJob", "createModel", "createProcessingJob", "createTrainingJob", "createTransformJob", "updateEndpoint"], true, false)],
  ["elasticmapreduce", service(["createCluster", "terminateCluster", "addStep", "cancelStep", "setClusterTerminationProtection", "modifyInstanceFleetByName", "modifyInstanceGroupByName"], true, false)],
  ["emr-containers", service(["startJobRun", "createVirtualCluster", "deleteVirtualCluster"], true, false)],
  ["emr-serverless", service(["createApplication", "startApplication", "stopApplication", "deleteApplication", "startJobRun", "cancelJobRun"], true, false)],
  ["codebuild", service(["startBuild", "stopBuild", "batchDeleteBuilds", "batchGetReports", "startBuildBatch", "stopBuildBatch", "retryBuildBatch", "deleteBuildBatch"], true, false)],
  ["athena", service(["startQueryExecution", "stopQueryExecution", "getQueryExecution", "getQueryResults"], true, false)],
  ["eks", service(["createCluster", "deleteCluster", "createFargateProfile", "deleteFargateProfile", "createNodegroup", "deleteNodegroup", "runJob", "call"], true, true)],
  ["apigateway", service(["invoke"], false, true)],
  ["events", service(["putEvents"], false, true)],
  ["states", service(["startExecution"], true, true)],
  ["http", service(["invoke"], false, false)],
  ["bedrock", service(["invokeModel", "createModelCustomizationJob"], true, true)],
  ["mediaconvert", service(["createJob"], true, false)],
  ["s3", service(["getObject", "putObject", "listObjectsV2"], false, false)],
]);

const SUFFIX = /\.(sync(?::2)?|waitForTaskToken)$/;
const SERVICE_NAME = /^[a-z0-9-]+$/;
const SDK_ACTION = /^[a-z][A-Za-z0-9]*$/;
const INTEGRATION_ACTION = /^[A-Za-z][A-Za-z0-9]*$/;

/** Checks a Task `Resource` value. */
export function checkTaskResource(context: ValidationContext, value: unknown, pointer: string, stateMachineType: StateMachineType): void {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Resource' must be an ARN string, but it is ${describeType(value)}.`);
    return;
  }
  const problem = resourceProblem(value);
  if (problem) {
    report(context, problem.code, pointer, problem.message);
    return;
  }
  if (stateMachineType === "EXPRESS") checkExpressResource(context, value, pointer);
}

function notRecognized(arn: string, hint: string): { code: "SCHEMA_VALIDATION_FAILED" | "INVALID_RESOURCE"; message: string } {
  return {
    code: "SCHEMA_VALIDATION_FAILED",
    message: `The resource provided ${arn} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. ${hint}`,
  };
}

function resourceProblem(arn: string): { code: "SCHEMA_VALIDATION_FAILED" | "INVALID_RESOURCE"; message: string } | undefined {
  // A template placeholder anywhere makes the ARN unknowable before deployment: it is a string, and valid.
  if (containsPlaceholder(arn)) return undefined;
  const parts = arn.split(":");
  if (parts[0] !== "arn" || parts.length < 6 || parts[1] === "") {
    return {
      code: "INVALID_RESOURCE",
      message: `The resource '${arn}' is not an ARN. Use a Lambda function ARN, an activity ARN, or an integration such as 'arn:aws:states:::lambda:invoke'.`,
    };
  }
  const serviceName = parts[2];
  if (serviceName === "lambda") {
    const problem = lambdaFunctionArnProblem(arn);
    return problem === undefined ? undefined : { code: "INVALID_RESOURCE", message: problem };
  }
  if (serviceName !== "states") {
    return {
      code: "INVALID_RESOURCE",
      message: `The resource '${arn}' is not a Task resource: Step Functions calls Lambda functions, activities and 'arn:aws:states:...' integrations. Use 'arn:aws:states:::aws-sdk:${serviceName ?? "service"}:<action>' to call this service.`,
    };
  }
  const kind = parts[5];
  if (kind === "activity") {
    return (parts[6] ?? "") !== "" && parts.length === 7 ? undefined : notRecognized(arn, "An activity ARN is 'arn:aws:states:<region>:<account>:activity:<name>'.");
  }
  return integrationProblem(arn, parts.slice(5));
}

function integrationProblem(arn: string, rest: readonly string[]): { code: "SCHEMA_VALIDATION_FAILED" | "INVALID_RESOURCE"; message: string } | undefined {
  const joined = rest.join(":");
  const suffixMatch = SUFFIX.exec(joined);
  const suffix = suffixMatch?.[1];
  const base = suffixMatch ? joined.slice(0, suffixMatch.index) : joined;
  const segments = base.split(":");
  if (segments[0] === "aws-sdk") {
    const [, sdkService = "", action = "", ...extra] = segments;
    if (!SERVICE_NAME.test(sdkService) || !SDK_ACTION.test(action) || extra.length > 0) {
      return notRecognized(arn, "An AWS SDK integration is 'arn:aws:states:::aws-sdk:<service>:<apiAction>' with the action in camelCase (e.g. 'aws-sdk:s3:getObject').");
    }
    if (suffix?.startsWith("sync")) return notRecognized(arn, "AWS SDK integrations do not support '.sync'; use the request-response or '.waitForTaskToken' form.");
    return undefined;
  }
  const [serviceName = "", action = "", ...extra] = segments;
  if (!SERVICE_NAME.test(serviceName) || !INTEGRATION_ACTION.test(action) || extra.length > 0) {
    return notRecognized(arn, "An integration is 'arn:aws:states:::<service>:<action>' with an optional '.sync' or '.waitForTaskToken' suffix.");
  }
  const support = OPTIMIZED_INTEGRATIONS.get(serviceName);
  if (!support) return undefined;
  if (!support.actions.has(action)) {
    return notRecognized(
      arn,
      `For other API actions use the AWS SDK integration 'arn:aws:states:::aws-sdk:${serviceName}:${action}'. Supported '${serviceName}' actions: ${[...support.actions].join(", ")}.`,
    );
  }
  if (suffix === "waitForTaskToken" && !support.callback) return notRecognized(arn, `'${serviceName}:${action}' does not support the '.waitForTaskToken' callback pattern.`);
  if (suffix?.startsWith("sync") && !support.sync) return notRecognized(arn, `'${serviceName}:${action}' does not support the '.sync' (run a job) pattern.`);
  return undefined;
}

function checkExpressResource(context: ValidationContext, arn: string, pointer: string): void {
  const hint = "Express workflows support request-response integrations only; use a Standard state machine for this pattern.";
  if (/\.sync(?::2)?$/.test(arn)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Express state machine does not support '.sync' service integration. ${hint}`);
  } else if (arn.endsWith(".waitForTaskToken")) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Express state machine does not support '.waitForTaskToken' service integration. ${hint}`);
  } else if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Express state machine does not support Activity ARN. ${hint}`);
  }
}
