import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken, str, tagList } from "../protocol/request-shape.ts";
import type { MachineRow, VersionRow } from "../store/machine-store.ts";
import { action, epochSeconds, type ActionContext, type ActionTable } from "./action.ts";
import { checkName, machineRef, makeArn } from "./arns.ts";
import { checkDefinition, checkRoleArn } from "./definitions.ts";
import { page } from "./paging.ts";

const machineType = z.enum(["STANDARD", "EXPRESS"]);
const logging = z
  .strictObject({
    level: z.enum(["ALL", "ERROR", "FATAL", "OFF"]).optional(),
    includeExecutionData: z.boolean().optional(),
    destinations: z.array(z.unknown()).optional(),
  })
  .optional();
const tracing = z.strictObject({ enabled: z.boolean().optional() }).optional();
const encryption = z.strictObject({ kmsKeyId: str(1, 2048).optional(), kmsDataKeyReusePeriodSeconds: z.number().int().optional(), type: z.enum(["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY"]) }).optional();

/** The machine behind an ARN, or StateMachineDoesNotExist. */
export function existingMachine(ctx: ActionContext, machineArn: string, asked = machineArn): MachineRow {
  const row = ctx.services.machines.machine(machineArn);
  if (row === undefined) throw new AwsError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${asked}'`);
  return row;
}

/** Publishes the machine's current revision as a new version (or returns the latest if it is that revision). */
export function publishVersion(ctx: ActionContext, machine: MachineRow, description: string | undefined): VersionRow {
  const { machines, clock } = ctx.services;
  const latest = machines.versions(machine.arn)[0];
  if (latest !== undefined && latest.revision_id === machine.revision_id) return latest;
  const version = machine.last_version + 1;
  const row: VersionRow = {
    arn: `${machine.arn}:${version}`,
    machine_arn: machine.arn,
    version,
    definition: machine.definition,
    role_arn: machine.role_arn,
    type: machine.type,
    description: description ?? null,
    created_ms: clock.now(),
    revision_id: machine.revision_id,
  };
  machines.insertVersion(row);
  machines.updateMachine({ ...machine, last_version: version });
  return row;
}

const createShape = z.strictObject({
  name: str(1, 80),
  definition: str(1, 1_048_576),
  roleArn: arn(),
  type: machineType.optional(),
  loggingConfiguration: logging,
  tracingConfiguration: tracing,
  encryptionConfiguration: encryption,
  tags: tagList().optional(),
  publish: z.boolean().optional(),
  versionDescription: str(0, 256).optional(),
});

const updateShape = z.strictObject({
  stateMachineArn: arn(),
  definition: str(1, 1_048_576).optional(),
  roleArn: arn().optional(),
  loggingConfiguration: logging,
  tracingConfiguration: tracing,
  encryptionConfiguration: encryption,
  publish: z.boolean().optional(),
  versionDescription: str(0, 256).optional(),
});

function describeMachine(machine: MachineRow, version: VersionRow | undefined) {
  const source = version ?? machine;
  const description = version === undefined ? machine.description : version.description;
  return {
    stateMachineArn: version?.arn ?? machine.arn,
    name: machine.name,
    status: "ACTIVE",
    definition: source.definition,
    roleArn: source.role_arn,
    type: machine.type,
    creationDate: epochSeconds(source.created_ms),
    loggingConfiguration: machine.logging === null ? { level: "OFF", includeExecutionData: false } : (JSON.parse(machine.logging) as unknown),
    tracingConfiguration: machine.tracing === null ? { enabled: false } : (JSON.parse(machine.tracing) as unknown),
    revisionId: source.revision_id,
    ...(description === null ? {} : { description }),
  };
}

/** Create/Describe/Update/Delete/ListStateMachines. */
export const stateMachineActions: ActionTable = {
  CreateStateMachine: action(createShape, (input, ctx) => {
    checkName(input.name, "state machine");
    checkRoleArn(input.roleArn);
    const type = input.type ?? "STANDARD";
    checkDefinition(input.definition, type);
    const machineArn = makeArn(ctx.request, "stateMachine", input.name);
    const { machines, resources, clock } = ctx.services;
    const existing = machines.machine(machineArn);
    if (existing !== undefined) {
      // Idempotent, as on AWS: the same request again returns the same machine.
      if (existing.definition !== input.definition || existing.role_arn !== input.roleArn || existing.type !== type) {
        throw new AwsError("StateMachineAlreadyExists", `State Machine Already Exists: '${machineArn}'`);
      }
      return { stateMachineArn: machineArn, creationDate: epochSeconds(existing.created_ms) };
    }
    const row: MachineRow = {
      arn: machineArn,
      name: input.name,
      type,
      definition: input.definition,
      role_arn: input.roleArn,
      description: input.versionDescription ?? null,
      created_ms: clock.now(),
      updated_ms: null,
      revision_id: randomUUID(),
      last_version: 0,
      logging: input.loggingConfiguration === undefined ? null : JSON.stringify({ level: "OFF", includeExecutionData: false, ...input.loggingConfiguration }),
      tracing: input.tracingConfiguration === undefined ? null : JSON.stringify({ enabled: false, ...input.tracingConfiguration }),
    };
    machines.insertMachine(row);
    if (input.tags !== undefined) resources.putTags(machineArn, input.tags.map((t) => ({ key: t.key ?? "", value: t.value ?? "" })));
    const version = input.publish === true ? publishVersion(ctx, row, input.versionDescription) : undefined;
    return { stateMachineArn: machineArn, creationDate: epochSeconds(row.created_ms), ...(version === undefined ? {} : { stateMachineVersionArn: version.arn }) };
  }),

  DescribeStateMachine: action(z.strictObject({ stateMachineArn: arn(), includedData: z.enum(["ALL_DATA", "METADATA_ONLY"]).optional() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    if (ref.alias !== undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: alias' (describe an alias with DescribeStateMachineAlias)`);
    const machine = existingMachine(ctx, ref.machineArn, input.stateMachineArn);
    if (ref.version === undefined) return describeMachine(machine, undefined);
    const version = ctx.services.machines.version(input.stateMachineArn);
    if (version === undefined) throw new AwsError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${input.stateMachineArn}'`);
    return describeMachine(machine, version);
  }),

  UpdateStateMachine: action(updateShape, (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    if (ref.version !== undefined || ref.alias !== undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${ref.version === undefined ? "alias" : "version"}' (versions cannot be changed; update the state machine and publish a new one)`);
    if (input.definition === undefined && input.roleArn === undefined && input.loggingConfiguration === undefined && input.tracingConfiguration === undefined && input.encryptionConfiguration === undefined) {
      throw new AwsError("MissingRequiredParameter", "Missing Required Parameter: 'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified'");
    }
    const machine = existingMachine(ctx, ref.machineArn);
    if (input.roleArn !== undefined) checkRoleArn(input.roleArn);
    if (input.definition !== undefined) checkDefinition(input.definition, machine.type);
    const definition = input.definition ?? machine.definition;
    const roleArn = input.roleArn ?? machine.role_arn;
    const changed = definition !== machine.definition || roleArn !== machine.role_arn;
    const updated: MachineRow = {
      ...machine,
      definition,
      role_arn: roleArn,
      updated_ms: ctx.services.clock.now(),
      revision_id: changed ? randomUUID() : machine.revision_id,
      logging: input.loggingConfiguration === undefined ? machine.logging : JSON.stringify({ level: "OFF", includeExecutionData: false, ...input.loggingConfiguration }),
      tracing: input.tracingConfiguration === undefined ? machine.tracing : JSON.stringify({ enabled: false, ...input.tracingConfiguration }),
    };
    ctx.services.machines.updateMachine(updated);
    const version = input.publish === true ? publishVersion(ctx, updated, input.versionDescription) : undefined;
    return { updateDate: epochSeconds(updated.updated_ms!), revisionId: updated.revision_id, ...(version === undefined ? {} : { stateMachineVersionArn: version.arn }) };
  }),

  DeleteStateMachine: action(z.strictObject({ stateMachineArn: arn() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    if (ref.alias !== undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: alias' (delete an alias with DeleteStateMachineAlias)`);
    if (ref.version !== undefined) {
      ctx.services.machines.deleteVersion(input.stateMachineArn);
      return {};
    }
    // Deleting is idempotent on AWS; running executions go on and stay describable.
    ctx.services.machines.deleteMachine(ref.machineArn);
    ctx.services.resources.dropTags(ref.machineArn);
    return {};
  }),

  ListStateMachines: action(z.strictObject({ maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    const prefix = makeArn(ctx.request, "stateMachine", "");
    const all = ctx.services.machines.machines(prefix);
    const { items, nextToken: next } = page(all, `ListStateMachines|${prefix}`, input.maxResults, input.nextToken);
    return {
      stateMachines: items.map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: epochSeconds(m.created_ms) })),
      ...(next === undefined ? {} : { nextToken: next }),
    };
  }),
};
