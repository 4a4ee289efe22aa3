import type { Sensor } from "../telemetry.ts";

export interface LookupEvent {
  readonly deviceId: string;
}

export interface DeviceProfile {
  readonly site: string;
  /** Upper limit per sensor, in normalized units (°C, %, hPa). */
  readonly limits: Readonly<Record<Sensor, number>>;
  /** Alerts are suppressed during maintenance. */
  readonly muted: boolean;
}

/** Thrown for a device that is not provisioned: its data is dropped, not stored. */
export class UnknownDevice extends Error {
  override readonly name = "UnknownDevice";
}

// The device registry; a deployed function would read it from DynamoDB (and cache it across
// invocations, which is why it is a Lambda and not a direct getItem).
const REGISTRY: Readonly<Record<string, DeviceProfile>> = {
  "cold-room-1": { site: "warehouse-lyon", limits: { temperature: 4, humidity: 85, pressure: 1100 }, muted: false },
  "cold-room-2": { site: "warehouse-lyon", limits: { temperature: 4, humidity: 85, pressure: 1100 }, muted: true },
  "greenhouse-7": { site: "farm-utrecht", limits: { temperature: 35, humidity: 95, pressure: 1100 }, muted: false },
};

export async function handler(event: LookupEvent): Promise<DeviceProfile> {
  const profile = REGISTRY[event.deviceId];
  if (profile === undefined) throw new UnknownDevice(`device ${event.deviceId} is not provisioned`);
  return profile;
}
