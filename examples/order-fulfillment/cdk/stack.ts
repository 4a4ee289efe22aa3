// The deployable stack: the state machine plus one esbuild-bundled function per handler, with the
// IAM the ASL needs (lambda:InvokeFunction on exactly these functions) derived by the construct.
import { fileURLToPath } from "node:url";
import { Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { LogLevel } from "aws-cdk-lib/aws-lambda-nodejs";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import type { Construct } from "constructs";
import { orderFulfillment } from "../src/workflow.ts";

export class OrderFulfillmentStack extends Stack {
  readonly machine: WorkflowStateMachine;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.machine = new WorkflowStateMachine(this, "OrderFulfillment", {
      definition: orderFulfillment,
      // The handlers the workflow calls, each bundled by esbuild into its own function.
      lambdas: orderFulfillment.lambdas,
      entryRoot: fileURLToPath(new URL("../src", import.meta.url)),
      tracing: true,
      // Only esbuild's warnings and errors: synth output stays readable.
      functionDefaults: { bundling: { logLevel: LogLevel.WARNING } },
    });
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new OrderFulfillmentStack(scope, "OrderFulfillment");
}
