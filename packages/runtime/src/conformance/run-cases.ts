import type { CaseActual, ConformanceCase } from "./case-types.ts";
import { runCase } from "./run-case.ts";
import type { HandlerFactory } from "./run-case.ts";

/** Runs cases one after another (each may move its own virtual clock; none share state). */
export async function runCases(
  cases: readonly ConformanceCase[],
  makeHandler: HandlerFactory,
  /** Called after each case (a progress line). */
  onCase?: (done: number, total: number, last: ConformanceCase) => void,
): Promise<Array<{ case: ConformanceCase; actual: CaseActual }>> {
  const out: Array<{ case: ConformanceCase; actual: CaseActual }> = [];
  for (const c of cases) {
    let actual: CaseActual;
    try {
      actual = await runCase(c, makeHandler);
    } catch (e) {
      actual = { status: "RUNNER_ERROR", cause: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    out.push({ case: c, actual });
    onCase?.(out.length, cases.length, c);
  }
  return out;
}
