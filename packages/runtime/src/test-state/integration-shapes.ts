import serviceShapes from "./service-shapes.json" with { type: "json" };
import type { ServiceShapes, ShapeRef, ShapeTable } from "./shape-types.ts";

const SHAPES = serviceShapes as ServiceShapes;

/** The output shape a Task's result must have, and the table its named structures live in. */
export interface IntegrationShape {
  readonly service: string;
  readonly operation: string;
  readonly output: ShapeRef;
  readonly shapes: ShapeTable;
}

/** Optimized integrations (`arn:aws:states:::<prefix>:<action>`) whose API model is in the table. */
const OPTIMIZED_SERVICES: Readonly<Record<string, string>> = {
  lambda: "lambda",
  sqs: "sqs",
  sns: "sns",
  dynamodb: "dynamodb",
  events: "eventbridge",
  ecs: "ecs",
  glue: "glue",
  athena: "athena",
  batch: "batch",
  states: "sfn",
};

/** The services whose `aws-sdk:` integrations and optimized integrations are checked. */
export const CHECKED_SERVICES: readonly string[] = Object.keys(SHAPES.services);

function lookup(service: string, operation: string): IntegrationShape | undefined {
  const table = SHAPES.services[service];
  if (table === undefined || !Object.hasOwn(table.operations, operation)) return undefined;
  return { service, operation, output: table.operations[operation]!, shapes: table.shapes };
}

function pascal(action: string): string {
  return action.charAt(0).toUpperCase() + action.slice(1);
}

/**
 * The output shape of a Task resource, when its API model is known: request-response forms of
 * the optimized integrations above, `states:startExecution.sync(:2)` (DescribeExecution), and
 * `aws-sdk:<service>:<action>` for the services above. Callback (`.waitForTaskToken`) results
 * are whatever the callback sends, and other `.sync` forms return a description this table does
 * not model: those are not checked.
 */
export function integrationShape(resource: string): IntegrationShape | undefined {
  const sdk = /^arn:aws[\w-]*:states:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(resource);
  if (sdk !== null) return lookup(sdk[1]!, pascal(sdk[2]!));
  const optimized = /^arn:aws[\w-]*:states:::([a-z]+):([A-Za-z]+)(\.sync(?::2)?)?$/.exec(resource);
  if (optimized === null) return undefined;
  const service = OPTIMIZED_SERVICES[optimized[1]!];
  if (service === undefined) return undefined;
  if (optimized[3] !== undefined) {
    return service === "sfn" && optimized[2] === "startExecution" ? lookup("sfn", "DescribeExecution") : undefined;
  }
  return lookup(service, pascal(optimized[2]!));
}
