import { testState, TestStateRequestError, type TestStateInput } from "@stepcraft/runtime/testing";
import { AwsError, validationError } from "../protocol/aws-error.ts";
import type { ActionTable } from "./action.ts";

/**
 * TestState: the runtime's `testState()`, which takes and answers AWS's members as they are, so
 * the request body is handed over whole. Tasks the request does not mock run the service's local
 * handlers (`--workflows`); a request AWS would refuse answers with AWS's error.
 */
export const testStateActions: ActionTable = {
  TestState: async (body, ctx) => {
    try {
      return await testState(body as unknown as TestStateInput, { tasks: ctx.services.host.tasks, region: ctx.request.region, accountId: "123456789012" });
    } catch (error) {
      if (!(error instanceof TestStateRequestError)) throw error;
      throw error.code === "ValidationException" ? validationError(error.message) : new AwsError(error.code, error.message);
    }
  },
};
