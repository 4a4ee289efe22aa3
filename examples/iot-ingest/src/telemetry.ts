// The message an IoT Core rule starts the workflow with: one device's readings since its last report.

export type Sensor = "temperature" | "humidity" | "pressure";

export interface Reading {
  readonly sensor: Sensor;
  readonly value: number;
  /** Temperatures arrive in °C or °F depending on firmware; the workflow normalizes to °C. */
  readonly unit: "C" | "F" | "%" | "hPa";
}

export interface Telemetry {
  readonly deviceId: string;
  /** ISO 8601, set by the device. */
  readonly sentAt: string;
  readonly readings: readonly Reading[];
}

/** A reading after normalization, next to the limit it was checked against. */
export interface CheckedReading {
  readonly sensor: Sensor;
  readonly value: number;
  readonly max: number;
  readonly breach: boolean;
}
