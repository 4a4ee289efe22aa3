import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  ListTagsForResourceCommand,
  ResourceNotFound,
  TagResourceCommand,
  TestStateCommand,
  TooManyTags,
  UntagResourceCommand,
  ValidateStateMachineDefinitionCommand,
  ValidationException,
} from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { ROLE, testServer } from "./sdk-client.ts";

describe("tags, validation and TestState, through the AWS SDK", () => {
  it("tags state machines and activities", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: "T", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE, tags: [{ key: "team", value: "a" }] }),
    );
    await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: "env", value: "dev" }, { key: "team", value: "b" }] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toEqual([
      { key: "env", value: "dev" },
      { key: "team", value: "b" },
    ]);
    await sfn.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ["team"] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toEqual([{ key: "env", value: "dev" }]);
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: "Act", tags: [{ key: "k", value: "v" }] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: activityArn }))).tags).toEqual([{ key: "k", value: "v" }]);
    await expect(sfn.send(new ListTagsForResourceCommand({ resourceArn: `${stateMachineArn}Gone` }))).rejects.toBeInstanceOf(ResourceNotFound);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expect(sfn.send(new TagResourceCommand({ resourceArn: activityArn, tags: many }))).rejects.toBeInstanceOf(TooManyTags);
  });

  it("validates definitions with AWS's diagnostic shape", async () => {
    const { sfn } = await testServer();
    const ok = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}' }));
    expect(ok).toMatchObject({ result: "OK", diagnostics: [], truncated: false });
    const bad = '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"C":{"Type":"Pass","Next":"D"}}}';
    const failed = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: bad }));
    expect(failed.result).toBe("FAIL");
    expect(failed.diagnostics?.[0]).toMatchObject({ severity: "ERROR", code: "MISSING_TRANSITION_TARGET" });
    expect(failed.diagnostics?.[0]?.location).toMatch(/^\/States\//);
    const one = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: bad, maxResults: 1 }));
    expect(one.diagnostics).toHaveLength(1);
    expect(one.truncated).toBe(true);
    const syntax = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: "{" }));
    expect(syntax.diagnostics?.[0]?.code).toBe("INVALID_JSON_DESCRIPTION");
  });

  it("answers TestState as AWS does: one state of a machine, DEBUG inspection, a mocked task, a Catch", async () => {
    const { sfn } = await testServer();
    const definition = JSON.stringify({
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { "FunctionName": "charge", "Payload.$": "$.order" },
          ResultSelector: { "paid.$": "$.Payload.ok" },
          ResultPath: "$.charge",
          Catch: [{ ErrorEquals: ["Card.Declined"], Next: "Declined" }],
          Next: "Ship",
        },
        Ship: { Type: "Succeed" },
        Declined: { Type: "Fail" },
      },
    });
    const ok = await sfn.send(
      new TestStateCommand({
        definition,
        stateName: "Charge",
        roleArn: ROLE,
        input: '{"order":{"id":"o-1"}}',
        inspectionLevel: "DEBUG",
        // Lambda's model types Payload as a blob: an object Payload passes only without shape checks.
        mock: { result: '{"StatusCode":200,"Payload":{"ok":true}}', fieldValidationMode: "NONE" },
      }),
    );
    expect(ok).toMatchObject({ status: "SUCCEEDED", nextState: "Ship" });
    expect(JSON.parse(ok.output ?? "")).toEqual({ order: { id: "o-1" }, charge: { paid: true } });
    expect(JSON.parse(ok.inspectionData?.afterParameters ?? "")).toEqual({ FunctionName: "charge", Payload: { id: "o-1" } });
    expect(JSON.parse(ok.inspectionData?.afterResultSelector ?? "")).toEqual({ paid: true });
    const caught = await sfn.send(
      new TestStateCommand({ definition, stateName: "Charge", roleArn: ROLE, input: '{"order":{}}', mock: { errorOutput: { error: "Card.Declined", cause: "no funds" } } }),
    );
    expect(caught).toMatchObject({ status: "CAUGHT_ERROR", nextState: "Declined", error: "Card.Declined", cause: "no funds" });
    await expect(sfn.send(new TestStateCommand({ definition, stateName: "Nowhere", roleArn: ROLE }))).rejects.toBeInstanceOf(ValidationException);
  });
});
