// The type-check row: a 200-state typed stepcraft workflow vs the same workflow in the CDK's
// untyped aws-stepfunctions constructs, each checked by tsc (see bench/src/typecheck/), then the
// builder's types at scale (typecheck/scale.ts). Loaded by sections/optional.ts.
import { progress } from "../progress.ts";
import type { Plan } from "../plan.ts";
import { typecheckReport } from "../typecheck/format.ts";
import type { TypecheckReport } from "../typecheck/format.ts";
import { measureTypecheck } from "../typecheck/measure.ts";
import { measureScaleSeries } from "../typecheck/scale.ts";

export const TYPECHECK_STATES = 200;

export async function run(plan: Plan): Promise<TypecheckReport> {
  const log = progress;
  log(`type-check: ${TYPECHECK_STATES}-state stepcraft workflow vs its CDK twin ...`);
  // Each tsc run takes 2-4 s (the CDK's parse dominates its side), so rounds follow the runtime samples.
  // The baselines' numbers that matter (instantiations) are exact after one round: --quick runs them once.
  const baselineRounds = Math.max(1, plan.samples - 2);
  const measurement = await measureTypecheck({ stateCount: TYPECHECK_STATES, rounds: plan.samples, baselineRounds, warmup: plan.warmup, log });
  return { ...typecheckReport(measurement), scale: await measureScaleSeries(log) };
}
