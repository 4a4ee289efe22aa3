/**
 * What a Distributed Map needs: to start, watch, stop and redrive child executions of this very
 * state machine, to read its ItemReader's objects and to write its ResultWriter's results.
 */
import { readString } from "../definition/static-value.ts";
import { isRecord, requestOf, type JsonRecord } from "../definition/walk-states.ts";
import { executionsArn, s3Arn } from "./arns.ts";
import type { PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";

/** True for a Map state whose processor runs as child workflow executions. */
export function isDistributedMap(state: JsonRecord): boolean {
  const processor = state["ItemProcessor"];
  return state["Type"] === "Map" && isRecord(processor) && isRecord(processor["ProcessorConfig"]) && processor["ProcessorConfig"]["Mode"] === "DISTRIBUTED";
}

/** Needs of one Distributed Map state (the child states' own needs come from walking them). */
export function distributedMapNeeds(context: PermissionContext, state: JsonRecord, pointer: string): PermissionNeed[] {
  const { stack, stateMachineArn } = context;
  const label = typeof state["Label"] === "string" ? state["Label"] : undefined;
  const needs: PermissionNeed[] = [
    { actions: ["states:StartExecution"], resources: [stateMachineArn], onSelf: true },
    { actions: ["states:DescribeExecution", "states:StopExecution"], resources: [executionsArn(stack, stateMachineArn)], onSelf: true },
    // Map Run executions are named `<machine>/<label>:<id>`; without a label AWS picks one.
    { actions: ["states:RedriveExecution"], resources: [executionsArn(stack, stateMachineArn, label === undefined ? "/*" : `/${label}:*`)], onSelf: true },
  ];
  if (isRecord(state["ItemReader"])) needs.push(...itemReaderNeeds(context, state["ItemReader"], pointer));
  if (isRecord(state["ResultWriter"])) needs.push(...resultWriterNeeds(context, state["ResultWriter"]));
  return needs;
}

/** `s3:getObject` reads one object; `s3:listObjectsV2` lists a prefix (and reads it when it loads and flattens). */
function itemReaderNeeds(context: PermissionContext, reader: JsonRecord, pointer: string): PermissionNeed[] {
  const request = requestOf(reader);
  const bucket = readString(request, ["Bucket"]);
  if (bucket.kind === "absent") return [];
  const name = bucket.kind === "literal" ? context.substitute(bucket.value) : undefined;
  const object = (field: string, suffix: string): string => {
    const value = readString(request, [field]);
    return name === undefined ? "*" : s3Arn(name, value.kind === "literal" ? `${context.substitute(value.value)}${suffix}` : "*");
  };
  const config = isRecord(reader["ReaderConfig"]) ? reader["ReaderConfig"] : {};
  const resource = typeof reader["Resource"] === "string" ? reader["Resource"] : "";
  if (resource.endsWith(":s3:listObjectsV2")) {
    const needs: PermissionNeed[] = [{ actions: ["s3:ListBucket"], resources: [name === undefined ? "*" : s3Arn(name)] }];
    if (config["Transformation"] === "LOAD_AND_FLATTEN") needs.push({ actions: ["s3:GetObject"], resources: [object("Prefix", "*")] });
    return needs;
  }
  if (config["InputType"] === "MANIFEST") {
    context.warn(`${pointer}/ItemReader`, "a MANIFEST ItemReader reads the objects the manifest lists: grant s3:GetObject on them with `policyStatements` (the definition names only the manifest).");
  }
  return [{ actions: ["s3:GetObject"], resources: [object("Key", "")] }];
}

/** Results are uploaded in parts under the prefix (and the manifest is read back). */
function resultWriterNeeds(context: PermissionContext, writer: JsonRecord): PermissionNeed[] {
  const request = requestOf(writer);
  const bucket = readString(request, ["Bucket"]);
  if (bucket.kind === "absent") return [];
  const prefix = readString(request, ["Prefix"]);
  const resource =
    bucket.kind === "dynamic" ? "*" : s3Arn(context.substitute(bucket.value), prefix.kind === "literal" ? `${context.substitute(prefix.value)}/*` : "*");
  return [{ actions: ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"], resources: [resource] }];
}
