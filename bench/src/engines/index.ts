// Which engine is ours and which the peer: the one place the harness learns it.
import { awsLocalStepFunctions } from "./aws-local-stepfunctions.ts";
import type { Engine } from "./engine.ts";
import { stepcraft } from "./stepcraft.ts";

export type Role = "ours" | "peer";

export const ENGINES: Readonly<Record<Role, Engine>> = { ours: stepcraft, peer: awsLocalStepFunctions };

export function isRole(value: string): value is Role {
  return value === "ours" || value === "peer";
}
