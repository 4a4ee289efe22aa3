// IotIngest's run cases, on two sources: the compiled ASL with the handler from source
// (workflow.test.ts) and the machine of the synthesized stack with the bundled handler
// (cdk-out.test.ts). Each file says how to run; the cases and the expected outcomes are the same.
import { describe, expect, it } from "vitest";
import type { TestExecutionResult } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { sampleReport } from "../src/demo.ts";
import { LocalServices } from "../src/local-services.ts";
import type { CheckedReading, Telemetry } from "../src/telemetry.ts";

export const START = new Date("2026-03-01T12:00:00Z");

/** Runs IotIngest on `input` (as an Express machine) with `services` standing in for SNS, DynamoDB and SQS. */
export type IngestRun = (input: Telemetry, services?: LocalServices) => Promise<{ readonly result: TestExecutionResult<unknown>; readonly services: LocalServices }>;

const report: Telemetry = {
  deviceId: "greenhouse-7",
  sentAt: "2026-03-01T11:59:58Z",
  readings: [
    { sensor: "temperature", value: 24.5, unit: "C" },
    { sensor: "humidity", value: 80, unit: "%" },
  ],
};

/** Registers the run cases (describe blocks) for `run`. */
export function describeIngestRuns(run: IngestRun): void {
  describe("IotIngest: reports within limits", () => {
    it("stores the report and alerts no one", async () => {
      const { result, services } = await run(report);
      expect(result).toHaveSucceeded();
      expect(result).toHaveVisitedInOrder(["LookupDevice", "CheckReadings", "Alert?", "StoreLatest", "Ingested"]);
      expect(result.states["PublishAlert"]).toBeUndefined();
      expect(services.alerts).toEqual([]);
      expect(result.output).toEqual({
        deviceId: "greenhouse-7",
        site: "farm-utrecht",
        readings: [
          { sensor: "temperature", value: 24.5, max: 35, breach: false },
          { sensor: "humidity", value: 80, max: 95, breach: false },
        ],
        breaches: [],
      });
      // The item is built from variables assigned two states earlier.
      expect(services.latest.get("greenhouse-7")).toMatchObject({ site: { S: "farm-utrecht" }, sentAt: { S: report.sentAt }, breaches: { N: "0" } });
    });
  });

  describe("IotIngest: limit breaches", () => {
    it("normalizes °F to °C, and alerts on a single breach (kept an array)", async () => {
      const { result, services } = await run(sampleReport);
      expect(result).toHaveSucceeded();
      expect(result).toHaveVisitedInOrder(["Alert?", "PublishAlert", "StoreLatest", "Ingested"]);
      const breach: CheckedReading = { sensor: "temperature", value: 6, max: 4, breach: true };
      expect(services.alerts).toHaveLength(1);
      expect(services.alerts[0]?.Subject).toBe("Limit breached at warehouse-lyon");
      expect(JSON.parse(services.alerts[0]?.Message ?? "null")).toEqual({ deviceId: "cold-room-1", sentAt: sampleReport.sentAt, breaches: [breach] });
      expect(result.output).toMatchObject({ breaches: [breach] });
    });

    it("lists every breach in one alert", async () => {
      const { services } = await run({ ...report, readings: [{ sensor: "temperature", value: 41, unit: "C" }, { sensor: "humidity", value: 99, unit: "%" }, { sensor: "pressure", value: 1000, unit: "hPa" }] });
      const sent = JSON.parse(services.alerts[0]?.Message ?? "null") as { breaches: CheckedReading[] };
      expect(sent.breaches.map((b) => b.sensor)).toEqual(["temperature", "humidity"]);
    });

    it("stores but does not alert for a device in maintenance", async () => {
      const { result, services } = await run({ deviceId: "cold-room-2", sentAt: report.sentAt, readings: [{ sensor: "temperature", value: 9, unit: "C" }] });
      expect(result).toHaveSucceeded();
      expect(result.states["PublishAlert"]).toBeUndefined();
      expect(services.latest.get("cold-room-2")).toMatchObject({ breaches: { N: "1" } });
    });
  });

  describe("IotIngest: failures", () => {
    it("fails an unprovisioned device without storing anything", async () => {
      const { result, services } = await run({ ...report, deviceId: "rogue-1" });
      expect(result).toHaveFailedWith("UnknownDevice", /device rogue-1 is not provisioned/);
      expect(result.states["CheckReadings"]).toBeUndefined();
      expect(services.latest.size).toBe(0);
    });

    it("retries a throttled write with jittered back-off (at most 1s, then 2s) and stores it", async () => {
      const { result, services } = await run(report, new LocalServices().throttle(2));
      expect(result).toHaveSucceeded();
      const attempts = result.states["StoreLatest"]?.visits[0]?.attempts ?? [];
      expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
      const gaps = attempts.slice(1).map((a, i) => (a.startedAt.getTime() - (attempts[i]?.startedAt.getTime() ?? 0)) / 1000);
      expect(gaps[0]).toBeLessThanOrEqual(1);
      expect(gaps[1]).toBeLessThanOrEqual(2);
      expect(services.latest.has("greenhouse-7")).toBe(true);
    });

    it("dead-letters the report when the table stays throttled, and still succeeds", async () => {
      const { result, services } = await run(report, new LocalServices().throttle(100));
      expect(result).toHaveSucceeded();
      expect(result).toHaveVisitedInOrder(["StoreLatest", "DeadLetter", "DeadLettered"]);
      expect(result.states["StoreLatest"]?.visits[0]?.attempts).toHaveLength(4);
      expect(JSON.parse(services.deadLetters[0] ?? "null")).toEqual({ deviceId: "greenhouse-7", sentAt: report.sentAt, error: "DynamoDB.ProvisionedThroughputExceededException" });
      expect(result.output).toEqual({ deviceId: "greenhouse-7", deadLettered: true, error: "DynamoDB.ProvisionedThroughputExceededException" });
    });

    it("dead-letters at once on an error no retry can fix", async () => {
      const { result, services } = await run(report, new LocalServices().failPutItem("DynamoDB.ResourceNotFoundException"));
      expect(result).toHaveSucceeded();
      expect(result.states["StoreLatest"]?.visits[0]?.attempts).toHaveLength(1);
      expect(services.deadLetters).toHaveLength(1);
    });
  });
}
