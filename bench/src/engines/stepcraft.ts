// Everything the benchmark knows about our runtime's API lives here.
import { prepareStateMachine } from "@stepcraft/runtime";
import type { CoverageRecorder, TaskHandler } from "@stepcraft/runtime";
import type { Engine, LambdaBindings, PreparedMachine } from "./engine.ts";

/** Our runtime; with a recorder, recording workflow coverage (to measure what that costs). */
export function stepcraftEngine(coverage?: CoverageRecorder): Engine {
  return {
    name: coverage === undefined ? "stepcraft" : "stepcraft+coverage",
    supportsJsonata: true,
    prepare: (definition, lambdas) => prepareStepcraft(definition, lambdas, coverage),
  };
}

export const stepcraft: Engine = stepcraftEngine();

function prepareStepcraft(definition: unknown, lambdas: LambdaBindings, coverage: CoverageRecorder | undefined): PreparedMachine {
  const tasks: Record<string, TaskHandler> = {};
  for (const [resource, fn] of Object.entries(lambdas)) tasks[resource] = (input) => fn(input);
  const machine = prepareStateMachine(definition, {
    tasks,
    // The shared workloads go past AWS's quotas on purpose (b's 10,000 items are over the
    // 256 KiB input limit, b and c emit over 25,000 history events) and the peer enforces
    // neither: lift both; history is still recorded, as it is by default.
    limits: false,
    coverage: coverage ?? false,
  });
  return {
    async run(input: unknown): Promise<unknown> {
      const result = await machine.start(input).result;
      if (result.status !== "SUCCEEDED") {
        throw new Error(`execution ${result.status}: ${result.error ?? ""} ${result.cause ?? ""}`.trim());
      }
      return result.output;
    },
  };
}
