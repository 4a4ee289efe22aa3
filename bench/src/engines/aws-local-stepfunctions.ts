// Everything the benchmark knows about the peer, aws-local-stepfunctions 3.0.0.
// The polyfill import must stay first: the peer reads Promise.withResolvers at run time.
import "../polyfill/promise-with-resolvers.ts";
import { StateMachine } from "aws-local-stepfunctions";
import type { RunOptions, StateMachineDefinition } from "aws-local-stepfunctions";
import type { Engine, LambdaBindings, LocalLambda, PreparedMachine } from "./engine.ts";

type PeerHandlers = NonNullable<NonNullable<RunOptions["overrides"]>["taskResourceLocalHandlers"]>;

/**
 * The peer binds local functions by Task *state name*, not by Resource, so we walk the definition
 * (branches and item processors included) and give each Task state the function of its Resource.
 */
export function handlersByStateName(definition: unknown, lambdas: LambdaBindings): Record<string, LocalLambda> {
  const out: Record<string, LocalLambda> = {};
  const visitBlock = (block: unknown): void => {
    if (block === null || typeof block !== "object") return;
    const states = (block as Record<string, unknown>)["States"];
    if (states === null || typeof states !== "object") return;
    for (const [name, raw] of Object.entries(states as Record<string, unknown>)) {
      if (raw === null || typeof raw !== "object") continue;
      const state = raw as Record<string, unknown>;
      const resource = state["Resource"];
      if (state["Type"] === "Task" && typeof resource === "string") {
        const fn = lambdas[resource];
        if (fn !== undefined) {
          const previous = out[name];
          if (previous !== undefined && previous !== fn) {
            throw new Error(`aws-local-stepfunctions binds handlers by state name; '${name}' names two different tasks`);
          }
          out[name] = fn;
        }
      }
      if (Array.isArray(state["Branches"])) for (const branch of state["Branches"]) visitBlock(branch);
      visitBlock(state["ItemProcessor"]);
      visitBlock(state["Iterator"]);
    }
  };
  visitBlock(definition);
  return out;
}

export const awsLocalStepFunctions: Engine = {
  name: "aws-local-stepfunctions",
  supportsJsonata: false,
  prepare(definition: unknown, lambdas: LambdaBindings): PreparedMachine {
    // The constructor validates the definition (with its own asl-validator) every time.
    const machine = new StateMachine(definition as StateMachineDefinition);
    const handlers = handlersByStateName(definition, lambdas);
    // Our bindings take and return plain JSON values, which is what the peer passes and expects.
    const options: RunOptions =
      Object.keys(handlers).length === 0 ? {} : { overrides: { taskResourceLocalHandlers: handlers as PeerHandlers } };
    return {
      run: (input) => machine.run(input as Parameters<StateMachine["run"]>[0], options).result,
    };
  },
};
