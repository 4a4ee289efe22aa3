// The deployed form of IotIngest (Express, JSONata): synthesize the CDK app into a cloud assembly,
// then run the machine it holds through the same cases as the compiled workflow (ingest-cases.ts).
// The device lookup runs its esbuild bundle in-process; SNS, DynamoDB and SQS are the in-memory
// stand-ins, and they see the stack's own topic, table and queue (their placeholders, substituted
// as CloudFormation would).
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { testExecution } from "@stepcraft/runtime/testing";
import { createStack } from "../cdk/stack.ts";
import { sampleReport } from "../src/demo.ts";
import { LocalServices } from "../src/local-services.ts";
import type { Telemetry } from "../src/telemetry.ts";
import { describeIngestRuns, START } from "./ingest-cases.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const machine = fromCdkOut(cdkOut.directory);

async function run(input: Telemetry, services = new LocalServices()) {
  // The stack deploys an EXPRESS machine: it runs with Express semantics without being told.
  const result = await testExecution(machine, input, { tasks: services.tasks(), startTime: START, random: 42 });
  return { result, services };
}

describe("IotIngest from its cloud assembly", () => {
  it("runs as the Express machine the stack deploys", () => {
    expect(machine.stateMachineType).toBe("EXPRESS");
  });

  it("sends to the stack's own topic and table", async () => {
    const { services } = await run(sampleReport);
    expect(services.alerts[0]?.TopicArn).toBe(machine.constructAt("IotIngest/Alerts").arn);
    // DynamoDB gets the table's ARN as TableName, as the stack substitutes it.
    expect(JSON.stringify(machine.toAsl())).toContain(machine.constructAt("IotIngest/LatestReadings").arn);
  });
});

describeIngestRuns(run);
