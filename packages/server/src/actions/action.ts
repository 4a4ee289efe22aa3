import type { ActivityBroker, Clock } from "@stepcraft/runtime";
import type { ExecutionHost } from "../engine/execution-host.ts";
import { parseRequest, type RequestShape } from "../protocol/request-shape.ts";
import type { RequestContext } from "../protocol/request-context.ts";
import type { ExecutionStore } from "../store/execution-store.ts";
import type { MachineStore } from "../store/machine-store.ts";
import type { MapRunStore } from "../store/map-run-store.ts";
import type { ResourceStore } from "../store/resource-store.ts";

/** Everything an action may use. */
export interface Services {
  readonly machines: MachineStore;
  readonly executions: ExecutionStore;
  readonly mapRuns: MapRunStore;
  readonly resources: ResourceStore;
  readonly host: ExecutionHost;
  readonly activities: ActivityBroker;
  /** The service's clock (scaled real time): creation dates, execution starts. */
  readonly clock: Clock;
  /** Aborted when the server closes: long polls end. */
  readonly closing: AbortSignal;
}

/** One call: who asked (region) and the services. */
export interface ActionContext {
  readonly request: RequestContext;
  readonly services: Services;
}

/** An action's implementation: the raw JSON body in, the JSON response out. */
export type ActionHandler = (body: Record<string, unknown>, ctx: ActionContext) => unknown;

/** Actions by name (the part of `X-Amz-Target` after `AWSStepFunctions.`). */
export type ActionTable = Readonly<Record<string, ActionHandler>>;

/** An action whose request is checked against `shape` first (ValidationException on a mismatch). */
export function action<T>(shape: RequestShape<T>, run: (input: T, ctx: ActionContext) => unknown): ActionHandler {
  return (body, ctx) => run(parseRequest(shape, body), ctx);
}

/** Timestamps in AWS JSON 1.0 are epoch seconds (fractions allowed). */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
