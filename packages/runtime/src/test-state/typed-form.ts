import type { WorkflowLike } from "../testing/setup.ts";
import type { TestStateOptions } from "./test-state.ts";
import { TestStateRequestError } from "./types.ts";
import type { StateTestOutput, StateTestRequest, TestStateInput, TestStateOutput } from "./types.ts";

/** testState(workflow, stateName, request): a workflow's state, with plain values instead of JSON text. */
export async function testWorkflowState(
  workflow: WorkflowLike,
  stateName: string,
  request: StateTestRequest<unknown>,
  options: TestStateOptions,
  run: (request: TestStateInput, options: TestStateOptions) => Promise<TestStateOutput>,
): Promise<StateTestOutput<unknown>> {
  if (workflow === null || typeof workflow !== "object" || typeof workflow.toAsl !== "function") {
    throw new TestStateRequestError("ValidationException", "testState(workflow, stateName, …) takes a workflow with toAsl() (a @stepcraft/core workflow); for ASL pass a TestState request: testState({ definition, stateName, … }).");
  }
  // The machine takes the workflow's name, so `$$.StateMachine.Name` and anything recording runs by machine name see the workflow.
  const named = typeof workflow.name === "string" ? { ...options, name: workflow.name } : options;
  const out = await run(awsRequest(JSON.stringify(workflow.toAsl()), stateName, request), named);
  return out.output === undefined ? out : { ...out, parsedOutput: JSON.parse(out.output) as unknown };
}

/** The AWS request for a typed one: values become JSON text. */
function awsRequest(definition: string, stateName: string, request: StateTestRequest<unknown>): TestStateInput {
  const { input, variables, context, mock, stateConfiguration, ...rest } = request;
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));
  return {
    ...rest,
    definition,
    stateName,
    input: text(input),
    variables: text(variables),
    context: text(context),
    mock:
      mock === undefined
        ? undefined
        : "errorOutput" in mock
          ? { errorOutput: mock.errorOutput, fieldValidationMode: mock.fieldValidationMode }
          : { result: text(mock.result), fieldValidationMode: mock.fieldValidationMode },
    stateConfiguration:
      // Reader data that is already text (CSV, JSON Lines) is passed as it is; a value becomes JSON text.
      stateConfiguration === undefined
        ? undefined
        : { ...stateConfiguration, mapItemReaderData: typeof stateConfiguration.mapItemReaderData === "string" ? stateConfiguration.mapItemReaderData : text(stateConfiguration.mapItemReaderData) },
  };
}
