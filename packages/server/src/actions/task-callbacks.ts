import { TaskCallbackError } from "@stepcraft/runtime";
import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { str } from "../protocol/request-shape.ts";
import { action, type ActionTable } from "./action.ts";
import { parseJsonData } from "./execution-input.ts";

const token = () => str(1, 2048);

/** The runtime's refusal of a callback as the AWS error of the same name. */
function answered(send: () => void): Record<string, never> {
  try {
    send();
  } catch (e) {
    if (e instanceof TaskCallbackError) throw new AwsError(e.code, e.message);
    throw e;
  }
  return {};
}

function invalidOutput(reason: string): AwsError {
  return new AwsError("InvalidOutput", `Invalid Output: '${reason}'`);
}

/** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, committed before they are acknowledged. */
export const taskCallbackActions: ActionTable = {
  SendTaskSuccess: action(z.strictObject({ taskToken: token(), output: str(0, 262_144) }), (input, ctx) => {
    const output = parseJsonData(input.output, "output", invalidOutput);
    return answered(() => ctx.services.host.sendTaskSuccess(input.taskToken, output));
  }),
  SendTaskFailure: action(z.strictObject({ taskToken: token(), error: str(0, 256).optional(), cause: str(0, 32_768).optional() }), (input, ctx) =>
    answered(() => ctx.services.host.sendTaskFailure(input.taskToken, input.error, input.cause)),
  ),
  SendTaskHeartbeat: action(z.strictObject({ taskToken: token() }), (input, ctx) => answered(() => ctx.services.host.sendTaskHeartbeat(input.taskToken))),
};
