// The compiler row: a 1,000-state workflow built with the typed builder and compiled to validated
// ASL, in both query languages (see bench/src/compiler/). Loaded by sections/optional.ts.
import { progress } from "../progress.ts";
import { compilerResult } from "../compiler/format.ts";
import { measureCompiler } from "../compiler/measure.ts";
import type { Plan } from "../plan.ts";
import type { CompilerResult } from "./optional.ts";

export const COMPILER_STATES = 1000;

export async function run(plan: Plan): Promise<CompilerResult> {
  progress(`compiler: ${COMPILER_STATES}-state workflow, JSONata and JSONPath ...`);
  // A compile takes ~0.1-0.3 s, so more samples than the runtime section's cost little.
  const timings = measureCompiler({
    stateCount: COMPILER_STATES,
    samples: plan.samples * 3,
    warmup: Math.max(1, plan.warmup * 2),
    queryLanguages: ["JSONata", "JSONPath"],
  });
  return compilerResult(timings);
}
