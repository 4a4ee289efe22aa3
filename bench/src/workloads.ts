// The workloads: the shared ones (shared/bench/workloads.mjs, also used by the peer comparison)
// and our JSONata twins of some of them, which reuse the twin's inputs and expected outputs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LambdaBindings } from "./engines/engine.ts";
import { UsageError } from "./args.ts";
import { jsonataTwinsDir, sharedWorkloadsModule } from "./paths.ts";

export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly definition: unknown;
  /** Executions per timed sample. */
  readonly executions: number;
  /** States entered per execution, nested states included. */
  readonly transitionsPerExecution: number;
  input(i: number): unknown;
  expected(i: number): unknown;
  readonly lambdas: LambdaBindings;
  /** Build the machine for every execution instead of once. */
  readonly cold: boolean;
  /** For a JSONata twin: the id of the JSONPath workload it mirrors. */
  readonly twinOf: string | undefined;
  /** Only engines that run JSONata can run it. */
  readonly jsonata: boolean;
}

/** JSONata twins: same inputs, same expected outputs, same transitions as the workload they mirror. */
export const JSONATA_TWINS: ReadonlyArray<{ readonly of: string; readonly file: string }> = [
  { of: "a", file: "a_pass_chain_200.jsonata.asl.json" },
  { of: "b0", file: "b_map_10k_c0.jsonata.asl.json" },
  { of: "c", file: "c_choice_loop_5k.jsonata.asl.json" },
  { of: "d", file: "d_parallel_10x20.jsonata.asl.json" },
  { of: "e", file: "e_intrinsics_50.jsonata.asl.json" },
  { of: "f", file: "f_task_chain_100.jsonata.asl.json" },
  { of: "g", file: "g_short_5.jsonata.asl.json" },
];

/** Loads shared/bench/workloads.mjs (resolved beside the repository) and checks its shape. */
export async function loadSharedWorkloads(modulePath: string = sharedWorkloadsModule): Promise<Workload[]> {
  const mod: unknown = await import(pathToFileURL(modulePath).href);
  const list = (mod as { WORKLOADS?: unknown }).WORKLOADS;
  if (!Array.isArray(list)) throw new Error(`${modulePath} exports no WORKLOADS array`);
  return list.map((raw: unknown, index) => toWorkload(raw, `${modulePath} WORKLOADS[${index}]`));
}

function toWorkload(raw: unknown, where: string): Workload {
  if (raw === null || typeof raw !== "object") throw new Error(`${where}: not an object`);
  const w = raw as Record<string, unknown>;
  const need = <T>(key: string, ok: (v: unknown) => v is T): T => {
    const v = w[key];
    if (!ok(v)) throw new Error(`${where}: '${key}' is missing or has the wrong type`);
    return v;
  };
  const isString = (v: unknown): v is string => typeof v === "string";
  const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v > 0;
  const isFunction = (v: unknown): v is (i: number) => unknown => typeof v === "function";
  const isObject = (v: unknown): v is object => v !== null && typeof v === "object";
  const lambdas = w["lambdas"] ?? {};
  if (!isObject(lambdas) || Object.values(lambdas).some((f) => typeof f !== "function")) {
    throw new Error(`${where}: 'lambdas' must map Resource strings to functions`);
  }
  return {
    id: need("id", isString),
    title: need("title", isString),
    definition: need("definition", isObject),
    executions: need("executions", isCount),
    transitionsPerExecution: need("transitionsPerExecution", isCount),
    input: need("input", isFunction),
    expected: need("expected", isFunction),
    lambdas: lambdas as LambdaBindings,
    cold: w["cold"] === true,
    twinOf: undefined,
    jsonata: false,
  };
}

/** The JSONata twins of the given workloads (those that have one). */
export function jsonataTwins(shared: readonly Workload[], dir: string = jsonataTwinsDir): Workload[] {
  const out: Workload[] = [];
  for (const twin of JSONATA_TWINS) {
    const base = shared.find((w) => w.id === twin.of);
    if (base === undefined) continue;
    const definition: unknown = JSON.parse(readFileSync(join(dir, twin.file), "utf8"));
    out.push({
      ...base,
      id: `${base.id}-jsonata`,
      title: `${base.title}_jsonata`,
      definition,
      twinOf: base.id,
      jsonata: true,
    });
  }
  return out;
}

/** All workloads in report order: each JSONata twin right after the workload it mirrors. */
export function withTwins(shared: readonly Workload[], twins: readonly Workload[]): Workload[] {
  return shared.flatMap((w) => [w, ...twins.filter((t) => t.twinOf === w.id)]);
}

/**
 * The workloads named by --only (ids or titles). Naming a JSONPath workload brings its JSONata
 * twin along, so the two rows can be read side by side; a twin can also be named on its own.
 */
export function selectWorkloads(all: readonly Workload[], only: readonly string[] | undefined): Workload[] {
  if (only === undefined) return [...all];
  const known = (key: string): boolean => all.some((w) => w.id === key || w.title === key);
  const unknown = only.filter((k) => !known(k));
  if (unknown.length > 0) {
    throw new UsageError(`unknown workload(s): ${unknown.join(", ")} (known: ${all.map((w) => w.id).join(", ")})`);
  }
  const named = (w: Workload): boolean => only.includes(w.id) || only.includes(w.title);
  return all.filter((w) => named(w) || (w.twinOf !== undefined && all.some((b) => b.id === w.twinOf && named(b))));
}

/**
 * The selected workloads in report order, grouped for measurement: each JSONPath workload with
 * its selected JSONata twins (their samples alternate); a twin selected alone is its own group.
 */
export function measurementGroups(selected: readonly Workload[]): Workload[][] {
  const groups: Workload[][] = [];
  for (const workload of selected) {
    const base = workload.twinOf === undefined ? undefined : groups.find((group) => group[0]?.id === workload.twinOf);
    if (base !== undefined) base.push(workload);
    else groups.push([workload]);
  }
  return groups;
}
