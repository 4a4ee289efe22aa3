// Task state: Resource, timeouts and heartbeats, Credentials.
import { childPointer } from "../../json-pointer.ts";
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { describeType, isJsonataExpression, isObject } from "../values.ts";
import type { FieldCheck } from "./common-fields.ts";
import { checkJsonataString, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";
import { checkDynamicValue } from "./payload-template.ts";
import { checkRequired, checkExclusive, checkTransition } from "./state-shape.ts";
import { checkTaskResource } from "./task-resource.ts";

/** `Resource` of a Task. */
export const resourceField: FieldCheck = (context, value, pointer) => checkTaskResource(context, value, pointer, context.stateMachineType);

/** `Credentials`: an object whose `RoleArn` (or `RoleArn.$`) is required. */
export const credentialsField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Credentials' must be an object such as {"RoleArn": "arn:aws:iam::123456789012:role/Name"}, but it is ${describeType(value)}.`);
    return;
  }
  const hasLiteral = "RoleArn" in value;
  const hasPath = "RoleArn.$" in value && scope.queryLanguage === "JSONPath";
  if (!hasLiteral && !hasPath) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'RoleArn' is required but was missing. Add "RoleArn": "<IAM role ARN>" to 'Credentials'.`);
    return;
  }
  if (hasLiteral) {
    const roleArn = value["RoleArn"];
    if (typeof roleArn !== "string") report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "RoleArn"), `The field 'RoleArn' must be a string, but it is ${describeType(roleArn)}.`);
    else if (scope.queryLanguage === "JSONata" && isJsonataExpression(roleArn)) checkJsonataString(context, roleArn, childPointer(pointer, "RoleArn"), NO_EXTRA_STATES_ACCESS);
  }
  if (hasPath) checkDynamicValue(context, "RoleArn.$", value["RoleArn.$"], pointer);
};

/** Cross-field rules of a Task state. */
export function checkTaskState(context: ValidationContext, scope: StateScope): void {
  checkRequired(context, scope, ["Resource"]);
  checkExclusive(context, scope, "TimeoutSeconds", "TimeoutSecondsPath");
  checkExclusive(context, scope, "HeartbeatSeconds", "HeartbeatSecondsPath");
  const timeout = scope.state["TimeoutSeconds"];
  const heartbeat = scope.state["HeartbeatSeconds"];
  if (typeof timeout === "number" && typeof heartbeat === "number" && heartbeat >= timeout) {
    report(
      context,
      "SCHEMA_VALIDATION_FAILED",
      childPointer(scope.pointer, "HeartbeatSeconds"),
      `HeartbeatSeconds (${heartbeat}) must be smaller than TimeoutSeconds (${timeout}). Lower the heartbeat or raise the timeout.`,
    );
  }
  checkTransition(context, scope);
}
