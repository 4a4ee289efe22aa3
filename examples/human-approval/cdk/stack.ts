// The deployable stack: the state machine and its three functions. The approval page (any web
// app holding the token from the email link) needs states:SendTaskSuccess/Failure on this
// machine: `grantTaskResponse` gives exactly that to whatever role serves it.
import { fileURLToPath } from "node:url";
import { Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { AccountRootPrincipal, Role } from "aws-cdk-lib/aws-iam";
import { LogLevel } from "aws-cdk-lib/aws-lambda-nodejs";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import type { Construct } from "constructs";
import { purchaseApproval } from "../src/workflow.ts";

export class HumanApprovalStack extends Stack {
  readonly machine: WorkflowStateMachine;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.machine = new WorkflowStateMachine(this, "PurchaseApproval", {
      definition: purchaseApproval,
      lambdas: purchaseApproval.lambdas,
      entryRoot: fileURLToPath(new URL("../src", import.meta.url)),
      functionDefaults: { bundling: { logLevel: LogLevel.WARNING } },
      functionProps: { NotifyApprover: { environment: { APPROVAL_URL: "https://approvals.example.com/decide" } } },
    });
    // The role the approval page runs as (assumed from this account, e.g. by its backend).
    const approvalPage = new Role(this, "ApprovalPageRole", { assumedBy: new AccountRootPrincipal() });
    this.machine.grantTaskResponse(approvalPage);
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new HumanApprovalStack(scope, "HumanApproval");
}
