// What it costs to make a machine ready to run (validate + prepare), averaged over many
// preparations of the 5-state g_short_5 definition, rounds alternating between the engines.
import type { Engine } from "../engines/engine.ts";
import type { Role } from "../engines/index.ts";
import type { Plan } from "../plan.ts";
import { median, ratio, secondsSince } from "../stats.ts";
import type { Workload } from "../workloads.ts";

export interface PrepareResult {
  readonly workload: string;
  /** Median over rounds of the mean milliseconds per preparation. */
  readonly ours_ms: number | null;
  readonly peer_ms: number | null;
  /** ours_ms / peer_ms (below 1: we prepare faster). */
  readonly ratio: number | null;
  readonly preparations: { readonly ours: number; readonly peer: number };
  readonly errors: string[];
}

/** Mean milliseconds per preparation over `count` preparations. */
export function timePreparations(engine: Engine, workload: Workload, count: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) engine.prepare(workload.definition, workload.lambdas);
  return (secondsSince(start) * 1000) / count;
}

/** `label` names the definition (g_short_5), which the workload's title (g_short_1000x5) does not. */
export function measurePrepare(workload: Workload, engines: Readonly<Record<Role, Engine>>, plan: Plan, label = workload.title): PrepareResult {
  const ms: Record<Role, number[]> = { ours: [], peer: [] };
  const errors: string[] = [];
  const failed = new Set<Role>();
  // Own copies: the peer's validator writes into the definition it is given.
  const own: Record<Role, Workload> = {
    ours: { ...workload, definition: structuredClone(workload.definition) },
    peer: { ...workload, definition: structuredClone(workload.definition) },
  };
  for (let round = 0; round < plan.prepareRounds; round++) {
    const roles: Role[] = round % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"];
    for (const role of roles) {
      if (failed.has(role)) continue;
      try {
        ms[role].push(timePreparations(engines[role], own[role], plan.preparationsPerRound[role]));
      } catch (e) {
        failed.add(role);
        errors.push(`${engines[role].name}: prepare failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const mid = (role: Role): number | null => (failed.has(role) || ms[role].length === 0 ? null : median(ms[role]));
  const ours = mid("ours");
  const peer = mid("peer");
  return {
    workload: label,
    ours_ms: ours,
    peer_ms: peer,
    ratio: ratio(ours, peer),
    preparations: { ours: plan.preparationsPerRound.ours * plan.prepareRounds, peer: plan.preparationsPerRound.peer * plan.prepareRounds },
    errors,
  };
}
