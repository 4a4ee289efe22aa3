// Everything the benchmark knows about our runtime's API lives here.
import { prepareStateMachine } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import type { Engine, LambdaBindings, PreparedMachine } from "./engine.ts";

export const stepcraft: Engine = {
  name: "stepcraft",
  supportsJsonata: true,
  prepare(definition: unknown, lambdas: LambdaBindings): PreparedMachine {
    const tasks: Record<string, TaskHandler> = {};
    for (const [resource, fn] of Object.entries(lambdas)) tasks[resource] = (input) => fn(input);
    const machine = prepareStateMachine(definition, {
      tasks,
      // The Map and Choice-loop workloads emit more events than AWS's 25,000 history quota on
      // purpose (they measure throughput, and the peer has no such quota): lift it, keep recording.
      maxHistoryEvents: false,
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
  },
};
