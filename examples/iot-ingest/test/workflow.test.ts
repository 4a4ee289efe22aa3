// IotIngest on the local runtime as an Express workflow: the device lookup runs its real handler,
// SNS/DynamoDB/SQS are in-memory stand-ins that record what the workflow sent. The run cases are
// in ingest-cases.ts.
import { describe, expect, it } from "vitest";
import { validateDefinition } from "@stepcraft/asl";
import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import { LocalServices } from "../src/local-services.ts";
import { iotIngest } from "../src/workflow.ts";
import { describeIngestRuns, START } from "./ingest-cases.ts";

describe("IotIngest compiles", () => {
  it("to JSONata ASL that is valid for an Express state machine", () => {
    const { asl, diagnostics } = iotIngest.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.QueryLanguage).toBe("JSONata");
    expect(validateDefinition(asl, { stateMachineType: "EXPRESS" }).filter((d) => d.severity === "error")).toEqual([]);
  });
});

describeIngestRuns(async (input, services = new LocalServices()) => {
  const result = await testExecution(iotIngest, input, {
    stateMachineType: "EXPRESS",
    tasks: { ...(await localTasks(iotIngest)), ...services.tasks() },
    startTime: START,
    random: 42, // retries use FULL jitter: a seed makes their timing reproducible
  });
  return { result, services };
});
