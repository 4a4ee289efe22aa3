// Peak memory of the 10,000-item Map, each engine in its own child process.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Role } from "../engines/index.ts";
import type { MemoryChildReport } from "../memory-child.ts";
import { repoRoot } from "../paths.ts";
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
  /** ours peak RSS / peer peak RSS (below 1: we use less). */
  readonly ratio: number | null;
  readonly ok: boolean;
  readonly errors: string[];
}

const CHILD = fileURLToPath(new URL("../memory-child.ts", import.meta.url));

/** Runs the child for one engine and parses its one-line report. */
export function runMemoryChild(role: Role, workloadId: string): Promise<MemoryChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, role, workloadId], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as MemoryChildReport);
      } catch {
        reject(new Error(`memory child (${role}) exited ${String(code)} without a report: ${stderr.trim().slice(-500)}`));
      }
    });
  });
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
  // A failed run's peak says nothing about the workload: report no number for it.
  const peak = (r: MemoryChildReport | undefined): number | null => (r?.ok === true ? r.maxRssMb : null);
  return {
    workload: workloadId,
    ours_peak_rss_mb: peak(reports.ours),
    peer_peak_rss_mb: peak(reports.peer),
    ours_baseline_rss_mb: reports.ours?.baselineRssMb ?? null,
    peer_baseline_rss_mb: reports.peer?.baselineRssMb ?? null,
    ours_sampled_heap_mb: reports.ours?.ok === true ? reports.ours.sampledPeakHeapMb : null,
    peer_sampled_heap_mb: reports.peer?.ok === true ? reports.peer.sampledPeakHeapMb : null,
    ratio: ratio(peak(reports.ours), peak(reports.peer)),
    ok: errors.length === 0,
    errors,
  };
}
