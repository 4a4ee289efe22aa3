// TestState, offline: one state tested as AWS's TestState API tests it.
export { testState } from "./test-state.ts";
export type { TestStateOptions } from "./test-state.ts";
export type { HttpConnection } from "./http-trace.ts";
export { TestStateRequestError } from "./types.ts";
export type {
  FieldValidationMode,
  InspectionData,
  InspectionDataRequest,
  InspectionDataResponse,
  InspectionErrorDetails,
  InspectionLevel,
  MockErrorOutput,
  MockInput,
  StateTestOutput,
  StateTestRequest,
  TestExecutionStatus,
  TestStateConfiguration,
  TestStateInput,
  TestStateOutput,
} from "./types.ts";
export { CHECKED_SERVICES } from "./integration-shapes.ts";
export { PLACEHOLDER_COMMENT as TEST_STATE_PLACEHOLDER_COMMENT } from "./isolate.ts";
