import { z } from "zod";
import { AwsError, validationError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken, str } from "../protocol/request-shape.ts";
import type { AliasRow } from "../store/machine-store.ts";
import { action, epochSeconds, type ActionContext, type ActionTable } from "./action.ts";
import { checkName, machineRef } from "./arns.ts";
import { page } from "./paging.ts";
import { existingMachine, publishVersion } from "./state-machines.ts";

const routing = z
  .array(z.strictObject({ stateMachineVersionArn: arn(), weight: z.number().int().min(0).max(100) }))
  .min(1)
  .max(2);

type Routing = z.infer<typeof routing>;

/** Checks a routing configuration: versions of this machine that exist, weights adding up to 100. */
function checkRouting(ctx: ActionContext, machineArn: string, config: Routing): void {
  const total = config.reduce((sum, r) => sum + r.weight, 0);
  if (total !== 100) throw validationError(`1 validation error detected: the weights of 'routingConfiguration' add up to ${total}; they must add up to 100`);
  if (config.length === 2 && config[0]!.stateMachineVersionArn === config[1]!.stateMachineVersionArn) {
    throw validationError("1 validation error detected: 'routingConfiguration' names the same version twice");
  }
  for (const r of config) {
    const ref = machineRef(r.stateMachineVersionArn);
    if (ref.version === undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${r.stateMachineVersionArn}' (routing needs version ARNs)`);
    if (ref.machineArn !== machineArn) throw validationError(`1 validation error detected: the version '${r.stateMachineVersionArn}' belongs to another state machine`);
    if (ctx.services.machines.version(r.stateMachineVersionArn) === undefined) throw new AwsError("ResourceNotFound", `Resource Not Found: '${r.stateMachineVersionArn}'`);
  }
}

function existingAlias(ctx: ActionContext, aliasArn: string): AliasRow {
  const ref = machineRef(aliasArn);
  if (ref.alias === undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${aliasArn}' (an alias ARN ends in :<alias name>)`);
  const row = ctx.services.machines.alias(aliasArn);
  if (row === undefined) throw new AwsError("ResourceNotFound", `Resource Not Found: '${aliasArn}'`);
  return row;
}

/** Versions and aliases of state machines. */
export const versionAliasActions: ActionTable = {
  PublishStateMachineVersion: action(z.strictObject({ stateMachineArn: arn(), revisionId: str(0, 256).optional(), description: str(0, 256).optional() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    if (ref.version !== undefined || ref.alias !== undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${input.stateMachineArn}' (publish from the state machine ARN)`);
    const machine = existingMachine(ctx, ref.machineArn);
    if (input.revisionId !== undefined && input.revisionId !== machine.revision_id) {
      throw new AwsError("ConflictException", `The revisionId '${input.revisionId}' is not the state machine's current revision '${machine.revision_id}'`);
    }
    const version = publishVersion(ctx, machine, input.description);
    return { creationDate: epochSeconds(version.created_ms), stateMachineVersionArn: version.arn };
  }),

  ListStateMachineVersions: action(z.strictObject({ stateMachineArn: arn(), maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    existingMachine(ctx, ref.machineArn, input.stateMachineArn);
    const { items, nextToken: next } = page(ctx.services.machines.versions(ref.machineArn), `ListStateMachineVersions|${ref.machineArn}`, input.maxResults, input.nextToken);
    return { stateMachineVersions: items.map((v) => ({ stateMachineVersionArn: v.arn, creationDate: epochSeconds(v.created_ms) })), ...(next === undefined ? {} : { nextToken: next }) };
  }),

  DeleteStateMachineVersion: action(z.strictObject({ stateMachineVersionArn: arn() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineVersionArn);
    if (ref.version === undefined) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${input.stateMachineVersionArn}' (a version ARN ends in :<number>)`);
    const usedBy = ctx.services.machines.aliases(ref.machineArn).find((a) => (JSON.parse(a.routing) as Routing).some((r) => r.stateMachineVersionArn === input.stateMachineVersionArn));
    if (usedBy !== undefined) throw new AwsError("ConflictException", `Version '${input.stateMachineVersionArn}' is referenced by the alias '${usedBy.arn}'; update or delete the alias first`);
    ctx.services.machines.deleteVersion(input.stateMachineVersionArn);
    return {};
  }),

  CreateStateMachineAlias: action(z.strictObject({ name: str(1, 80), description: str(0, 256).optional(), routingConfiguration: routing }), (input, ctx) => {
    checkName(input.name, "alias");
    if (/^\d+$/.test(input.name)) throw new AwsError("InvalidName", `Invalid Name: '${input.name}' (an alias name cannot be only digits: those name versions)`);
    const first = machineRef(input.routingConfiguration[0]!.stateMachineVersionArn);
    existingMachine(ctx, first.machineArn);
    checkRouting(ctx, first.machineArn, input.routingConfiguration);
    const aliasArn = `${first.machineArn}:${input.name}`;
    const existing = ctx.services.machines.alias(aliasArn);
    const routingText = JSON.stringify(input.routingConfiguration);
    if (existing !== undefined) {
      if (existing.routing !== routingText || (existing.description ?? undefined) !== input.description) throw new AwsError("ConflictException", `The alias '${aliasArn}' exists with another configuration`);
      return { stateMachineAliasArn: aliasArn, creationDate: epochSeconds(existing.created_ms) };
    }
    const now = ctx.services.clock.now();
    ctx.services.machines.putAlias({ arn: aliasArn, machine_arn: first.machineArn, name: input.name, description: input.description ?? null, routing: routingText, created_ms: now, updated_ms: now });
    return { stateMachineAliasArn: aliasArn, creationDate: epochSeconds(now) };
  }),

  DescribeStateMachineAlias: action(z.strictObject({ stateMachineAliasArn: arn() }), (input, ctx) => {
    const alias = existingAlias(ctx, input.stateMachineAliasArn);
    return {
      stateMachineAliasArn: alias.arn,
      name: alias.name,
      ...(alias.description === null ? {} : { description: alias.description }),
      routingConfiguration: JSON.parse(alias.routing) as unknown,
      creationDate: epochSeconds(alias.created_ms),
      updateDate: epochSeconds(alias.updated_ms),
    };
  }),

  UpdateStateMachineAlias: action(z.strictObject({ stateMachineAliasArn: arn(), description: str(0, 256).optional(), routingConfiguration: routing.optional() }), (input, ctx) => {
    if (input.description === undefined && input.routingConfiguration === undefined) {
      throw new AwsError("MissingRequiredParameter", "Missing Required Parameter: 'Either the description or the routingConfiguration must be specified'");
    }
    const alias = existingAlias(ctx, input.stateMachineAliasArn);
    if (input.routingConfiguration !== undefined) checkRouting(ctx, alias.machine_arn, input.routingConfiguration);
    const now = ctx.services.clock.now();
    ctx.services.machines.putAlias({
      ...alias,
      description: input.description ?? alias.description,
      routing: input.routingConfiguration === undefined ? alias.routing : JSON.stringify(input.routingConfiguration),
      updated_ms: now,
    });
    return { updateDate: epochSeconds(now) };
  }),

  DeleteStateMachineAlias: action(z.strictObject({ stateMachineAliasArn: arn() }), (input, ctx) => {
    existingAlias(ctx, input.stateMachineAliasArn);
    ctx.services.machines.deleteAlias(input.stateMachineAliasArn);
    return {};
  }),

  ListStateMachineAliases: action(z.strictObject({ stateMachineArn: arn(), maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    const ref = machineRef(input.stateMachineArn);
    existingMachine(ctx, ref.machineArn, input.stateMachineArn);
    const { items, nextToken: next } = page(ctx.services.machines.aliases(ref.machineArn), `ListStateMachineAliases|${ref.machineArn}`, input.maxResults, input.nextToken);
    return { stateMachineAliases: items.map((a) => ({ stateMachineAliasArn: a.arn, creationDate: epochSeconds(a.created_ms) })), ...(next === undefined ? {} : { nextToken: next }) };
  }),
};

/** The version an alias routes one execution to (by weight, as AWS does). */
export function routeAlias(alias: AliasRow, random: () => number = Math.random): string {
  const config = JSON.parse(alias.routing) as Routing;
  let pick = random() * 100;
  for (const r of config) {
    if (pick < r.weight) return r.stateMachineVersionArn;
    pick -= r.weight;
  }
  return config[config.length - 1]!.stateMachineVersionArn;
}
