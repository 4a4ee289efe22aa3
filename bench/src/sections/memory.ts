// Peak memory of the 10,000-item Map, each engine in its own child process.
import { fileURLToPath } from "node:url";
import type { Role } from "../engines/index.ts";
import type { MemoryChildReport } from "../memory-child.ts";
import { runJsonChild } from "../json-child.ts";
import { ratio } from "../stats.ts";

export interface MemoryResult {
  readonly workload: string;
  readonly ours_peak_rss_mb: number | null;
  readonly peer_peak_rss_mb: number | null;
  /** RSS of a child that has loaded the engine and the workload but not run it yet. */
  readonly ours_baseline_rss_mb: number | null;
  readonly peer_baseline_rss_mb: number | null;
  readonly ours_sampled_heap_mb: number | null;
  readonly peer_sampled_heap_mb: number | null;
  /**
   * Ours again, as a user runs it: plain `node` on the built packages (dist), no tsx
   * (memory-child-built.mjs). Target: under 100 MB for the whole process.
   */
  readonly ours_built_peak_rss_mb: number | null;
  readonly ours_built_baseline_rss_mb: number | null;
  /** The built child's RSS as it starts (Node.js alone), and once it has imported the runtime. */
  readonly ours_built_start_rss_mb: number | null;
  readonly ours_built_imported_rss_mb: number | null;
  /** ours peak RSS / peer peak RSS (below 1: we use less). */
  readonly ratio: number | null;
  readonly ok: boolean;
  readonly errors: string[];
}

const CHILD = fileURLToPath(new URL("../memory-child.ts", import.meta.url));
const BUILT_CHILD = fileURLToPath(new URL("../memory-child-built.mjs", import.meta.url));

/** What memory-child-built.mjs reports (no sampling: it loads nothing but the runtime). */
export interface BuiltMemoryChildReport extends Omit<MemoryChildReport, "sampledPeakHeapMb" | "sampledPeakRssMb"> {
  /** RSS before the runtime is imported (Node.js itself). */
  readonly startRssMb: number;
  /** RSS once the runtime is imported, before the workloads are. */
  readonly importedRssMb: number;
}

/** Runs the child for one engine and parses its one-line report. */
export function runMemoryChild(role: Role, workloadId: string): Promise<MemoryChildReport> {
  return runJsonChild(["--import", "tsx", CHILD, role, workloadId], `memory child (${role})`);
}

/** Runs our runtime's built packages under plain `node` (no tsx, no flags) and parses the report. */
export function runBuiltMemoryChild(workloadId: string): Promise<BuiltMemoryChildReport> {
  return runJsonChild([BUILT_CHILD, workloadId], "memory child (ours, built)");
}

export async function measureMemory(workloadId = "b0"): Promise<MemoryResult> {
  const reports: Partial<Record<Role, MemoryChildReport>> = {};
  const errors: string[] = [];
  for (const role of ["ours", "peer"] as const) {
    try {
      const report = await runMemoryChild(role, workloadId);
      reports[role] = report;
      if (!report.ok) errors.push(`${report.engine}: ${report.error ?? "failed"}`);
    } catch (e) {
      errors.push(`${role}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let built: BuiltMemoryChildReport | undefined;
  try {
    built = await runBuiltMemoryChild(workloadId);
    if (!built.ok) errors.push(`${built.engine}: ${built.error ?? "failed"}`);
  } catch (e) {
    errors.push(`ours, built (run npm run build first): ${e instanceof Error ? e.message : String(e)}`);
  }
  // A failed run's peak says nothing about the workload: report no number for it.
  const peak = (r: { readonly ok: boolean; readonly maxRssMb: number } | undefined): number | null => (r?.ok === true ? r.maxRssMb : null);
  return {
    workload: workloadId,
    ours_peak_rss_mb: peak(reports.ours),
    peer_peak_rss_mb: peak(reports.peer),
    ours_baseline_rss_mb: reports.ours?.baselineRssMb ?? null,
    peer_baseline_rss_mb: reports.peer?.baselineRssMb ?? null,
    ours_built_peak_rss_mb: peak(built),
    ours_built_baseline_rss_mb: built?.baselineRssMb ?? null,
    ours_built_start_rss_mb: built?.startRssMb ?? null,
    ours_built_imported_rss_mb: built?.importedRssMb ?? null,
    ours_sampled_heap_mb: reports.ours?.ok === true ? reports.ours.sampledPeakHeapMb : null,
    peer_sampled_heap_mb: reports.peer?.ok === true ? reports.peer.sampledPeakHeapMb : null,
    ratio: ratio(peak(reports.ours), peak(reports.peer)),
    ok: errors.length === 0,
    errors,
  };
}
