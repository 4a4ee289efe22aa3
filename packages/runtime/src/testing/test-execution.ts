import type { StartOptions } from "../engine/execution.ts";
import type { StateMachineOptions } from "../engine/machine.ts";
import type { TraceOptions } from "./format-trace.ts";
import { checkInputNowOrLater } from "./input-schema.ts";
import type { InputCheckOptions } from "./input-schema.ts";
import { prepareForTest } from "./setup.ts";
import type { DefinitionSource, TestMockOptions } from "./setup.ts";
import { testResult } from "./test-result.ts";
import type { TestExecutionResult } from "./test-result.ts";

/** Machine, start and mock options for one test run. */
export interface TestExecutionOptions extends StateMachineOptions, StartOptions, TestMockOptions, InputCheckOptions {
  /** Defaults for `result.trace()`. @default {} */
  readonly trace?: TraceOptions;
}

/** The output type a workflow declares (its phantom `outputType`), or unknown for plain ASL. */
export type OutputOf<S> = S extends { readonly outputType?: ((output: infer O) => void) | undefined } ? O : unknown;

/**
 * Runs a definition or workflow to completion on the virtual clock (waits, retries and timeouts
 * take no real time), with Task states bound, mocked or answered from a mock config, and returns
 * what happened state by state.
 * @example
 * const run = await testExecution(definition, { orderId: 1 }, {
 *   mocks: { Charge: [{ error: "Lambda.TooManyRequestsException", cause: "slow" }, { result: { charged: true } }] },
 * });
 * run.status;                  // "SUCCEEDED"
 * run.states.Charge?.output;   // { charged: true }
 * console.log(run.trace());
 */
export async function testExecution<S extends DefinitionSource>(
  source: S,
  input?: unknown,
  options: TestExecutionOptions = {},
): Promise<TestExecutionResult<OutputOf<S>>> {
  await checkInputNowOrLater(source, input, options);
  const { machine, mockResolvers, unbound } = prepareForTest(source, options);
  const execution = machine.start(input, options);
  const result = await execution.result;
  return testResult<OutputOf<S>>(execution, result, mockResolvers, unbound, options.trace);
}
