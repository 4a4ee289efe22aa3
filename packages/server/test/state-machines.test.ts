import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  InvalidArn,
  InvalidDefinition,
  InvalidName,
  ListStateMachineAliasesCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  ResourceNotFound,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  ValidationException,
  ConflictException,
} from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { ROLE, testServer } from "./sdk-client.ts";

const pass = (result: string) => JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", Result: result, End: true } } });

describe("state machines through the AWS SDK", () => {
  it("creates, describes, updates, lists and deletes", async () => {
    const { sfn } = await testServer();
    const created = await sfn.send(new CreateStateMachineCommand({ name: "Orders", definition: pass("v1"), roleArn: ROLE }));
    expect(created.stateMachineArn).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:Orders");
    expect(created.creationDate).toBeInstanceOf(Date);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({ name: "Orders", status: "ACTIVE", type: "STANDARD", definition: pass("v1"), roleArn: ROLE, loggingConfiguration: { level: "OFF" } });
    // The same request again is the same machine (idempotent); another definition under the name is refused.
    await sfn.send(new CreateStateMachineCommand({ name: "Orders", definition: pass("v1"), roleArn: ROLE }));
    await expect(sfn.send(new CreateStateMachineCommand({ name: "Orders", definition: pass("v2"), roleArn: ROLE }))).rejects.toBeInstanceOf(StateMachineAlreadyExists);
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: pass("v2") }));
    expect(updated.revisionId).not.toBe(described.revisionId);
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).definition).toBe(pass("v2"));
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toEqual(["Orders"]);
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it("pages ListStateMachines and keeps regions apart", async () => {
    const { sfn } = await testServer();
    for (const n of [1, 2, 3]) await sfn.send(new CreateStateMachineCommand({ name: `M${n}`, definition: pass("x"), roleArn: ROLE }));
    const first = await sfn.send(new ListStateMachinesCommand({ maxResults: 2 }));
    expect(first.stateMachines).toHaveLength(2);
    const second = await sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(second.stateMachines?.map((m) => m.name)).toEqual(["M3"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("answers bad requests with AWS's errors", async () => {
    const { sfn } = await testServer();
    await expect(sfn.send(new CreateStateMachineCommand({ name: "bad name", definition: pass("x"), roleArn: ROLE }))).rejects.toBeInstanceOf(InvalidName);
    const invalid = sfn.send(new CreateStateMachineCommand({ name: "Broken", definition: JSON.stringify({ StartAt: "Nope", States: { P: { Type: "Pass", End: true } } }), roleArn: ROLE }));
    await expect(invalid).rejects.toBeInstanceOf(InvalidDefinition);
    await expect(invalid).rejects.toThrow(/Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET/);
    await expect(sfn.send(new CreateStateMachineCommand({ name: "R", definition: pass("x"), roleArn: "not-a-role" }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: "arn:aws:states:us-east-1:123456789012:activity:A" }))).rejects.toBeInstanceOf(InvalidArn);
    const missing = sfn.send(new CreateStateMachineCommand({ name: "X", definition: "", roleArn: ROLE }));
    await expect(missing).rejects.toBeInstanceOf(ValidationException);
    await expect(missing).rejects.toThrow("1 validation error detected: Value '' at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  it("publishes versions and routes aliases to them", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn, stateMachineVersionArn } = await sfn.send(new CreateStateMachineCommand({ name: "V", definition: pass("v1"), roleArn: ROLE, publish: true }));
    expect(stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: pass("v2") }));
    const v2 = await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn, description: "second" }));
    expect(v2.stateMachineVersionArn).toBe(`${stateMachineArn}:2`);
    // Publishing the same revision again returns the same version.
    expect((await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }))).stateMachineVersionArn).toBe(`${stateMachineArn}:2`);
    await expect(sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: "stale" }))).rejects.toBeInstanceOf(ConflictException);
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${stateMachineArn}:1` }))).definition).toBe(pass("v1"));
    const versions = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    expect(versions.stateMachineVersions?.map((v) => v.stateMachineVersionArn)).toEqual([`${stateMachineArn}:2`, `${stateMachineArn}:1`]);

    const alias = await sfn.send(new CreateStateMachineAliasCommand({ name: "prod", routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100 }] }));
    expect(alias.stateMachineAliasArn).toBe(`${stateMachineArn}:prod`);
    await expect(
      sfn.send(new CreateStateMachineAliasCommand({ name: "bad", routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 60 }] })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      sfn.send(new CreateStateMachineAliasCommand({ name: "ghost", routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:9`, weight: 100 }] })),
    ).rejects.toBeInstanceOf(ResourceNotFound);
    await sfn.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn}:1`, weight: 50 }, { stateMachineVersionArn: `${stateMachineArn}:2`, weight: 50 }] }));
    const described = await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }));
    expect(described.routingConfiguration).toHaveLength(2);
    expect((await sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn }))).stateMachineAliases?.map((a) => a.stateMachineAliasArn)).toEqual([alias.stateMachineAliasArn]);
    await expect(sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:1` }))).rejects.toBeInstanceOf(ConflictException);
    await sfn.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }));
    await expect(sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }))).rejects.toBeInstanceOf(ResourceNotFound);
    await sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${stateMachineArn}:1` }));
    expect((await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions).toHaveLength(1);
  });
});
