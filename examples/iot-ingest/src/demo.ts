// What `npm run example` runs for this example: one device report on the local runtime.
import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import { LocalServices } from "./local-services.ts";
import type { Telemetry } from "./telemetry.ts";
import { iotIngest } from "./workflow.ts";

export const workflows = [{ workflow: iotIngest, type: "EXPRESS" }] as const;

/** A cold room running warm (old firmware, °F): one breach, an alert, the report stored. */
export const sampleReport: Telemetry = {
  deviceId: "cold-room-1",
  sentAt: "2026-01-01T09:00:00Z",
  readings: [
    { sensor: "temperature", value: 42.8, unit: "F" },
    { sensor: "humidity", value: 71, unit: "%" },
  ],
};

export async function runDemo() {
  // DynamoDB throttles the first write: the trace shows the (jittered) back-off.
  const services = new LocalServices().throttle(1);
  return testExecution(iotIngest, sampleReport, {
    stateMachineType: "EXPRESS",
    tasks: { ...(await localTasks(iotIngest)), ...services.tasks() },
    startTime: new Date("2026-01-01T09:00:01Z"),
    random: 1, // the retry uses FULL jitter: a seed keeps the trace the same run to run
  });
}
